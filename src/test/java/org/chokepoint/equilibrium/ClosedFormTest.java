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
 * The equilibrium against answers worked out by hand. Every supply curve is linear up to a capacity that
 * does not bind ({@code n} firms of capacity {@code cap}, {@code c(q) = base + slope q / cap}, so
 * {@code S(p) = n cap (p - base) / slope}) and every demand curve linear
 * ({@code D(p) = D0 (1 + ε (p / p0 - 1))}), so each equilibrium solves a few linear equations.
 *
 * <ul>
 *   <li>A: {@code S = 20 (p - 2)}, {@code D = 90 - 6 p}; alone it clears at 5.</li>
 *   <li>B: {@code S = 5 (p - 4)}, {@code D = 180 - 10 p}; alone it clears at 40/3.</li>
 *   <li>C: {@code S = 4 (p - 5)}, {@code D = 120 - 4 p}; alone it clears at 17.5.</li>
 * </ul>
 */
class ClosedFormTest {
    private static final double TOL = 1e-6;

    static final String A_FIRMS = """
            {"id": "a-mine", "type": "producer", "region": "A", "commodity": "metal", "count": 10, "capacity": 100,
             "cost": {"base": 2.0, "slope": 50.0, "exponent": 1}}""";
    static final String B_FIRMS = """
            {"id": "b-mine", "type": "producer", "region": "B", "commodity": "metal", "count": 5, "capacity": 100,
             "cost": {"base": 4.0, "slope": 100.0, "exponent": 1}}""";
    static final String C_FIRMS = """
            {"id": "c-mine", "type": "producer", "region": "C", "commodity": "metal", "count": 4, "capacity": 100,
             "cost": {"base": 5.0, "slope": 100.0, "exponent": 1}}""";
    static final String A_DEMAND = """
            {"region": "A", "commodity": "metal", "baseQuantity": 60, "referencePrice": 5.0, "elasticity": -0.5,
             "form": "linear"}""";
    static final String B_DEMAND = """
            {"region": "B", "commodity": "metal", "baseQuantity": 100, "referencePrice": 8.0, "elasticity": -0.8,
             "form": "linear"}""";
    static final String C_DEMAND = """
            {"region": "C", "commodity": "metal", "baseQuantity": 80, "referencePrice": 10.0, "elasticity": -0.5,
             "form": "linear"}""";
    /** Traders of 10 × 100 a tick on A's lanes to B and to C, at no margin: lanes that never bind. */
    static final String WIDE_LANES_TO_B_AND_C = """
            {"id": "a-to-b", "commodity": "metal", "from": "A", "to": "B", "count": 10, "capacityPerTick": 100,
             "minMargin": 0},
            {"id": "a-to-c", "commodity": "metal", "from": "A", "to": "C", "count": 10, "capacityPerTick": 100,
             "minMargin": 0}""";

    /** A shipping to B and to C at a cost of 1 a unit, every region with its own mines and demand. */
    static Scenario aToBAndC(String traders, String policies) throws Exception {
        return scenario("{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0}, "
                        + "{\"from\": \"A\", \"to\": \"C\", \"transitTicks\": 1, \"costPerUnit\": 1.0}",
                A_FIRMS + "," + B_FIRMS + "," + C_FIRMS, traders, A_DEMAND + "," + B_DEMAND + "," + C_DEMAND,
                policies);
    }

    static Scenario scenario(String regions, String routes, String firms, String traders, String demand,
                             String policies) throws Exception {
        return scenario(6.0, regions, routes, firms, traders, demand, policies);
    }

    /** As {@link #scenario(String, String, String, String, String, String)}, the metal's initial price given. */
    static Scenario scenario(double initialPrice, String regions, String routes, String firms, String traders,
                             String demand, String policies) throws Exception {
        String text = """
                {"meta": {"name": "closed-form"},
                 "time": {"ticksPerYear": 52, "horizonTicks": 104},
                 "regions": [%s],
                 "commodities": [{"id": "metal", "stage": "final", "initialPrice": %s}],
                 "routes": [%s],
                 "firms": [%s],
                 "traders": [%s],
                 "demand": [%s],
                 "policies": [%s],
                 "behaviour": {"demandNoise": 0.0}}
                """.formatted(regions, initialPrice, routes, firms, traders, demand, policies);
        return ScenarioLoader.fromText(text, "closed-form").scenario();
    }

    private static Scenario twoRegions(double cost, double margin, String policies) throws Exception {
        return scenario("{\"id\": \"A\"}, {\"id\": \"B\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": " + cost + ", \"bidirectional\": false}",
                A_FIRMS + "," + B_FIRMS,
                "{\"id\": \"a-to-b\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"B\", \"count\": 10,"
                        + " \"capacityPerTick\": 100, \"minMargin\": " + margin + "}",
                A_DEMAND + "," + B_DEMAND, policies);
    }

    private static void assertConverged(EquilibriumResult r) {
        assertTrue(r.convergence().converged(), r.convergence().toString());
    }

