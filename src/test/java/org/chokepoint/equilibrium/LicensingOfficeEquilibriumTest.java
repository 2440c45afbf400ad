package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A licensing office with a capacity in the long run, worked out by hand on the linear markets of
 * {@link ClosedFormTest} (A: {@code S - D = 26 p - 130}; B: {@code D - S = 200 - 15 p}; C: {@code D - S = 140 - 8 p}):
 * the office decides at most its capacity of applications a tick, and a lane's flow is its approval rate
 * times what it applies for, so {@code x_B / r_B + x_C / r_C <= capacity}, and its shadow price per application
 * opens each lane's gap by that price over the lane's rate. An office too large to bind is also solved on the
 * magnet chain, against the same chain without it.
 */
class LicensingOfficeEquilibriumTest {
    private static final double TOL = 1e-6;

    /** A exporting to B and C, one lane each at a route cost of 1, with no margin; {@code policy} licenses A. */
    private static Scenario exporterAndTwoImporters(String policy) throws Exception {
        return ClosedFormTest.scenario("{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0},"
                        + " {\"from\": \"A\", \"to\": \"C\", \"transitTicks\": 1, \"costPerUnit\": 1.0}",
                ClosedFormTest.A_FIRMS + "," + ClosedFormTest.B_FIRMS + "," + ClosedFormTest.C_FIRMS,
                """
                {"id": "a-to-b", "commodity": "metal", "from": "A", "to": "B", "count": 10, "capacityPerTick": 100, "minMargin": 0},
                {"id": "a-to-c", "commodity": "metal", "from": "A", "to": "C", "count": 10, "capacityPerTick": 100, "minMargin": 0}""",
                ClosedFormTest.A_DEMAND + "," + ClosedFormTest.B_DEMAND + "," + ClosedFormTest.C_DEMAND, policy);
    }

    @Test
    void anOfficeShortOfCapacityRationsApplicationsAndPricesThemOneShadowPrice() throws Exception {
        // Capacity 20 a week; B approved in full, C at a half, so x_B + 2 x_C = 20; route costs 1, no margin,
        // no carrying cost. Gaps: p_B = p_A + 1 + m, p_C = p_A + 1 + 2 m. With A's, B's and C's balances:
        // 31 p_A + 47 m = 429 and 49 p_A + 31 m = 447, so p_A = 7710 / 1342 and m = (447 - 49 p_A) / 31.
        Scenario s = exporterAndTwoImporters("""
                {"type": "exportLicensing", "id": "a-licences", "region": "A", "commodities": ["metal"], "leadTicks": 0,
                 "carryingCostPerTick": 0, "capacityPerWeek": {"metal": 20},
                 "approvalSchedule": [{"destinations": ["C"], "rate": 0.5}]}""");
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
        double pa = 7710.0 / 1342;
        double m = (447 - 49 * pa) / 31;
        double xb = 200 - 15 * (pa + 1 + m);
        double xc = 140 - 8 * (pa + 1 + 2 * m);
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(pa + 1 + m, r.market("B", "metal").price(), TOL * pa);
        assertEquals(pa + 1 + 2 * m, r.market("C", "metal").price(), TOL * pa);
        assertEquals(xb, r.laneFlow("a-to-b"), TOL * 20);
        assertEquals(xc, r.laneFlow("a-to-c"), TOL * 20);
        EquilibriumResult.InstrumentResult office = r.instruments().get(0);
        assertEquals(20.0, office.figures().get("officeCapacity"), 0);
        assertEquals(20.0, office.figures().get("applicationsDecided"), TOL * 20);
    }

    @Test
    void anOfficeThatGathersPaceIsSolvedWithTheCapacityInForceAtTheTick() throws Exception {
        // 5 a week until tick 10, then 20. At 20 this is the case above. At 5, with the gaps above,
        // 31 p_A + 47 m = 444 and 49 p_A + 31 m = 447 would give C a negative flow, so C's lane is shut: all 5 go
        // to B, 200 - 15 p_B = 5 gives p_B = 13, A sells 5 at 26 p_A - 130 = 5, p_A = 135 / 26, C's price is
        // its price without trade, 140 - 8 p_C = 0 at 17.5 (below p_A + 1 + 2 m, so no licence to C pays), and
        // m = p_B - p_A - 1.
        Scenario s = exporterAndTwoImporters("""
                {"type": "exportLicensing", "id": "a-licences", "region": "A", "commodities": ["metal"], "leadTicks": 0,
                 "carryingCostPerTick": 0, "capacityPerWeek": {"metal": 5},
                 "capacitySchedule": [{"from": 10, "capacityPerWeek": 20}],
                 "approvalSchedule": [{"destinations": ["C"], "rate": 0.5}]}""");
        EquilibriumResult slow = SpatialEquilibrium.solve(s, 9);
        double pa = 135.0 / 26;
        assertEquals(pa, slow.market("A", "metal").price(), TOL * pa);
        assertEquals(13.0, slow.market("B", "metal").price(), TOL * 13);
        assertEquals(17.5, slow.market("C", "metal").price(), TOL * 17.5);
        assertEquals(5.0, slow.laneFlow("a-to-b"), TOL * 5);
        assertEquals(0.0, slow.laneFlow("a-to-c"), TOL * 5);
        assertEquals(5.0, slow.instruments().get(0).figures().get("officeCapacity"), 0);

        EquilibriumResult fast = SpatialEquilibrium.solve(s, 10);
        double pa20 = 7710.0 / 1342;
        assertEquals(pa20, fast.market("A", "metal").price(), TOL * pa20);
        assertEquals(20.0, fast.instruments().get(0).figures().get("officeCapacity"), 0);
    }

