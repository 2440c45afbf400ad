package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
