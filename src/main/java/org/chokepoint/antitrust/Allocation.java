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
        double left = available;
        int[] classes = java.util.Arrays.stream(priority).distinct().sorted().toArray();
        for (int c : classes) {
            if (left <= 0) {
                break;
            }
            // Within a class, pro rata to weight, capped at each request, redistributing what a capped
            // requester does not take.
            boolean[] done = new boolean[n];
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
        }
        return out;
    }
}
