package org.chokepoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chokepoint.experiment.BandShare;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.experiment.Count;
import org.chokepoint.experiment.ComparisonException;
import org.chokepoint.experiment.ExperimentException;
import org.chokepoint.experiment.ParallelRuns;
import org.chokepoint.experiment.Progress;
import org.chokepoint.experiment.Seeds;
import org.chokepoint.experiment.Sweep;
import org.chokepoint.output.ResultFolder;
import org.chokepoint.output.ResultKind;
import org.chokepoint.output.TargetException;
import org.chokepoint.report.ComparisonReport;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare SCENARIO --options OPTIONS.json}: every policy option against "no policy", on the same seeds.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Run a scenario under each policy option of an options file (named JSON Merge Patches of the "
                    + "scenario, RFC 7386) and under \"no policy\" (the scenario unpatched, always first), each "
                    + "on the same N seeds (common random numbers), and write comparison.csv, comparison.json, "
                    + "runs.csv (every run's figures), cost-effectiveness.csv and a self-contained report.html "
                    + "(see docs/policies.md).",
            "The folder is written whole or not at all. An earlier results folder of the same name is replaced only "
                    + "with --overwrite; a file, or a folder holding anything chokepoint did not write, never is."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every option ran and the files are written",
            "1:a run or the writing failed",
            "2:invalid scenario, options file or options, or a results folder that may not be written (nothing runs)"})
public final class CompareCommand implements Callable<Integer> {
    /** What an options file holds, for the message when it holds something else. */
    static final String OPTIONS_FILE_HOLDS = "an options file is a JSON object, {\"options\": "
            + "[{\"name\": ..., \"patch\": {...}}]}";

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioFile scenario;

    @Option(names = "--options", required = true, paramLabel = "OPTIONS.json",
            description = "options file: {\"options\": [{\"name\": ..., \"description\": ..., \"patch\": {...}}]}")
    Path optionsFile;

