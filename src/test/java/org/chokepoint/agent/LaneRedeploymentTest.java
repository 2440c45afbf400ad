package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Capacity a ban leaves idle is turned to the lanes still open into the same market: patience 26 weeks, a
 * thirteen-week lead. Lane 0 (one trader of capacity 10) is closed by a ban; lane 1 (one trader of 5) is open into
 * the same market; lane 2 (one trader of 4) is open into another market.
 */
class LaneRedeploymentTest {
    static final int[] LANE = {0, 1, 2};
    static final int[] MARKET = {7, 7, 8};
    static final boolean[] SHUT = {true, false, false};
    static final boolean[] OPEN = {false, true, true};
    static final boolean[] ALL_OPEN = {true, true, true};
    static final boolean[] NONE = {false, false, false};

    /** One week: the lanes' state counted, the moves due ordered, every trader's capacity moved on a week. */
    private static void week(LaneRedeployment x, double[] capacity, boolean[] shut, boolean[] open) {
        if (x.count(shut, open)) {
            x.order(open, capacity.clone());
        }
        for (int i = 0; i < capacity.length; i++) {
            double before = x.moved(i);
            x.advance(i);
            capacity[i] += x.moved(i) - before;
        }
    }

    @Test
    void aLaneBannedForHalfAYearHandsItsCapacityToTheOpenLaneIntoItsMarket() {
        LaneRedeployment x = new LaneRedeployment(LANE, MARKET, 26, 13);
        double[] capacity = {10, 5, 4};
        for (int week = 1; week <= 25; week++) {
            week(x, capacity, SHUT, OPEN);
            assertEquals(10, capacity[0], 0, "nothing moves before the ban has held 26 weeks");
            assertFalse(x.active());
        }
        week(x, capacity, SHUT, OPEN);
        // Ordered in week 26: all 10 out of lane 0, all into lane 1, none into the other market's lane.
        assertTrue(x.active());
        assertEquals(-10, x.pending(0) + x.moved(0), 1e-12);
        assertEquals(10, x.pending(1) + x.moved(1), 1e-12);
        assertEquals(0, x.pending(2) + x.moved(2), 0);
        for (int week = 27; week <= 26 + 13; week++) {
            week(x, capacity, SHUT, OPEN);
            // What the closed lane loses the open lane gains, every week.
            assertEquals(15, capacity[0] + capacity[1], 1e-12);
            assertEquals(4, capacity[2], 0);
        }
        // After the thirteen-week lead the capacity has moved as an Erlang-3 delay with that mean moves it.
        double q = 1 - 3.0 / 13;
        int n = 13 + 1;
        double left = Math.pow(q, n) * (1 + n * (1 - q) / q + n * (n - 1) / 2.0 * Math.pow((1 - q) / q, 2));
        assertEquals(5 + 10 * (1 - left), capacity[1], 1e-9);
        // Within a few leads all of it: the open lane carries 15 and the banned one nothing.
        for (int week = 0; week < 13 * 12; week++) {
            week(x, capacity, SHUT, OPEN);
        }
        assertEquals(15, capacity[1], 1e-6);
        assertEquals(0, capacity[0], 1e-6);
        assertEquals(4, capacity[2], 0);
    }

    @Test
    void theCapacityIsSharedInProportionToTheOpenLanesCapacity() {
        // Lanes 1 and 2 both open into the closed lane's market, of 5 and 15.
        LaneRedeployment x = new LaneRedeployment(LANE, new int[] {7, 7, 7}, 26, 13);
        double[] capacity = {10, 5, 15};
        for (int week = 0; week < 26 + 13 * 13; week++) {
            week(x, capacity, SHUT, OPEN);
        }
        assertEquals(0, capacity[0], 1e-6);
        assertEquals(5 + 2.5, capacity[1], 1e-6);
        assertEquals(15 + 7.5, capacity[2], 1e-6);
    }

    @Test
    void aBanShorterThanHalfAYearOrOneWithNowhereOpenMovesNothing() {
        LaneRedeployment x = new LaneRedeployment(LANE, MARKET, 26, 13);
        double[] capacity = {10, 5, 4};
        for (int week = 0; week < 25; week++) {
            week(x, capacity, SHUT, OPEN);
        }
        week(x, capacity, NONE, ALL_OPEN);
        for (int week = 0; week < 25; week++) {
            week(x, capacity, SHUT, OPEN);
        }
        assertFalse(x.active());
        // A lane alone in its market has nowhere to turn.
        LaneRedeployment alone = new LaneRedeployment(LANE, new int[] {7, 8, 9}, 26, 13);
        double[] own = {10, 5, 4};
        for (int week = 0; week < 200; week++) {
            week(alone, own, SHUT, OPEN);
        }
        assertFalse(alone.active());
        assertEquals(10, own[0], 0);
    }

