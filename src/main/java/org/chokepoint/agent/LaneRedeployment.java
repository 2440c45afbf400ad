package org.chokepoint.agent;

/**
 * Traders whose lane an export ban has closed turn their capacity to the lanes still open into the same
 * market. An importer's trading houses do not leave their purchasing capacity idle when one origin is closed to
 * them: the contracts, finance and logistics they held with the closed supplier are turned to the suppliers still
 * open, as Japan's trading houses turned to sources outside China after 2010. Once a ban with no way round it has
 * closed a lane for {@code patience} ticks in a row (the patience plants and lanes already show before they invest),
 * its traders hand their whole capacity to the traders of the open lanes into the same destination market (same
 * region, same commodity), shared in proportion to those traders' capacity (what they will hold once the moves under
 * way have finished). The capacity passes through the same three stages of construction as a lane's own project
 * ({@link LaneExpansion}) over the lead of a trade project, out of the closed lane as it comes into the open ones,
 * so what the closed lane loses the open lanes gain in every tick. When the lane has been open again for
 * {@code patience} ticks, its traders take back what they lent, over the same lead, from whoever holds it then.
 *
 * <p>What a trader hands over is all it will hold once the moves under way have finished: its capacity and what is
 * still on its way in or out, so capacity still coming to a lane that is closed meanwhile does not land there idle.
 * A ledger keeps, for every trader, how much of each other lane's capacity it holds. A trader that hands on what it
 * holds hands on its borrowed capacity in the same proportions as its own, and the ledger follows it; a lane that
 * takes its capacity back takes it from whoever holds it now, never more than they hold. So when two origins are
 * banned one after the other, the first recalls its capacity from the lane the second lent everything to, not from
 * the second, which holds nothing. The ledger is made the first time capacity moves, so a world without such a ban
 * carries none of it.
 *
 * <p>Quantities are held in the trader's base units: its capacity on its destination market's growth path divided
 * by that path's growth factor (its capacity itself where capacity does not follow a growth path), so that capacity
 * moved between two lanes into one market grows with that market as it would have on either lane, and what one
 * lane loses the other gains at the same growth factor. A closed lane with no open lane into its market keeps its
 * capacity; so does a lane a ban closes while a detour is open, for the cargo that still goes round it, and a lane
 * whose route is closed rather than banned, which waits for the route as its own traders do.
 */
