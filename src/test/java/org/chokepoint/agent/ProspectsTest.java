package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A declared project deciding on its levelised cost. The capital recovery factor at 8% over 20 years is
 * {@code 0.08 / (1 − 1.08^−20)}: 1.08^20 = 4.660957, its inverse 0.2145482, so the factor is
 * 0.08 / 0.7854518 = 0.1018522 a year. A plant costing 1,000 dollars per tonne of yearly capacity, run at 80% of
 * it, carries 1,000 × 0.1018522 / 0.8 = 127.32 dollars of capital a tonne it makes.
 *
 * <p>The prospect is the minimal scenario's separator, {@code MC(q) = 20 + 30 (q / 100)^2} on 100 a week, a dollar
 * a unit at a price of 1, run at 80%: its average variable cost there is 20 + 30 × 0.8² / 3 = 26.4. At a capex of
 * 100 dollars per unit of yearly capacity the capital charge is 100 × 0.1018522 / 0.8 = 12.7315, so its levelised
 * cost is 39.1315. Its goods fetching 39.2, it commits in its 26th week, week 25, and, with the 78-week lead of a
 * refinery, produces from week 25 + 78 = 103; fetching 39.1, a few cents short, it never commits.
 */
class ProspectsTest {
    static final double CRF_8_20 = 0.08 / (1 - 1 / 4.660957);

    Firms firms;
    CapacityDecisions decisions;
    int plant;

    @BeforeEach
    void aSeparatorDeclaredAsAProspect() throws Exception {
        firms = MinimalMine.firms();
        plant = MinimalMine.MINE;
        decisions = MinimalMine.defaultDecisions(firms, -1);
        decisions.setProspects(Prospects.single(firms, plant, 100, 0.08, 20, 52, 26));
        firms.normalUtilization[plant] = 0.8;
        assertEquals(78, firms.leadTicks[plant], "a refinery's default lead");
    }

    @Test
    void theCapitalRecoveryFactorAndTheChargeAUnit() {
        assertEquals(0.1018522, CapitalCharge.capitalRecoveryFactor(0.08, 20), 1e-7);
        assertEquals(0.1018522, CRF_8_20, 1e-7);
        assertEquals(1.0 / 20, CapitalCharge.capitalRecoveryFactor(0, 20), 0.0, "at no interest, a twentieth a year");
        Prospects.single(firms, plant, 1000, 0.08, 20, 52, 26);
        assertEquals(1000 * 0.1018522 / 0.8, new CapitalCharge(firms, CRF_8_20, 52).perUnit(plant, 1.0), 1e-4, "127.32 a unit");
    }

    /**
     * At a rate of 1e-17 a dollar over 20 years is repaid at 1/20 a year, as at no interest: (1 + 1e-17) is 1 in a
     * double, so the factor must not be read off 1 − (1 + r)^−20, which is 0. A prospect whose capex is 0 then has
     * no capital charge and decides on its average variable cost alone.
     */
    @Test
    void aRateTooSmallToAddToOneRecoversOverTheLifeAsAtNoInterest() {
        assertEquals(1.0 / 20, CapitalCharge.capitalRecoveryFactor(1e-17, 20), 1e-15);
        assertEquals(1.0 / 20, CapitalCharge.capitalRecoveryFactor(Double.MIN_VALUE, 20), 1e-15);
        assertEquals(1.0 / 200, CapitalCharge.capitalRecoveryFactor(1e-300, 200), 1e-15);
        Prospects free = Prospects.single(firms, plant, 0, 1e-17, 20, 52, 26);
        assertEquals(26.4, free.levelisedCost(plant, 0), 1e-9, "no capital to recover");
    }

    @Test
    void theLevelisedCostIsTheAverageVariableCostAtNormalUseAndTheCapitalCharge() {
        assertEquals(26.4, firms.variableCost(plant, 80) / 80, 1e-12, "20 + 30 × 0.64 / 3");
        assertEquals(26.4 + 100 * CRF_8_20 / 0.8, decisions.prospects().levelisedCost(plant, 0), 1e-6);
        assertEquals(39.1315, decisions.prospects().levelisedCost(plant, 0), 1e-4);
    }

    /** Week by week with its goods fetching {@code price}; returns the week it commits, -1 if it does not. */
    private int commitWeek(double price, int weeks) {
        return commitWeek(price, 0, weeks);
    }

