package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The --out the experiments share: without it, a scenario named "minimal" goes to results/minimal-ensemble,
 * results/minimal-sweep or results/minimal-sensitivity, each command's own folder, as its --help says, so that
 * an ensemble and a sweep of one scenario never claim the same folder.
 */
class ExperimentOptionsTest {

    private static final Path MINIMAL = Path.of("src/test/resources/scenarios/minimal.json");

    @Test
    void withoutOutEachExperimentWritesToAFolderNamedForTheScenarioAndItself() throws Exception {
        LoadedScenario minimal = ScenarioLoader.load(MINIMAL);
        assertEquals("minimal", minimal.scenario().meta().name());

        EnsembleCommand ensemble = parsed(new EnsembleCommand(), "--runs", "2");
        SweepCommand sweep = parsed(new SweepCommand(), "--set", "/time/horizonTicks=10,20");
        SensitivityCommand sensitivity = parsed(new SensitivityCommand(), "--param", "/time/horizonTicks=10:20",
                "--output", "totals.fiscalCost");

        assertEquals(Path.of("results", "minimal-ensemble"), ensemble.common.target(minimal));
        assertEquals(Path.of("results", "minimal-sweep"), sweep.common.target(minimal));
        assertEquals(Path.of("results", "minimal-sensitivity"), sensitivity.common.target(minimal));

        for (String command : new String[] {"ensemble", "sweep", "sensitivity"}) {
            CommandLine cl = Main.commandLine().getSubcommands().get(command);
            assertEquals("results folder (default: results/<meta.name>-" + command + ")",
                    cl.getCommandSpec().findOption("--out").description()[0]);
        }
    }

    @Test
    void anOutGivenIsTheFolder() throws Exception {
        LoadedScenario minimal = ScenarioLoader.load(MINIMAL);
        SweepCommand sweep = parsed(new SweepCommand(), "--set", "/time/horizonTicks=10,20", "--out", "elsewhere");
        assertEquals(Path.of("elsewhere"), sweep.common.target(minimal));
    }

    private static <T> T parsed(T command, String... args) {
        CommandLine cl = new CommandLine(command);
        String[] all = new String[args.length + 1];
        all[0] = MINIMAL.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        cl.parseArgs(all);
        return command;
    }
}
