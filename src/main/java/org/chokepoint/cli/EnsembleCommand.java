package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chokepoint.experiment.BandShare;
import org.chokepoint.experiment.Count;
import org.chokepoint.experiment.Ensemble;
import org.chokepoint.experiment.ExperimentException;
import org.chokepoint.output.ResultFolder;
import org.chokepoint.output.ResultKind;
import org.chokepoint.output.TargetException;
import org.chokepoint.report.EnsembleReport;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ensemble SCENARIO --runs N}: replications of one scenario, in parallel and resumable. */
@Command(name = "ensemble",
        mixinStandardHelpOptions = true,
        description = {
            "Run N replications of a scenario with seeds derived from --seed and write ensemble.json, runs.csv, "
                    + "stats.json, bands.csv (per-tick 5th/50th/95th percentiles), counterfactual-bands.csv (when the "
                    + "scenario has a shock) and report.html (charts) into a folder (see docs/experiments.md). "
                    + "Results do not depend on --threads.",
            "Each finished run is kept under OUT/runs/; --resume on the same folder runs only the missing ones. An "
                    + "earlier results folder is replaced only with --overwrite; a file, or a folder holding anything "
                    + "chokepoint did not write, never is."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every run finished and the tables are written",
            "1:a run or the writing failed",
            "2:invalid scenario or options, or a results folder that may not be written (nothing is run)"})
public final class EnsembleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioFile scenario;

    @Option(names = "--runs", required = true, paramLabel = "N", description = "number of replications, 1 to "
            + org.chokepoint.experiment.ParallelRuns.MAX_RUNS)
    int runs;

    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", paramLabel = "S",
            description = "base seed, a 32-bit integer; run i gets seed(S, i), see docs/experiments.md "
                    + "(default: ${DEFAULT-VALUE})")
    int seed;

    @Option(names = "--resume", description = "finish an interrupted ensemble in --out (same scenario, runs, seed, ticks)")
    boolean resume;

    @Option(names = "--band", paramLabel = "COLUMN=LOW:HIGH",
            description = "report the share of runs whose summary number COLUMN (a runs.csv column) lies within"
                    + " [LOW, HIGH], with its 95%% Wilson interval, in stats.json and on standard output; either bound"
                    + " may be left empty (e.g. JP.ndpr-oxide.peakMultiple=5:); repeatable")
    List<String> bandSpecs = new ArrayList<>();

    @Mixin
    ExperimentOptions.Common common;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandLine cl = spec.commandLine();
        ExperimentOptions.runs(cl, "--runs", runs);
        int t = common.threads.count(cl);
        int horizon = common.ticks.horizon(cl);
        List<BandShare> bands = ExperimentOptions.bands(cl, bandSpecs);
        LoadedScenario loaded;
        try {
            loaded = scenario.load(horizon);
        } catch (ScenarioException e) {
            return ValidateCommand.refuse(err, e);
        }
        ExperimentOptions.warnIfEndsBeforeTheShock(err, "ensemble", loaded, horizon);
        try {
            Ensemble.checkBands(loaded, bands);
            Path target = common.target(loaded);
            try (ResultFolder folder = ResultFolder.inPlace(target, ResultKind.ENSEMBLE, common.outFolder.overwrite,
                    resume)) {
                long started = System.nanoTime();
                Ensemble ensemble = new Ensemble(loaded, runs, seed, horizon, t).bands(bands);
                Ensemble.Outcome o = ensemble.run(folder.dir(), resume, common.quiet.progress(), System.err);
                EnsembleReport.write(folder.dir(), loaded);
                long ms = (System.nanoTime() - started) / 1_000_000;
                stdout.println("wrote " + target + " (" + Count.of(o.runs(), "run") + ", " + o.resumed() + " resumed, "
                        + o.ranNow() + " run now, " + ms + " ms)");
                for (BandShare.Share share : ensemble.shares()) {
                    stdout.println(share.describe());
                }
                stdout.flush();
                return 0;
            }
        } catch (TargetException | ExperimentException e) {
            return ScenarioCommands.refused(err, "ensemble", e);
        } catch (Exception e) {
            return scenario.failed(err, "ensemble", e);
        }
    }
}
