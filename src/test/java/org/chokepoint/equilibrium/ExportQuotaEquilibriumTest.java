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
     * and the next was cut short of it, and no earlier attempt converged. The quota's rent per unit is what is left of
     * the gap to Japan, where the quota goes, once its traders keep 3% of Japan's price (the middle of their 2-4%) and
     * pay the route's 30: {@code 0.97 p_JP - p_ME - 30}. Japan's price is set by the whole chain below it and has no
     * closed form, so the test reads it from the answer; the rest of Asia, 10 USD/t nearer but 3% of a price 24.5 USD/t
     * lower, earns a unit less, {@code 0.97 p_ROW - p_ME - 20}, and takes none of the quota. The quota's rent is that
     * per tonne on the quota's 4.19 t a tick.
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
        double japan = r.market("JP", "naphtha").price();
        double rest = r.market("ROW", "naphtha").price();
        double perUnit = 0.97 * japan - (400 + margin) - 30;
        assertEquals(perUnit, figures.get("rentPerUnit"), TOL * japan, figures.toString());
        // The quota's rent is in dollars a tick, its kt of 1,000 t each.
        assertEquals(perUnit * quota * 1000, figures.get("quotaRent"), TOL * japan * quota * 1000, figures.toString());
        assertTrue(0.97 * rest - 20 < 0.97 * japan - 30, "the rest of Asia pays the Middle East more than Japan");
    }

    /**
     * Magnets for devices: A's ten magnet makers of 100 a tick ({@code 20 + 20 q / 100}) sell to A's households
     * ({@code D = 250 (1 - 0.6 (p / 30 - 1)) = 400 - 5 p}) and, at a route cost of 0.3 and a margin of 3% of what
     * they fetch, to B, whose two device makers of 32.5 ({@code 100 + 86 (q / 32.5)^2}) make a device from one
     * magnet for B's households (52 at 200, elasticity -0.7, nobody buying above twenty times that); {@code policy}
     * holds A's exports.
     */
    static Scenario magnetsForDevices(String policy) throws Exception {
        return ScenarioLoader.fromText("""
                {"meta": {"name": "magnets for devices"}, "time": {"ticksPerYear": 52, "horizonTicks": 104},
                 "regions": [{"id": "A"}, {"id": "B"}],
                 "commodities": [{"id": "magnet", "stage": "component", "initialPrice": 45.0},
                                 {"id": "device", "stage": "final", "initialPrice": 200.0}],
                 "recipes": [{"id": "assembly", "output": "device", "inputs": [{"commodity": "magnet", "perUnit": 1.0}]}],
                 "routes": [{"from": "A", "to": "B", "transitTicks": 1, "costPerUnit": 0.3, "bidirectional": false}],
                 "firms": [
                   {"id": "a-magnet-maker", "type": "producer", "region": "A", "commodity": "magnet", "count": 10,
                    "capacity": 100, "cost": {"base": 20.0, "slope": 20.0, "exponent": 1}},
                   {"id": "b-device-maker", "type": "manufacturer", "region": "B", "commodity": "device", "count": 2,
                    "capacity": 32.5, "cost": {"base": 100.0, "slope": 86.0, "exponent": 2}}],
                 "traders": [{"id": "a-to-b", "commodity": "magnet", "from": "A", "to": "B", "count": 3,
                              "capacityPerTick": 40, "minMargin": 0.03}],
                 "demand": [{"region": "A", "commodity": "magnet", "baseQuantity": 250, "referencePrice": 30.0,
                             "elasticity": -0.6, "form": "linear"},
                            {"region": "B", "commodity": "device", "baseQuantity": 52, "referencePrice": 200.0,
                             "elasticity": -0.7}],
                 "policies": [%s],
                 "behaviour": {"demandNoise": 0.0}}
                """.formatted(policy), "magnets for devices").scenario();
    }

    /**
     * The answer of {@link #magnetsForDevices} with A's exports held to {@code Q = 0.001} a tick. B's households
     * want {@code 52 x 20^-0.7 = 6.39} devices at their top price of 4,000, far more than Q magnets make: the device
     * price stands there and the rest is rationed. B's makers then buy Q magnets where {@code 65 sqrt(m / 86) = Q},
     * a margin {@code m = 86 (Q / 65)^2 = 2.0e-8} over their cost base, so {@code p_B = 4000 - 100 - m}; above 3,900
     * B has no buyer of magnets at all. A clears {@code 50 (p_A - 20) = 400 - 5 p_A + Q}, {@code p_A = (1400 + Q) /
     * 55}; the lane's traders keep 3% of {@code p_B} and pay 0.3, and the limit's rent is what is left of the gap,
     * {@code 0.97 p_B - p_A - 0.3}.
     */
    static void assertTheSliversAnswer(EquilibriumResult r) {
        assertTrue(r.convergence().converged(), r.convergence().toString());
        double q = 0.001;
        double margin = 86 * (q / 65) * (q / 65);
        double pb = 3900 - margin;
        double pa = (1400 + q) / 55;
        assertEquals(pa, r.market("A", "magnet").price(), TOL * pa);
        assertEquals(pb, r.market("B", "magnet").price(), 1e-3 * margin);
        assertEquals(4000.0, r.market("B", "device").price(), 0);
        assertEquals(52 * Math.pow(20, -0.7) - q, r.market("B", "device").rationed(), TOL);
        // One step of p_B's last binary digit (4.5e-13) moves the makers' purchases by Q / (2 m) x 4.5e-13, about
        // 1e-5 of Q: B's market balances to a few such steps, not to 1e-7.
        assertEquals(q, r.market("B", "magnet").intermediateUse(), 1e-4 * q);
        assertEquals(q, r.laneFlow("a-to-b"), 1e-9 * q);
        assertEquals(0.97 * pb - pa - 0.3, r.lanes().get(0).rent(), TOL * pb);
    }

    /**
     * A quota of 0.052 a year on A's magnets, {@code Q = 0.001} a tick. Within eight Newton steps B's magnet price
     * reaches 3,900, above which nobody in B buys magnets and below which the makers' purchases rise as the root of
     * their margin: f is flat there in that price and the quota's rent together but for the quota, and the rent,
     * which must fall by about 116 once the traders' 3% is read at that price, fell by a few hundredths a step, held
     * by the rents' proximal term. No attempt but the one that lengthens each step along which f still falls
     * converged.
     */
    @Test
    void aQuotaOfASliverIntoAMarketThatHasNoBuyerAtItsPriceClearsWhereItsBuyersTakeJustTheQuota() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(magnetsForDevices("""
                {"type": "exportQuota", "id": "quota", "region": "A", "commodities": ["magnet"],
                 "yearlyVolume": 0.052}"""), 0);
        assertTheSliversAnswer(r);
        var figures = r.instruments().get(0).figures();
        assertEquals(r.lanes().get(0).rent(), figures.get("rentPerUnit"), 0);
        assertEquals(0.001, figures.get("exported"), 1e-12);
    }
}
