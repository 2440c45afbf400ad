package org.chokepoint.market;

/**
 * Runs the independent items of one phase (a market's sellers, a block of firms' decisions, a market to clear)
 * on the threads of one model, and returns when all are done. An item writes only what belongs to it, so which
 * thread runs it never changes what it computes.
 */
public interface PhaseWork {
    /** One phase's work: item {@code i} of the {@code count} given to {@link #run}. */
    interface Items {
        void run(int item);
    }

    /** Runs {@code task} on items {@code 0..count-1} and returns when every one is done. */
    void run(Items task, int count);
}
