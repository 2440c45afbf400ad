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
    void atItsTargetEveryStepBidsTheValueOfTheMiddleOfItsBlockAndTheFirstStepsMore() {
        // The first quarter of its use, valued at its middle unit, leaves 6 - 0.875 = 5.125 weeks:
        // (6 / 5.125)^0.2 = 1.03203.
        assertEquals(1.03203, BidSteps.ratio(6, 6, 1, 1, 4, ETA, 0.5, 3), 1e-5);
        // The second and third quarters, at 5.375 and 5.625 weeks: 1.02224 and 1.01299.
        assertEquals(1.02224, BidSteps.ratio(6, 6, 1, 2, 4, ETA, 0.5, 3), 1e-5);
        assertEquals(1.01299, BidSteps.ratio(6, 6, 1, 3, 4, ETA, 0.5, 3), 1e-5);
        // The last quarter's middle unit leaves 5.875 weeks: (6 / 5.875)^0.2 = 1.00422, a little over the price
        // it expects, so a seller at its own target asking exactly that price sells it the whole of its use even
        // when the buyer holds a little more than its target; only the last unit of the order is worth exactly
        // the expected price.
        assertEquals(1.00422, BidSteps.ratio(6, 6, 1, 4, 4, ETA, 0.5, 3), 1e-5);
    }

    @Test
    void sellersAskingOneAndAHalfPercentMoreStillSellItHalfItsUse() {
        // Steps 1 and 2 (1.032, 1.022) clear an ask at 1.015; steps 3 and 4 (1.013, 1.004) do not.
        int filled = 0;
        for (int k = 1; k <= 4; k++) {
            if (BidSteps.ratio(6, 6, 1, k, 4, ETA, 0.5, 3) >= 1.015) {
                filled++;
            }
        }
        assertEquals(2, filled);
    }

    @Test
    void theOnlyBuyersOfAnInputBidFourStepsAndAFirmAmongSixteenOne() {
        // A book should hold sixteen bids from the firms buying in it: one or two buyers are capped at four steps,
        // five need four (ceil(16/5)), six three, eight two, sixteen and more one each.
        assertEquals(4, BidSteps.count(1));
        assertEquals(4, BidSteps.count(2));
        assertEquals(4, BidSteps.count(5));
        assertEquals(3, BidSteps.count(6));
        assertEquals(2, BidSteps.count(8));
        assertEquals(1, BidSteps.count(16));
        assertEquals(1, BidSteps.count(30_000));
    }

    @Test
    void aBuyerAmongManyBidsItsWholeOrderAtItsStockRatio() {
        // One step: at its target it bids the price it expects; with 7.5 weeks held, (6 / 7.5)^0.2 = 0.95635.
        assertEquals(1.0, BidSteps.ratio(6, 6, 1, 1, 1, ETA, 0.5, 3), 1e-12);
        assertEquals(0.95635, BidSteps.ratio(6, 7.5, 1, 1, 1, ETA, 0.5, 3), 1e-5);
    }

    @Test
    void aBuyerLongInStockBidsLessAndOneRunningDryUpToItsCap() {
        // Twelve weeks held against six: the last step's middle unit leaves 11.875, (6 / 11.875)^0.2 = 0.87238.
        assertEquals(0.87238, BidSteps.ratio(6, 12, 1, 4, 4, ETA, 0.5, 3), 1e-5);
        // Half a week held: its first step would leave nothing, so it bids the highest ratio allowed.
        assertEquals(3.0, BidSteps.ratio(6, 0.5, 1, 1, 4, ETA, 0.5, 3), 1e-12);
        // The lowest ratio holds however long the buyer is.
        assertEquals(0.5, BidSteps.ratio(6, 6e6, 1, 4, 4, ETA, 0.5, 3), 1e-12);
    }
}
