package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chokepoint.experiment.ExperimentException;
import org.chokepoint.experiment.Morris;
import org.chokepoint.output.ResultFolder;
import org.chokepoint.output.ResultKind;
import org.chokepoint.output.TargetException;
import org.chokepoint.experiment.ScenarioPatch;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sensitivity SCENARIO --param /pointer=min:max ... --output METRIC}: Morris elementary effects. */
@Command(name = "sensitivity",
        mixinStandardHelpOptions = true,
        description = {
            "Morris elementary effects of scenario values (--param /pointer=min:max, repeatable) on one summary "
                    + "number (--output, a runs.csv column name such as totals.downstreamOutputLoss): R "
                    + "trajectories of k+1 runs on an L-level grid, all with the same run seed. Writes morris.csv "
                    + "and morris.json (see docs/experiments.md).",
            "An earlier results folder is replaced only with --overwrite; a file, or a folder holding anything "
                    + "chokepoint did not write, never is."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every run finished and the files are written",
            "1:a run or the writing failed",
            "2:invalid scenario, pointer, value, metric or option, or a results folder that may not be written (nothing is run)"})
public final class SensitivityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioFile scenario;

    @Option(names = "--param", required = true, paramLabel = "/POINTER=MIN:MAX",
            description = "a scenario value and its range (repeatable)")
    List<String> paramSpecs = new ArrayList<>();

    @Option(names = "--output", required = true, paramLabel = "METRIC", description = "the summary number to explain")
    String output;

    @Option(names = "--trajectories", defaultValue = "10", paramLabel = "R",
            description = "trajectories, each k+1 runs, at least 2 and at most "
                    + org.chokepoint.experiment.ParallelRuns.MAX_RUNS + " runs in all (default: ${DEFAULT-VALUE})")
    int trajectories;

    @Option(names = "--levels", defaultValue = "4", paramLabel = "L",
            description = "grid levels per parameter, even and at least 2 (default: ${DEFAULT-VALUE})")
    int levels;

    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", paramLabel = "S",
            description = "base seed of the design and of the run seed, a 32-bit integer (default: ${DEFAULT-VALUE})")
    int seed;

    @Mixin
    ExperimentOptions.Common common;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandLine cl = spec.commandLine();
        int t = common.threads.count(cl);
        int horizon = common.ticks.horizon(cl);
        try {
            LoadedScenario loaded = scenario.load(horizon);
            List<ScenarioPatch.Range> ranges = new ArrayList<>();
            for (String s : paramSpecs) {
                ranges.add(ScenarioPatch.parseRange("--param", s));
            }
            Morris morris = new Morris(loaded, ranges, output, trajectories, levels, seed, horizon, t);
            morris.validate();
            ExperimentOptions.warnAboutDesign(err, "sensitivity", loaded.source(), morris.scenarios(), horizon,
                    seed, "morris.csv", "morris.json");
            Path target = common.target(loaded);
            List<Morris.Effect> effects;
            try (ResultFolder folder = ResultFolder.replacing(target, ResultKind.SENSITIVITY,
                    common.outFolder.overwrite)) {
                effects = morris.run(folder.dir(), common.quiet.progress(), System.err);
                folder.commit();
            } catch (ExperimentException | TargetException e) {
                throw e;
            } catch (Exception e) {
                return scenario.failed(err, "sensitivity", e);
            }
            stdout.println("effects on " + output + ", in its units per whole range (max - min) of each"
                    + " parameter:");
            for (Morris.Effect e : effects) {
                stdout.println(e.pointer() + ": mu*=" + figure(e.muStar()) + " mu=" + figure(e.mu()) + " sigma="
                        + figure(e.sigma()));
            }
            stdout.println("wrote " + target);
            stdout.flush();
            return 0;
        } catch (ScenarioException e) {
            return ValidateCommand.refuse(err, e);
        } catch (TargetException | ExperimentException e) {
            return ScenarioCommands.refused(err, "sensitivity", e);
        }
    }

    /** A statistic for the summary line: NA where morris.csv has NA (no effect to measure), not Java's "NaN". */
    static String figure(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.6g", v);
    }
}