    /**
     * A lane with nowhere to turn is not due to move, so the model does not gather every trader's capacity each
     * week of a long ban for nothing: A (10) is banned while its market's only other lane, B, is itself closed;
     * from week 26 A is past its patience but not due. When B opens in week 60, A is due that week and lends.
     * A lane with nothing to lend is due once, counted as lent, and not again.
     */
    @Test
    void aClosedLaneIsDueOnlyWhenItHasSomewhereToTurnAndSomethingToLend() {
        LaneRedeployment x = new LaneRedeployment(LANE, MARKET, 26, 13);
        for (int week = 1; week < 60; week++) {
            assertFalse(x.count(SHUT, NONE), "B closed too, week " + week);
        }
        assertTrue(x.count(SHUT, OPEN), "B open in week 60");
        x.order(OPEN, new double[] {10, 5, 4});
        assertEquals(-10, x.pending(0), 1e-12);
        assertEquals(10, x.pending(1), 1e-12);

        LaneRedeployment empty = new LaneRedeployment(LANE, MARKET, 26, 13);
        for (int week = 1; week < 26; week++) {
            assertFalse(empty.count(SHUT, OPEN));
        }
        assertTrue(empty.count(SHUT, OPEN), "week 26: past its patience with an open lane");
        empty.order(OPEN, new double[] {0, 5, 4});
        assertEquals(0, empty.pending(1), 0, "nothing to lend");
        assertFalse(empty.count(SHUT, OPEN), "counted as lent: not due again");
    }

    @Test
    void onceTheBanHasBeenLiftedForHalfAYearTheLaneTakesItsCapacityBack() {
        LaneRedeployment x = new LaneRedeployment(LANE, MARKET, 26, 13);
        double[] capacity = {10, 5, 4};
        for (int week = 0; week < 26 + 13 * 12; week++) {
            week(x, capacity, SHUT, OPEN);
        }
        for (int week = 0; week < 25; week++) {
            week(x, capacity, NONE, ALL_OPEN);
            assertEquals(15, capacity[0] + capacity[1], 1e-9);
        }
        assertEquals(15, capacity[1], 1e-6);
        for (int week = 0; week < 1 + 13 * 12; week++) {
            week(x, capacity, NONE, ALL_OPEN);
            assertEquals(15, capacity[0] + capacity[1], 1e-9);
        }
        assertEquals(10, capacity[0], 1e-6);
        assertEquals(5, capacity[1], 1e-6);
    }

    /**
     * Runs {@code weeks} weeks with the lanes in one state and checks every week that the capacity of the market's
     * lanes adds up to {@code total} and that no trader's goes below zero (no clip here to hide it).
     */
    private static void weeks(LaneRedeployment x, double[] capacity, boolean[] shut, boolean[] open, int weeks,
            double total) {
        for (int w = 0; w < weeks; w++) {
            week(x, capacity, shut, open);
            double sum = 0;
            for (double c : capacity) {
                assertTrue(c > -1e-9, "no trader's capacity goes below zero: " + c);
                sum += c;
            }
            assertEquals(total, sum, 1e-9, "what one lane loses the others gain");
        }
    }

    /** Lanes 0, 1, 2 (traders A, B, C) all into market 7. */
    static final int[] ONE_MARKET = {7, 7, 7};

