package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * Where traders are an origin's only buyers, each bids for cargo in steps along the margins the cargo leaves,
 * so that a seller asking a little more sells a little less rather than nothing.
 */
class CargoBidStepsTest {

    /**
     * Naphtha worth 700 $/t at the destination net of duties, 30 $/t freight, a trader whose least margin is 2%,
     * four steps: margins of 0.5%, 1.5%, 2.5% and 3.5% (they average 2%), so it pays up to 700 / 1.005 − 30 =
     * 666.517, 700 / 1.015 − 30 = 659.655, 700 / 1.025 − 30 = 652.927 and 700 / 1.035 − 30 = 646.329.
     */
    @Test
    void stepsBuyLessAsTheOriginPriceEatsIntoTheMargin() {
        double[] expected = {666.5174129, 659.6551724, 652.9268293, 646.3285024};
        for (int k = 1; k <= 4; k++) {
            assertEquals(expected[k - 1], Traders.stepLimit(700, 0.02, k, 4, 30, 0, 0, 0, 1e9), 1e-6, "step " + k);
        }
    }

    /**
     * A 10% export tax with a 4% rebate: the first step pays (700 / 1.005 − 30 + 4) / 1.1 = 609.561; a limit
     * of 620 (the trader's urgency) lifts it, a ceiling of 600 (what the cargo is worth with the pass-through)
     * caps it.
     */
    @Test
    void dutiesComeOffEveryStepAndTheLimitAndCeilingBound() {
        assertEquals(609.5612845, Traders.stepLimit(700, 0.02, 1, 4, 30, 4, 0.10, 0, 1e9), 1e-6);
        assertEquals(620.0, Traders.stepLimit(700, 0.02, 1, 4, 30, 4, 0.10, 620, 1e9), 0.0);
        assertEquals(600.0, Traders.stepLimit(700, 0.02, 1, 4, 30, 4, 0.10, 0, 600), 0.0);
    }

    /**
     * The same four steps (666.517, 659.655, 652.927, 646.329) when the lane's urgency lifts the trader's one
     * limit to 676.517, ten above its first step: every step moves up by ten, to 676.517, 669.655, 662.927 and
     * 656.329, so the schedule keeps its slope rather than stacking all four at the limit. A limit of 655, below
     * the first step, leaves the steps where the margins put them.
     */
    @Test
    void urgencyLiftsTheWholeScheduleAndKeepsItsSlope() {
        double[] lifted = {676.5174129, 669.6551724, 662.9268293, 656.3285024};
        double[] unlifted = {666.5174129, 659.6551724, 652.9268293, 646.3285024};
        for (int k = 1; k <= 4; k++) {
            assertEquals(lifted[k - 1], Traders.stepLimit(700, 0.02, k, 4, 30, 0, 0, 676.5174129, 1e9), 1e-6,
                    "lifted step " + k);
            assertEquals(unlifted[k - 1], Traders.stepLimit(700, 0.02, k, 4, 30, 0, 0, 655, 1e9), 1e-6,
                    "step " + k);
        }
    }

    /**
     * Freight of 98 on a cargo worth 100: the first two steps pay 100 / 1.005 − 98 = 1.502 and 100 / 1.015 − 98 =
     * 0.522, while margins of 2.5% and 3.5% cannot be earned at any origin price (100 / 1.025 − 98 < 0), so
     * those steps bid nothing.
     */
    @Test
    void aMarginFreightLeavesNoRoomForIsBidAtNothing() {
        assertEquals(1.5024876, Traders.stepLimit(100, 0.02, 1, 4, 98, 0, 0, 1, 1e9), 1e-6);
        assertEquals(0.5221675, Traders.stepLimit(100, 0.02, 2, 4, 98, 0, 0, 1, 1e9), 1e-6);
        assertEquals(0.0, Traders.stepLimit(100, 0.02, 3, 4, 98, 0, 0, 1, 1e9), 0.0);
        assertEquals(0.0, Traders.stepLimit(100, 0.02, 4, 4, 98, 0, 0, 1, 1e9), 0.0);
    }

    /**
     * In the naphtha scenario the Middle East's refiners sell only to the seven traders of the lanes to Japan
     * and to the rest of Asia: each bids in three steps (sixteen bids a book, rounded up). The lanes that load
     * in the United States and the rest of Asia buy where final demand for naphtha buys too, and bid one limit.
     */
    @Test
    void onlyTradersOfAnOriginWithNoOtherBuyerBidInSteps() throws Exception {
        var s = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026.json")).scenario();
        SupplyShockModel m = new SupplyShockModel(s, 1, 10);
        m.start();
        Traders t = m.traders();
        World w = m.world();
        int me = w.regionIndex("ME");
        for (int i = 0; i < t.count; i++) {
            int expected = t.origin[i] == me ? 3 : 0;
            assertEquals(expected, t.originSteps(i), t.id(i));
        }
    }
}
