package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chokepoint.experiment.Count;
import org.chokepoint.experiment.ExperimentException;
import org.chokepoint.experiment.Sweep;
import org.chokepoint.output.ResultFolder;
import org.chokepoint.output.ResultKind;
import org.chokepoint.output.TargetException;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweep SCENARIO --set /pointer=v1,v2 ... --runs N}: a grid or a Latin hypercube over scenario values. */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Run N replications at each point of a grid of values (--set /pointer=v1,v2,...) or of a Latin "
                    + "hypercube of K points (--lhs K --set /pointer=min:max) and write sweep.csv and sweep.json "
                    + "(see docs/experiments.md). Replication r has the same seed at every point.",
            "Every point is validated before any run; a bad pointer or value writes nothing. An earlier results "
                    + "folder is replaced only with --overwrite; a file, or a folder holding anything chokepoint did "
                    + "not write, never is."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every run finished and the files are written",
            "1:a run or the writing failed",
            "2:invalid scenario, pointer, value or option, or a results folder that may not be written (nothing is run)"})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioFile scenario;

    @Mixin
    SweepDesign design;

    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", paramLabel = "S",
            description = "base seed of the replications and of the hypercube, a 32-bit integer "
                    + "(default: ${DEFAULT-VALUE})")
    int seed;

    @Mixin
    ExperimentOptions.Common common;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandLine cl = spec.commandLine();
        design.check(cl);
        int t = common.threads.count(cl);
        int horizon = common.ticks.horizon(cl);
        try {
            LoadedScenario loaded = scenario.load(horizon);
            Sweep sweep = design.sweep(loaded, seed, horizon, t);
            sweep.validate();
            ExperimentOptions.warnAboutDesign(err, "sweep", loaded.source(), sweep.scenarios(), horizon, seed,
                    "sweep.csv", "sweep.json");
            String repeated = sweep.repeatedPoints();
            if (repeated != null) {
                err.println("warning: sweep: " + loaded.source() + ": " + repeated);
                err.flush();
            }
            Path target = common.target(loaded);
            long started = System.nanoTime();
            int rows;
            try (ResultFolder folder = ResultFolder.replacing(target, ResultKind.SWEEP, common.outFolder.overwrite)) {
                rows = sweep.run(folder.dir(), common.quiet.progress(), System.err);
                folder.commit();
            } catch (ExperimentException | TargetException e) {
                throw e;
            } catch (Exception e) {
                return scenario.failed(err, "sweep", e);
            }
            stdout.println("wrote " + target + " (" + Count.of(sweep.points().size(), "point") + " x "
                    + Count.of(design.runs(), "run") + " = " + Count.of(rows, "row") + ", "
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
            stdout.flush();
            return 0;
        } catch (ScenarioException e) {
            return ValidateCommand.refuse(err, e);
        } catch (TargetException | ExperimentException e) {
            return ScenarioCommands.refused(err, "sweep", e);
        }
    }
}
