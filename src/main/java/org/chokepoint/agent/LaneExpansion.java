package org.chokepoint.agent;

/**
 * Traders add shipping capacity where a lane earns a scarcity rent, as plants add capacity for theirs
 * ({@link CapacityDecisions}): a trader that bought all its capacity allowed while its destination price stood
 * above the landed cost of its cargo by more than the investment hurdle, for {@code patience} ticks in a row,
 * orders {@code stepShare} of its capacity again. Chartering ships, leasing warehouse space and raising working
 * capital take far less time than building a plant, so the new capacity passes through the same three stages
 * of construction over the much shorter lead of a trade project. Without a lasting rent nothing is added, so a
 * world at its equilibrium stays there; a lane held back by a quota or a licence rather than by its own
 * capacity does not buy all its capacity and adds nothing either.
 */
final class LaneExpansion implements java.io.Serializable {
    private final double hurdle;
    private final int patience;
    private final double stepShare;
    private final double rate;
    private final int[] aboveHurdleTicks;
    private final double[] building1;
    private final double[] building2;
    private final double[] building3;
    /** Capacity brought into use by the trader's own projects, on top of its drawn (or trend) capacity. */
    private final double[] added;

    LaneExpansion(int traders, double hurdle, int patience, double stepShare, int leadTicks) {
        this.hurdle = hurdle;
        this.patience = patience;
        this.stepShare = stepShare;
        this.rate = Math.min(1.0, 3.0 / Math.max(1, leadTicks));
        aboveHurdleTicks = new int[traders];
        building1 = new double[traders];
        building2 = new double[traders];
        building3 = new double[traders];
        added = new double[traders];
    }

    /**
     * One tick of the trader's decision and construction.
     *
     * @param capacity the trader's capacity this tick, projects already in use included
     * @param bought what it bought for shipment this tick
     * @param destinationPrice the price in its destination market
     * @param landedCost what its cargo costs landed there, duties included
     */
    void decide(int i, double capacity, double bought, double destinationPrice, double landedCost) {
        boolean full = capacity > 0 && bought >= capacity * (1 - 1e-9);
        if (full && destinationPrice > landedCost * (1 + hurdle)) {
            aboveHurdleTicks[i]++;
        } else {
            aboveHurdleTicks[i] = 0;
        }
        if (aboveHurdleTicks[i] >= patience) {
            building1[i] += stepShare * capacity;
            aboveHurdleTicks[i] = 0;
        }
        added[i] += ConstructionStages.advance(building1, building2, building3, i, rate);
    }

    /** Capacity the trader's own projects have brought into use so far. */
    double added(int i) {
        return added[i];
    }

    /** Capacity ordered and not yet in use. */
    double pending(int i) {
        return building1[i] + building2[i] + building3[i];
    }
}
