package org.chokepoint.experiment;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress of a batch of runs on standard error, never in a result file: a bar redrawn in place (runs done,
 * runs per second, time left) when standard error is a terminal, a plain line every ten seconds otherwise (a
 * log file or CI), nothing at all when quiet. Thread-safe: workers call {@link #runDone()}.
 */
public final class Progress implements AutoCloseable {

    /** How progress is shown. */
    public enum Mode { BAR, LINES, NONE }

    private final String label;
    private final String unit;
    private final int total;
    private final int skipped;
    private final PrintStream err;
    private final Mode mode;
    private final AtomicInteger done = new AtomicInteger();
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;

    /**
     * @param total   runs in the whole batch
     * @param skipped runs already done before this session (resumed), counted as done but not in the rate
     */
    public Progress(String label, int total, int skipped, PrintStream err, Mode mode) {
        this(label, "run", total, skipped, err, mode);
    }

    /** @param unit what is counted, singular ("run", "simulation") */
    public Progress(String label, String unit, int total, int skipped, PrintStream err, Mode mode) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.skipped = skipped;
        this.err = err;
        this.mode = mode;
        if (mode == Mode.NONE) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chokepoint-progress");
            t.setDaemon(true);
            return t;
        });
        long period = mode == Mode.BAR ? 250 : 10_000;
        timer.scheduleAtFixedRate(this::show, mode == Mode.BAR ? 0 : period, period, TimeUnit.MILLISECONDS);
    }

    /** The mode for this process: a bar on a terminal, lines otherwise, none when quiet. */
    public static Mode modeFor(boolean quiet) {
        if (quiet) {
            return Mode.NONE;
        }
        return System.console() != null ? Mode.BAR : Mode.LINES;
    }

    /** A progress that shows nothing. */
    public static Progress none(int total) {
        return new Progress("", total, 0, null, Mode.NONE);
    }

    public void runDone() {
        done.incrementAndGet();
    }

    private synchronized void show() {
        if (mode == Mode.NONE) {
            return;
        }
        String line = line();
        if (mode == Mode.BAR) {
            err.print("\r" + line + "\u001b[K");
        } else {
            err.println(line);
        }
        err.flush();
    }

    String line() {
        int d = done.get();
        int all = skipped + d;
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = seconds > 0 ? d / seconds : 0;
        int left = total - all;
        String eta = rate > 0 ? duration(left / rate) : "?";
        String counts = String.format(Locale.ROOT, "%s %d/%d %s, %.1f %ss/s, %s left", label, all, total,
                Count.noun(total, unit), rate, unit, eta);
        if (mode != Mode.BAR) {
            return counts;
        }
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) width * all / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + counts;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    /** Stops the display; a bar gets its final state and a newline. */
    @Override
    public synchronized void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        String line = line();
        if (mode == Mode.BAR) {
            err.print("\r" + line + "\u001b[K" + System.lineSeparator());
        } else {
            err.println(line);
        }
        err.flush();
    }
}
