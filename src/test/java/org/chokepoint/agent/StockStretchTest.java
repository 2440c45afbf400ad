package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A cracker planning 10 kt of ethylene a week from 3 t of naphtha per tonne (30 kt a week) holds five weeks of
 * naphtha, 150 kt, and stretches a threatened stock over 13 weeks.
 */
class StockStretchTest {
    private final StockStretch stretch = new StockStretch(13);

    @Test
    void withItsWholeSupplyThreatenedItRunsAtWhatItsStockAllowsOverTheStretch() {
        // 150 kt over 13 weeks is 11.54 kt of naphtha a week, 3.846 kt of ethylene: 38% of its plan.
        assertEquals(150.0 / 13 / 3, stretch.most(10, 3, 150, 1.0), 1e-12);
        assertEquals(3.846, stretch.most(10, 3, 150, 1.0), 1e-3);
    }

    @Test
    void withHalfItsSupplyThreatenedItAddsWhatItStillExpectsToReceive() {
        // Half its use keeps coming (5 kt of ethylene's worth) plus 3.846 from its stock: 8.846 kt.
        assertEquals(8.846, stretch.most(10, 3, 150, 0.5), 1e-3);
    }

    @Test
    void aStockThatLastsLongerThanTheStretchAtFullRunsOrNoRiskLeavesThePlanAlone() {
        // 20 weeks of stock at a fifth of supply at risk: 0.8 x 10 + 600 / (3 x 13) = 8 + 15.385 = 23.385, above
        // the plan, which binds.
        assertEquals(23.385, stretch.most(10, 3, 600, 0.2), 1e-3);
        assertEquals(10, Math.min(10, stretch.most(10, 3, 600, 0.2)), 1e-12);
        assertEquals(10, stretch.most(10, 3, 150, 0.0), 1e-12);
        assertEquals(10, new StockStretch(0).most(10, 3, 150, 1.0), 1e-12);
    }

    @Test
    void aLastingCutRunsTheStockDownGeometricallyAndNeverToNothing() {
        // With r = 1 and nothing coming in, each week uses 1/13 of what is left: after 13 weeks (12/13)^13 of it,
        // 35.3%, remains, where a firm running flat out would have had nothing from week six on.
        double stock = 150;
        for (int week = 0; week < 13; week++) {
            stock -= 3 * stretch.most(10, 3, stock, 1.0);
        }
        assertEquals(150 * Math.pow(12.0 / 13, 13), stock, 1e-9);
        assertEquals(0.3533, stock / 150, 1e-4);
    }
}
