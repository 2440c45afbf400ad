package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A trader selling 10 t a week on a four-week route, its ships able to carry 30 t a week, buying ahead of a
 * restriction announced weeks before it bites.
 */
class FrontRunningTest {

    @Test
    void itsWarehouseEndsFrontRunningBeforeItsShipsDo() {
        // 13 weeks of storage, premium 15%, carrying 10% a year (0.1923% a week): finance allows 2 x 0.15 /
        // 0.001923 = 156 weeks, so storage binds. It may hold 10 x (13 + 4) = 170 t landed and at sea.
        FrontRunning f = new FrontRunning(13, 0.15, 0.10 / 52);
        assertEquals(13, f.coverTicks(), 1e-12);
        // Holding its usual 30 t landed and 30 t at sea, it buys all its ships carry.
        assertEquals(30, f.purchase(10, 30, 30, 4, 30), 1e-12);
        // With 120 t landed and 45 t at sea it buys the 5 t that fill its warehouse.
        assertEquals(5, f.purchase(10, 120, 45, 4, 30), 1e-12);
        // Full, it buys nothing more: what it sells is replaced next week.
        assertEquals(0, f.purchase(10, 130, 45, 4, 30), 1e-12);
    }

    @Test
    void dearMoneyEndsItSooner() {
        // Carrying at 1% a week, a 15% premium pays for at most 2 x 0.15 / 0.01 = 30 weeks; at 3% a week for 10,
        // below the 13 weeks of storage: it then holds at most 10 x (10 + 4) = 140 t.
        assertEquals(13, new FrontRunning(13, 0.15, 0.01).coverTicks(), 1e-12);
        FrontRunning dear = new FrontRunning(13, 0.15, 0.03);
        assertEquals(10, dear.coverTicks(), 1e-9);
        assertEquals(20, dear.purchase(10, 90, 30, 4, 30), 1e-9);
    }

    @Test
    void followingItsPathWeekByWeekItFillsItsWarehouseAndStops() {
        // Selling nothing while it holds out for the premium, a trader starting with 30 t landed and 30 t at sea
        // buys 30 t a week: cargo lands four weeks later, so landed + at sea grows by 30 a week, 60 -> 170 in
        // weeks 1-4 (30, 30, 30, then the 20 that fill it), and nothing after.
        FrontRunning f = new FrontRunning(13, 0.15, 0.10 / 52);
        double held = 60;
        double[] bought = new double[6];
        for (int week = 0; week < 6; week++) {
            bought[week] = f.purchase(10, held, 0, 4, 30);
            held += bought[week];
        }
        assertEquals(30, bought[0], 1e-12);
        assertEquals(30, bought[2], 1e-12);
        assertEquals(20, bought[3], 1e-12);
        assertEquals(0, bought[4], 1e-12);
        assertEquals(170, held, 1e-12);
    }
}