    /**
     * Two origins banned one after the other into one market. A (10) is banned from week 1 and at week 26 lends
     * to B (5) and C (5), 5 each. B is banned from week 60 and at week 85 lends all it holds, its own 5 and A's 5,
     * to C, the one lane still open: C now holds 5 + 5 + 5 = 15 of which 10 are A's. A's ban is lifted at week
     * 150 and A recalls at week 175: its 10 come from C, which holds them, not 5 from B and 5 from C. Sharing the
     * recall by what each lane had once borrowed (B 5, C 15 of a claim of 20) would take 2.5 from B, which holds
     * nothing, sending it below zero (and, clipped at zero, making 2.5 out of nothing). When B's ban is lifted it
     * takes its 5 back from C too, and each lane ends with what it started with.
     */
    @Test
    void aLenderRecallsItsCapacityFromWhoeverHoldsItNow() {
        LaneRedeployment x = new LaneRedeployment(LANE, ONE_MARKET, 26, 13);
        double[] capacity = {10, 5, 5};
        boolean[] aShut = {true, false, false};
        boolean[] aShutOpen = {false, true, true};
        boolean[] bothShut = {true, true, false};
        boolean[] bothShutOpen = {false, false, true};
        boolean[] bShut = {false, true, false};
        boolean[] bShutOpen = {true, false, true};
        weeks(x, capacity, aShut, aShutOpen, 59, 20);
        // Ordered in week 26, 5 to each; by week 59 all but a tail of about 0.08 has arrived.
        assertEquals(5, x.held(1, 0), 1e-12);
        assertEquals(5, x.held(2, 0), 1e-12);
        assertEquals(10, x.lentOut(0), 1e-12);
        assertEquals(10, capacity[1], 0.1);
        assertEquals(10, capacity[2], 0.1);
        weeks(x, capacity, bothShut, bothShutOpen, 150 - 60, 20);
        // B has handed on all it held (all but a tail of 10 * 8.1e-5 arrived in the 65 weeks since week 85); the
        // ledger says C holds A's 10 and B's 5.
        assertEquals(0, capacity[1], 1e-3);
        assertEquals(20, capacity[2], 1e-3);
        assertEquals(10, x.held(2, 0), 1e-6);
        assertEquals(5, x.held(2, 1), 1e-6);
        assertEquals(0, x.held(1, 0), 1e-12);
        weeks(x, capacity, bShut, bShutOpen, 300, 20);
        assertEquals(10, capacity[0], 1e-6);
        assertEquals(0, capacity[1], 1e-6);
        assertEquals(10, capacity[2], 1e-6);
        weeks(x, capacity, NONE, ALL_OPEN, 300, 20);
        assertEquals(10, capacity[0], 1e-6);
        assertEquals(5, capacity[1], 1e-6);
        assertEquals(5, capacity[2], 1e-6);
    }

    /**
     * A ban lifted while the capacity is still under way: patience 4 weeks and a 30-week lead, so the lane lends
     * in week 4 and, open again from week 5, recalls in week 8 with most of its 10 still in construction. The
     * order out of B nets against what is still coming in, so B never goes below its own 5 and A gets its 10
     * back. Each of the three stages hands on {@code 3 / 30 = 0.1} of what it holds a week, and the week's move
     * follows the order, so by week 7 the 10 have had four weeks, and only what has passed all three stages in them
     * has arrived: {@code P(Bin(4, 0.1) >= 3) = 4 x 0.001 x 0.9 + 0.0001 = 0.0037}, leaving 9.963 on its way.
     */
    @Test
    void aBanLiftedBeforeTheMoveHasFinishedTakesBackWhatIsStillOnItsWay() {
        LaneRedeployment x = new LaneRedeployment(LANE, MARKET, 4, 30);
        double[] capacity = {10, 5, 4};
        weeks(x, capacity, SHUT, OPEN, 4, 19);
        assertEquals(10, x.pending(1), 1e-12);
        weeks(x, capacity, NONE, ALL_OPEN, 3, 19);
        assertEquals(10 * (1 - 0.0037), x.pending(1), 1e-9, "all but 0.037 still on its way in week 7");
        for (int w = 0; w < 400; w++) {
            weeks(x, capacity, NONE, ALL_OPEN, 1, 19);
            assertTrue(capacity[1] > 5 - 1e-9, "B never gives up its own capacity");
        }
        assertEquals(10, capacity[0], 1e-6);
        assertEquals(5, capacity[1], 1e-6);
        assertEquals(4, capacity[2], 0);
    }

