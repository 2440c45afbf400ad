package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chokepoint.experiment.Count;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.output.ResultFolder;
import org.chokepoint.output.ResultKind;
import org.chokepoint.output.TargetException;
import org.chokepoint.report.RunOutputs;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run SCENARIO}: one run of a scenario (and of its no-shock counterfactual, when some event or policy
 * is a shock) into a results folder. On success one line on standard output says where the files went.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a scenario to its horizon and write timeseries.csv, flows.csv (trade lane by lane), summary.json, "
                    + "manifest.json and report.html (charts) into a results folder (see docs/outputs.md), with "
                    + "policies.csv when an instrument reports per tick and compliance.json when the scenario has a "
                    + "consortium. When some event or policy is a shock "
                    + "(not background), the same scenario with only its background events and policies (consortia "
                    + "kept) is run too, with the same seed, and the summary's totals are differences against it; "
                    + "its series is written to counterfactual.csv.",
            "The folder is written whole or not at all. An earlier results folder of the same name is replaced only "
                    + "with --overwrite; a file, or a folder holding anything chokepoint did not write, never is."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run finished and its files are written",
            "1:the run or the writing failed",
            "2:invalid scenario or options, or a results folder that may not be written (nothing is written)"})
public final class RunCommand implements Callable<Integer> {

    public static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioFile scenario;

    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", paramLabel = "N",
            description = "seed of the run's random numbers, a 32-bit integer as MASON keeps (default: ${DEFAULT-VALUE})")
    int seed;

    @Option(names = "--ticks", paramLabel = "N",
            description = "ticks to run instead of the scenario's time.horizonTicks, 1 to "
                    + org.chokepoint.scenario.Limits.MAX_TICKS)
    Integer ticks;

    @Option(names = "--tick-threads", defaultValue = "1", paramLabel = "N",
            description = "threads that share each tick's work, 1 to " + ExperimentOptions.MAX_THREADS
                    + " (default: ${DEFAULT-VALUE}); the files are the "
                    + "same on any number. Worth it for scenarios of tens of thousands of firms.")
    int tickThreads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "results folder (default: results/<meta.name>-<seed>)")
    Path out;

    @Mixin
    OutputOptions outFolder;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentOptions.within(spec.commandLine(), "--tick-threads", tickThreads, 1, ExperimentOptions.MAX_THREADS);
        int horizon = ExperimentOptions.ticks(spec.commandLine(), ticks);
        long started = System.nanoTime();
        LoadedScenario loaded;
        try {
            loaded = scenario.load(horizon);
        } catch (ScenarioException e) {
            return ValidateCommand.refuse(err, e);
        }
        ExperimentOptions.warnIfEndsBeforeTheShock(err, "run", loaded, horizon);
        try {
            Path target = out != null ? out : OutputOptions.defaultTarget(loaded.scenario().meta().name(), "-" + seed);
            try (ResultFolder folder = ResultFolder.replacing(target, ResultKind.RUN, outFolder.overwrite)) {
                RunOutcome outcome = Simulation.run(loaded.scenario(), seed, horizon, tickThreads);
                long wallMs = (System.nanoTime() - started) / 1_000_000;
                RunOutputs.write(folder.dir(), loaded, outcome, seed, wallMs);
                folder.commit();
                if (outcome.model().startNote() != null) {
                    err.println("warning: " + loaded.source() + ": " + outcome.model().startNote());
                    err.flush();
                }
                stdout.println("wrote " + target + " (" + Count.of(outcome.model().horizon(), "tick")
                        + (outcome.counterfactual() != null ? " and counterfactual" : "") + ", " + wallMs + " ms)");
                // A consortium that broke the casebook's rules is the run's news, and only compliance.json says so.
                int violations = 0;
                for (var consortium : outcome.model().consortia()) {
                    violations += consortium.violations().size();
                }
                if (violations > 0) {
                    stdout.println(Count.of(violations, "casebook violation") + ", see "
                            + RunOutputs.COMPLIANCE);
                }
                stdout.flush();
                return 0;
            }
        } catch (TargetException e) {
            return ScenarioCommands.refused(err, "run", e);
        } catch (Exception e) {
            return scenario.failed(err, "run", e);
        }
    }
}