    /** The same from week {@code from} on. */
    private int commitWeek(double price, int from, int weeks) {
        for (int t = from; t < from + weeks; t++) {
            firms.capacityNetPrice[plant] = price;
            decisions.decide(plant, t);
            if (firms.building(plant)) {
                return t;
            }
        }
        return -1;
    }

    @Test
    void aboveItsLevelisedCostForTwentySixWeeksItCommitsAndProducesALeadTimeLater() {
        assertEquals(25, commitWeek(39.2, 200), "the 26th week the price has paid 39.13");
        assertEquals(25, decisions.prospects().committedAt(plant));
        for (int t = 26; t < 103; t++) {
            firms.capacityNetPrice[plant] = 39.2;
            assertTrue(!firms.producing(plant), "under construction in week " + t);
            decisions.decide(plant, t);
        }
        // Its last week of construction, 102, ends with the plant in service: it plans and produces from week 103.
        assertTrue(firms.producing(plant));
    }

    @Test
    void aFewCentsBelowItsLevelisedCostItNeverCommits() {
        assertEquals(-1, commitWeek(39.1, 520), "ten years at 39.10 against 39.13");
        assertTrue(firms.prospect(plant));
    }

    @Test
    void aWeekBelowStartsTheCountAgain() {
        for (int t = 0; t < 20; t++) {
            firms.capacityNetPrice[plant] = 39.2;
            decisions.decide(plant, t);
        }
        firms.capacityNetPrice[plant] = 39.0;
        decisions.decide(plant, 20);
        assertEquals(21 + 25, commitWeek(39.2, 21, 100), "26 weeks running again from week 21");
    }

    /**
     * The two-region world with a prospect in B: a mine of 10 a week like B's own, {@code MC(q) = 6 + 9 q / 10},
     * run at 80%, a year to build, 1,000 dollars a unit at a price of 1. Its average variable cost at 80% is
     * 6 + 9 × 0.8 / 2 = 9.6; at a capex of 1,500 dollars per unit of yearly capacity its capital charge is
     * 1,500 × 0.1018522 / (0.8 × 1,000) = 0.1910, so it enters while B's metal fetches about 10.
     */
    private static SupplyShockModel withProspect(double capex) throws Exception {
        return withProspect(capex, null);
    }

