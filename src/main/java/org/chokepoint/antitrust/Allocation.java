package org.chokepoint.antitrust;

/**
 * Shares an available quantity among requests by an {@link AllocationKey}: by priority class in order,
 * each class pro rata to its weights (verified need, or baseline use), until the quantity runs out. The
 * same rule for every requester: membership plays no part.
 */
public final class Allocation {
    private Allocation() { }

    /**
     * @param available quantity to share
     * @param requested what each requester asks for (a requester never gets more)
     * @param weight the pro-rata weight of each requester within its class
     * @param priority each requester's class (lower first)
     * @return what each requester gets
     */
    public static double[] allocate(double available, double[] requested, double[] weight, int[] priority) {
        int n = requested.length;
        double[] out = new double[n];
        allocate(available, requested, weight, priority, n, out, new boolean[n]);
        return out;
    }

    /**
     * As {@link #allocate(double, double[], double[], int[])} over the first {@code n} requesters, into
     * {@code out}, with {@code done} as working space: nothing is allocated, so a tick can call it.
     */
    public static void allocate(double available, double[] requested, double[] weight, int[] priority, int n,
                                double[] out, boolean[] done) {
        for (int i = 0; i < n; i++) {
            out[i] = 0;
        }
        double left = available;
        long previous = Long.MIN_VALUE;
        while (left > 0) {
            // The next class: the lowest priority above the one just served.
            long c = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (priority[i] > previous && priority[i] < c) {
                    c = priority[i];
                }
            }
            if (c == Long.MAX_VALUE) {
                break;
            }
            previous = c;
            left = serveClass((int) c, left, requested, weight, priority, n, out, done);
        }
    }

    /**
     * Within a class, pro rata to weight, capped at each request, redistributing what a capped requester does
     * not take; returns what is left.
     */
    private static double serveClass(int c, double available, double[] requested, double[] weight, int[] priority,
                                     int n, double[] out, boolean[] done) {
        double left = available;
        for (int i = 0; i < n; i++) {
            done[i] = false;
        }
        while (left > 1e-12) {
            double totalWeight = 0;
            for (int i = 0; i < n; i++) {
                if (priority[i] == c && !done[i] && requested[i] - out[i] > 1e-12 && weight[i] > 0) {
                    totalWeight += weight[i];
                }
            }
            if (totalWeight <= 0) {
                break;
            }
            double round = left;
            boolean capped = false;
            for (int i = 0; i < n; i++) {
                if (priority[i] != c || done[i] || requested[i] - out[i] <= 1e-12 || weight[i] <= 0) {
                    continue;
                }
                double share = round * weight[i] / totalWeight;
                double room = requested[i] - out[i];
                if (share >= room) {
                    out[i] += room;
                    left -= room;
                    done[i] = true;
                    capped = true;
                } else {
                    out[i] += share;
                    left -= share;
                }
            }
            if (!capped) {
                break;
            }
        }
        return left;
    }
}