    /**
     * A ban re-imposed during a recall: lane A lends its 10 to B in week 4 (patience 4 weeks, 30-week lead), has
     * them all in B by week 400, is open from week 401 and recalls in week 404; banned again from week 407, it
     * lends again in week 410 with much of its 10 still on its way back. It hands over what it will hold, not
     * only what has arrived, so what is still coming back does not land on the closed lane: B ends with all 15. In
     * week 406 the recall has had three weeks, 404 to 406, of stages that hand on 0.1 a week, and only what passed
     * all three, {@code 0.1^3 = 0.001} of it, is back: 9.99 is still on its way.
     * (Lending only what had arrived, 0.16 of it, left 9.84 of the 10 to land on A's closed lane and lie idle.)
     */
    @Test
    void aBanReimposedDuringARecallLeavesNothingOnTheClosedLane() {
        LaneRedeployment x = new LaneRedeployment(LANE, MARKET, 4, 30);
        double[] capacity = {10, 5, 4};
        weeks(x, capacity, SHUT, OPEN, 400, 19);
        assertEquals(15, capacity[1], 1e-6);
        weeks(x, capacity, NONE, ALL_OPEN, 6, 19);
        assertEquals(10 * (1 - 0.001), x.pending(0), 1e-9, "all but 0.01 of A's 10 still on its way in week 406");
        weeks(x, capacity, SHUT, OPEN, 600, 19);
        assertEquals(0, capacity[0], 1e-6);
        assertEquals(15, capacity[1], 1e-6);
        assertEquals(4, capacity[2], 0);
    }

    /**
     * A lane whose route is closed (not banned) is neither shut by a ban nor open: what it has borrowed stays
     * with its traders, idle as their own capacity is, while the route is closed; it is not passed on, since the
     * route may open again, as a closed strait does. A (10) lends to B (5) and C (5) in week 26; B's route is
     * closed from week 100 and B keeps its 10. A's ban is lifted from week 200 and A recalls in week 225 from
     * both, B's route still closed: 5 from B, 5 from C. If a route is closed when a lane would lend, nothing goes
     * there: with B's and C's routes both closed from week 1, A lends nothing until C's opens in week 40, and then
     * lends its 10 to C alone.
     */
    @Test
    void borrowedCapacityWaitsWithALaneWhoseRouteIsClosed() {
        LaneRedeployment x = new LaneRedeployment(LANE, ONE_MARKET, 26, 13);
        double[] capacity = {10, 5, 5};
        boolean[] aShutOpen = {false, true, true};
        boolean[] bClosedOpen = {false, false, true};
        boolean[] bClosedAOpen = {true, false, true};
        weeks(x, capacity, SHUT, aShutOpen, 99, 20);
        weeks(x, capacity, SHUT, bClosedOpen, 100, 20);
        assertEquals(10, capacity[1], 1e-6);
        assertEquals(10, capacity[2], 1e-6);
        weeks(x, capacity, NONE, bClosedAOpen, 300, 20);
        assertEquals(10, capacity[0], 1e-6);
        assertEquals(5, capacity[1], 1e-6);
        assertEquals(5, capacity[2], 1e-6);

        LaneRedeployment y = new LaneRedeployment(LANE, ONE_MARKET, 26, 13);
        double[] own = {10, 5, 5};
        weeks(y, own, SHUT, NONE, 39, 20);
        assertFalse(y.active(), "nowhere open to lend to");
        weeks(y, own, SHUT, bClosedOpen, 300, 20);
        assertEquals(0, own[0], 1e-6);
        assertEquals(5, own[1], 0);
        assertEquals(15, own[2], 1e-6);
    }

    /**
     * On a growth path a trader's capacity is start * g + added + moved * g, g its destination market's growth
     * factor, and the moves are in base units (capacity over g). Two lanes into one market share g, so a base
     * unit out of one is a base unit into the other at the same g: the lanes' capacity adds up to what it would
     * be without the move, (10 + 5) * g, every week. Here g grows 1% a week. Lane A has also added 2 of its own
     * (plain units, not on the path); that is what stays on A: A hands over (capacity - added) / g. Handing over
     * capacity / g instead, 2 / g(26) of it at week 26, takes 2 * g(t) / g(26) out of A in week t, more than A's
     * 2 as g grows: by week 399 A stands at 2 - 2 * 1.01^373 = -80.6, or, clipped at zero, 80.6 made from
     * nothing.
     */
    @Test
    void onAGrowthPathTheLanesIntoOneMarketKeepTheirCapacityAtTheMarketsGrowth() {
        LaneRedeployment x = new LaneRedeployment(LANE, MARKET, 26, 13);
        double[] start = {10, 5, 4};
        double[] added = {2, 0, 0};
        double[] capacity = new double[3];
        double[] base = new double[3];
        for (int week = 0; week < 400; week++) {
            double g = Math.pow(1.01, week);
            for (int i = 0; i < 3; i++) {
                capacity[i] = start[i] * g + added[i] + x.moved(i) * g;
                base[i] = (capacity[i] - added[i]) / g;
                assertTrue(capacity[i] > -1e-9);
            }
            assertEquals(15 * g + 2, capacity[0] + capacity[1], 1e-9 * g);
            assertEquals(4 * g, capacity[2], 1e-9 * g);
            if (x.count(SHUT, OPEN)) {
                x.order(OPEN, base);
            }
            for (int i = 0; i < 3; i++) {
                x.advance(i);
            }
        }
        double g = Math.pow(1.01, 400);
        assertEquals(2, start[0] * g + added[0] + x.moved(0) * g, 1e-6 * g);
        assertEquals(15 * g, start[1] * g + x.moved(1) * g, 1e-6 * g);
    }