    @Test
    void tradeClosesThePriceGapDownToTheRouteCost() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, ""), 0);
        assertConverged(r);
        // p_B = p_A + 1 and A's excess supply ships to B: 26 p_A - 130 = 200 - 15 (p_A + 1), so p_A = 315/41.
        double pa = 315.0 / 41.0;
        double flow = 26 * pa - 130;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(pa + 1, r.market("B", "metal").price(), TOL * pa);
        assertEquals(flow, r.laneFlow("a-to-b"), TOL * flow);
        assertEquals(flow, r.market("B", "metal").imports(), TOL * flow);
        assertEquals(20 * (pa - 2), r.market("A", "metal").production(), TOL * flow);
    }

    /**
     * The world above with the lane's traders in two entries at the same margin, of 10 x 10 and 3 x 10 a tick: one
     * lane of 130 to the equilibrium, carrying the same {@code 26 p_A - 130 = 69.76} at the same prices, any split of
     * which within the entries' capacities is as much an equilibrium. Each entry carries its share of their capacity,
     * 10/13 and 3/13 (53.66 and 16.10), as their traders, all shipping at the same margin, would. The solver's own
     * split was 52.38 and 17.38, whatever its active sets happened on (with two entries of 100, all and nothing).
     * Licensed at half their capacity, the two may carry 50 and 15, less than the 69.76 that free trade ships: both
     * are full, and the licences' rent is the same on each.
     */
    @Test
    void twoTraderEntriesOnOneLaneEachCarryTheirShareOfItsCapacity() throws Exception {
        String twoEntries = """
                {"id": "a-to-b", "commodity": "metal", "from": "A", "to": "B", "count": 10, "capacityPerTick": 10,
                 "minMargin": 0},
                {"id": "a-to-b-small", "commodity": "metal", "from": "A", "to": "B", "count": 3, "capacityPerTick": 10,
                 "minMargin": 0}""";
        String routes = "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0}";
        EquilibriumResult r = SpatialEquilibrium.solve(scenario("{\"id\": \"A\"}, {\"id\": \"B\"}", routes,
                A_FIRMS + "," + B_FIRMS, twoEntries, A_DEMAND + "," + B_DEMAND, ""), 0);
        assertConverged(r);
        double pa = 315.0 / 41.0;
        double flow = 26 * pa - 130;
        assertEquals(69.7561, flow, 1e-4);
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(flow * 10 / 13, r.laneFlow("a-to-b"), TOL * flow);
        assertEquals(flow * 3 / 13, r.laneFlow("a-to-b-small"), TOL * flow);

        // Licensed at half: 50 + 15 = 65 cross, A's excess supply 26 p_A - 130 = 65 at p_A = 7.5, and B's mines
        // and the imports meet its households' demand, 5 (p_B - 4) + 65 = 180 - 10 p_B at p_B = 9: a gap of 1.5,
        // more than the route's 1 and the waiting's 0.002 of A's price a tick of its four-tick review.
        String licence = """
                {"type": "exportLicensing", "region": "A", "commodities": ["metal"], "leadTicks": 4,
                 "approvalProbability": 0.5}""";
        EquilibriumResult l = SpatialEquilibrium.solve(scenario("{\"id\": \"A\"}, {\"id\": \"B\"}", routes,
                A_FIRMS + "," + B_FIRMS, twoEntries, A_DEMAND + "," + B_DEMAND, licence), 0);
        assertConverged(l);
        assertEquals(7.5, l.market("A", "metal").price(), TOL * 7.5);
        assertEquals(9.0, l.market("B", "metal").price(), TOL * 9);
        assertEquals(50.0, l.laneFlow("a-to-b"), TOL * 50);
        assertEquals(15.0, l.laneFlow("a-to-b-small"), TOL * 15);
        // Each licence's rent is the gap less the route's cost and the waiting's: 1.5 - 1 - 0.008 x 7.5 = 0.44.
        for (EquilibriumResult.LaneResult lane : l.lanes()) {
            assertEquals(0.44, lane.rent(), TOL, lane.trader());
        }
    }

    @Test
    void noTradeWhenTheRouteCostsMoreThanTheAutarkyGap() throws Exception {
        // Autarky prices 5 and 40/3: a gap of 8.33 against a cost of 10.
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(10.0, 0.0, ""), 0);
        assertConverged(r);
        assertEquals(5.0, r.market("A", "metal").price(), TOL * 5);
        assertEquals(40.0 / 3, r.market("B", "metal").price(), TOL * 13);
        assertEquals(0.0, r.laneFlow("a-to-b"), 1e-9);
    }

    @Test
    void theTradersMarginIsAShareOfTheDestinationPrice() throws Exception {
        // (1 - 0.05) p_B = p_A + 1, so p_B = (p_A + 1) / 0.95 and 26 p_A - 130 = 200 - 15 (p_A + 1) / 0.95.
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.05, ""), 0);
        assertConverged(r);
        double pa = (330 - 15 / 0.95) / (26 + 15 / 0.95);
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals((pa + 1) / 0.95, r.market("B", "metal").price(), TOL * pa);
    }

    @Test
    void aLaneFarWiderThanWhatTheWorldMakesIsSolvedAsALaneThatDoesNotBind() throws Exception {
        // The 5% margin's world above with traders of 10 x 1e6 a tick, more than a thousand times the 1,500 the
        // mines of A and B can make, and prices that start at 10, above where they settle, so that the margin's
        // wedge, 0.05 p_B, narrows from one round to the next. The answer is the same: p_A = (330 - 15 / 0.95) /
        // (26 + 15 / 0.95) = 7.5189, p_B = (p_A + 1) / 0.95 = 8.9673, A ships 26 p_A - 130 = 65.49. Such a lane was
        // left without a bound, and so without a rent to take up the narrower wedge at the start of a round; the
        // round opened with the lane's condition broken, no step along which f fell could mend it, and the solver
        // did not converge in 200 Newton steps.
        Scenario s = scenario(10.0, "{\"id\": \"A\"}, {\"id\": \"B\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0, \"bidirectional\": false}",
                A_FIRMS + "," + B_FIRMS,
                "{\"id\": \"a-to-b\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"B\", \"count\": 10,"
                        + " \"capacityPerTick\": 1e6, \"minMargin\": 0.05}",
                A_DEMAND + "," + B_DEMAND, "");
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
        assertConverged(r);
        double pa = (330 - 15 / 0.95) / (26 + 15 / 0.95);
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals((pa + 1) / 0.95, r.market("B", "metal").price(), TOL * pa);
        assertEquals(26 * pa - 130, r.laneFlow("a-to-b"), TOL * 100);
    }

    @Test
    void aGuaranteeFloorCappedBelowWhatItsFirmsMakePaysOnlyOnTheShareTheCapCovers() throws Exception {
        // B's mines under a guarantee at 12, above any price trade leaves B, its agency buying at most 10 a tick.
        // Uncapped, they would plan on 12 and make S_B(12) = 40, all bought by the agency. Capped, each counts on
        // p_B + (10 / S) (12 - p_B), so S^2 - 5 (p_B - 4) S - 50 (12 - p_B) = 0; B's market takes S - 10 and
        // imports 26 p_A - 130 = 26 p_B - 156 at p_B = p_A + 1: S - 10 + 26 p_B - 156 = 180 - 10 p_B.
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, """
                {"type": "purchaseGuarantee", "id": "pg", "region": "B", "commodity": "metal", "floor": 12,
                 "volumeCapPerTick": 10, "start": 0}"""), 0);
        assertConverged(r);
        double lo = 4;
        double hi = 12;
        for (int i = 0; i < 200; i++) {
            double pb = 0.5 * (lo + hi);
            if (guaranteedSupply(pb) - 10 + 26 * pb - 156 - (180 - 10 * pb) < 0) {
                lo = pb;
            } else {
                hi = pb;
            }
        }
        double pb = 0.5 * (lo + hi);
        double made = guaranteedSupply(pb);
        assertEquals(pb, r.market("B", "metal").price(), TOL * pb);
        assertEquals(pb - 1, r.market("A", "metal").price(), TOL * pb);
        assertEquals(made, r.market("B", "metal").production(), TOL * made);
        assertEquals(10.0, r.market("B", "metal").offtake(), TOL * 10);
        assertEquals(12.0 * 10, r.market("B", "metal").fiscalCost(), TOL * 120);
    }

    @Test
    void aCappedGuaranteeBuyingInAnotherMarketPaysTheFloorsGapOverItsFirmsOwnPrice() throws Exception {
        // A's mines under a guarantee whose agency buys in B at 12. With a cap of 1000, which never binds, as with
        // none: the agency holds B at 12, A's mines count on the floor and make S_A(12) = 200, A uses
        // 90 - 6 * 11 = 24 and ships 176, B's mines make 40 and its buyers take 60, the agency the 156 left. Counted
        // on their own price, 11, plus the floor's gap over B's, 0, they made 180.
        String guarantee = """
                {"type": "purchaseGuarantee", "id": "pg", "region": "B", "commodity": "metal", "floor": 12,
                 "eligibleRegions": ["A"], "volumeCapPerTick": %s, "start": 0}""";
        EquilibriumResult wide = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, guarantee.formatted("1000")), 0);
        assertConverged(wide);
        assertEquals(12.0, wide.market("B", "metal").price(), TOL * 12);
        assertEquals(200.0, wide.market("A", "metal").production(), TOL * 200);
        assertEquals(156.0, wide.market("B", "metal").offtake(), TOL * 156);
        // Capped at 100, below the 200 they would make on the floor: each counts on p_A + (100 / S) (12 - p_A), so
        // S^2 - 20 (p_A - 2) S - 2000 (12 - p_A) = 0; A ships S - (90 - 6 p_A) to B, where with p_B = p_A + 1 below
        // the floor 5 (p_B - 4) + S - 90 + 6 p_A = 180 - 10 p_B + 100: p_A = 9.41, S = 177.4.
        EquilibriumResult capped = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, guarantee.formatted("100")), 0);
        assertConverged(capped);
        double lo = 2;
        double hi = 11;
        for (int i = 0; i < 200; i++) {
            double pa = 0.5 * (lo + hi);
            double made = coveredSupply(pa);
            if (5 * (pa + 1 - 4) + made - 90 + 6 * pa - (180 - 10 * (pa + 1) + 100) < 0) {
                lo = pa;
            } else {
                hi = pa;
            }
        }
        double pa = 0.5 * (lo + hi);
        assertEquals(pa, capped.market("A", "metal").price(), TOL * pa);
        assertEquals(coveredSupply(pa), capped.market("A", "metal").production(), TOL * 200);
        assertEquals(100.0, capped.market("B", "metal").offtake(), TOL * 100);
        assertEquals(12.0 * 100, capped.market("B", "metal").fiscalCost(), TOL * 1200);
    }

    /**
     * B's mines, S = 5 (p - 4), beside as many again of the same cost under a contract at 13 on B's own price, all
     * of them under a guarantee at 12 capped at C. The contract's mines plan on its higher strike and make
     * 5 (13 - 4) = 45, and the agency, as the model's, bids for its cap out of everything the guarantee covers, theirs
     * included: C of S + 45, so the others count on p + C (12 - p) / (S + 45). B clears S + 45 - C + 26 p - 156 =
     * 180 - 10 p (imports from A at p_A = p - 1), so S = 291 + C - 36 p, and (S - 5 (p - 4)) (S + 45) = 5 C (12 - p):
     * with C = 30, 1476 p^2 - 27132 p + 123006 = 0, p = 8.124 and S = 28.53; with C = 60, p = 8.755 and S = 35.82.
     * Counted over the guarantee's own mines alone, the cap covered C of S: capped at 30 they counted on more of the
     * floor and made 36.4, B's price 7.91; capped at 60, more than the 40 they make on the whole floor, the agency
     * bought 40, not the 60 the model's buys.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {30, 60})
    void aGuaranteeSharesItsCapOverEveryFirmItCoversThoseOnAHigherContractIncluded(double cap) throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(scenario("{\"id\": \"A\"}, {\"id\": \"B\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0, \"bidirectional\": false}",
                A_FIRMS + "," + B_FIRMS + "," + B_FIRMS.replace("b-mine", "b-cfd-mine"),
                "{\"id\": \"a-to-b\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"B\", \"count\": 10,"
                        + " \"capacityPerTick\": 100, \"minMargin\": 0}",
                A_DEMAND + "," + B_DEMAND, """
                {"type": "purchaseGuarantee", "id": "pg", "region": "B", "commodity": "metal", "floor": 12,
                 "volumeCapPerTick": %s},
                {"type": "contractForDifference", "id": "cfd", "region": "B", "commodity": "metal", "strike": 13,
                 "firmIdPrefix": "b-cfd"}""".formatted(cap)), 0);
        assertConverged(r);
        // ((311 + C) - 41 p) ((336 + C) - 36 p) = 5 C (12 - p), multiplied out.
        double a = 41 * 36;
        double b = -(36 * (311 + cap) + 41 * (336 + cap) - 5 * cap);
        double c = (311 + cap) * (336 + cap) - 60 * cap;
        double p = (-b - Math.sqrt(b * b - 4 * a * c)) / (2 * a);
        double made = 291 + cap - 36 * p;
        assertEquals(p, r.market("B", "metal").price(), TOL * p);
        assertEquals(made + 45, r.market("B", "metal").production(), TOL * 45);
        assertEquals(cap, r.market("B", "metal").offtake(), TOL * cap);
        double fiscal = 12 * cap + (13 - p) * 45;
        assertEquals(fiscal, r.market("B", "metal").fiscalCost(), TOL * fiscal);
    }

    /**
     * A cap of 0 covers nothing. With B's mines' cost base at 10 they make nothing at the price trade leaves B:
     * A ships 26 p_A - 130 = 180 - 10 (p_A + 1), so p_A = 300/36 and p_B = p_A + 1 = 9.33, below 10. A guarantee at
     * 12, or a contract at 12 settled against A's price or against B's own, each capped at 0, buys or pays nothing,
     * and the world is the one without it (on their own price B's mines planned on the strike whatever the cap, and
     * made 5 (12 - 10) = 10). Read as covering all of an output of nothing, the cap had B's mines count on the floor
     * whenever they made nothing and on their own price whenever they made some, and the solver went round that
     * loop without converging.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "\"type\": \"purchaseGuarantee\", \"floor\": 12",
        "\"type\": \"contractForDifference\", \"strike\": 12, \"referenceRegion\": \"A\"",
        "\"type\": \"contractForDifference\", \"strike\": 12"})
    void aSupportCappedAtNothingLeavesTheWorldAsWithoutIt(String support) throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(dearMinesInB("{" + support + ", \"id\": \"capped\", \"region\":"
                + " \"B\", \"commodity\": \"metal\", \"volumeCapPerTick\": 0}"), 0);
        assertConverged(r);
        double pa = 300.0 / 36;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(pa + 1, r.market("B", "metal").price(), TOL * pa);
        assertEquals(0.0, r.market("B", "metal").production(), 0.0);
        assertEquals(0.0, r.market("B", "metal").offtake(), 0.0);
        assertEquals(0.0, r.market("B", "metal").fiscalCost(), 0.0);
    }

    /**
     * A guarantee's cap may be a sliver of what its firms would make at the floor. With B's mines' cost base at 10
     * (S_B(v) = 5 (v - 10)) and a guarantee at 12 capped at k, each counts on p_B + (k / S) (12 - p_B), so
     * S^2 - 5 (p_B - 10) S - 5 k (12 - p_B) = 0; the agency takes k, and A ships 26 p_B - 156 = 180 - 10 p_B + k - S.
     * At k = 0.01 the mines make about 0.04 and count on a quarter of the floor's gap. Computed from the firms'
     * output of the round before, the share swung between rounds (it moves the price a firm counts on by
     * k (12 - p) / S^2 a unit of output, far more than the supply's slope) and no attempt converged.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.01, 0.001})
    void aGuaranteeCappedAtASliverOfWhatItsFirmsWouldMakeSolves(double k) throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(dearMinesInB("{\"type\": \"purchaseGuarantee\", \"floor\": 12,"
                + " \"id\": \"sliver\", \"region\": \"B\", \"commodity\": \"metal\", \"volumeCapPerTick\": " + k + "}"), 0);
        assertConverged(r);
        double lo = 9;
        double hi = 10;
        for (int i = 0; i < 200; i++) {
            double pb = 0.5 * (lo + hi);
            if (26 * pb - 156 - (180 - 10 * pb + k - sliverSupply(pb, k)) < 0) {
                lo = pb;
            } else {
                hi = pb;
            }
        }
        double pb = 0.5 * (lo + hi);
        double made = sliverSupply(pb, k);
        assertEquals(pb, r.market("B", "metal").price(), TOL * pb);
        assertEquals(made, r.market("B", "metal").production(), TOL * made);
        assertEquals(k, r.market("B", "metal").offtake(), TOL * k);
        assertEquals(12 * k, r.market("B", "metal").fiscalCost(), TOL * 12 * k);
    }

    /** A shipping to B, whose mines' cost base is 10, above the price trade leaves B, with {@code policy} in force. */
    private static Scenario dearMinesInB(String policy) throws Exception {
        return scenario("{\"id\": \"A\"}, {\"id\": \"B\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0, \"bidirectional\": false}",
                A_FIRMS + "," + B_FIRMS.replace("\"base\": 4.0", "\"base\": 10.0"),
                "{\"id\": \"a-to-b\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"B\", \"count\": 10,"
                        + " \"capacityPerTick\": 100, \"minMargin\": 0}",
                A_DEMAND + "," + B_DEMAND, policy);
    }

    /** B's mines' output at cost base 10 under the guarantee capped at k: the root of S^2 - 5 (p - 10) S - 5 k (12 - p). */
    private static double sliverSupply(double p, double k) {
        double b = 5 * (p - 10);
        return (b + Math.sqrt(b * b + 20 * k * (12 - p))) / 2;
    }

    /** A's mines' output under the guarantee capped at 100: the positive root of S^2 - 20 (p - 2) S - 2000 (12 - p). */
    private static double coveredSupply(double p) {
        double b = 20 * (p - 2);
        return (b + Math.sqrt(b * b + 8000 * (12 - p))) / 2;
    }

    /** B's mines' output under the guarantee capped at 10: the positive root of S^2 - 5 (p - 4) S - 50 (12 - p). */
    private static double guaranteedSupply(double p) {
        double b = 5 * (p - 4);
        return (b + Math.sqrt(b * b + 200 * (12 - p))) / 2;
    }

    @Test
    void aFlatCostCurveSetsThePriceAndTheBuyersTheQuantity() throws Exception {
        // A's mines make 100 at any price above 2 (slope 0); B's at 6 up to 300 (exponent 0: flat at base + slope).
        // A cannot use all it makes at any price its mines accept (D_A(p) = 90 - 6 p < 100 above 2), so it ships to B
        // at a cost of 1; shipping all it has left would take B's price to 11 (4 + 6 p = 180 - 10 p), above the 6 at
        // which B's mines make any quantity, so p_B = 6 and p_A = 5: A uses 60 and ships 40, B uses 180 - 10 * 6 = 120
        // and its mines make the 80 left.
        assertTheFlatAnswer(SpatialEquilibrium.solve(
                flatAShippingToB("{\"base\": 4.0, \"slope\": 2.0, \"exponent\": 0}"), 0));
    }

    @Test
    void aCurveAsGoodAsFlatAtItsBaseIsSolvedAsAFlatOneIs() throws Exception {
        // The world above with B's mines on a curve of exponent 100 from 6: 6 + 2 (q / 100)^100. The 80 B's mines make
        // cost 6 + 2 (80 / 300)^100 = 6 + 1e-57, far below the last binary digit of 6 (8.9e-16), and one such digit
        // higher they make 300 (8.9e-16 / 2)^(1/100) = 211: no price a double holds clears B. Read as rising at least
        // 1e-8 of their base across the plant, they clear it at 6 (1 + 1e-8 * 80 / 300), and the hand answer is the
        // flat one's: p_A = 5, p_B = 6, A ships 40, B uses 120 and makes 80. It did not converge in 200 Newton steps.
        assertTheFlatAnswer(SpatialEquilibrium.solve(
                flatAShippingToB("{\"base\": 6.0, \"slope\": 2.0, \"exponent\": 100}"), 0));
    }

    @Test
    void aCurveOfTheSmallestPositiveExponentIsSolvedAsAFlatOneIs() throws Exception {
        // B's mines on 4 + 2 (q / 100)^k with k = 4.9e-324, the least positive double: (q / 100)^k is 1 to the last
        // digit at any output the solver reads, so the curve is flat at 6, as one of exponent 0 is, and the answer is
        // the flat one's. Taken as it stood, 1 / k was infinite and the slope of supply Infinity * 0, NaN: no attempt
        // converged, and a run of it started at the initial prices.
        assertTheFlatAnswer(SpatialEquilibrium.solve(
                flatAShippingToB("{\"base\": 4.0, \"slope\": 2.0, \"exponent\": 4.9e-324}"), 0));
    }

    @Test
    void aLaneAtCapacityFromAMineAtItsCostBaseToAMakerAtItsOwn() throws Exception {
        // China's one mine of 100 on 20 + 30 u^2 sells only over a lane of 0.001 a tick to Japan, whose one maker of
        // 50 (on 10 + 5 u^2) turns 0.3 of oxide into a magnet its households buy at 90 with an elasticity of -0.3.
        // Households would take 40 (1800 / 90)^-0.3 = 16.28 at their choke of 20 x 90 = 1800; the lane lets 0.001 of
        // oxide through, 0.001 / 0.3 magnets, so magnets stand at 1800 with the rest rationed. The mine sells 0.001,
        // u = 1e-5, at 20 + 30e-10 = 20 + 3e-9; the maker makes 1 / 300 at a net price of 10 + 5 (1 / 15000)^2, which
        // sets Japan's oxide at (1800 - 10 - 5 / 15000^2) / 0.3 = 5966.6666666 - 7.4e-8. Every attempt of the solver
        // cycled: from the mine selling twice that, the tangent step took China's price to 20 or just below it, where
        // nothing answers it, and the step from there came back to twice.
        EquilibriumResult r = SpatialEquilibrium.solve(sliversAcrossALane(0.001, 2), 0);
        assertConverged(r);
        double u = 0.001 / 100;
        assertEquals(3e-9, r.market("CN", "oxide").price() - 20, 1e-6 * 3e-9 + 4 * Math.ulp(20.0));
        assertEquals(0.001, r.laneFlow("cn-jp"), TOL * 0.001);
        // One step of China's price's last binary digit moves the mine's output by 2^-48 x 100 / (2 x 30 u): its
        // output is as near 0.001 as a double price can put it, four such steps, 2.4e-9.
        assertEquals(0.001, r.market("CN", "oxide").production(), 4 * Math.ulp(20.0) * 100 / (2 * 30 * u));
        double magnets = 0.001 / 0.3;
        double net = 10 + 5 * Math.pow(magnets / 50, 2);
        double jp = (1800 - net) / 0.3;
        // The maker's margin over its base, 5 (1 / 15000)^2 = 2.2e-8 a magnet, takes 7.4e-8 off Japan's oxide, a
        // part in 1e11 of it: held to a thousandth of that, which a step of the price's last digit (9e-13) is well
        // within, as a tolerance of a millionth of the price (6e-3) is not.
        assertEquals(jp, r.market("JP", "oxide").price(), 1e-3 * (1790 / 0.3 - jp));
        assertEquals(1800.0, r.market("JP", "magnet").price(), TOL * 1800);
        // Likewise a step of Japan's oxide price's last digit moves the maker's output by 2^-40 x 0.3 x 50 / (2 x 5
        // x magnets / 50).
        double resolution = 4 * Math.ulp(jp) * 0.3 * 50 / (2 * 5 * magnets / 50);
        assertEquals(magnets, r.market("JP", "magnet").production(), resolution);
        double wanted = 40 * Math.pow(20.0, -0.3);
        assertEquals(wanted - magnets, r.market("JP", "magnet").rationed(), TOL * wanted);
    }

    @Test
    void aLaneAtCapacityFromAMineAsGoodAsFlatAtItsBase() throws Exception {
        // The world above with a lane of 2 and the mine on 20 + 30 u^78.7: 2 of 100 cost 20 + 30 x 0.02^78.7, 1e-132
        // above 20, far below its last binary digit, so the mine is read as rising 1e-8 of its base, 2e-7, across
        // its plant and sells 2 at 20 + 2e-7 x 0.02 = 20 + 4e-9. The maker makes 2 / 0.3 = 6.67 at a net price of
        // 10 + 5 (6.67 / 50)^2 = 10.0889, Japan's oxide (1800 - 10.0889) / 0.3 = 5966.37, and households buy 6.67
        // of the 16.28 they want at the choke. Every attempt failed, "short by 2.5 at 19.9999999251".
        EquilibriumResult r = SpatialEquilibrium.solve(sliversAcrossALane(2, 78.7), 0);
        assertConverged(r);
        assertEquals(4e-9, r.market("CN", "oxide").price() - 20, 1e-6 * 4e-9 + 4 * Math.ulp(20.0));
        assertEquals(2.0, r.laneFlow("cn-jp"), TOL * 2);
        assertEquals(2.0, r.market("CN", "oxide").production(), TOL * 2);
        double magnets = 2 / 0.3;
        double jp = (1800 - 10 - 5 * Math.pow(magnets / 50, 2)) / 0.3;
        assertEquals(jp, r.market("JP", "oxide").price(), TOL * jp);
        assertEquals(magnets, r.market("JP", "magnet").production(), TOL * magnets);
        assertEquals(40 * Math.pow(20.0, -0.3) - magnets, r.market("JP", "magnet").rationed(), TOL * 16);
    }

    /** China's mine selling over one lane of {@code lane} a tick to Japan's magnet maker, as described above. */
    private static Scenario sliversAcrossALane(double lane, double exponent) throws Exception {
        String text = """
                {"meta": {"name": "slivers"}, "time": {"horizonTicks": 52},
                 "regions": [{"id": "CN"}, {"id": "JP"}],
                 "commodities": [{"id": "oxide", "stage": "refined", "initialPrice": 60},
                                 {"id": "magnet", "stage": "component", "initialPrice": 90}],
                 "recipes": [{"id": "sinter", "output": "magnet", "inputs": [{"commodity": "oxide", "perUnit": 0.3}]}],
                 "routes": [{"from": "CN", "to": "JP", "transitTicks": 3, "costPerUnit": 0.5}],
                 "firms": [
                   {"id": "mine", "type": "producer", "region": "CN", "commodity": "oxide", "capacity": 100,
                    "cost": {"base": 20, "slope": 30, "exponent": %s}},
                   {"id": "maker", "type": "manufacturer", "region": "JP", "commodity": "magnet", "capacity": 50,
                    "cost": {"base": 10, "slope": 5, "exponent": 2}}],
                 "traders": [{"id": "cn-jp", "commodity": "oxide", "from": "CN", "to": "JP", "capacityPerTick": %s,
                              "minMargin": 0.02}],
                 "demand": [{"region": "JP", "commodity": "magnet", "baseQuantity": 40, "referencePrice": 90,
                             "elasticity": -0.3}]}
                """.formatted(exponent, lane);
        return ScenarioLoader.fromText(text, "slivers").scenario();
    }

    /** A's ten flat mines of 10 at 2 (slope 0) shipping to B at 1 a unit, B's three mines of 100 on {@code bCost}. */
    private static Scenario flatAShippingToB(String bCost) throws Exception {
        return scenario("{\"id\": \"A\"}, {\"id\": \"B\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0, \"bidirectional\": false}",
                """
                {"id": "a-mine", "type": "producer", "region": "A", "commodity": "metal", "count": 10, "capacity": 10,
                 "cost": {"base": 2.0, "slope": 0.0, "exponent": 1}},
                {"id": "b-mine", "type": "producer", "region": "B", "commodity": "metal", "count": 3, "capacity": 100,
                 "cost": %s}""".formatted(bCost),
                "{\"id\": \"a-to-b\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"B\", \"count\": 10,"
                        + " \"capacityPerTick\": 100, \"minMargin\": 0}",
                A_DEMAND + "," + B_DEMAND, "");
    }

    /** p_A = 5, p_B = 6: A makes 100, uses 60 and ships 40; B uses 120 and its mines make the 80 left. */
    private static void assertTheFlatAnswer(EquilibriumResult r) {
        assertConverged(r);
        assertEquals(5.0, r.market("A", "metal").price(), TOL * 5);
        assertEquals(6.0, r.market("B", "metal").price(), TOL * 6);
        assertEquals(100.0, r.market("A", "metal").production(), TOL * 100);
        assertEquals(40.0, r.laneFlow("a-to-b"), TOL * 100);
        assertEquals(120.0, r.market("B", "metal").finalConsumption(), TOL * 100);
        assertEquals(80.0, r.market("B", "metal").production(), TOL * 100);
    }

    @Test
    void aBindingLaneCapacityAndABindingExportQuotaEarnTheirRents() throws Exception {
        // A ships to B over a lane of 20 a tick and to C under a quota of 15 a tick (780 a year), each at a
        // cost of 1; both bind, so every market clears with its trade fixed:
        // A: 26 p - 130 = 35; B: 200 - 15 p = 20; C: 140 - 8 p = 15.
        Scenario s = aToBAndC("""
                {"id": "a-to-b", "commodity": "metal", "from": "A", "to": "B", "count": 1, "capacityPerTick": 20, "minMargin": 0},
                {"id": "a-to-c", "commodity": "metal", "from": "A", "to": "C", "count": 10, "capacityPerTick": 100, "minMargin": 0}""",
                """
                {"type": "exportQuota", "id": "a-quota", "region": "A", "commodities": ["metal"], "destinations": ["C"],
                 "yearlyVolume": 780}""");
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
        assertConverged(r);
        double pa = 165.0 / 26;
        double pb = 12.0;
        double pc = 125.0 / 8;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(pb, r.market("B", "metal").price(), TOL * pb);
        assertEquals(pc, r.market("C", "metal").price(), TOL * pc);
        assertEquals(20.0, r.laneFlow("a-to-b"), TOL * 20);
        assertEquals(15.0, r.laneFlow("a-to-c"), TOL * 15);
        // The quota rent is the price gap less the cost of getting there, per unit of the quota.
        double rent = pc - pa - 1;
        EquilibriumResult.InstrumentResult quota = r.instruments().get(0);
        assertEquals(rent, quota.figures().get("rentPerUnit"), TOL * rent);
        assertEquals(15 * rent, quota.figures().get("quotaRent"), TOL * 15 * rent);
        for (EquilibriumResult.LaneResult lane : r.lanes()) {
            double expected = lane.trader().equals("a-to-b") ? pb - pa - 1 : rent;
            assertEquals(expected, lane.rent(), TOL * expected, lane.trader());
        }
    }

    /**
     * A's quota of 20 a tick split half to B, half to C, each lane at a cost of 1; both halves bind:
     * A: 26 p - 130 = 20, p_A = 150/26; B: 200 - 15 p = 10, p_B = 38/3; C: 140 - 8 p = 10, p_C = 16.25. Each
     * destination's rent is its gap less the cost; the quota's rent per unit is what its 20 units earn on average,
     * not the last destination's.
     */
    @Test
    void aQuotaSplitByDestinationEarnsEachDestinationsRent() throws Exception {
        Scenario s = aToBAndC(WIDE_LANES_TO_B_AND_C,
                """
                {"type": "exportQuota", "id": "a-quota", "region": "A", "commodities": ["metal"], "yearlyVolume": 1040,
                 "destinationShares": {"B": 0.5, "C": 0.5}}""");
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
        assertConverged(r);
        double pa = 150.0 / 26;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(38.0 / 3, r.market("B", "metal").price(), TOL * 13);
        assertEquals(16.25, r.market("C", "metal").price(), TOL * 16.25);
        double toB = 38.0 / 3 - pa - 1;
        double toC = 16.25 - pa - 1;
        var figures = r.instruments().get(0).figures();
        assertEquals(10 * (toB + toC), figures.get("quotaRent"), TOL * 200);
        assertEquals((toB + toC) / 2, figures.get("rentPerUnit"), TOL * 10);
        assertEquals(toB, figures.get("rentPerUnit:B"), TOL * 10);
        assertEquals(toC, figures.get("rentPerUnit:C"), TOL * 10);
    }

    @Test
    void anExportTaxRaisesTheGapByTheTaxOnTheOriginPrice() throws Exception {
        // p_B = 1.2 p_A + 1, so 26 p_A - 130 = 200 - 15 (1.2 p_A + 1): p_A = 315/44.
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, """
                {"type": "exportTax", "id": "a-tax", "region": "A", "commodities": ["metal"], "rate": 0.2}"""), 0);
        assertConverged(r);
        double pa = 315.0 / 44;
        double flow = 26 * pa - 130;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(1.2 * pa + 1, r.market("B", "metal").price(), TOL * pa);
        assertEquals(flow, r.laneFlow("a-to-b"), TOL * flow);
        double revenue = 0.2 * pa * flow;
        assertEquals(revenue, r.instruments().get(0).figures().get("revenue"), TOL * revenue);
        assertEquals(revenue, r.market("A", "metal").levyRevenue(), TOL * revenue);
    }

    /**
     * Two taxes of 10% on the same lane are the tax of 20% above, p_A = 315/44; each government instrument collects
     * its own 10% of the origin price on the flow, as the model's taxes each book theirs, not the last listed all.
     */
    @Test
    void twoExportTaxesOnALaneEachCollectTheirOwnRate() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, """
                {"type": "exportTax", "id": "a-tax", "region": "A", "commodities": ["metal"], "rate": 0.1},
                {"type": "exportTax", "id": "a-surtax", "region": "A", "commodities": ["metal"], "rate": 0.1}"""), 0);
        assertConverged(r);
        double pa = 315.0 / 44;
        double flow = 26 * pa - 130;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        for (EquilibriumResult.InstrumentResult tax : r.instruments()) {
            assertEquals(0.1 * pa * flow, tax.figures().get("revenue"), TOL * pa * flow, tax.id());
            assertEquals(flow, tax.figures().get("volume"), TOL * flow, tax.id());
        }
        assertEquals(0.2 * pa * flow, r.market("A", "metal").levyRevenue(), TOL * pa * flow);
    }

    /**
     * Two subsidies on the lane, 0.25 a unit and 10% of the origin price: p_B = 0.9 p_A + 0.75, so
     * 26 p_A - 130 = 200 - 15 (0.9 p_A + 0.75) and p_A = 318.75 / 39.5. Each pays its own on the flow.
     */
    @Test
    void twoExportSubsidiesOnALaneEachPayTheirOwn() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, """
                {"type": "exportSubsidy", "id": "a-rebate", "region": "A", "commodities": ["metal"], "rate": 0.1},
                {"type": "exportSubsidy", "id": "a-grant", "region": "A", "commodities": ["metal"], "perUnit": 0.25}"""),
                0);
        assertConverged(r);
        double pa = 318.75 / 39.5;
        double flow = 26 * pa - 130;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(0.1 * pa * flow, r.instruments().get(0).figures().get("subsidyPaid"), TOL * pa * flow);
        assertEquals(0.25 * flow, r.instruments().get(1).figures().get("subsidyPaid"), TOL * pa * flow);
        assertEquals(flow, r.instruments().get(0).figures().get("volumeSubsidised"), TOL * flow);
        assertEquals(flow, r.instruments().get(1).figures().get("volumeSubsidised"), TOL * flow);
        assertEquals((0.1 * pa + 0.25) * flow, r.market("A", "metal").fiscalCost(), TOL * pa * flow);
    }

    @Test
    void aTariffFloorHoldsTheImportersPriceAtTheFloor() throws Exception {
        // Free trade would clear B at 8.68; with a floor of 10 on imports B's price is the floor, B imports
        // D_B(10) - S_B(10) = 50, and A exports 50 at 26 p_A - 130 = 50. The levy is the floor less the c.i.f. price.
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, """
                {"type": "tariffFloor", "id": "b-floor", "region": "B", "commodity": "metal", "floor": 10.0}"""), 0);
        assertConverged(r);
        double pa = 180.0 / 26;
        assertEquals(10.0, r.market("B", "metal").price(), TOL * 10);
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(50.0, r.laneFlow("a-to-b"), TOL * 50);
        double levy = (10 - (pa + 1)) * 50;
        assertEquals(levy, r.instruments().get(0).figures().get("levyRevenue"), TOL * levy);
        assertEquals(levy, r.market("B", "metal").levyRevenue(), TOL * levy);
    }

    @Test
    void beyondATariffRateQuotaImportsPayTheOutOfQuotaTariff() throws Exception {
        // 20 a tick (1040 a year) enter B free, the rest at 50% of the c.i.f. price p_A + 1. Imports exceed the
        // quota, so the marginal unit pays the out-of-quota tariff: p_B = 1.5 (p_A + 1), and
        // 26 p_A - 130 = 200 - 22.5 (p_A + 1) gives p_A = 307.5 / 48.5.
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, """
                {"type": "tariffRateQuota", "id": "b-trq", "region": "B", "commodity": "metal", "inQuotaTariff": 0.0,
                 "outOfQuotaTariff": 0.5, "yearlyQuota": 1040}"""), 0);
        assertConverged(r);
        double pa = 307.5 / 48.5;
        double cif = pa + 1;
        double imports = 26 * pa - 130;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(1.5 * cif, r.market("B", "metal").price(), TOL * pa);
        assertEquals(imports, r.market("B", "metal").imports(), TOL * imports);
        var figures = r.instruments().get(0).figures();
        assertEquals(20.0, figures.get("inQuotaVolume"), TOL * 20);
        assertEquals(imports - 20, figures.get("outOfQuotaVolume"), TOL * imports);
        // Licence holders earn the domestic price less the c.i.f. price on the quota; the tariff is paid beyond it.
        assertEquals((1.5 * cif - cif) * 20, figures.get("quotaRent"), TOL * 20 * cif);
        assertEquals(0.5 * cif * (imports - 20), figures.get("tariffRevenue"), TOL * imports * cif);
    }

    /**
     * A quota of 1e16 a year, the most a scenario may give, is about 1.9e14 a tick, 1.9e13 times what the lane can
     * carry, 10 a tick, all of which it carries: a wider lane would carry some 57. Every unit enters in quota, at its
     * tariff of 10% of the c.i.f. price, and the lane's 10 set both prices, {@code 200 - 15 p_B = 10},
     * {@code p_B = 38 / 3}, and {@code 26 p_A - 130 = 10}, {@code p_A = 70 / 13}; the tariff takes
     * {@code 0.1 (70 / 13 + 1) 10 = 83 / 13} a tick. Its volume and fill rate are still reported. Left in the solve,
     * its bound of 1.9e14 set the scale of the subproblem beside the lane's 10, and no attempt of the solver
     * converged.
     */
    @Test
    void aTariffRateQuotaFarTooLargeToBindLetsEveryUnitInAtItsTariff() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(scenario("{\"id\": \"A\"}, {\"id\": \"B\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0, \"bidirectional\": false}",
                A_FIRMS + "," + B_FIRMS,
                "{\"id\": \"a-to-b\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"B\", \"count\": 1,"
                        + " \"capacityPerTick\": 10, \"minMargin\": 0.05}",
                A_DEMAND + "," + B_DEMAND, """
                {"type": "tariffRateQuota", "id": "b-trq", "region": "B", "commodity": "metal", "inQuotaTariff": 0.1,
                 "outOfQuotaTariff": 0.5, "yearlyQuota": 1e16}"""), 0);
        assertConverged(r);
        double pa = 70.0 / 13;
        double pb = 38.0 / 3;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(pb, r.market("B", "metal").price(), TOL * pb);
        assertEquals(10, r.laneFlow("a-to-b"), TOL * 10);
        assertEquals(10, r.market("B", "metal").imports(), TOL * 10);
        var figures = r.instruments().get(0).figures();
        assertEquals(10, figures.get("inQuotaVolume"), TOL * 10);
        assertEquals(0.0, figures.getOrDefault("outOfQuotaVolume", 0.0), TOL * 10);
        assertEquals(83.0 / 13, figures.get("tariffRevenue"), TOL * 83 / 13);
        assertEquals(1e16 / 52, figures.get("quotaVolume"), 1e16 / 52 * 1e-15);
        assertEquals(10 / (1e16 / 52), figures.get("fillRate"), TOL * 10 / (1e16 / 52));
    }

    /**
     * A's metal reaches B only through C, at 0.5 a leg, and C's households buy 1e-9 a tick at C's price: as the two
     * linear markets traded directly at a cost of 1, {@code 26 p_A - 130 = 200 - 15 (p_A + 1)}, {@code p_A = 315 / 41},
     * with C's price half way, {@code p_A + 0.5}. Some 70 a tick pass through C beside the 1e-9 it keeps.
     */
    @Test
    void aHubWhoseHouseholdsBuyAlmostNothingPassesItsLanesFlowOn() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(scenario("{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}",
                "{\"from\": \"A\", \"to\": \"C\", \"transitTicks\": 1, \"costPerUnit\": 0.5, \"bidirectional\": false}, "
                        + "{\"from\": \"C\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 0.5, \"bidirectional\": false}",
                A_FIRMS + "," + B_FIRMS,
                "{\"id\": \"a-to-c\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"C\", \"count\": 10,"
                        + " \"capacityPerTick\": 100, \"minMargin\": 0}, "
                        + "{\"id\": \"c-to-b\", \"commodity\": \"metal\", \"from\": \"C\", \"to\": \"B\", \"count\": 10,"
                        + " \"capacityPerTick\": 100, \"minMargin\": 0}",
                A_DEMAND + "," + B_DEMAND + ", {\"region\": \"C\", \"commodity\": \"metal\", \"baseQuantity\": 1e-9,"
                        + " \"referencePrice\": 7.0, \"elasticity\": -0.5, \"form\": \"linear\"}", ""), 0);
        assertConverged(r);
        double pa = 315.0 / 41;
        double flow = 26 * pa - 130;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(pa + 0.5, r.market("C", "metal").price(), TOL * pa);
        assertEquals(pa + 1, r.market("B", "metal").price(), TOL * pa);
        assertEquals(flow, r.laneFlow("c-to-b"), TOL * flow);
        assertEquals(flow, r.market("C", "metal").imports(), TOL * flow);
    }

    @Test
    void twoTariffRateQuotasEachLetInTheirOwnVolume() throws Exception {
        // A ships to B and to C at a cost of 1. B lets 20 a tick (1040 a year) in free, C 10 a tick (520 a
        // year); beyond them a tariff of 200% stops trade. Each market clears with its quota of imports:
        // B: 5 p - 20 + 20 = 180 - 10 p, p_B = 12; C: 4 p - 20 + 10 = 120 - 4 p, p_C = 16.25;
        // A: 20 p - 40 = 90 - 6 p + 30, p_A = 160/26. Out of quota B would need p_B / 3 = 4 and C 5.42 to
        // cover the c.i.f. price p_A + 1 = 7.15: neither does.
        Scenario s = aToBAndC(WIDE_LANES_TO_B_AND_C,
                """
                {"type": "tariffRateQuota", "id": "b-trq", "region": "B", "commodity": "metal",
                 "outOfQuotaTariff": 2.0, "yearlyQuota": 1040},
                {"type": "tariffRateQuota", "id": "c-trq", "region": "C", "commodity": "metal",
                 "outOfQuotaTariff": 2.0, "yearlyQuota": 520}""");
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
        assertConverged(r);
        double pa = 160.0 / 26;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(12.0, r.market("B", "metal").price(), TOL * 12);
        assertEquals(16.25, r.market("C", "metal").price(), TOL * 16.25);
        var b = r.instruments().get(0).figures();
        var c = r.instruments().get(1).figures();
        assertEquals(20.0, b.get("inQuotaVolume"), TOL * 20);
        assertEquals(10.0, c.get("inQuotaVolume"), TOL * 10);
        assertEquals(1.0, b.get("fillRate"), TOL);
        assertEquals(1.0, c.get("fillRate"), TOL);
        assertEquals((12 - pa - 1) * 20, b.get("quotaRent"), TOL * 20 * 12);
        assertEquals((16.25 - pa - 1) * 10, c.get("quotaRent"), TOL * 10 * 16.25);
    }

    @Test
    void aContractForDifferenceAboveTheMarketHoldsOutputAtTheStrike() throws Exception {
        // A alone clears at 5. With a strike of 6 its producers plan on 6 and supply 20 (6 - 2) = 80 whatever the
        // price, so 90 - 6 p = 80 and p = 5/3; the budget pays (6 - 5/3) on each of the 80 units.
        EquilibriumResult r = SpatialEquilibrium.solve(scenario("{\"id\": \"A\"}", "", A_FIRMS, "", A_DEMAND, """
                {"type": "contractForDifference", "id": "a-cfd", "region": "A", "commodity": "metal", "strike": 6.0}"""), 0);
        assertConverged(r);
        double p = 5.0 / 3;
        assertEquals(p, r.market("A", "metal").price(), TOL * p);
        assertEquals(80.0, r.market("A", "metal").production(), TOL * 80);
        double cost = (6 - p) * 80;
        assertEquals(cost, r.instruments().get(0).figures().get("fiscalCost"), TOL * cost);
        assertEquals(cost, r.market("A", "metal").fiscalCost(), TOL * cost);
    }

    /**
     * Two contracts on the same producers, at 6 and at 4: they plan on the higher strike whichever is listed first, as
     * the model's firms do, so A still clears at 5/3 with 80 made.
     */
    @Test
    void aContractForDifferenceBelowTheMarketCostsNothing() throws Exception {
        // A alone clears at 5, above a strike of 4: the contract pays nothing and, without an upside share, claws
        // nothing back. Its cost is nought, written 0.0: the clawback's rate of nothing times the price's excess
        // over the strike came to -0.0, and equilibrium.json gave the contract a fiscal cost of "-0.0".
        EquilibriumResult r = SpatialEquilibrium.solve(scenario("{\"id\": \"A\"}", "", A_FIRMS, "", A_DEMAND, """
                {"type": "contractForDifference", "id": "a-cfd", "region": "A", "commodity": "metal", "strike": 4.0}"""), 0);
        assertConverged(r);
        assertEquals(5.0, r.market("A", "metal").price(), TOL * 5);
        java.util.Map<String, Double> figures = r.instruments().get(0).figures();
        assertEquals(60.0, figures.get("supportedVolume"), TOL * 60);
        for (String figure : new String[] {"payments", "clawback", "fiscalCost"}) {
            assertEquals(Double.valueOf(0.0), figures.get(figure), figure);
        }
    }

    @Test
    void producersUnderTwoContractsPlanOnTheHigherStrikeInEitherOrder() throws Exception {
        String six = "{\"type\": \"contractForDifference\", \"id\": \"six\", \"region\": \"A\", "
                + "\"commodity\": \"metal\", \"strike\": 6.0}";
        String four = six.replace("six", "four").replace("6.0", "4.0");
        for (String policies : new String[] {six + ", " + four, four + ", " + six}) {
            EquilibriumResult r = SpatialEquilibrium.solve(scenario("{\"id\": \"A\"}", "", A_FIRMS, "", A_DEMAND,
                    policies), 0);
            assertConverged(r);
            assertEquals(5.0 / 3, r.market("A", "metal").price(), TOL * 5 / 3, policies);
            assertEquals(80.0, r.market("A", "metal").production(), TOL * 80, policies);
        }
    }

    @Test
    void aContractForDifferenceWithUpsideShareFlattensSupplyAboveTheStrike() throws Exception {
        // Strike 3, 30% of the excess paid back: producers plan on 0.7 p + 0.9, supply 20 (0.7 p + 0.9 - 2)
        // = 14 p - 22, and 14 p - 22 = 90 - 6 p gives p = 5.6; they pay back 0.3 (5.6 - 3) on each unit.
        EquilibriumResult r = SpatialEquilibrium.solve(scenario("{\"id\": \"A\"}", "", A_FIRMS, "", A_DEMAND, """
                {"type": "contractForDifference", "id": "a-cfd", "region": "A", "commodity": "metal", "strike": 3.0,
                 "upsideShare": 0.3}"""), 0);
        assertConverged(r);
        assertEquals(5.6, r.market("A", "metal").price(), TOL * 5.6);
        double q = 14 * 5.6 - 22;
        assertEquals(q, r.market("A", "metal").production(), TOL * q);
        double cost = -0.3 * (5.6 - 3) * q;
        assertEquals(cost, r.instruments().get(0).figures().get("fiscalCost"), TOL * Math.abs(cost));
    }

    /**
     * B's contract for difference at 12 settled against A's price: B's producers are paid 12 - p_A a unit on top of
     * what they sell at, as the model's firms count it, so they plan on p_B + 12 - p_A, which trade holds at 13
     * (p_B = p_A + 1), and make 5 (13 - 4) = 45 whatever the prices, not 5 (12 - 4) = 40 as on a strike of their own
     * price. A then ships 170 - 10 p_A - 45 = 26 p_A - 130, so p_A = 255/36, and the budget pays (12 - p_A) on 45.
     */
    @Test
    void aContractSettledAgainstAnotherMarketPaysItsGapOnTopOfTheFirmsOwnPrice() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, """
                {"type": "contractForDifference", "id": "b-cfd", "region": "B", "commodity": "metal", "strike": 12.0,
                 "referenceRegion": "A"}"""), 0);
        assertConverged(r);
        double pa = 255.0 / 36;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(pa + 1, r.market("B", "metal").price(), TOL * pa);
        assertEquals(45.0, r.market("B", "metal").production(), TOL * 45);
        double cost = (12 - pa) * 45;
        assertEquals(cost, r.instruments().get(0).figures().get("fiscalCost"), TOL * cost);
    }

    /**
     * The same contract at 6 with half the upside paid back: A's price lies above the strike, so B's producers give
     * back 0.5 (p_A - 6) a unit and plan on p_A + 1 - 0.5 (p_A - 6) = 0.5 p_A + 4, making 2.5 p_A; A ships
     * 170 - 12.5 p_A = 26 p_A - 130, so p_A = 300/38.5, and the budget takes back 0.5 (p_A - 6) on each unit.
     */
    @Test
    void aContractSettledAgainstAnotherMarketClawsBackAboveTheStrike() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, """
                {"type": "contractForDifference", "id": "b-cfd", "region": "B", "commodity": "metal", "strike": 6.0,
                 "upsideShare": 0.5, "referenceRegion": "A"}"""), 0);
        assertConverged(r);
        double pa = 300 / 38.5;
        double q = 2.5 * pa;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(q, r.market("B", "metal").production(), TOL * q);
        double clawback = 0.5 * (pa - 6) * q;
        assertEquals(clawback, r.instruments().get(0).figures().get("clawback"), TOL * clawback);
    }

    /**
     * The contract at 12 against A's price capped at 10 a tick, a third of what B's producers then make: each counts
     * on p_B + (10 / S) (12 - p_A) = p_B + (10 / S) (13 - p_B), so S^2 - 5 (p_B - 4) S - 50 (13 - p_B) = 0, and B
     * takes S + 26 (p_B - 1) - 130 = 180 - 10 p_B, so S = 336 - 36 p_B. At p_B = 8.5, S = 30 and
     * 900 - 675 - 225 = 0: A at 7.5 ships 65, B's producers make 30, not the 45 of no cap, and the budget pays
     * (12 - 7.5) on the 10 the cap covers.
     */
    @Test
    void aContractSettledAgainstAnotherMarketCappedBelowWhatItsFirmsMakePaysOnTheShareTheCapCovers() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, """
                {"type": "contractForDifference", "id": "b-cfd", "region": "B", "commodity": "metal", "strike": 12.0,
                 "referenceRegion": "A", "volumeCapPerTick": 10}"""), 0);
        assertConverged(r);
        assertEquals(7.5, r.market("A", "metal").price(), TOL * 7.5);
        assertEquals(8.5, r.market("B", "metal").price(), TOL * 8.5);
        assertEquals(30.0, r.market("B", "metal").production(), TOL * 30);
        assertEquals(65.0, r.laneFlow("a-to-b"), TOL * 65);
        assertEquals(45.0, r.instruments().get(0).figures().get("fiscalCost"), TOL * 45);
    }

    /**
     * The contract at 12 on B's own price capped at 10 a tick: each of B's producers counts on
     * p_B + (10 / S) (12 - p_B), so S^2 - 5 (p_B - 4) S - 50 (12 - p_B) = 0, and B takes S + 26 (p_B - 1) - 130 =
     * 180 - 10 p_B, so S = 336 - 36 p_B: 1476 p_B^2 - 26542 p_B + 119016 = 0, p_B = 8.536, S = 28.71, not the
     * 5 (12 - 4) = 40 of no cap that they made under any cap, and the budget pays (12 - p_B) on the 10 the cap covers.
     */
    @Test
    void aContractOnItsFirmsOwnPriceCappedBelowWhatTheyMakePaysOnTheShareTheCapCovers() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(twoRegions(1.0, 0.0, """
                {"type": "contractForDifference", "id": "b-cfd", "region": "B", "commodity": "metal", "strike": 12.0,
                 "volumeCapPerTick": 10}"""), 0);
        assertConverged(r);
        double pb = (26542 - Math.sqrt(26542.0 * 26542 - 4 * 1476 * 119016)) / (2 * 1476);
        double made = 336 - 36 * pb;
        assertEquals(8.536, pb, 0.0005);
        assertEquals(made * made - 5 * (pb - 4) * made - 50 * (12 - pb), 0.0, 1e-9);
        assertEquals(pb, r.market("B", "metal").price(), TOL * pb);
        assertEquals(pb - 1, r.market("A", "metal").price(), TOL * pb);
        assertEquals(made, r.market("B", "metal").production(), TOL * made);
        assertEquals((12 - pb) * 10, r.instruments().get(0).figures().get("fiscalCost"), TOL * 40);
    }

    /**
     * The requirement in a B with no buyers (a demand of 0 at every price): nothing is imported, and every market but
     * B is at its autarky price, B's at most the 4 below which its mines make nothing. The bound on each origin started
     * at its lanes' capacity and halved toward the nothing the other origin ships, each round's change half of the
     * bound itself: measured against the bound and what B uses (nothing), it never settled, and the solver stopped
     * after 500 rounds with "the wedges still moved by 0.5". Measured against the lanes' capacity where B uses
     * nothing, it settles once the bound is a billionth of that.
     */
    @Test
    void aDiversificationRequirementOnAnImporterWithNoBuyersSettles() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(diversified("""
                {"region": "B", "commodity": "metal", "baseQuantity": 0, "referencePrice": 8.0, "elasticity": -0.8,
                 "form": "linear"}""", C_DEMAND), 0);
        assertConverged(r);
        assertEquals(5.0, r.market("A", "metal").price(), TOL * 5);
        assertEquals(17.5, r.market("C", "metal").price(), TOL * 17.5);
        assertTrue(r.market("B", "metal").price() <= 4 * (1 + TOL), "B at " + r.market("B", "metal").price());
        assertEquals(0.0, r.market("B", "metal").production(), TOL * 100);
        assertEquals(0.0, r.laneFlow("a-to-b"), TOL * 100);
        assertEquals(0.0, r.laneFlow("c-to-b"), TOL * 100);
    }

    /** B buying from A and from C, each at a cost of 1, with at most half its imports from one origin. */
    private static Scenario diversified(String cDemand) throws Exception {
        return diversified(B_DEMAND, cDemand);
    }

    /** As {@link #diversified(String)}, B's demand given. */
    private static Scenario diversified(String bDemand, String cDemand) throws Exception {
        return scenario("{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0}, "
                        + "{\"from\": \"C\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0}",
                A_FIRMS + "," + B_FIRMS + "," + C_FIRMS,
                """
                {"id": "a-to-b", "commodity": "metal", "from": "A", "to": "B", "count": 10, "capacityPerTick": 100,
                 "minMargin": 0},
                {"id": "c-to-b", "commodity": "metal", "from": "C", "to": "B", "count": 10, "capacityPerTick": 100,
                 "minMargin": 0}""",
                A_DEMAND + "," + bDemand + "," + cDemand,
                """
                {"type": "diversificationRequirement", "id": "b-div", "region": "B", "commodity": "metal",
                 "maxShare": 0.5}""");
    }

    /**
     * C alone clears at 17.5, above B's 40/3, so no trader ships from C to B; B may then take at most half of nothing
     * from A, as the model's buyers are granted no more from one origin than half of what all origins sell them, and
     * every market stays at its autarky price. A lane from A would earn B's price less A's and the cost, the
     * requirement's rent, and C's traders are not paid to ship at a loss so that A's may ship.
     */
    @Test
    void aDiversificationRequirementWithoutASecondProfitableOriginStopsImports() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(diversified(C_DEMAND), 0);
        assertConverged(r);
        assertEquals(5.0, r.market("A", "metal").price(), TOL * 5);
        assertEquals(40.0 / 3, r.market("B", "metal").price(), TOL * 13);
        assertEquals(17.5, r.market("C", "metal").price(), TOL * 17.5);
        assertEquals(0.0, r.laneFlow("a-to-b"), TOL * 180);
        assertEquals(0.0, r.laneFlow("c-to-b"), TOL * 180);
        for (EquilibriumResult.LaneResult lane : r.lanes()) {
            // A's lane: 40/3 - 5 - 1 = 22/3; C's, whose price is above B's, none.
            double rent = lane.trader().equals("a-to-b") ? 40.0 / 3 - 5 - 1 : 0;
            assertEquals(rent, lane.rent(), TOL * 13, lane.trader());
        }
    }

    /**
     * With C's demand 30 - p, C alone clears at 10 and ships 5 p_C - 50 at p_C = p_B - 1, the gap its traders need.
     * A ships as much, no more: 200 - 15 p_B = 2 (5 p_B - 55) gives p_B = 12.4, 7 from each; A at 26 p_A - 130 = 7.
     */
    @Test
    void aDiversificationRequirementHoldsTheCheapOriginToTheOthersVolume() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(diversified("""
                {"region": "C", "commodity": "metal", "baseQuantity": 20, "referencePrice": 10.0, "elasticity": -0.5,
                 "form": "linear"}"""), 0);
        assertConverged(r);
        double pa = 137.0 / 26;
        assertEquals(pa, r.market("A", "metal").price(), TOL * pa);
        assertEquals(12.4, r.market("B", "metal").price(), TOL * 12.4);
        assertEquals(11.4, r.market("C", "metal").price(), TOL * 11.4);
        assertEquals(7.0, r.laneFlow("a-to-b"), TOL * 7);
        assertEquals(7.0, r.laneFlow("c-to-b"), TOL * 7);
        for (EquilibriumResult.LaneResult lane : r.lanes()) {
            double rent = lane.trader().equals("a-to-b") ? 12.4 - pa - 1 : 0;
            assertEquals(rent, lane.rent(), TOL * 12.4, lane.trader());
        }
    }

    /**
     * A's ten mines of 1 a tick ({@code S_A = 10} from a price of 52) ship to B at a cost of 1, where buyers pay far
     * more than A's own ever would: B's mines {@code S_B = (p - 4) / 20}, B's buyers {@code D_B = 180 - p / 10}
     * (linear, a reference of 800). A's households, {@code aDemand}, buy nothing above 100, their choke.
     */
    private static Scenario anExporterUnderBuyersWhoPayMore(String aDemand) throws Exception {
        return scenario("{\"id\": \"A\"}, {\"id\": \"B\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0, \"bidirectional\": false}",
                A_FIRMS.replace("\"capacity\": 100", "\"capacity\": 1") + ","
                        + B_FIRMS.replace("\"slope\": 100.0", "\"slope\": 10000.0"),
                "{\"id\": \"a-to-b\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"B\", \"count\": 10,"
                        + " \"capacityPerTick\": 100, \"minMargin\": 0}",
                aDemand + "," + """
                {"region": "B", "commodity": "metal", "baseQuantity": 100, "referencePrice": 800.0, "elasticity": -0.8,
                 "form": "linear"}""", "");
    }

    /**
     * Whatever A's own households would pay, B's buyers pay more for all A makes: A ships its 10, and B clears where
     * {@code (p - 4) / 20 + 10 = 180 - p / 10}, at {@code p_B = 170.2 / 0.15 = 1134.67}, A's price the lane's cost
     * below, 1133.67, far above 100, where A's households buy nothing. Their curve: linear, {@code 90 - 6 p}, nil from
     * 15 on, and the choke of 100 (twenty times their reference); isoelastic, {@code 60 (p / 5)^-0.5}, which falls
     * from 13.4 to nothing at 100; linear with a choke of 10, where it falls from 30 to nothing. A market whose
     * households buy was held at their choke, and each world was reported "short by 155.05 at its ceiling of 100.0"
     * (176.95 at 10.0 with the choke of 10), in every attempt.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "\"form\": \"linear\"", "\"form\": \"isoelastic\"", "\"form\": \"linear\", \"chokePrice\": 10"})
    void anExporterWhoseBuyersAbroadPayMoreThanItsHouseholdsWouldIsPricedAboveTheirChoke(String form)
            throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(anExporterUnderBuyersWhoPayMore(A_DEMAND.replace(
                "\"form\": \"linear\"", form)), 0);
        assertConverged(r);
        double pb = 170.2 / 0.15;
        assertEquals(pb, r.market("B", "metal").price(), TOL * pb);
        assertEquals(pb - 1, r.market("A", "metal").price(), TOL * pb);
        assertEquals(10.0, r.laneFlow("a-to-b"), TOL * 10);
        assertEquals(10.0, r.market("A", "metal").production(), TOL * 10);
        assertEquals(0.0, r.market("A", "metal").finalConsumption(), TOL * 10);
        assertEquals(0.0, r.market("A", "metal").rationed(), TOL * 10);
        assertEquals((pb - 4) / 20, r.market("B", "metal").production(), TOL * 100);
        assertEquals(180 - pb / 10, r.market("B", "metal").finalConsumption(), TOL * 100);
    }

    /**
     * The two-region test world with B's households' reference price raised from 10 to 1,000 and A's ten mines cut
     * to 0.5 each. A's 5 sell abroad: A's households (isoelastic, reference 10) buy nothing above their choke of 200,
     * and B's pay far more. B's mines make their 50 (at capacity from 15), so B's households take 55:
     * {@code 100 (p / 1000)^-0.8 = 55}, {@code p_B = 1000 × 0.55^-1.25 = 2111.28}. The lane (six traders of 40 a
     * tick on average, at a margin of 2% of B's price and a cost of 0.2) carries the 5, so {@code 0.98 p_B = p_A +
     * 0.2}, {@code p_A = 2068.86}. A was held at 200 and reported "short by 235.0 at its ceiling of 200.0" in every
     * attempt.
     */
    @Test
    void theTwoRegionWorldsExporterFollowsBuyersAbroadWhoPayAHundredTimesMore() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Path.of(ClosedFormTest.class.getResource(
                "/scenarios/two-region.json").toURI()).toFile());
        ((ObjectNode) json.get("demand").get(1)).put("referencePrice", 1000.0);
        ((ObjectNode) json.get("firms").get(0)).put("capacity", 0.5);
        EquilibriumResult r = SpatialEquilibrium.solve(ScenarioLoader.fromJson(json, "two-region").scenario(), 0);
        assertConverged(r);
        double pb = 1000 * Math.pow(0.55, -1.25);
        assertEquals(pb, r.market("B", "metal").price(), TOL * pb);
        assertEquals(0.98 * pb - 0.2, r.market("A", "metal").price(), TOL * pb);
        assertEquals(5.0, r.laneFlow("a-to-b"), TOL * 5);
        assertEquals(0.0, r.market("A", "metal").finalConsumption(), TOL * 5);
        assertEquals(55.0, r.market("B", "metal").finalConsumption(), TOL * 55);
    }

    /**
     * At their choke A's households buy anything from nothing to what they take just below it, and an exporter's
     * price can stand there. A's mines make 30 ({@code S_A = 30} from 52), its households' isoelastic curve
     * {@code 60 (p / 5)^-0.5} stops at 100, where they take up to {@code 60 / sqrt(20) = 13.42}; B's mines
     * {@code S_B = (p - 4) / 5}, B's buyers {@code D_B = 80 - 0.4 p}, the lane's cost 1. Below 100 A's households
     * keep at least 13.42 of the 30, and B, at no more than A's price and the cost, lacks more than the 16.58 left
     * ({@code 80.8 - 0.6 p_B > 20.2}); above 100 they keep none, and the 30 shipped would take B's price to 84.67,
     * below what the lane needs. So A stands at 100, B at 101, where B takes {@code 80.8 - 60.6 = 20.2} and A's
     * households the 9.8 left: 3.62 of what they would buy at 100 goes unserved. A buyer abroad lifts A's ceiling
     * above the choke; the step splits A's price there, and lands on the choke rather than across it.
     */
    @Test
    void anExporterWhoseHouseholdsTakePartOfWhatTheyWouldAtTheirChokeStandsThere() throws Exception {
        Scenario s = scenario("{\"id\": \"A\"}, {\"id\": \"B\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0, \"bidirectional\": false}",
                A_FIRMS.replace("\"capacity\": 100", "\"capacity\": 3") + ","
                        + B_FIRMS.replace("\"slope\": 100.0", "\"slope\": 2500.0"),
                "{\"id\": \"a-to-b\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"B\", \"count\": 10,"
                        + " \"capacityPerTick\": 100, \"minMargin\": 0}",
                A_DEMAND.replace("\"form\": \"linear\"", "\"form\": \"isoelastic\"") + "," + """
                {"region": "B", "commodity": "metal", "baseQuantity": 40, "referencePrice": 100.0, "elasticity": -1.0,
                 "form": "linear"}""", "");
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
        assertConverged(r);
        double atChoke = 60 / Math.sqrt(20);
        assertEquals(100.0, r.market("A", "metal").price(), TOL * 100);
        assertEquals(101.0, r.market("B", "metal").price(), TOL * 100);
        assertEquals(20.2, r.laneFlow("a-to-b"), TOL * 30);
        assertEquals(9.8, r.market("A", "metal").finalConsumption(), TOL * 30);
        assertEquals(atChoke - 9.8, r.market("A", "metal").rationed(), TOL * 30);
        assertEquals(19.4, r.market("B", "metal").production(), TOL * 30);
    }

    /**
     * The same on a linear curve cut by its choke: A's households buy {@code 90 - 6 p} up to 10, so up to 30 there,
     * and nothing above; A's mines {@code S_A = 20 (p - 2)}, 160 at 10; B's mines {@code S_B = 5 (p - 4)} and buyers
     * {@code D_B = 400 - 20 p} (linear, 200 at a reference of 10), so B lacks {@code 420 - 25 p_B}. Below 10, A's
     * households keep at least 30 of less than 160, and B, at less than 11, lacks more than 145: short. Above it,
     * A ships more than 160 and B, above 11, lacks less than 145: long. So A stands at 10 and B at 11, B imports 145,
     * and A's households take the 15 left of the 30 they would buy at 10.
     */
    @Test
    void anExporterWhoseHouseholdsOnALinearCurveTakePartOfWhatTheyWouldAtTheirChokeStandsThere() throws Exception {
        Scenario s = scenario("{\"id\": \"A\"}, {\"id\": \"B\"}",
                "{\"from\": \"A\", \"to\": \"B\", \"transitTicks\": 1, \"costPerUnit\": 1.0, \"bidirectional\": false}",
                A_FIRMS + "," + B_FIRMS,
                "{\"id\": \"a-to-b\", \"commodity\": \"metal\", \"from\": \"A\", \"to\": \"B\", \"count\": 10,"
                        + " \"capacityPerTick\": 100, \"minMargin\": 0}",
                A_DEMAND.replace("\"form\": \"linear\"", "\"form\": \"linear\", \"chokePrice\": 10") + "," + """
                {"region": "B", "commodity": "metal", "baseQuantity": 200, "referencePrice": 10.0, "elasticity": -1.0,
                 "form": "linear"}""", "");
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
        assertConverged(r);
        assertEquals(10.0, r.market("A", "metal").price(), TOL * 10);
        assertEquals(11.0, r.market("B", "metal").price(), TOL * 10);
        assertEquals(145.0, r.laneFlow("a-to-b"), TOL * 160);
        assertEquals(160.0, r.market("A", "metal").production(), TOL * 160);
        assertEquals(15.0, r.market("A", "metal").finalConsumption(), TOL * 160);
        assertEquals(15.0, r.market("A", "metal").rationed(), TOL * 160);
    }

    /**
     * A metal whose own households buy nothing above 100 (isoelastic, {@code 60 (p / 5)^-0.5}) is bought by device
     * makers who can pay far more. The mines make 10 from a price of 52; a device takes 1 metal, and the makers
     * supply {@code (v - 10) / 10} at a net price {@code v}; households buy {@code 40 - p / 50} devices (linear, a
     * reference of 1,000). All 10 tonnes go into devices: {@code 40 - p_d / 50 = 10} gives {@code p_d = 1500}, the
     * makers make 10 at {@code v = 110}, and metal stands at {@code 1500 - 110 = 1390}. Held at its households'
     * choke, the metal was reported "short by 21.5 at its ceiling of 100.0" in every attempt.
     */
    @Test
    void aMetalItsHouseholdsWouldNotBuyAboveTheirChokeIsPricedByTheMakersWhoWould() throws Exception {
        String text = """
                {"meta": {"name": "makers"}, "time": {"ticksPerYear": 52, "horizonTicks": 104},
                 "regions": [{"id": "A"}],
                 "commodities": [{"id": "metal", "stage": "raw", "initialPrice": 6.0},
                                 {"id": "device", "stage": "final", "initialPrice": 1000.0}],
                 "recipes": [{"id": "make", "output": "device", "inputs": [{"commodity": "metal", "perUnit": 1.0}]}],
                 "firms": [
                   {"id": "mine", "type": "producer", "region": "A", "commodity": "metal", "count": 10, "capacity": 1,
                    "cost": {"base": 2.0, "slope": 50.0, "exponent": 1}},
                   {"id": "maker", "type": "manufacturer", "region": "A", "commodity": "device", "count": 10,
                    "capacity": 10, "cost": {"base": 10.0, "slope": 1000.0, "exponent": 1}}],
                 "demand": [{"region": "A", "commodity": "metal", "baseQuantity": 60, "referencePrice": 5.0,
                             "elasticity": -0.5},
                            {"region": "A", "commodity": "device", "baseQuantity": 20, "referencePrice": 1000.0,
                             "elasticity": -1.0, "form": "linear"}],
                 "behaviour": {"demandNoise": 0.0}}
                """;
        EquilibriumResult r = SpatialEquilibrium.solve(ScenarioLoader.fromText(text, "makers").scenario(), 0);
        assertConverged(r);
        assertEquals(1390.0, r.market("A", "metal").price(), TOL * 1390);
        assertEquals(1500.0, r.market("A", "device").price(), TOL * 1500);
        assertEquals(0.0, r.market("A", "metal").finalConsumption(), TOL * 10);
        assertEquals(10.0, r.market("A", "metal").intermediateUse(), TOL * 10);
        assertEquals(10.0, r.market("A", "device").production(), TOL * 10);
    }

    /**
     * The metal and device makers above, the makers under a contract for difference at 3,000 settled against R's
     * device price, and A's device buyers stopping at 1,600. R's device plant supplies {@code 5 (p - 40)} to buyers
     * who take {@code 100 - p}: R's devices stand at 50, and the contract pays the makers 2,950 on each device on top
     * of what it sells for. As before the ten tonnes all go into devices, which sell at 1,500, and the makers make 10
     * at a net price of 110, so metal stands at {@code 1500 + 2950 - 110 = 4340}: more than A's device buyers would
     * ever pay, and more than the strike. Bounded by the higher of those two, the metal was held at 3,000 and
     * reported "short by 22.33 at its ceiling of 3000.0" in every attempt.
     */
    @Test
    void aMetalBoughtByMakersPaidAContractsGapOverAnotherMarketIsPricedUpToWhatTheyCouldPay() throws Exception {
        String text = """
                {"meta": {"name": "makers"}, "time": {"ticksPerYear": 52, "horizonTicks": 104},
                 "regions": [{"id": "A"}, {"id": "R"}],
                 "commodities": [{"id": "metal", "stage": "raw", "initialPrice": 6.0},
                                 {"id": "device", "stage": "final", "initialPrice": 1000.0}],
                 "recipes": [{"id": "make", "output": "device", "inputs": [{"commodity": "metal", "perUnit": 1.0}]}],
                 "firms": [
                   {"id": "mine", "type": "producer", "region": "A", "commodity": "metal", "count": 10, "capacity": 1,
                    "cost": {"base": 2.0, "slope": 50.0, "exponent": 1}},
                   {"id": "maker", "type": "manufacturer", "region": "A", "commodity": "device", "count": 10,
                    "capacity": 10, "cost": {"base": 10.0, "slope": 1000.0, "exponent": 1}},
                   {"id": "r-plant", "type": "producer", "region": "R", "commodity": "device", "count": 1,
                    "capacity": 100, "cost": {"base": 40.0, "slope": 20.0, "exponent": 1}}],
                 "demand": [{"region": "A", "commodity": "metal", "baseQuantity": 60, "referencePrice": 5.0,
                             "elasticity": -0.5},
                            {"region": "A", "commodity": "device", "baseQuantity": 20, "referencePrice": 1000.0,
                             "elasticity": -1.0, "form": "linear", "chokePrice": 1600},
                            {"region": "R", "commodity": "device", "baseQuantity": 50, "referencePrice": 50.0,
                             "elasticity": -1.0, "form": "linear"}],
                 "policies": [{"type": "contractForDifference", "id": "cfd", "region": "A", "commodity": "device",
                               "strike": 3000, "referenceRegion": "R"}],
                 "behaviour": {"demandNoise": 0.0}}
                """;
        EquilibriumResult r = SpatialEquilibrium.solve(ScenarioLoader.fromText(text, "makers").scenario(), 0);
        assertConverged(r);
        assertEquals(50.0, r.market("R", "device").price(), TOL * 50);
        assertEquals(1500.0, r.market("A", "device").price(), TOL * 1500);
        assertEquals(4340.0, r.market("A", "metal").price(), TOL * 4340);
        assertEquals(0.0, r.market("A", "metal").finalConsumption(), TOL * 10);
        assertEquals(10.0, r.market("A", "metal").intermediateUse(), TOL * 10);
        assertEquals(10.0, r.market("A", "device").production(), TOL * 10);
    }

    static final String CHAIN = """
            {"meta": {"name": "chain"}, "time": {"ticksPerYear": 52, "horizonTicks": 104},
             "regions": [{"id": "A"}],
             "commodities": [{"id": "ore", "stage": "raw", "initialPrice": 3.0},
                             {"id": "widget", "stage": "final", "initialPrice": 10.0}],
             "recipes": [{"id": "make", "output": "widget", "inputs": [{"commodity": "ore", "perUnit": 2.0}]}],
             "firms": [
               {"id": "mine", "type": "producer", "region": "A", "commodity": "ore", "count": 10, "capacity": 100,
                "cost": {"base": 2.0, "slope": 50.0, "exponent": 1}},
               {"id": "maker", "type": "manufacturer", "region": "A", "commodity": "widget", "count": 10,
                "capacity": 100, "cost": {"base": 1.0, "slope": 100.0, "exponent": 1}}],
             "demand": [{"region": "A", "commodity": "widget", "baseQuantity": 60, "referencePrice": 5.0,
                         "elasticity": -0.5, "form": "linear"}],
             "behaviour": {"demandNoise": 0.0}}
            """;

    @Test
    void aManufacturerBuysItsInputsAsFarAsItsOutputPriceNetOfInputCostsPays() throws Exception {
        // Ore S = 20 (p_r - 2); a maker needs 2 ore a unit and supplies 10 (p_o - 2 p_r - 1); D_o = 90 - 6 p_o.
        // Ore clears at p_r = 2 + q / 10, so q = 10 p_o - 50 - 2 q, and with q = 90 - 6 p_o: p_o = 320 / 28.
        assertTheChainsAnswer(SpatialEquilibrium.solve(ScenarioLoader.fromText(CHAIN, "chain").scenario(), 0));
    }

    /** The answer worked above for {@link #CHAIN}. */
    static void assertTheChainsAnswer(EquilibriumResult r) {
        assertConverged(r);
        double po = 320.0 / 28;
        double q = 90 - 6 * po;
        assertEquals(po, r.market("A", "widget").price(), TOL * po);
        assertEquals(2 + q / 10, r.market("A", "ore").price(), TOL * po);
        assertEquals(q, r.market("A", "widget").production(), TOL * q);
        assertEquals(2 * q, r.market("A", "ore").intermediateUse(), TOL * q);
    }

    @Test
    void aManufacturerThatHasThriftedBuysWhatItsOwnIntensityTakes() throws Exception {
        // The chain above, its makers having thrifted to 1 ore a unit (their recipe says 2). The maker supplies
        // 10 (p_o - p_r - 1), ore clears at p_r = 2 + q / 20, so 1.5 q = 10 p_o - 30, and with q = 90 - 6 p_o:
        // p_o = 165 / 19.
        Scenario s = ScenarioLoader.fromText(CHAIN, "chain").scenario();
        int[] spec = new int[20];
        double[] capacity = new double[20];
        double[] base = new double[20];
        double[] slope = new double[20];
        double[] exponent = new double[20];
        boolean[] active = new boolean[20];
        double[][] intensity = new double[20][];
        for (int i = 0; i < 20; i++) {
            boolean maker = i >= 10;
            spec[i] = maker ? 1 : 0;
            capacity[i] = 100;
            base[i] = maker ? 1.0 : 2.0;
            slope[i] = maker ? 100.0 : 50.0;
            exponent[i] = 1;
            active[i] = true;
            intensity[i] = maker ? new double[] {1.0} : null;
        }
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0,
                FirmParameters.drawn(spec, capacity, base, slope, exponent, active, intensity),
                TraderParameters.expected(s), EquilibriumOptions.DEFAULTS);
        assertConverged(r);
        double po = 165.0 / 19;
        double q = 90 - 6 * po;
        assertEquals(po, r.market("A", "widget").price(), TOL * po);
        assertEquals(2 + q / 20, r.market("A", "ore").price(), TOL * po);
        assertEquals(q, r.market("A", "ore").intermediateUse(), TOL * q);
        assertEquals(q / 10, r.firms().get(10).inputUse()[0], TOL * q);
    }

    /**
     * A recycler collects a share {@code 0.1 (p / 10)^0.5} of the metal its region uses, at a cost far below the
     * price, so it makes all it collects: {@code R(p) = 0.1 (p / 10)^0.5 D(p)}. With mines {@code S = 20 (p - 4)}
     * and demand {@code D = 100 (p / 10)^-0.5}, the market clears where {@code 20 (p - 4) + 10 = D(p)}. The
     * answer, in the commodity's price unit, cannot depend on how many dollars one unit of that price is.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {1.0, 1000.0})
    void aRecyclerCollectsMoreAsTheMetalGetsDearerWhateverThePriceUnit(double valuePerUnit) throws Exception {
        String text = """
                {"meta": {"name": "closed-form-recycling"},
                 "time": {"ticksPerYear": 52, "horizonTicks": 104},
                 "regions": [{"id": "A"}],
                 "commodities": [{"id": "metal", "stage": "final", "initialPrice": 10.0, "valuePerUnit": %s}],
                 "routes": [],
                 "firms": [
                   {"id": "a-mine", "type": "producer", "region": "A", "commodity": "metal", "count": 10,
                    "capacity": 100, "cost": {"base": 4.0, "slope": 50.0, "exponent": 1}},
                   {"id": "a-recycler", "type": "recycler", "region": "A", "commodity": "metal", "capacity": 1000,
                    "cost": {"base": 0.2, "slope": 0.2, "exponent": 1},
                    "recycling": {"feedstock": "metal", "yieldPerUnit": 1.0, "collectionShare": 0.1,
                                  "priceElasticity": 0.5, "lagTicks": 1, "maxCollectionShare": 0.9}}],
                 "traders": [],
                 "demand": [{"region": "A", "commodity": "metal", "baseQuantity": 100, "referencePrice": 10.0,
                             "elasticity": -0.5}],
                 "behaviour": {"demandNoise": 0.0}}
                """.formatted(valuePerUnit);
        Scenario s = ScenarioLoader.fromText(text, "closed-form-recycling").scenario();
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);
        assertConverged(r);
        double lo = 4;
        double hi = 10;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (20 * (mid - 4) + 10 - 100 * Math.pow(mid / 10, -0.5) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double p = 0.5 * (lo + hi);
        double demand = 100 * Math.pow(p / 10, -0.5);
        assertEquals(p, r.market("A", "metal").price(), TOL * p);
        assertEquals(demand, r.market("A", "metal").finalConsumption(), TOL * demand);
        assertEquals(20 * (p - 4) + 10, r.market("A", "metal").production(), TOL * demand);
    }
}
