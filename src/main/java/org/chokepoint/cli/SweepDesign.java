package org.chokepoint.cli;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.experiment.ExperimentException;
import org.chokepoint.experiment.ScenarioPatch;
import org.chokepoint.experiment.Sweep;
import org.chokepoint.scenario.LoadedScenario;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The points of a sweep and the runs at each: {@code --set}, {@code --lhs} and {@code --runs}, as {@code sweep}
 * and {@code chokepoint-spark sweep} take them.
 */
public final class SweepDesign {

    @Option(names = "--set", required = true, paramLabel = "/POINTER=VALUES",
            description = "a JSON pointer and its values: v1,v2,... for a grid, min:max with --lhs (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--lhs", paramLabel = "K", description = "a Latin hypercube of K points instead of a grid, 1 to "
            + org.chokepoint.experiment.ParallelRuns.MAX_RUNS)
    Integer lhs;

    @Option(names = "--runs", defaultValue = "1", paramLabel = "N",
            description = "replications per point, at least 1 and at most "
                    + org.chokepoint.experiment.ParallelRuns.MAX_RUNS + " runs in all, points x replications"
                    + " (default: ${DEFAULT-VALUE})")
    int runs;

    /** Checks --runs and --lhs against their bounds, so a bad count is refused before any scenario is read. */
    public void check(CommandLine cl) {
        ExperimentOptions.runs(cl, "--runs", runs);
        if (lhs != null) {
            ExperimentOptions.runs(cl, "--lhs", lhs);
        }
    }

    /** Replications per point. */
    public int runs() {
        return runs;
    }

    /**
     * The sweep over {@code base}: a Latin hypercube of K points in the --set ranges, or the grid of the --set
     * values; its points are not yet validated ({@link Sweep#validate}).
     */
    public Sweep sweep(LoadedScenario base, int seed, int ticks, int threads) throws ExperimentException {
        if (lhs != null) {
            List<ScenarioPatch.Range> ranges = new ArrayList<>();
            for (String s : sets) {
                ranges.add(ScenarioPatch.parseRange("--set", s));
            }
            return Sweep.latinHypercube(base, ranges, lhs, runs, seed, ticks, threads);
        }
        List<ScenarioPatch.ValueList> lists = new ArrayList<>();
        for (String s : sets) {
            lists.add(ScenarioPatch.parseValueList(s));
        }
        return Sweep.grid(base, lists, runs, seed, ticks, threads);
    }
}
