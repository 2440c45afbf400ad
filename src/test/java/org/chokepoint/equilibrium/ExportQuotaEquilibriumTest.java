package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * An export quota on the two linear markets of {@link ClosedFormTest} (A: {@code S - D = 26 p - 130}; B:
 * {@code D - S = 200 - 15 p}), one lane from A to B at a route cost of 1 with no margin, carrying up to 1000 a
 * tick; the world makes at most 1500.
 */
class ExportQuotaEquilibriumTest {
    private static final double TOL = 1e-6;

    private static Scenario twoRegions(String policies) throws Exception {
        return ClosedFormTest.scenario("{\"id\": \"A\"}, {\"id\": \"B\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0, \"bidirectional\": false}",
                ClosedFormTest.A_FIRMS + "," + ClosedFormTest.B_FIRMS,
                "{\"id\": \"a-to-b\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"B\", \"count\": 10,"
                        + " \"capacityPerTick\": 100, \"minMargin\": 0}",
                ClosedFormTest.A_DEMAND + "," + ClosedFormTest.B_DEMAND, policies);
    }

    /**
     * A quota of 1e16 a year, about 1.9e14 a tick, is 1.9e11 times what the lane can carry: trade is as without it,
     * {@code p_B = p_A + 1} and {@code 26 p_A - 130 = 200 - 15 (p_A + 1)}, so {@code p_A = 315 / 41}, and the quota
     * earns no rent. Its figures are still reported.
     */
    @Test
    void aQuotaFarTooLargeToBindLeavesTradeAsWithoutIt() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions("""
                {"type": "exportQuota", "id": "quota", "region": "A", "commodities": ["metal"], "yearlyVolume": 1e16}"""),
                0);
        assertTrue(r.convergence().converged(), r.convergence().toString());
        double pa = 315.0 / 41;
        double flow = 26 * pa - 130;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(pa + 1, r.market("B", "metal").price(), TOL * pa);
        assertEquals(flow, r.laneFlow("a-to-b"), TOL * flow);
        var figures = r.instruments().get(0).figures();
        assertEquals(1e16 / 52, figures.get("quotaVolume"), 1e16 / 52 * 1e-15);
        assertEquals(flow, figures.get("exported"), TOL * flow);
        assertEquals(0.0, figures.get("quotaRent"), 0.0);
        assertEquals(0.0, figures.get("rentPerUnit"), 0.0);
    }

    /**
     * The naphtha chain of {@code naphtha-hormuz-2026-case6.json} at tick 95 (the strait open again), with the Middle
     * East's naphtha exports held to a quota of 0.21788 kt a year, {@code Q = 0.21788 / 52 = 0.00419} kt a tick. The
     * Middle East buys no naphtha itself, so its six refineries of 80 kt (marginal cost {@code 400 + 350 (q / 80)^2}
     * USD/t) sell just the quota, {@code 8.7e-6} of their capacity, at {@code 400 + 350 (Q / 480)^2}, 2.7e-8 USD/t
     * above their cost base: there their supply rises as the root of the margin, Newton's steps passed the base
     * and the next was cut short of it, and no earlier attempt converged.
     */
    @Test
    void aQuotaThatLeavesRefineriesASliverOfTheirCapacityClearsJustAboveTheirCostBase() throws Exception {
        ObjectNode json = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026-case6.json")).json().deepCopy();
        json.set("policies", Json.mapper().readTree("""
                [{"type": "exportQuota", "id": "me-quota", "region": "ME", "commodities": ["naphtha"],
                  "yearlyVolume": 0.21788}]"""));
        Scenario s = ScenarioLoader.fromJson(json, "naphtha with a Middle East export quota").scenario();
        EquilibriumResult r = SpatialEquilibrium.solve(s, 95);
        assertTrue(r.convergence().converged(), r.convergence().toString());
        double quota = 0.21788 / 52;
        double margin = 350 * (quota / 480) * (quota / 480);
        EquilibriumResult.MarketResult me = r.market("ME", "naphtha");
        assertEquals(400 + margin, me.price(), 1e-3 * margin);
        // One step of the price's last binary digit (5.7e-14 USD/t at 400) moves the refineries' supply by
        // Q / (2 margin) x 5.7e-14, about 1e-6 of Q: the market balances to a few such steps, not to 1e-7.
        assertEquals(quota, me.production(), 1e-5 * quota);
        assertEquals(quota, me.exports(), 1e-6 * quota);
        var figures = r.instruments().get(0).figures();
        assertEquals(quota, figures.get("exported"), 1e-6 * quota);
        assertTrue(figures.get("rentPerUnit") > 0, figures.toString());
    }
}
