package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A trader's shipping capacity grows only for a lasting rent it cannot serve: hurdle 25%, patience 26 weeks,
 * a project of 20% of capacity, a thirteen-week lead.
 */
class LaneExpansionTest {
    static final double CAPACITY = 10;

    @Test
    void aFullLaneEarningMoreThanTheHurdleForHalfAYearOrdersAFifthOfItsCapacity() {
        LaneExpansion x = new LaneExpansion(1, 0.25, 26, 0.2, 13);
        // Landed at 100, sold at 130: a 30% margin, above the 25% hurdle, with every tonne of capacity bought.
        for (int week = 1; week <= 25; week++) {
            x.decide(0, CAPACITY, CAPACITY, 130, 100);
            assertEquals(0, x.pending(0) + x.added(0), 1e-12, "nothing ordered before week 26");
        }
        x.decide(0, CAPACITY, CAPACITY, 130, 100);
        // Ordered in week 26: 0.2 x 10 = 2 t a week of capacity, of which the first stage passes on 3/13 at once.
        assertEquals(2.0, x.pending(0) + x.added(0), 1e-12);
        // Three stages of 3/13 a week each: after a year nearly all of it is in use, and none is lost on the way.
        for (int week = 27; week <= 26 + 52; week++) {
            x.decide(0, CAPACITY, 0, 100, 100);
        }
        assertEquals(2.0, x.pending(0) + x.added(0), 1e-12);
        double inUse = x.added(0);
        double q = 1 - 3.0 / 13;
        // The share still in the three stages after n further weeks is that of an Erlang-3 delay in discrete time.
        int n = 52 + 1;
        double left = Math.pow(q, n) * (1 + n * (1 - q) / q + n * (n - 1) / 2.0 * Math.pow((1 - q) / q, 2));
        assertEquals(2.0 * (1 - left), inUse, 1e-9);
    }

    @Test
    void aLaneBelowItsCapacityOrBelowTheHurdleAddsNothing() {
        LaneExpansion x = new LaneExpansion(2, 0.25, 26, 0.2, 13);
        for (int week = 0; week < 200; week++) {
            // Trader 0 earns 50% but ships only 90% of its capacity (a quota holds it back);
            // trader 1 ships all it can at a 20% margin, under the hurdle.
            x.decide(0, CAPACITY, 0.9 * CAPACITY, 150, 100);
            x.decide(1, CAPACITY, CAPACITY, 120, 100);
        }
        assertEquals(0, x.pending(0) + x.added(0), 0);
        assertEquals(0, x.pending(1) + x.added(1), 0);
    }

    @Test
    void aRentInterruptedBeforeHalfAYearStartsTheCountAgain() {
        LaneExpansion x = new LaneExpansion(1, 0.25, 26, 0.2, 13);
        for (int week = 0; week < 25; week++) {
            x.decide(0, CAPACITY, CAPACITY, 130, 100);
        }
        x.decide(0, CAPACITY, CAPACITY, 110, 100);
        for (int week = 0; week < 25; week++) {
            x.decide(0, CAPACITY, CAPACITY, 130, 100);
        }
        assertEquals(0, x.pending(0) + x.added(0), 0);
    }
}
