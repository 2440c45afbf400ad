package org.chokepoint.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.chokepoint.cli.ExperimentOptions;
import org.chokepoint.cli.OutputOptions;
import org.chokepoint.cli.ScenarioCommands;
import org.chokepoint.cli.SweepDesign;
import org.chokepoint.cli.ValidateCommand;
import org.chokepoint.experiment.BandShare;
import org.chokepoint.experiment.Count;
import org.chokepoint.experiment.Ensemble;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code spark-submit} entry point: {@code ensemble} and {@code sweep} with the local commands' options
 * (less {@code --threads}: Spark's executors decide), writing the same files. The scenario and every sweep
 * point are validated on the driver before Spark starts any job; problems are printed as {@code validate}
 * prints them, exit code 2. Without a master from spark-submit it runs in {@code local[*,4]}.
 */
@Command(name = "chokepoint-spark", mixinStandardHelpOptions = true,
        description = "Ensembles and sweeps on Apache Spark (see README, Running on a cluster).",
        subcommands = {SparkMain.EnsembleCmd.class, SparkMain.SweepCmd.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a run or the writing failed", "2:invalid scenario, pointer, value or option"})
public final class SparkMain implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new SparkMain()).execute(args);
        SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(code);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The active session (tests, notebooks) or a new one; local[*,4] when no master was given. */
    static SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName("chokepoint");
        if (!new SparkConf().contains("spark.master")) {
            b.master("local[*,4]");
        }
        return b.getOrCreate();
    }

    /** Options both commands share. */
    static final class Common {
        @Option(names = "--runs-per-task", defaultValue = "1", paramLabel = "K",
                description = "runs per Spark task (default: ${DEFAULT-VALUE}, one model per task)")
        int runsPerTask;

        @Option(names = "--parquet", paramLabel = "URI",
                description = "where runs/bands/sweep .parquet go: a path or URI the executors can write "
                        + "(default: the --out folder)")
        String parquet;

        @Option(names = "--no-parquet", description = "write no Parquet tables")
        boolean noParquet;

        @Mixin
        ExperimentOptions.Quiet quiet;

        @Option(names = "--seed", converter = org.chokepoint.cli.SeedConverter.class, defaultValue = "1", paramLabel = "S",
                description = "base seed, a 32-bit integer; run i gets seed(S, i) (default: ${DEFAULT-VALUE})")
        int seed;

        @Mixin
        ExperimentOptions.Ticks ticks;

        @Option(names = "--overwrite",
                description = "replace an earlier results folder of chokepoint's at --out; a folder holding anything "
                        + "chokepoint did not write is never replaced")
        boolean overwrite;

        SparkRunner runner(SparkSession spark) {
            return new SparkRunner(spark).runsPerTask(runsPerTask).parquet(parquet, !noParquet)
                    .progress(quiet.quiet() ? null : System.err);
        }
    }

    @Command(name = "ensemble", mixinStandardHelpOptions = true,
            description = "N replications of a scenario on Spark; writes what `chokepoint ensemble` writes "
                    + "(ensemble.json, runs/, runs.csv, stats.json, bands.csv) plus runs.parquet and bands.parquet.")
    static final class EnsembleCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (JSON), read by the driver")
        Path scenario;

        @Option(names = "--runs", required = true, paramLabel = "N", description = "number of replications")
        int runs;

        @Option(names = "--out", paramLabel = "DIR",
                description = "results folder on the driver (default: results/<meta.name>-ensemble)")
        Path out;

        @Option(names = "--resume", description = "finish an interrupted ensemble in --out")
        boolean resume;

        @Option(names = "--wave", paramLabel = "W",
                description = "runs per Spark job when records go to the driver: at most W records are held "
                        + "there at once (default: max(64, 8 x Spark's default parallelism))")
        Integer wave;

        @Option(names = "--band", paramLabel = "COLUMN=LOW:HIGH",
                description = "report the share of runs whose summary number COLUMN lies within [LOW, HIGH], as"
                        + " `chokepoint ensemble --band` does; repeatable")
        java.util.List<String> bandSpecs = new java.util.ArrayList<>();

        @Option(names = "--write-from-tasks",
                description = "tasks write their run records into --out/runs themselves instead of sending them "
                        + "to the driver: --out must then be the same shared file system path on every node")
        boolean writeFromTasks;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            PrintWriter stdout = cl.getOut();
            PrintWriter err = cl.getErr();
            ExperimentOptions.runs(cl, "--runs", runs);
            int horizon = common.ticks.horizon(cl);
            java.util.List<BandShare> bands = ExperimentOptions.bands(cl, bandSpecs);
            LoadedScenario loaded;
            try {
                loaded = ScenarioCommands.load(scenario, horizon);
            } catch (ScenarioException e) {
                return ValidateCommand.refuse(err, e);
            }
            Path target;
            try {
                Ensemble.checkBands(loaded, bands);
                target = out != null ? out : OutputOptions.defaultTarget(loaded.scenario().meta().name(), "-ensemble");
            } catch (TargetException | ExperimentException e) {
                return ScenarioCommands.refused(err, "ensemble", e);
            }
            try (ResultFolder folder = ResultFolder.inPlace(target, ResultKind.ENSEMBLE, common.overwrite, resume)) {
                long started = System.nanoTime();
                SparkRunner runner = common.runner(session());
                if (wave != null) {
                    runner.wave(wave);
                }
                Ensemble ensemble = new Ensemble(loaded, runs, common.seed, horizon, 1).bands(bands);
                Ensemble.Outcome o = runner.gather(writeFromTasks ? SparkRunner.Gather.SHARED : SparkRunner.Gather.DRIVER)
                        .ensemble(ensemble, loaded, folder.dir(), resume);
                org.chokepoint.report.EnsembleReport.write(folder.dir(), loaded);
                stdout.println("wrote " + target + " (" + Count.of(o.runs(), "run") + ", " + o.resumed() + " resumed, "
                        + o.ranNow() + " run now, " + (System.nanoTime() - started) / 1_000_000 + " ms)");
                for (BandShare.Share share : ensemble.shares()) {
                    stdout.println(share.describe());
                }
                stdout.flush();
                return 0;
            } catch (TargetException | ExperimentException e) {
                return ScenarioCommands.refused(err, "ensemble", e);
            } catch (Exception e) {
                return ScenarioCommands.failed(err, "ensemble", scenario, e);
            }
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "A grid (--set /pointer=v1,v2,...) or Latin hypercube (--lhs K --set /pointer=min:max) "
                    + "on Spark; writes what `chokepoint sweep` writes (sweep.csv, sweep.json) plus sweep.parquet. "
                    + "Every point is validated on the driver before any run.")
    static final class SweepCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (JSON), read by the driver")
        Path scenario;

        @Mixin
        SweepDesign design;

        @Option(names = "--out", paramLabel = "DIR",
                description = "results folder on the driver (default: results/<meta.name>-sweep)")
        Path out;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            PrintWriter stdout = cl.getOut();
            PrintWriter err = cl.getErr();
            design.check(cl);
            int horizon = common.ticks.horizon(cl);
            try {
                // Every point's run length is checked with the point (Sweep.validate), so its problems say which point.
                LoadedScenario loaded = ScenarioCommands.load(scenario, -1);
                Sweep sweep = design.sweep(loaded, common.seed, horizon, 1);
                sweep.validate();
                Path target = out != null ? out : OutputOptions.defaultTarget(loaded.scenario().meta().name(), "-sweep");
                long started = System.nanoTime();
                int rows;
                try (ResultFolder folder = ResultFolder.replacing(target, ResultKind.SWEEP, common.overwrite)) {
                    rows = common.runner(session()).sweep(sweep, folder.dir());
                    folder.commit();
                } catch (ExperimentException | TargetException e) {
                    throw e;
                } catch (Exception e) {
                    return ScenarioCommands.failed(err, "sweep", scenario, e);
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
}
