package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a price far above cost is a rent on plant. The firm is the minimal scenario's mine: capacity 100,
 * {@code MC(q) = 20 + 30 (q / 100)^2}, so its marginal cost at full capacity is 50 and, at the default hurdle of
 * 25%, a net price above {@code 1.25 * 50 = 62.5} held for 26 weeks says its plant is short: it orders a fifth of
 * its capacity, 20. It normally runs at 80% of its capacity.
 *
 * <p>Plant is short only where nothing else holds the firm back. One whose sales have fallen to 30 a week, below
 * nine tenths of its normal 80 (72), has plants standing idle for want of buyers or of inputs, as a device maker
 * starved of wafers by an export ban; one that may make only 58 of its 100, as a recycler whose scrap fills 58%
 * of its plant, would add plant its scrap leaves idle. Neither orders anything, however long the price lasts.
 */
class CapacityDecisionsTest {
    static final double NET_PRICE = 80;

    Firms firms;
    CapacityDecisions decisions;
    int mine;

    @BeforeEach
    void aMineWhosePriceStandsFarAboveItsFullCost() throws Exception {
        firms = MinimalMine.firms();
        mine = MinimalMine.MINE;
        decisions = MinimalMine.defaultDecisions(firms, -1);
        MinimalMine.operatingOnItsWholePlant(firms);
        assertEquals(50.0, firms.costAtCapacity(mine), 1e-9, "MC(100) = 20 + 30");
    }

    /** Week by week at the same net price and sales; returns the capacity it ordered in all. */
    private double weeks(int n, double sales) {
        double ordered = 0;
        for (int t = 0; t < n; t++) {
            firms.capacityNetPrice[mine] = NET_PRICE;
            firms.normalSales[mine] = sales;
            decisions.decide(mine, t);
            ordered += firms.ordered(mine);
        }
        return ordered;
    }

    @Test
    void aMineSellingAtItsNormalRateBuildsAFifthOfItsCapacityAfterTwentySixWeeks() {
        assertEquals(0.0, weeks(25, 80), 0.0, "no order before the price has held for 26 weeks");
        assertEquals(20.0, weeks(1, 80), 1e-9, "a fifth of 100 in the 26th week");
    }

    @Test
    void aMineWhosePlantsStandIdleBuildsNothingForTheSamePrice() {
        assertEquals(0.0, weeks(104, 30), 0.0, "two years at 80 against a full cost of 50, selling 30 of 100");
        assertEquals(100.0, firms.capacity[mine], 0.0);
    }

    @Test
    void aFirmWhoseFeedstockFillsPartOfItsPlantBuildsNothingForTheSamePrice() {
        firms.normalUtilization[mine] = 0.58;
        firms.availableCapacity[mine] = 58;
        assertEquals(0.0, weeks(104, 58), 0.0, "two years selling all the 58 its scrap lets it make");
    }

    /**
     * An outage leaves the mine half its plant, 50, and it sells its normal 80% of that, 40: it has not lost its
     * buyers, it has lost plant, and at 80 against a full cost of 50 it builds as a mine selling its normal rate
     * does, a fifth of its 100 in the 26th week. Read on its whole plant, 40 against 0.9 × 0.8 × 100 = 72 made it
     * an idle mine, and it built nothing while the outage lasted.
     */
    @Test
    void aMineHalvedByAnOutageSellingItsNormalShareOfWhatIsLeftStillBuilds() {
        firms.setOperableShare(firms.market(mine), 0.5);
        firms.availableCapacity[mine] = 50;
        assertEquals(20.0, weeks(26, 40), 1e-9, "26 weeks at 80 selling 40 of the 50 the outage leaves");
    }

    @Test
    void aMineWhoseSalesComeBackBuildsOnceTheyDo() {
        assertEquals(0.0, weeks(40, 30), 0.0, "40 weeks above the hurdle, plants idle");
        assertEquals(20.0, weeks(1, 80), 1e-9, "the week it sells its normal rate again, the price having held");
    }
}
