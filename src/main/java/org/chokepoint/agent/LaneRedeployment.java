package org.chokepoint.agent;

/**
 * Traders whose lane an export ban has closed for good turn their capacity to the lanes still open into the same
 * market. An importer's trading houses do not leave their purchasing capacity idle when one origin is closed to
 * them: the contracts, finance and logistics they held with the closed supplier are turned to the suppliers still
 * open, as Japan's trading houses turned to sources outside China after 2010. Once a ban with no way round it has
 * closed a lane for {@code patience} ticks in a row (the patience plants and lanes already show before they
 * invest), its traders hand their whole capacity to the traders of the open lanes into the same destination market
 * (same region, same commodity), shared in proportion to those traders' capacity. The capacity passes through the
 * same three stages of construction as a lane's own project ({@link LaneExpansion}) over the lead of a trade
 * project, out of the closed lane as it comes into the open ones, so what the closed lane loses the open lanes gain
 * in every tick. When the lane has been open again for {@code patience} ticks, its traders take back what they lent,
 * over the same lead, from the traders that borrowed it.
 *
 * <p>Quantities are held in the trader's base units: its capacity divided by the growth factor of its destination
 * market (1 where capacity does not follow a growth path), so that capacity moved between two lanes into one market
 * grows with that market as it would have on either lane. A closed lane with no open lane into its market keeps its
 * capacity; so does a lane a ban closes while a detour is open, for the cargo that still goes round it.
 */
final class LaneRedeployment implements java.io.Serializable {
    private final int patience;
    private final double rate;
    /** The lane of each trader, and the destination market of each lane. */
    private final int[] lane;
    private final int[] laneMarket;
    /** Ticks in a row each lane has been closed by a ban, and open. */
    private final int[] shutTicks;
    private final int[] openTicks;
    /** Whether a lane's capacity is lent to the open lanes into its market. */
    private final boolean[] lent;
    /** Capacity on its way out of (negative) or into (positive) each trader, by stage, in base units. */
    private final double[] building1;
    private final double[] building2;
    private final double[] building3;
    /** Capacity in base units each trader has received (positive) or handed over (negative) so far. */
    private final double[] moved;
    /** What each trader has lent away while its lane was closed, and what it has borrowed, in base units. */
    private final double[] lentOut;
    private final double[] borrowed;
    /** Whether any capacity has ever moved: until then the traders' capacity is left exactly as it was. */
    private boolean active;

    /**
     * @param lane the lane of each trader
     * @param laneMarket the destination market of each lane
     * @param patience ticks a lane must stay closed (or, once lent, open again) before its capacity moves
     * @param leadTicks the lead of a trade project
     */
    LaneRedeployment(int[] lane, int[] laneMarket, int patience, int leadTicks) {
        this.lane = lane;
        this.laneMarket = laneMarket;
        this.patience = patience;
        this.rate = Math.min(1.0, 3.0 / Math.max(1, leadTicks));
        int n = lane.length;
        int lanes = laneMarket.length;
        shutTicks = new int[lanes];
        openTicks = new int[lanes];
        lent = new boolean[lanes];
        building1 = new double[n];
        building2 = new double[n];
        building3 = new double[n];
        moved = new double[n];
        lentOut = new double[n];
        borrowed = new double[n];
    }

    /**
     * Counts this tick's state of every lane.
     *
     * @param shut each lane is closed by a ban with no way round it
     * @param open each lane trades without a ban
     * @return whether some lane's capacity is due to move this tick (then call {@link #order})
     */
    boolean count(boolean[] shut, boolean[] open) {
        boolean due = false;
        for (int e = 0; e < shutTicks.length; e++) {
            shutTicks[e] = shut[e] ? shutTicks[e] + 1 : 0;
            openTicks[e] = open[e] ? openTicks[e] + 1 : 0;
            due |= lent[e] ? openTicks[e] >= patience : shutTicks[e] >= patience;
        }
        return due;
    }

    /**
     * Orders the moves that are due: each lane closed for {@code patience} ticks lends its traders' capacity to the
     * open lanes into its market, each lent lane open again for as long takes it back.
     *
     * @param open each lane trades without a ban
     * @param base each trader's capacity this tick in base units
     */
    void order(boolean[] open, double[] base) {
        for (int e = 0; e < shutTicks.length; e++) {
            if (!lent[e] && shutTicks[e] >= patience) {
                lend(e, open, base);
            } else if (lent[e] && openTicks[e] >= patience) {
                recall(e);
            }
        }
    }

    private void lend(int e, boolean[] open, double[] base) {
        int market = laneMarket[e];
        double receivers = 0;
        double closed = 0;
        for (int i = 0; i < lane.length; i++) {
            int f = lane[i];
            if (f == e) {
                closed += base[i];
            } else if (open[f] && laneMarket[f] == market) {
                receivers += base[i];
            }
        }
        if (!(receivers > 0) || !(closed > 0)) {
            // Nowhere open to turn to, or nothing to turn: the lane keeps what it has and tries again next tick.
            return;
        }
        for (int i = 0; i < lane.length; i++) {
            int f = lane[i];
            if (f == e) {
                building1[i] -= base[i];
                lentOut[i] += base[i];
            } else if (open[f] && laneMarket[f] == market) {
                double share = closed * (base[i] / receivers);
                building1[i] += share;
                borrowed[i] += share;
            }
        }
        lent[e] = true;
        active = true;
    }

    private void recall(int e) {
        int market = laneMarket[e];
        double owed = 0;
        double held = 0;
        for (int i = 0; i < lane.length; i++) {
            int f = lane[i];
            if (f == e) {
                owed += lentOut[i];
            } else if (laneMarket[f] == market) {
                held += borrowed[i];
            }
        }
        lent[e] = false;
        double back = Math.min(owed, held);
        if (!(back > 0)) {
            return;
        }
        for (int i = 0; i < lane.length; i++) {
            int f = lane[i];
            if (f == e) {
                double share = back * (lentOut[i] / owed);
                building1[i] += share;
                lentOut[i] -= share;
            } else if (laneMarket[f] == market && borrowed[i] > 0) {
                double share = back * (borrowed[i] / held);
                building1[i] -= share;
                borrowed[i] -= share;
            }
        }
    }

    /** One tick of the moves under way for trader {@code i}. */
    void advance(int i) {
        if (active) {
            moved[i] += ConstructionStages.advance(building1, building2, building3, i, rate);
        }
    }

    /** Whether any capacity has been ordered to move. */
    boolean active() {
        return active;
    }

    /** Capacity in base units trader {@code i} has received (positive) or handed over (negative) so far. */
    double moved(int i) {
        return moved[i];
    }

    /** Capacity in base units ordered to move into (positive) or out of (negative) trader {@code i}, not yet moved. */
    double pending(int i) {
        return building1[i] + building2[i] + building3[i];
    }
}