    /** The same world with these policies (a JSON array), or none. */
    private static SupplyShockModel withProspect(double capex, String policies) throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(
                Path.of("src/test/resources/scenarios/two-region.json").toFile());
        if (policies != null) {
            root.set("policies", Json.mapper().readTree(policies));
        }
        ObjectNode p = ((ArrayNode) root.get("firms")).addObject().put("id", "b-prospect").put("type", "producer")
                .put("region", "B").put("commodity", "metal").put("capacity", 10).put("initialUtilization", 0.8)
                .put("status", "prospect").put("leadTicks", 52).put("capexPerAnnualUnit", capex);
        p.putObject("cost").put("base", 6.0).put("slope", 9.0).put("exponent", 1);
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson(root, "two-region").scenario(), 1, -1);
        model.start();
        return model;
    }

    @Test
    void inTheTwoRegionWorldAProspectPayingItsWayCommitsPaysAndProducesAYearLater() throws Exception {
        assertEquals(9.6 + 1500 * CRF_8_20 / 800, 9.791, 1e-3);
        SupplyShockModel entering = withProspect(1500);
        SupplyShockModel never = withProspect(1e9);
        int prospect = entering.firms().count - 1;
        int b = entering.world().market(entering.world().regionIndex("B"), 0);
        for (int t = 0; t < 120; t++) {
            entering.stepTick();
            never.stepTick();
            Firms x = entering.firms();
            assertEquals(t < 25 ? FirmStatus.PROSPECT : t < 76 ? FirmStatus.BUILDING : FirmStatus.ACTIVE,
                    x.status[prospect], "week " + t);
            assertEquals(t < 77, x.output(prospect) == 0, "week " + t + " output " + x.output(prospect));
            double paid = entering.markets().ledger().producerSurplus(b);
            double without = never.markets().ledger().producerSurplus(b);
            if (t <= 25) {
                // Nothing differs before it commits; in week 25 its capital, 1,500 × 10 a week × 52, is booked.
                assertEquals(without - (t == 25 ? 780_000 : 0), paid, 1e-6, "week " + t);
            }
        }
        // In service, it sells on its supply curve at the price it counts on: MC(q) = 6 + 0.9 q = p at
        // q = (p - 6) / 0.9, 4.25 a week at B's 9.83, under its 10 of plant. Its plan closes a share of the gap to
        // that each week from the nothing it made, and its stock settles around its target, so the curve holds on
        // average from its second year in service, ticks 130 to 259, within 2%.
        double made = 0;
        double curve = 0;
        int weeks = 0;
        while (entering.tick() < entering.horizon()) {
            entering.stepTick();
            Firms x = entering.firms();
            if (entering.tick() > 130) {
                made += x.output(prospect);
                curve += Math.min(10, (x.netPrice[prospect] - 6) / 0.9);
                weeks++;
            }
        }
        assertEquals(130, weeks, "ticks 130 to 259");
        assertEquals(curve / weeks, made / weeks, 0.02 * curve / weeks, "on its supply curve at the price it counts on");
        Map<String, Double> did = entering.prospectIndicators().get("b-prospect");
        assertEquals(1.0, did.get("committed"));
        assertEquals(780_000.0, did.get("capitalCost"), 1e-6);
        assertEquals(25.0, did.get("firstCommitTick"));
        assertEquals(0.0, never.prospectIndicators().get("b-prospect").get("committed"));
    }

    /**
     * The prospect at 2,850 dollars, which never enters alone (below), with B's government paying half the capital of
     * new plant for metal: on the half it pays itself its charge is 0.1814 and its levelised cost 9.7814, below what
     * B's metal fetches, so it commits, pays its 2,850 × 10 × 52 = 1,482,000 dollars in that week and the budget pays
     * half of it, 741,000, back to B's producers.
     */
    @Test
    void aCapexSubsidyPayingHalfItsCapitalBringsInAProspectThatWouldNotEnterAlone() throws Exception {
        SupplyShockModel model = withProspect(2850, "[{\"type\": \"capexSubsidy\", \"id\": \"grant\", "
                + "\"region\": \"B\", \"commodities\": [\"metal\"], \"hurdleRelief\": 0, \"subsidyRate\": 0.5, "
                + "\"capexPerAnnualUnit\": 2850, \"start\": 1}]");
        int prospect = model.firms().count - 1;
        assertEquals(9.7814, 9.6 + 0.5 * 2850 * CRF_8_20 / 800, 1e-4);
        while (model.tick() < 120) {
            model.stepTick();
        }
        Map<String, Double> did = model.prospectIndicators().get("b-prospect");
        assertEquals(1.0, did.get("committed"));
        assertEquals(1_482_000.0, did.get("capitalCost"), 1e-6);
        assertEquals(741_000.0, model.policyIndicators().get("grant").get("subsidyPaid"), 1e-6);
        assertEquals(10.0, model.policyIndicators().get("grant").get("capacityCommitted"), 1e-12);
        assertEquals(10.0, model.policyIndicators().get("grant").get("capacityArrived"), 1e-12, "built by the end");
        assertEquals(26.0, did.get("firstCommitTick"), "the subsidy in force from week 1: its 26th week above 9.7814");
        assertTrue(model.firms().producing(prospect));
    }

    /**
     * At a capex of 2,850 dollars the capital charge is 2,850 × 0.1018522 / 800 = 0.3628 and the levelised cost
     * 9.9628; the most B's metal fetches over the five years, 9.948 in the first week, falls short of it by 0.15%.
     */
    @Test
    void inTheTwoRegionWorldAProspectJustShortOfItsCostNeverEnters() throws Exception {
        SupplyShockModel model = withProspect(2850);
        int prospect = model.firms().count - 1;
        assertEquals(9.6 + 2850 * CRF_8_20 / 800, model.prospects().levelisedCost(prospect, 0), 1e-6);
        double most = 0;
        while (model.tick() < model.horizon()) {
            model.stepTick();
            most = Math.max(most, model.firms().capacityNetPrice(prospect));
            assertTrue(model.firms().prospect(prospect), "week " + model.tick());
        }
        assertEquals(9.948, most, 1e-3);
        assertEquals(0.0, model.prospectIndicators().get("b-prospect").get("capitalCost"));
    }
}