    @Option(names = "--runs", defaultValue = "20", paramLabel = "N",
            description = "replications per option, the same seeds for every option, at least 2 and at most a"
                    + " million runs in all (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", paramLabel = "S",
            description = "base seed the runs' seeds are derived from, a 32-bit integer (default: ${DEFAULT-VALUE})")
    int seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "threads, 1 to " + ExperimentOptions.MAX_THREADS
                    + " (default: the available processors); results do not depend on it")
    Integer threads;

    @Option(names = "--ticks", paramLabel = "N",
            description = "ticks to run instead of time.horizonTicks, 1 to " + org.chokepoint.scenario.Limits.MAX_TICKS)
    Integer ticks;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/<meta.name>-compare)")
    Path out;

    @Option(names = "--grid", paramLabel = "POINTER=v1,v2,...",
            description = "sweep an option over its level: every option whose patch has a value at POINTER (a JSON "
                    + "pointer into the patch, e.g. /policies/1/floor) runs once per value instead, giving the "
                    + "frontier of fiscal cost against avoided loss; repeatable, one grid per option")
    List<String> grids = new java.util.ArrayList<>();

    @Option(names = "--band", paramLabel = "COLUMN=LOW:HIGH",
            description = "report, for each option, the share of its runs whose summary number COLUMN (a runs.csv"
                    + " column) lies within [LOW, HIGH], with its 95%% Wilson interval, in comparison.json, the report"
                    + " and on standard output; either bound may be left empty (e.g."
                    + " US.ndpr-oxide.peakMultiple=:2); repeatable")
    List<String> bandSpecs = new java.util.ArrayList<>();

    @Mixin
    ExperimentOptions.Quiet quiet;

    @Mixin
    OutputOptions outFolder;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandLine cl = spec.commandLine();
        int horizon = ExperimentOptions.ticks(cl, ticks);
        int t = ExperimentOptions.threads(cl, threads);
        List<BandShare> bands = ExperimentOptions.bands(cl, bandSpecs);
        // Two at least: every option's figures come with a confidence interval over the seeds.
        if (runs < 2 || runs > ParallelRuns.MAX_RUNS) {
            throw new CommandLine.ParameterException(cl, "--runs must be between 2 and " + ParallelRuns.MAX_RUNS
                    + " (two at least, for confidence intervals), got " + runs);
        }
        long started = System.nanoTime();
        Comparison comparison;
        try {
            LoadedScenario loaded = scenario.load(horizon);
            JsonNode options = ScenarioLoader.readJson(optionsFile, OPTIONS_FILE_HOLDS);
            List<Comparison.Grid> parsed = new java.util.ArrayList<>();
            for (String g : grids) {
                parsed.add(Comparison.Grid.parse(g));
            }
            comparison = Comparison.prepare(loaded, options, optionsFile.toString(), runs, seed,
                    horizon, parsed).bands(bands);
            comparison.checkBands();
            // Comparing against a world without a shock may be meant ("no restriction"), so this warns, not refuses.
            java.util.Set<String> notes = new java.util.LinkedHashSet<>();
            for (Comparison.Option o : comparison.options()) {
                String note = comparison.droppedShocksNote(o);
                if (note != null) {
                    notes.add(note);
                }
            }
            for (String note : notes) {
                err.println("warning: compare: " + note);
            }
            err.flush();
            List<LoadedScenario> worlds = comparison.options().stream().map(Comparison.Option::scenario)
                    .toList();
            ExperimentOptions.warnIfAllEndBeforeTheShock(err, "compare", loaded.source(), worlds, horizon);
            // Paired differences from "no policy" rest on common random numbers: an option that draws otherwise (a
            // firm more, a demand entry more) is compared through noise of its own, which may be meant, so it warns.
            String draws = Sweep.randomDraws(worlds, Seeds.forRun(seed, 0), horizon, "options", "the options'");
            if (draws != null) {
                err.println("warning: compare: " + loaded.source() + ": " + draws);
                err.flush();
            }
        } catch (ScenarioException e) {
            return ValidateCommand.refuse(err, e);
        } catch (ComparisonException e) {
            err.println(e.getMessage());
            err.flush();
            return ValidateCommand.INVALID;
        } catch (ExperimentException e) {
            return ScenarioCommands.refused(err, "compare", e);
        }
        try {
            Path target = out != null ? out
                    : OutputOptions.defaultTarget(comparison.base().scenario().meta().name(), "-compare");
            try (ResultFolder folder = ResultFolder.replacing(target, ResultKind.COMPARISON, outFolder.overwrite)) {
                // Each seed runs every option and their counterfactuals: count simulations, not seeds, so the
                // rate and the time left mean what they say.
                try (Progress progress = new Progress("compare", "simulation", runs * comparison.simulationsPerSeed(),
                        0, System.err, quiet.progress())) {
                    comparison.run(t, progress);
                }
                long wallMs = (System.nanoTime() - started) / 1_000_000;
                ComparisonReport.write(folder.dir(), comparison, wallMs);
                folder.commit();
                // Counted as validate --options counts the file's options, "no policy" named beside them.
                stdout.println("wrote " + target + " (no policy and " + Count.of(comparison.options().size() - 1,
                        "option") + " x " + Count.of(runs, "run") + ", " + Count.of(comparison.horizon(), "tick")
                        + ", " + wallMs + " ms)");
                List<List<BandShare.Share>> shares = comparison.bandShares();
                for (List<BandShare.Share> byOption : shares) {
                    for (int o = 0; o < byOption.size(); o++) {
                        stdout.println(comparison.options().get(o).name() + ": " + byOption.get(o).describe());
                    }
                }
                stdout.flush();
                return 0;
            }
        } catch (TargetException e) {
            return ScenarioCommands.refused(err, "compare", e);
        } catch (Exception e) {
            return scenario.failed(err, "compare", e);
        }
    }
}
