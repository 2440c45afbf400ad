package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.scenario.Scenario;
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
}
