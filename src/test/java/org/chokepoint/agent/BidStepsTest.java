package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A manufacturer's bid as a demand schedule: a separator holding six weeks of ore against a six-week target and
 * using one week's worth this tick, with η = 0.2.
 */
class BidStepsTest {
    private static final double ETA = 0.2;

    @Test
    void atItsTargetTheLastStepBidsTheExpectedPriceAndTheFirstStepsMore() {
        // Buying a quarter of its use leaves 6 - 0.75 = 5.25 weeks: (6 / 5.25)^0.2 = 1.02706.
        assertEquals(1.02706, BidSteps.ratio(6, 6, 1, 1, ETA, 0.5, 3), 1e-5);
        // Half its use leaves 5.5 weeks: (6 / 5.5)^0.2 = 1.01755; three quarters, 5.75: 1.00855.
        assertEquals(1.01755, BidSteps.ratio(6, 6, 1, 2, ETA, 0.5, 3), 1e-5);
        assertEquals(1.00855, BidSteps.ratio(6, 6, 1, 3, ETA, 0.5, 3), 1e-5);
        // The whole of its use keeps the stock at its target: it pays the price it expects, no more.
        assertEquals(1.0, BidSteps.ratio(6, 6, 1, 4, ETA, 0.5, 3), 1e-12);
    }

    @Test
    void sellersAskingOnePercentMoreStillSellItHalfItsUse() {
        // Steps 1 and 2 (1.027, 1.018) clear an ask at 1.01; steps 3 and 4 (1.009, 1.0) do not.
        int filled = 0;
        for (int k = 1; k <= BidSteps.STEPS; k++) {
            if (BidSteps.ratio(6, 6, 1, k, ETA, 0.5, 3) >= 1.01) {
                filled++;
            }
        }
        assertEquals(2, filled);
    }

    @Test
    void aBuyerLongInStockBidsLessAndOneRunningDryUpToItsCap() {
        // Twelve weeks held against six: the last step (6 / 12)^0.2 = 0.87055.
        assertEquals(0.87055, BidSteps.ratio(6, 12, 1, 4, ETA, 0.5, 3), 1e-5);
        // Half a week held: its first step would leave nothing, so it bids the highest ratio allowed.
        assertEquals(3.0, BidSteps.ratio(6, 0.5, 1, 1, ETA, 0.5, 3), 1e-12);
        // The lowest ratio holds however long the buyer is.
        assertEquals(0.5, BidSteps.ratio(6, 6e6, 1, 4, ETA, 0.5, 3), 1e-12);
    }
}
