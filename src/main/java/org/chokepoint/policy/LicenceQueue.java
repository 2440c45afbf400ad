package org.chokepoint.policy;

import java.util.Arrays;

/**
 * A licensing office's queue of applications, first come first served: in the order they were filed, tick by
 * tick, and within a tick in the order the traders applied. The office decides an application no sooner than
 * {@code lead} ticks after it was filed (the statutory review) and, each tick, no more of a commodity than
 * its processing capacity; what is left of a partly decided application keeps its place at the head. Unused
 * capacity is not carried over: an idle office does not catch up later.
 *
 * <p>With arrivals {@code a} a tick, capacity {@code C} and lead {@code L}, the office decides
 * {@code min(a, C)} a tick once the first applications are due. When {@code a <= C} every application is
 * decided whole {@code L} ticks after it was filed. When {@code a > C} the backlog grows by {@code a - C} a tick,
 * and the application filed on tick {@code n} (counting from the first) is decided in full on tick
 * {@code L - 1 + ceil((n + 1) a / C)}, the first by which the office, deciding {@code C} a tick from tick
 * {@code L} on, has decided all that was filed up to it. (With {@code a < C} that formula gives a tick before
 * the lead has passed, which is why the two cases differ.)
 */
final class LicenceQueue implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Hears each decided volume. */
    interface Decisions {
        void decide(int trader, int commodity, int destination, int filed, double volume, int tick);
    }

    private int size;
    private int[] trader = new int[16];
    private int[] commodity = new int[16];
    private int[] destination = new int[16];
    private int[] filed = new int[16];
    private double[] volume = new double[16];
    private final double[] waiting;

    /** @param commodities commodities of the world, by index */
    LicenceQueue(int commodities) {
        waiting = new double[commodities];
    }

    /** An application joins the back of the queue. */
    void file(int who, int c, int d, int tick, double q) {
        if (size == filed.length) {
            int n = 2 * size;
            trader = Arrays.copyOf(trader, n);
            commodity = Arrays.copyOf(commodity, n);
            destination = Arrays.copyOf(destination, n);
            filed = Arrays.copyOf(filed, n);
            volume = Arrays.copyOf(volume, n);
        }
        trader[size] = who;
        commodity[size] = c;
        destination[size] = d;
        filed[size] = tick;
        volume[size] = q;
        size++;
        waiting[c] += q;
    }

    /**
     * Decides, oldest first, what is due on {@code tick} (filed {@code lead} or more ticks before) within
     * each commodity's capacity left this tick, which it draws down.
     */
    void process(int tick, int lead, double[] capacityLeft, Decisions out) {
        Arrays.fill(waiting, 0);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int c = commodity[i];
            double left = capacityLeft[c];
            if (filed[i] + lead <= tick && left > 0) {
                double q = Math.min(volume[i], left);
                capacityLeft[c] = left - q;
                volume[i] -= q;
                out.decide(trader[i], c, destination[i], filed[i], q, tick);
            }
            if (volume[i] > 0) {
                keep(i, kept++);
            }
        }
        size = kept;
    }

    /** Moves application {@code i} to place {@code kept}, which is at or before it, and counts it as waiting. */
    private void keep(int i, int kept) {
        trader[kept] = trader[i];
        commodity[kept] = commodity[i];
        destination[kept] = destination[i];
        filed[kept] = filed[i];
        volume[kept] = volume[i];
        waiting[commodity[i]] += volume[i];
    }

    /**
     * Takes out of the queue, unreviewed, every application whose cell {@code [c * regions + d]} is set in
     * {@code refused} (its destination denied while it waited), and tells {@code out} of each.
     */
    void withdraw(boolean[] refused, int regions, Decisions out, int tick) {
        Arrays.fill(waiting, 0);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (refused[commodity[i] * regions + destination[i]]) {
                out.decide(trader[i], commodity[i], destination[i], filed[i], volume[i], tick);
            } else {
                keep(i, kept++);
            }
        }
        size = kept;
    }

    /** Drops every application, undecided: the measure they were filed under has ended, and no cargo needs one. */
    void clear() {
        size = 0;
        Arrays.fill(waiting, 0);
    }

    /** Volume of a commodity waiting for a decision. */
    double backlog(int c) {
        return waiting[c];
    }
}
