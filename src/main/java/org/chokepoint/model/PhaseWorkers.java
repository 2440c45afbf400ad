package org.chokepoint.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.chokepoint.market.PhaseWork;

/**
 * Runs the independent items of one phase (a market to clear, a market's sellers to plan, a block of firms'
 * decisions) on the calling thread and a few helper threads of one model, and returns when all are done.
 *
 * <p>An item writes only what belongs to it, and which thread runs it never changes what it computes, so a
 * run's results are the same, bit for bit, on any number of threads. Items are claimed from a shared counter
 * in the order given, so listing the largest first balances the threads. Nothing is allocated per call: the
 * caller passes a task object made once, and the helpers sleep between phases.
 */
final class PhaseWorkers implements PhaseWork, AutoCloseable {

    private final Thread[] helpers;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile Items task;
    private volatile int count;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** @param threads threads in all, the caller included; 1 runs every item on the caller */
    PhaseWorkers(int threads, String name) {
        helpers = new Thread[Math.max(0, threads - 1)];
        for (int i = 0; i < helpers.length; i++) {
            Thread t = new Thread(this::serve, name + "-" + (i + 1));
            t.setDaemon(true);
            helpers[i] = t;
            t.start();
        }
    }

    @Override
    public void run(Items task, int count) {
        if (helpers.length == 0 || count <= 1 || closed) {
            for (int i = 0; i < count; i++) {
                task.run(i);
            }
            return;
        }
        this.task = task;
        this.count = count;
        next.set(0);
        busy.set(helpers.length);
        generation++; // publishes task and count to the helpers
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
        Throwable own = null;
        try {
            work(task, count);
        } catch (RuntimeException | Error e) {
            own = e;
            next.set(count); // the helpers stop claiming items
        }
        while (busy.get() > 0) {
            Thread.onSpinWait();
        }
        this.task = null; // so a finished phase keeps nothing of the model alive
        Throwable helperFailure = failure;
        failure = null;
        rethrow(own != null ? own : helperFailure);
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void work(Items task, int count) {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            task.run(i);
        }
    }

    private void serve() {
        int seen = 0;
        while (true) {
            while (generation == seen && !closed) {
                LockSupport.park(this);
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                work(task, count);
            } catch (Throwable t) {
                failure = t;
                next.set(Integer.MAX_VALUE / 2);
            } finally {
                busy.decrementAndGet();
            }
        }
    }

    /** Stops the helper threads; the caller runs everything from then on. */
    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
    }
}