    /**
     * A world written to a checkpoint in the middle of a move and read back goes on as the one that was not:
     * week 30 of a move ordered in week 26, then 100 more weeks each.
     */
    @Test
    void aMoveUnderWayRoundTripsThroughACheckpoint() throws Exception {
        LaneRedeployment x = new LaneRedeployment(LANE, ONE_MARKET, 26, 13);
        double[] capacity = {10, 5, 5};
        boolean[] aShutOpen = {false, true, true};
        weeks(x, capacity, SHUT, aShutOpen, 30, 20);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(x);
        }
        LaneRedeployment y;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            y = (LaneRedeployment) in.readObject();
        }
        double[] resumed = capacity.clone();
        weeks(x, capacity, SHUT, aShutOpen, 50, 20);
        weeks(y, resumed, SHUT, aShutOpen, 50, 20);
        weeks(x, capacity, NONE, ALL_OPEN, 50, 20);
        weeks(y, resumed, NONE, ALL_OPEN, 50, 20);
        for (int i = 0; i < 3; i++) {
            assertEquals(capacity[i], resumed[i], 0);
            assertEquals(x.held(i, 0), y.held(i, 0), 0);
        }
    }

    /**
     * Random histories: two to five lanes into one market, one to three traders on each, patience 1 to 8 weeks and
     * a lead of 1 to 40; every week each lane is banned, has its ban lifted, has its route closed or opened, at
     * random, for 500 weeks, then all open for 700. Every week the market's lanes add up and no trader goes below
     * zero; at the end every lane has taken back all it lent. (Sharing a lend by the receivers' arrived capacity
     * let a lane whose own capacity was still on its way back, holding a rounding error below zero, take a
     * negative share: capacities of minus hundreds of thousands in such histories.)
     */
    @Test
    void inRandomHistoriesOfBansAndClosuresCapacityIsKeptAndComesHome() {
        for (int run = 0; run < 500; run++) {
            java.util.Random random = new java.util.Random(run);
            int lanes = 2 + random.nextInt(4);
            int n = lanes + random.nextInt(4);
            int[] lane = new int[n];
            for (int i = 0; i < n; i++) {
                lane[i] = i < lanes ? i : random.nextInt(lanes);
            }
            LaneRedeployment x = new LaneRedeployment(lane, new int[lanes], 1 + random.nextInt(8),
                    1 + random.nextInt(40));
            double[] capacity = new double[n];
            double[] laneStart = new double[lanes];
            double total = 0;
            for (int i = 0; i < n; i++) {
                capacity[i] = 1 + random.nextInt(10);
                laneStart[lane[i]] += capacity[i];
                total += capacity[i];
            }
            boolean[] shut = new boolean[lanes];
            boolean[] open = new boolean[lanes];
            int[] state = new int[lanes]; // 0 open, 1 banned, 2 route closed
            for (int week = 0; week < 1200; week++) {
                for (int e = 0; e < lanes; e++) {
                    if (random.nextDouble() < 0.03) {
                        state[e] = random.nextDouble() < 0.7 ? (state[e] == 1 ? 0 : 1) : (state[e] == 2 ? 0 : 2);
                    }
                    if (week >= 500) {
                        state[e] = 0;
                    }
                    shut[e] = state[e] == 1;
                    open[e] = state[e] == 0;
                }
                weeks(x, capacity, shut, open, 1, total);
            }
            double[] laneEnd = new double[lanes];
            for (int i = 0; i < n; i++) {
                laneEnd[lane[i]] += capacity[i];
            }
            for (int e = 0; e < lanes; e++) {
                assertEquals(laneStart[e], laneEnd[e], 1e-9, "run " + run + ", lane " + e);
            }
        }
    }
}