    @Test
    void anOfficeFarLargerThanTheTradeItLicensesLeavesItFree() throws Exception {
        // 1e12 a week against lanes of 1,000 a tick each: the office never binds, and the answer is free trade,
        // 26 p_A - 130 = (185 - 15 p_A) + (132 - 8 p_A), so p_A = 447 / 49, p_B = p_C = p_A + 1; the office decides
        // what both lanes carry, 185 - 15 p_A + 132 - 8 p_A = 26 p_A - 130.
        Scenario s = exporterAndTwoImporters("""
                {"type": "exportLicensing", "id": "a-licences", "region": "A", "commodities": ["metal"], "leadTicks": 0,
                 "carryingCostPerTick": 0, "capacityPerWeek": {"metal": 1e12}}""");
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
        double pa = 447.0 / 49;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(pa + 1, r.market("B", "metal").price(), TOL * pa);
        assertEquals(185 - 15 * pa, r.laneFlow("a-to-b"), TOL * 60);
        assertEquals(132 - 8 * pa, r.laneFlow("a-to-c"), TOL * 60);
        EquilibriumResult.InstrumentResult office = r.instruments().get(0);
        assertEquals(1e12, office.figures().get("officeCapacity"), 0);
        assertEquals(26 * pa - 130, office.figures().get("applicationsDecided"), TOL * 60);
    }

    /**
     * The magnet chain of {@code ndfeb-magnets-2025.json} with China's Dy oxide licensed by an office of 1e12 t a
     * week, every application approved at once and at no cost: the office could decide ten billion times what
     * China's Dy oxide lanes carry (a few tonnes a week), so its world is the world without the measure, market by
     * market. Left in the solve, its bound set the scale of the subproblem and neither start converged.
     */
    @Test
    void anOfficeThatCannotBindLeavesAChainAsItWouldBeWithoutIt() throws Exception {
        ObjectNode json = ScenarioLoader.load(Path.of("scenarios/ndfeb-magnets-2025.json")).json().deepCopy();
        json.putArray("policies");
        Scenario free = ScenarioLoader.fromJson(json, "ndfeb without measures").scenario();
        json.set("policies", Json.mapper().readTree("""
                [{"type": "exportLicensing", "id": "cn-dy-licences", "region": "CN", "commodities": ["dy-oxide"],
                  "leadTicks": 0, "carryingCostPerTick": 0, "capacityPerWeek": {"dy-oxide": 1e12}}]"""));
        Scenario licensed = ScenarioLoader.fromJson(json, "ndfeb with an office of 1e12 a week").scenario();

        EquilibriumResult without = SpatialEquilibrium.solve(free, 50);
        EquilibriumResult with = SpatialEquilibrium.solve(licensed, 50);
        for (EquilibriumResult.MarketResult m : without.markets()) {
            EquilibriumResult.MarketResult l = with.market(m.region(), m.commodity());
            assertEquals(m.price(), l.price(), 1e-6 * m.price(), m.region() + "/" + m.commodity());
            assertEquals(m.imports(), l.imports(), 1e-6 * Math.max(1, m.imports()), m.region() + "/" + m.commodity());
        }
        assertEquals(1e12, with.instruments().get(0).figures().get("officeCapacity"), 0);
    }

