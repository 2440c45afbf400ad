package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chokepoint.equilibrium.EquilibriumOptions;
import org.chokepoint.equilibrium.EquilibriumResult;
import org.chokepoint.equilibrium.SpatialEquilibrium;
import org.chokepoint.model.DrawnPopulations;
import org.chokepoint.output.ResultFolder;
import org.chokepoint.output.ResultKind;
import org.chokepoint.output.TargetException;
import org.chokepoint.report.EquilibriumOutputs;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code equilibrium SCENARIO}: the scenario's spatial price equilibrium at one tick, solved on its own
 * (docs/equilibrium.md), into a folder of tidy CSV and JSON. On success one line on standard output says
 * where the files went and how closely the solver converged.
 */
@Command(name = "equilibrium",
        mixinStandardHelpOptions = true,
        description = {
            "Solve the scenario's spatial price equilibrium at one tick: prices, production, consumption and "
                    + "trade of every market, the flow on every lane, each firm's output, and the fiscal figures "
                    + "of the instruments in force then (see docs/equilibrium.md). Writes equilibrium.csv, "
                    + "lanes.csv, firms.csv and equilibrium.json.",
            "The folder is written whole or not at all. An earlier results folder of the same name is replaced only "
                    + "with --overwrite; a file, or a folder holding anything chokepoint did not write, never is."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the equilibrium is solved and its files are written",
            "1:the solver did not converge, or the writing failed (nothing is written)",
            "2:invalid scenario or options, or a results folder that may not be written (nothing is written)"})
public final class EquilibriumCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioFile scenario;

    @Option(names = "--at", defaultValue = "0", paramLabel = "TICK",
            description = "the tick whose demand trend, events and instruments apply, from 0 to the scenario's "
                    + "horizonTicks less one (default: ${DEFAULT-VALUE})")
    int tick;

    @Option(names = "--seed", converter = SeedConverter.class, paramLabel = "N",
            description = "solve for the firms and traders a run with this seed draws, instead of every "
                    + "population at its expected parameters")
    Integer seed;

    @Option(names = "--as-run",
            description = "with --seed: run the scenario with that seed (to its own horizon's plans) up to --at and "
                    + "solve for its firms and traders as the run holds them then (capacity in place, plants "
                    + "operating or mothballed, input content thrifted; capacity on order and plants still "
                    + "restarting are not counted): where the run would settle with what it has at that tick")
    boolean asRun;

    @Option(names = "--include-mothballed",
            description = "count mothballed firms as producing (by default they are idle, as the scenario starts them "
                    + "or, with --as-run, as the run holds them)")
    boolean includeMothballed;

    @Option(names = "--triggered-in-force",
            description = "count instruments that wait for a trigger as in force (by default they are not)")
    boolean triggeredInForce;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output folder (default: results/<meta.name>-equilibrium-<TICK>, with -seed<N> or "
                    + "-as-run-seed<N> after it for a seed's firms)")
    Path out;

    @Mixin
    OutputOptions outFolder;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedScenario loaded;
        try {
            loaded = scenario.load(-1);
        } catch (ScenarioException e) {
            return ValidateCommand.refuse(err, e);
        }
        Scenario s = loaded.scenario();
        int horizon = s.time().horizonTicks();
        if (tick < 0 || tick >= horizon) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--at must be a tick of the scenario, from 0 to " + (horizon - 1) + ", got " + tick);
        }
        if (asRun && seed == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--as-run needs --seed: the run whose firms and traders to solve for");
        }
        if (asRun && tick == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--as-run at tick 0 is the firms the run draws: drop --as-run, or give --at a later tick");
        }
        EquilibriumOptions options = EquilibriumOptions.DEFAULTS.withMothballed(includeMothballed)
                .withTriggeredInForce(triggeredInForce);
        try {
            // A seed's equilibrium, drawn or as run, gets its own default folder, so that --overwrite does not
            // replace one kind with another.
            String suffix = seed == null ? "" : (asRun ? "-as-run-seed" : "-seed") + seed;
            Path target = out != null ? out
                    : OutputOptions.defaultTarget(s.meta().name(), "-equilibrium-" + tick + suffix);
            try (ResultFolder folder = ResultFolder.replacing(target, ResultKind.EQUILIBRIUM, outFolder.overwrite)) {
                EquilibriumResult result = seed == null ? SpatialEquilibrium.solve(s, tick, options)
                        : drawn(s, options);
                EquilibriumOutputs.write(folder.dir(), loaded, result, seed, asRun);
                folder.commit();
                EquilibriumResult.Convergence c = result.convergence();
                stdout.printf(Locale.ROOT, "wrote %s (tick %d; %d rounds, %d Newton steps; largest excess demand %.2g"
                        + " of a market's volume)%n", target, tick, c.rounds(), c.newtonSteps(),
                        c.maxRelativeExcessDemand());
                stdout.flush();
                return 0;
            }
        } catch (TargetException e) {
            return ScenarioCommands.refused(err, "equilibrium", e);
        } catch (Exception e) {
            // EquilibriumException among them: the solver did not converge, and its message says how far it got.
            return scenario.failed(err, "equilibrium", e);
        }
    }

    /** The equilibrium of the firms and traders a run with this seed starts with, or holds at the tick. */
    private EquilibriumResult drawn(Scenario s, EquilibriumOptions options) {
        DrawnPopulations drawn = asRun ? DrawnPopulations.after(s, seed, tick) : DrawnPopulations.draw(s, seed);
        return SpatialEquilibrium.solve(s, tick, drawn.firms(), drawn.traders(), options);
    }
}