final class LaneRedeployment implements java.io.Serializable {
    private final int patience;
    private final double rate;
    /** The lane of each trader, and the destination market of each lane. */
    private final int[] lane;
    private final int[] laneMarket;
    /** Each lane's place among the lanes into its market, and the most lanes into one market. */
    private final int[] slot;
    private final int slots;
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
    /** What each trader has lent of its own capacity and not yet taken back, in base units. */
    private final double[] lentOut;
    /**
     * The ledger: {@code held[i * slots + slot[k]]}, the capacity of lane {@code k} trader {@code i} holds, moved
     * or on its way, in base units. Made at the first move.
     */
    private double[] held;
    /** What the traders of a lane hand on of each lane's capacity while they lend, by slot: a scratch row. */
    private final double[] handed;
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
        slot = new int[lanes];
        int most = 0;
        for (int e = 0; e < lanes; e++) {
            for (int f = 0; f < e; f++) {
                if (laneMarket[f] == laneMarket[e]) {
                    slot[e]++;
                }
            }
            most = Math.max(most, slot[e] + 1);
        }
        slots = most;
        handed = new double[most];
        shutTicks = new int[lanes];
        openTicks = new int[lanes];
        lent = new boolean[lanes];
        building1 = new double[n];
        building2 = new double[n];
        building3 = new double[n];
        moved = new double[n];
        lentOut = new double[n];
    }

    /**
     * Counts this tick's state of every lane.
     *
     * @param shut each lane is closed by a ban with no way round it
     * @param open each lane trades without a ban
     * @return whether some lane's capacity is due to move this tick (then call {@link #order})
     */
    boolean count(boolean[] shut, boolean[] open) {
        for (int e = 0; e < shutTicks.length; e++) {
            shutTicks[e] = shut[e] ? shutTicks[e] + 1 : 0;
            openTicks[e] = open[e] ? openTicks[e] + 1 : 0;
        }
        boolean due = false;
        for (int e = 0; e < shutTicks.length && !due; e++) {
            // A closed lane with no open lane into its market has nowhere to turn: it is not due, so a long ban of
            // every origin does not send the traders' capacities through the move each tick for nothing.
            due = lent[e] ? openTicks[e] >= patience : shutTicks[e] >= patience && anyOpenInto(e, open);
        }
        return due;
    }

    /** Whether another lane into lane {@code e}'s market is open. */
    private boolean anyOpenInto(int e, boolean[] open) {
        for (int f = 0; f < laneMarket.length; f++) {
            if (f != e && open[f] && laneMarket[f] == laneMarket[e]) {
                return true;
            }
        }
        return false;
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
                recall(e, base);
            }
        }
    }

    /** What trader {@code i} will hold once the moves under way have finished, in base units. */
    private double balance(int i, double[] base) {
        return Math.max(0.0, base[i] + pending(i));
    }

    private void lend(int e, boolean[] open, double[] base) {
        int market = laneMarket[e];
        double receivers = 0;
        double closed = 0;
        for (int i = 0; i < lane.length; i++) {
            int f = lane[i];
            if (f == e) {
                closed += balance(i, base);
            } else if (open[f] && laneMarket[f] == market) {
                // Shared by what each open trader will hold, what is still coming back to it included: a lane
                // whose own capacity is on its way back is not weighed by the little that has arrived, and a
                // capacity rounded below zero weighs nothing rather than taking a share out.
                receivers += balance(i, base);
            }
        }
        if (!(closed > 0)) {
            // Nothing to turn: counted as lent, so the lane is not due again each tick; taking back nothing is free.
            lent[e] = true;
            return;
        }
        if (!(receivers > 0)) {
            // The open lanes hold nothing to weigh a share by: the lane keeps what it has and tries again next tick.
            return;
        }
        if (held == null) {
            held = new double[lane.length * slots];
        }
        // What the closed lane's traders hand on: their own capacity as this lane's, and what they hold of other
        // lanes' as those lanes' (their own lane's capacity that has come back to them counts as this lane's too).
        java.util.Arrays.fill(handed, 0);
        for (int i = 0; i < lane.length; i++) {
            if (lane[i] != e) {
                continue;
            }
            double all = balance(i, base);
            double others = 0;
            int row = i * slots;
            for (int s = 0; s < slots; s++) {
                others += held[row + s];
            }
            // The ledger never holds more than the trader will; if rounding says it does, it hands on in proportion.
            double scale = others > all ? all / others : 1.0;
            for (int s = 0; s < slots; s++) {
                handed[s] += held[row + s] * scale;
                held[row + s] = 0;
            }
            double own = Math.max(0.0, all - others * scale);
            handed[slot[e]] += own;
            lentOut[i] += own;
            building1[i] -= all;
        }
        for (int i = 0; i < lane.length; i++) {
            int f = lane[i];
            if (f != e && open[f] && laneMarket[f] == market) {
                double share = balance(i, base) / receivers;
                building1[i] += closed * share;
                int row = i * slots;
                for (int s = 0; s < slots; s++) {
                    held[row + s] += handed[s] * share;
                }
            }
        }
        lent[e] = true;
        active = true;
    }

    private void recall(int e, double[] base) {
        lent[e] = false;
        if (held == null) {
            return;
        }
        int market = laneMarket[e];
        int s = slot[e];
        double owed = 0;
        for (int i = 0; i < lane.length; i++) {
            if (lane[i] == e) {
                owed += lentOut[i];
            }
        }
        if (!(owed > 0)) {
            return;
        }
        // Taken from whoever holds the lane's capacity now, all of it, never more than they will hold.
        double back = 0;
        for (int i = 0; i < lane.length; i++) {
            int k = i * slots + s;
            if (laneMarket[lane[i]] != market || !(held[k] > 0)) {
                continue;
            }
            double take = Math.min(held[k], balance(i, base));
            building1[i] -= take;
            held[k] = 0;
            back += take;
        }
        for (int i = 0; i < lane.length; i++) {
            if (lane[i] == e) {
                double share = back * (lentOut[i] / owed);
                building1[i] += share;
                lentOut[i] -= share;
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

    /** Capacity of lane {@code k} that trader {@code i} holds, moved or on its way, in base units. */
    double held(int i, int k) {
        return held == null || laneMarket[lane[i]] != laneMarket[k] ? 0 : held[i * slots + slot[k]];
    }

    /** Capacity in base units trader {@code i} has lent of its own and not taken back. */
    double lentOut(int i) {
        return lentOut[i];
    }
}