    @Test
    void aLaneLicensedAtATinyRateIsClosedAndTheOfficeRationsTheOther() throws Exception {
        // Capacity 20 a week; B approved in full, C at 1e-300 (and at the least double, whose inverse is infinite):
        // C's lane may carry at most 20 x 1e-300 a tick, and is closed. The office binds on B alone: x_B = 20, so
        // 200 - 15 p_B = 20 gives p_B = 12; A sells 20 at 26 p_A - 130 = 20, p_A = 150 / 26; C's price is its price
        // without trade, 140 - 8 p_C = 0 at 17.5.
        for (String rate : new String[] {"1e-300", "4.9e-324"}) {
            Scenario s = exporterAndTwoImporters("""
                    {"type": "exportLicensing", "id": "a-licences", "region": "A", "commodities": ["metal"], "leadTicks": 0,
                     "carryingCostPerTick": 0, "capacityPerWeek": {"metal": 20},
                     "approvalSchedule": [{"destinations": ["C"], "rate": RATE}]}""".replace("RATE", rate));
            EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
            double pa = 150.0 / 26;
            assertEquals(pa, r.market("A", "metal").price(), TOL * pa, rate);
            assertEquals(12.0, r.market("B", "metal").price(), TOL * 12, rate);
            assertEquals(17.5, r.market("C", "metal").price(), TOL * 17.5, rate);
            assertEquals(20.0, r.laneFlow("a-to-b"), TOL * 20, rate);
            assertEquals(0.0, r.laneFlow("a-to-c"), 0, rate);
            EquilibriumResult.InstrumentResult office = r.instruments().get(0);
            assertEquals(20.0, office.figures().get("officeCapacity"), 0, rate);
            assertEquals(20.0, office.figures().get("applicationsDecided"), TOL * 20, rate);
        }
    }

    @Test
    void aDeniedDestinationGetsNothing() throws Exception {
        // With C denied, A trades with B alone: 26 p_A - 130 = 200 - 15 (p_A + 1), p_A = 315 / 41.
        Scenario s = exporterAndTwoImporters("""
                {"type": "exportLicensing", "id": "a-licences", "region": "A", "commodities": ["metal"], "leadTicks": 0,
                 "carryingCostPerTick": 0, "deniedDestinations": ["C"]}""");
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
        double pa = 315.0 / 41;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(0.0, r.laneFlow("a-to-c"), TOL);
        assertEquals(17.5, r.market("C", "metal").price(), TOL * 17.5);
    }

    @Test
    void aDenialSuspendedForAWhileOpensTheLaneOnlyWhileTheSuspensionLasts() throws Exception {
        // C denied until tick 10, reopened from 10, denied again from 20. Denied: the case above, p_A = 315 / 41.
        // Open, with every licence approved and no capacity, free trade: 26 p_A - 130 = (185 - 15 p_A) +
        // (132 - 8 p_A), so p_A = 447 / 49, p_B = p_C = p_A + 1, and C takes 132 - 8 p_A.
        Scenario s = exporterAndTwoImporters("""
                {"type": "exportLicensing", "id": "a-licences", "region": "A", "commodities": ["metal"], "leadTicks": 0,
                 "carryingCostPerTick": 0, "deniedDestinations": ["C"],
                 "denialSchedule": [{"from": 10, "destinations": ["C"], "denied": false},
                                    {"from": 20, "destinations": ["C"], "denied": true}]}""");
        double denied = 315.0 / 41;
        double open = 447.0 / 49;
        EquilibriumResult before = SpatialEquilibrium.solve(s, 9);
        assertEquals(denied, before.market("A", "metal").price(), TOL * denied);
        assertEquals(0.0, before.laneFlow("a-to-c"), TOL);
        EquilibriumResult during = SpatialEquilibrium.solve(s, 10);
        assertEquals(open, during.market("A", "metal").price(), TOL * open);
        assertEquals(open + 1, during.market("C", "metal").price(), TOL * open);
        assertEquals(132 - 8 * open, during.laneFlow("a-to-c"), TOL * 60);
        EquilibriumResult after = SpatialEquilibrium.solve(s, 20);
        assertEquals(denied, after.market("A", "metal").price(), TOL * denied);
        assertEquals(0.0, after.laneFlow("a-to-c"), TOL);
        assertEquals(17.5, after.market("C", "metal").price(), TOL * 17.5);
    }

    /**
     * The world of {@link ExportQuotaEquilibriumTest#magnetsForDevices} with an office on A's magnets that decides
     * 0.001 applications a week, every one approved, at no carrying cost: the lane carries at most 0.001 a tick, as
     * under a quota of that, and its answer is the quota's, the office's shadow price the quota's rent.
     */
    @Test
    void anOfficeThatAdmitsASliverIntoAMarketThatHasNoBuyerAtItsPriceIsSolvedAsTheSameQuota() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(ExportQuotaEquilibriumTest.magnetsForDevices("""
                {"type": "exportLicensing", "id": "office", "region": "A", "commodities": ["magnet"], "leadTicks": 0,
                 "carryingCostPerTick": 0, "capacityPerWeek": {"magnet": 0.001}}"""), 0);
        ExportQuotaEquilibriumTest.assertTheSliversAnswer(r);
        assertEquals(0.001, r.instruments().get(0).figures().get("applicationsDecided"), 1e-12);
    }
}
