package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.chokepoint.experiment.Progress;
import org.chokepoint.output.TargetException;
import org.chokepoint.scenario.Limits;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options the commands share, as mixins where they read the same in every command that has them, and the
 * checks of them. A command whose option means something else (each command's --seed, compare's --threads)
 * declares its own and checks it here.
 */
public final class ExperimentOptions {

    /**
     * Threads, of runs or of a tick's work: beyond this the threads only wait on one another (a tick's work
     * is handed out phase by phase), and hundreds of thousands of them would take longer to start than any run.
     */
    static final int MAX_THREADS = 256;

    private ExperimentOptions() {
    }

    /**
     * What ensemble, sweep and sensitivity all take: --threads, --ticks, --out (its default named after the
     * command), --quiet and --overwrite.
     */
    static final class Common {
        /** The command this is mixed into (the spec of a mixin within a mixin would be the outer mixin's). */
        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        @Mixin
        Threads threads;

        @Mixin
        Ticks ticks;

        @Option(names = "--out", paramLabel = "DIR",
                description = "results folder (default: results/<meta.name>-${COMMAND-NAME})")
        Path out;

        @Mixin
        Quiet quiet;

        @Mixin
        OutputOptions outFolder;

        /** --out, or {@code results/<meta.name>-<command>}. */
        Path target(LoadedScenario loaded) throws TargetException {
            return out != null ? out
                    : OutputOptions.defaultTarget(loaded.scenario().meta().name(), "-" + command.name());
        }
    }

    /** {@code --threads} of the commands that run many runs at once. */
    static final class Threads {
        @Option(names = "--threads", paramLabel = "T",
                description = "worker threads, 1 to " + MAX_THREADS + " (default: available processors)")
        Integer threads;

        /** The threads to use. */
        int count(CommandLine cl) {
            return threads(cl, threads);
        }
    }

    /** {@code --ticks}: how long every run of an experiment is. */
    public static final class Ticks {
        @Option(names = "--ticks", paramLabel = "N",
                description = "ticks per run instead of time.horizonTicks, 1 to " + Limits.MAX_TICKS)
        Integer ticks;

        /** The ticks per run, or -1 for the scenario's horizon. */
        public int horizon(CommandLine cl) {
            return ticks(cl, ticks);
        }
    }

    /** {@code --quiet}. */
    public static final class Quiet {
        @Option(names = "--quiet", description = "no progress on standard error")
        boolean quiet;

        /** Whether the progress is to be left out. */
        public boolean quiet() {
            return quiet;
        }

        /** How the progress shows. */
        Progress.Mode progress() {
            return Progress.modeFor(quiet);
        }
    }

    /** --threads, default the available processors. */
    static int threads(CommandLine cl, Integer threads) {
        if (threads == null) {
            return Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
        }
        return within(cl, "--threads", threads, 1, MAX_THREADS);
    }

    /** --ticks, or -1 for the scenario's horizon. */
    static int ticks(CommandLine cl, Integer ticks) {
        if (ticks == null) {
            return -1;
        }
        return within(cl, "--ticks", ticks, 1, Limits.MAX_TICKS);
    }

    /** --runs and the like. */
    public static int runs(CommandLine cl, String option, int runs) {
        return within(cl, option, runs, 1, org.chokepoint.experiment.ParallelRuns.MAX_RUNS);
    }

    /** --band, each read as {@code COLUMN=LOW:HIGH} or refused on the command line (exit 2) saying why. */
    public static List<org.chokepoint.experiment.BandShare> bands(CommandLine cl, List<String> specs) {
        List<org.chokepoint.experiment.BandShare> bands = new java.util.ArrayList<>();
        for (String spec : specs) {
            try {
                bands.add(org.chokepoint.experiment.BandShare.parse(spec));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--band " + e.getMessage());
            }
        }
        return bands;
    }

    /**
     * One line on standard error when a run of {@code ticks} (-1: the scenario's horizon) ends before the
     * scenario's first shock: nothing then differs from the counterfactual. A warning, not a refusal: the
     * run up to the shock may be what is wanted.
     */
    static void warnIfEndsBeforeTheShock(PrintWriter err, String command, LoadedScenario loaded, int ticks) {
        warnIfAllEndBeforeTheShock(err, command, loaded.source(), List.of(loaded), ticks);
    }

    /**
     * The warnings on the points of a design, a sweep's or a sensitivity design's, before any of it runs: one line
     * when every point ends before its shock ({@link #warnIfAllEndBeforeTheShock}), then one for each way the
     * points differ beyond the values set ({@link org.chokepoint.experiment.Sweep#differences},
     * {@link org.chokepoint.experiment.Sweep#randomDraws}): warnings, since such a design may be meant, but its
     * table of runs does not show it.
     *
     * @param seed the design's base seed: the points' random draws are compared on the streams of its first run
     * @param table the file holding every point's runs, {@code file} the one giving each point's own settings
     */
    static void warnAboutDesign(PrintWriter err, String command, String source, List<LoadedScenario> points,
                                int ticks, int seed, String table, String file) {
        warnIfAllEndBeforeTheShock(err, command, source, points, ticks);
        String differ = org.chokepoint.experiment.Sweep.differences(ticks, points, table, file);
        String draws = org.chokepoint.experiment.Sweep.randomDraws(points,
                org.chokepoint.experiment.Seeds.forRun(seed, 0), ticks, "points", "the parameters'");
        for (String warning : new String[] {differ, draws}) {
            if (warning != null) {
                err.println("warning: " + command + ": " + source + ": " + warning);
            }
        }
        err.flush();
    }

    /**
     * As {@link #warnIfEndsBeforeTheShock} for the many worlds of a sweep, a sensitivity design or a
     * comparison: one line when every world with a shock ends before it, since then every figure of every run
     * against its counterfactual (which keeps the world's background measures and its consortia) is 0.
     */
    static void warnIfAllEndBeforeTheShock(PrintWriter err, String command, String source,
                                           List<LoadedScenario> worlds, int ticks) {
        int earliest = Integer.MAX_VALUE;
        int lastTick = -1;
        boolean oneLength = true;
        for (LoadedScenario w : worlds) {
            Scenario s = w.scenario();
            int n = ticks >= 1 ? ticks : s.time().horizonTicks();
            int shock = s.firstDifferenceFromCounterfactual();
            if (shock < 0) {
                continue;
            }
            if (shock < n) {
                return;
            }
            earliest = Math.min(earliest, shock);
            oneLength &= lastTick < 0 || lastTick == n - 1;
            lastTick = n - 1;
        }
        if (lastTick < 0) {
            return; // no world has a shock: nothing is measured against a counterfactual
        }
        String runs = command.equals("run") ? "the run ends" : "the runs end";
        err.println("warning: " + command + ": " + source + ": " + (oneLength ? runs + " at tick " + lastTick
                + ", before the first shock at tick " + earliest : "every run ends before its world's first shock"
                + " (the earliest at tick " + earliest + ")") + ", so every figure against the counterfactual is 0");
        err.flush();
    }

    static int within(CommandLine cl, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(cl, option + " must be between " + min + " and " + max
                    + ", got " + value);
        }
        return value;
    }
}
