package org.chokepoint.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks on a fixed pool of threads. Each task builds and runs its own model (one
 * {@code SimState}, one generator, one thread), so nothing is shared; results are returned in task order,
 * never in completion order, which is what makes T threads give the same bytes as one.
 */
public final class ParallelRuns {

    /** The most runs one experiment may ask for: its design and its results are kept in memory. */
    public static final int MAX_RUNS = 1_000_000;


    /** One task: the result of evaluation {@code index}. */
    @FunctionalInterface
    public interface Task<R> {
        R run(int index) throws Exception;
    }

    private ParallelRuns() {
    }

    /**
     * Runs {@code task} for every index in {@code indices} on {@code threads} threads and returns the results in
     * the order of {@code indices}. The first failure stops the batch (runs not yet started are skipped) and
     * is rethrown.
     */
    public static <R> List<R> map(int[] indices, int threads, Task<R> task, Progress progress) throws Exception {
        return map(indices, threads, task, progress, Integer.MAX_VALUE);
    }

    /**
     * As {@link #map(int[], int, Task, Progress)}, but starts at most {@code limit} tasks; the results of the
     * tasks never started are null. Tests use the limit to interrupt an ensemble part way.
     */
    static <R> List<R> map(int[] indices, int threads, Task<R> task, Progress progress, int limit) throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        AtomicInteger started = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger n = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "chokepoint-run-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
        try {
            List<Future<R>> futures = new ArrayList<>(indices.length);
            for (int index : indices) {
                futures.add(pool.submit(() -> {
                    if (failed.get() || started.incrementAndGet() > limit) {
                        return null;
                    }
                    try {
                        R r = task.run(index);
                        progress.runDone();
                        return r;
                    } catch (Exception | Error e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            List<R> results = new ArrayList<>(indices.length);
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Exception ex) {
                        throw ex;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
