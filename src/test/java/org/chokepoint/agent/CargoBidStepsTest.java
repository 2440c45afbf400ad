package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A trader bids for cargo in steps along the margins the cargo leaves, so that a seller asking a little more
 * sells a little less rather than nothing: at every origin under {@code sellerAsk: normalSales}, under {@code plan}
 * only where traders are the origin's only buyers.
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
            assertEquals(expected[k - 1], CargoBidSteps.stepLimit(700, 0.02, 2, k, 4, 30, 0, 0, 0, 1e9), 1e-6,
                    "step " + k);
        }
    }

    /**
     * Under {@code sellerAsk: ladder} the steps reach only the least margin: the same trader's four steps ask
     * margins of 0.25%, 0.75%, 1.25% and 1.75%, so it pays up to 700 / 1.0025 − 30 = 668.254, 700 / 1.0075 − 30 =
     * 664.789, 700 / 1.0125 − 30 = 661.358 and 700 / 1.0175 − 30 = 657.961: at an origin price of 657, which
     * leaves it 700 / 687 − 1 = 1.9%, it buys its whole order, and at 663, which leaves it 1.0%, the first two steps.
     */
    @Test
    void underTheLadderRuleTheWholeOrderIsBoughtAtTheLeastMargin() {
        double[] expected = {668.2543641, 664.7890819, 661.3580247, 657.9606880};
        for (int k = 1; k <= 4; k++) {
            assertEquals(expected[k - 1], CargoBidSteps.stepLimit(700, 0.02, 1, k, 4, 30, 0, 0, 0, 1e9), 1e-6,
                    "step " + k);
        }
    }

    /**
     * A 10% export tax with a 4% rebate: the first step pays (700 / 1.005 − 30 + 4) / 1.1 = 609.561; a limit
     * of 620 (the trader's urgency) lifts it, a ceiling of 600 (what the cargo is worth with the pass-through)
     * caps it.
     */
    @Test
    void dutiesComeOffEveryStepAndTheLimitAndCeilingBound() {
        assertEquals(609.5612845, CargoBidSteps.stepLimit(700, 0.02, 2, 1, 4, 30, 4, 0.10, 0, 1e9), 1e-6);
        assertEquals(620.0, CargoBidSteps.stepLimit(700, 0.02, 2, 1, 4, 30, 4, 0.10, 620, 1e9), 0.0);
        assertEquals(600.0, CargoBidSteps.stepLimit(700, 0.02, 2, 1, 4, 30, 4, 0.10, 0, 600), 0.0);
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
            assertEquals(lifted[k - 1], CargoBidSteps.stepLimit(700, 0.02, 2, k, 4, 30, 0, 0, 676.5174129, 1e9), 1e-6,
                    "lifted step " + k);
            assertEquals(unlifted[k - 1], CargoBidSteps.stepLimit(700, 0.02, 2, k, 4, 30, 0, 0, 655, 1e9), 1e-6,
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
        assertEquals(1.5024876, CargoBidSteps.stepLimit(100, 0.02, 2, 1, 4, 98, 0, 0, 1, 1e9), 1e-6);
        assertEquals(0.5221675, CargoBidSteps.stepLimit(100, 0.02, 2, 2, 4, 98, 0, 0, 1, 1e9), 1e-6);
        assertEquals(0.0, CargoBidSteps.stepLimit(100, 0.02, 2, 3, 4, 98, 0, 0, 1, 1e9), 0.0);
        assertEquals(0.0, CargoBidSteps.stepLimit(100, 0.02, 2, 4, 4, 98, 0, 0, 1, 1e9), 0.0);
    }

    /**
     * In the naphtha scenario seven traders load in the Middle East, whose refiners sell only to them: each bids in
     * three steps (sixteen bids a book: 16 / 7 rounded up). Final demand for naphtha buys in the United States and
     * the rest of Asia too, but bids its reservation, far above the going price, so it does not slope the book
     * where the lanes buy: the five traders loading in the United States bid four steps each (16 / 5 rounded up is
     * four, the most), the three in the rest of Asia four as well.
     */
    @Test
    void everyTraderBidsInStepsByHowManyTradersLoadAtItsOrigin() throws Exception {
        ObjectNode json = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026.json")).json().deepCopy();
        assertStepsByOrigin(json, Map.of("ME", 3, "US", 4, "ROW", 4));
    }

    /**
     * The same scenario under {@code sellerAsk: plan}: the Middle East's traders, its refiners' only buyers, still bid
     * in three steps; those loading where final demand buys too bid one limit, as the rule had them before.
     */
    @Test
    void underThePlansAskTradersBidInStepsOnlyWhereTheyAreTheOnlyBuyers() throws Exception {
        ObjectNode json = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026.json")).json().deepCopy();
        ((ObjectNode) json.get("behaviour")).put("sellerAsk", "plan");
        assertStepsByOrigin(json, Map.of("ME", 3, "US", 0, "ROW", 0));
    }

    /** Every trader of the scenario bids in the steps given for the region it loads in. */
    private static void assertStepsByOrigin(ObjectNode json, Map<String, Integer> steps) throws Exception {
        SupplyShockModel m = new SupplyShockModel(ScenarioLoader.fromJson(json, "naphtha").scenario(), 1, 10);
        m.start();
        Traders t = m.traders();
        for (int i = 0; i < t.count; i++) {
            String origin = m.world().region(t.origin[i]).id();
            assertEquals(steps.get(origin), t.originSteps(i), t.id(i));
        }
    }
}
