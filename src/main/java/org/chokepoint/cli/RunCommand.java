package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.report.RunOutputs;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.ScenarioProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run SCENARIO}: one run of a scenario (and of its no-shock counterfactual, when it has events or
 * policies) into a results folder. On success one line on standard output says where the files went.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a scenario to its horizon and write timeseries.csv, summary.json, manifest.json and "
                    + "report.html (charts) into a results folder (see docs/outputs.md). When the scenario has events or policies, the "
                    + "same scenario without them is run too, with the same seed, and the summary's totals "
                    + "are differences against it.",
            "The folder is written whole or not at all; an existing folder of the same name is replaced."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run finished and its files are written",
            "1:the run or the writing failed",
            "2:invalid scenario or options (nothing is written)"})
public final class RunCommand implements Callable<Integer> {

    public static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (JSON)")
    Path scenario;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "seed of the run's random numbers (default: ${DEFAULT-VALUE})")
    int seed;

    @Option(names = "--ticks", paramLabel = "N",
            description = "ticks to run instead of the scenario's time.horizonTicks")
    Integer ticks;

    @Option(names = "--tick-threads", defaultValue = "1", paramLabel = "N",
            description = "threads that share each tick's work (default: ${DEFAULT-VALUE}); the files are the "
                    + "same on any number. Worth it for scenarios of tens of thousands of firms.")
    int tickThreads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "results folder (default: results/<meta.name>-<seed>)")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (tickThreads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tick-threads must be at least 1, got " + tickThreads);
        }
        if (ticks != null && ticks < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ticks must be at least 1, got " + ticks);
        }
        long started = System.nanoTime();
        LoadedScenario loaded;
        try {
            loaded = ScenarioLoader.load(scenario);
        } catch (ScenarioException e) {
            for (ScenarioProblem p : e.problems()) {
                err.println(p);
            }
            err.flush();
            return ValidateCommand.INVALID;
        }
        Path target = out != null ? out : Path.of("results", loaded.scenario().meta().name() + "-" + seed);
        try {
            RunOutcome outcome = Simulation.run(loaded.scenario(), seed, ticks == null ? -1 : ticks, tickThreads);
            long wallMs = (System.nanoTime() - started) / 1_000_000;
            RunOutputs.write(target, loaded, outcome, seed, wallMs);
            stdout.println("wrote " + target + " (" + outcome.model().horizon() + " ticks"
                    + (outcome.counterfactual() != null ? " and counterfactual" : "") + ", " + wallMs + " ms)");
            stdout.flush();
            return 0;
        } catch (Exception e) {
            err.println("run: " + scenario + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            err.flush();
            return FAILED;
        }
    }
}
