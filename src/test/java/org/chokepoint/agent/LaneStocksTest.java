package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A lane's traders ask and bid by the lane's stock, summed over them: a lane long in stock cuts its ask by
 * {@code (target / stock)^η}, one short of what its sales need lifts its bids by {@code (needed / held)^η},
 * within the bounds of the ratio (η = 0.2, ratios within 0.5 and 3, stranded beyond 4 times its target).
 */
class LaneStocksTest {
    private static LaneStocks lanes() {
        return new LaneStocks(2, 4, 0.2, 0.5, 3);
    }

    @Test
    void aLaneLongInStockCutsItsAskByItsTradersSummedStock() {
        LaneStocks l = lanes();
        l.clear();
        // Two traders of lane 0, each selling 10 a tick with 2 ticks of cover: a target of 3 x 20 = 60 against a
        // stock of 120, the ask cut to (60 / 120)^0.2 = 0.8706. Each has 30 at sea on a 3-tick voyage and expects
        // to sell 10: it needs (2 + 3) x 10 = 50 of stock and cargo at sea, the lane 100 against the 180 it holds.
        l.add(0, 50, 30, 10, 10, 2, 3);
        l.add(0, 70, 30, 10, 10, 2, 3);
        l.ratios();
        assertEquals(60, l.target[0], 1e-12);
        assertEquals(120, l.stock[0], 1e-12);
        assertEquals(0.870550563, l.askCut[0], 1e-9);
        assertFalse(l.stranded[0]);
        assertEquals(Math.pow(100.0 / 180, 0.2), l.urgency[0], 1e-15);
    }

    @Test
    void aLaneFarBeyondItsTargetIsStrandedAndOneWithNothingBidsItsHighestRatio() {
        LaneStocks l = lanes();
        l.clear();
        // Lane 0 holds 5,000 against a target of 3 x 10 = 30: the cut stops at the ratio's floor, 0.5, and the
        // stock is stranded. Lane 1 holds nothing and has nothing at sea: its bids go to the highest ratio.
        l.add(0, 5000, 0, 10, 10, 2, 1);
        l.add(1, 0, 0, 10, 10, 2, 0);
        l.ratios();
        assertEquals(0.5, l.askCut[0], 0.0);
        assertTrue(l.stranded[0]);
        assertEquals(3.0, l.urgency[1], 0.0);
        // A lane short of stock asks no more than its cost-plus price: the cut is at most 1.
        assertEquals(1.0, l.askCut[1], 0.0);
        assertFalse(l.stranded[1]);
    }

    @Test
    void eachTicksSumsStartFromNothing() {
        LaneStocks l = lanes();
        l.add(0, 50, 30, 10, 10, 2, 3);
        l.clear();
        l.add(0, 20, 0, 10, 10, 2, 3);
        assertEquals(20, l.stock[0], 0.0);
        assertEquals(30, l.target[0], 0.0);
        assertEquals(20, l.held[0], 0.0);
        assertEquals(50, l.needed[0], 0.0);
    }
}
