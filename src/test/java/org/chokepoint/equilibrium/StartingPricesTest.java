package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Where the solver starts does not decide where it ends. The chain of {@link ClosedFormTest#CHAIN}, worked by
 * hand there: ore mines supply {@code S = 20 (p_r - 2)}, makers need 2 t of ore a widget and supply
 * {@code 10 (p_w - 2 p_r - 1)}, households buy {@code D = 90 - 6 p_w}; the widget clears at
 * {@code p_w = 320 / 28}, {@code q = 90 - 6 p_w} widgets are made, and ore at {@code p_r = 2 + q / 10}.
 */
class StartingPricesTest {
    private static Scenario chain(double oreInitialPrice) throws Exception {
        String text = ClosedFormTest.CHAIN.replace("\"initialPrice\": 3.0", "\"initialPrice\": " + oreInitialPrice);
        return ScenarioLoader.fromText(text, "chain").scenario();
    }

    @Test
    void fromInitialPricesNearTheAnswerTheSolverGoesStraightThere() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(chain(3.0), 0);

        ClosedFormTest.assertTheChainsAnswer(r);
        assertEquals(SpatialEquilibrium.START_INITIAL, r.convergence().start());
    }

    /**
     * An ore price written per kilogram where the unit is the tonne, 0.003 for 3: scaled by it, the ore market's
     * ceiling (a thousand times its initial price, 3) lies below the equilibrium's 2 + q / 10 = 4.14, and the
     * solver cannot get there. Started again from the firms' costs it finds the same answer.
     */
    @Test
    void anInitialPriceAThousandTimesTooLowIsMendedByStartingFromTheFirmsCosts() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(chain(0.003), 0);

        ClosedFormTest.assertTheChainsAnswer(r);
        assertEquals(SpatialEquilibrium.START_COSTS, r.convergence().start());
    }

    /**
     * Mines of 1 t a week that cost a thousandth of a dollar: their 10 t bind, and ore's price is what the makers
     * can pay, not what the mines cost. Then 2 q = 10, so q = 5 widgets; 5 = 90 - 6 p_w gives {@code p_w = 85 / 6};
     * the makers make 5 where {@code 10 (p_w - 2 p_r - 1) = 5}, so {@code p_r = 38 / 6}. Started from an ore price
     * of 0.003 (ceiling 3) and again from the mines' cost at half capacity, 0.0015 (ceiling 1.5), neither ceiling
     * reaches it; the second start lifts ore's to what a maker could pay for it at most, the widget's choke price
     * of 15 over its 2 t of ore, 7.5.
     */
    @Test
    void whereACapacityLimitHoldsThePriceFarAboveCostTheCeilingIsWhatBuyersCouldPay() throws Exception {
        String text = ClosedFormTest.CHAIN.replace("\"initialPrice\": 3.0", "\"initialPrice\": 0.003")
                .replace("\"commodity\": \"ore\", \"count\": 10, \"capacity\": 100,",
                        "\"commodity\": \"ore\", \"count\": 10, \"capacity\": 1,")
                .replace("\"base\": 2.0, \"slope\": 50.0", "\"base\": 0.001, \"slope\": 0.001");
        assertTrue(text.contains("\"capacity\": 1,") && text.contains("\"base\": 0.001"),
                "the mines' lines of the chain changed: " + text);

        EquilibriumResult r = SpatialEquilibrium.solve(ScenarioLoader.fromText(text, "capped").scenario(), 0);

        assertTrue(r.convergence().converged(), r.convergence().toString());
        assertEquals(SpatialEquilibrium.START_COSTS, r.convergence().start());
        assertEquals(85.0 / 6, r.market("A", "widget").price(), 1e-6 * 85 / 6);
        assertEquals(38.0 / 6, r.market("A", "ore").price(), 1e-6 * 85 / 6);
        assertEquals(5, r.market("A", "widget").production(), 1e-6 * 5);
    }

    @Test
    void theFirmsCostsGiveTheMarginalCostAtHalfCapacityUpTheChain() throws Exception {
        Scenario s = chain(0.003);
        Network net = Network.build(s, org.chokepoint.scenario.WorldBuilder.build(s), 0, FirmParameters.expected(s),
                TraderParameters.expected(s), EquilibriumOptions.DEFAULTS);

        double[] p = CostBuiltPrices.of(net);

        int ore = net.world.market(0, net.world.commodityIndex("ore"));
        int widget = net.world.market(0, net.world.commodityIndex("widget"));
        // Ore at the mines' marginal cost at half capacity, 2 + 50 / 2; a widget at the makers' 1 + 100 / 2
        // plus its 2 t of that ore.
        assertEquals(27.0, p[ore], 1e-12);
        assertEquals(105.0, p[widget], 1e-12);
    }

    /**
     * A run starts at that equilibrium, but says the initial prices are far from it: triggers, recycling and the
     * summary go on reading them, so a unit slip there would still move the run.
     */
    @Test
    void aRunOfThatScenarioStartsThereAndSaysTheInitialPricesAreFarFromIt() throws Exception {
        String note = Simulation.run(chain(0.003), 1, 4, 1).model().startNote();

        assertTrue(note != null && note.startsWith("started at its equilibrium"), note);
        assertTrue(note.contains("furthest: A/ore, initial price 0.003000, equilibrium 4.143"), note);
        assertNull(Simulation.run(chain(3.0), 1, 4, 1).model().startNote(), "found from the initial prices");
    }

    /** The exporter and its one outlet of the two tests below; %s is its export subsidy's rate or sum a unit. */
    private static final String SUBSIDISED_OUTLET = """
                {"meta": {"name": "subsidised-outlet"},
                 "time": {"ticksPerYear": 52, "horizonTicks": 104},
                 "regions": [{"id": "X"}, {"id": "M"}],
                 "commodities": [{"id": "metal", "stage": "final", "initialPrice": 0.008}],
                 "routes": [{"from": "X", "to": "M", "transitTicks": 1, "costPerUnit": 0.5}],
                 "firms": [
                   {"id": "x-mine", "type": "producer", "region": "X", "commodity": "metal", "count": 10, "capacity": 9,
                    "cost": {"base": 0.001, "slope": 0.001, "exponent": 1}}],
                 "traders": [{"id": "x-to-m", "commodity": "metal", "from": "X", "to": "M", "count": 20,
                              "capacityPerTick": 80, "minMargin": 0}],
                 "demand": [
                   {"region": "M", "commodity": "metal", "baseQuantity": 120, "referencePrice": 8.0, "elasticity": -1.0,
                    "form": "linear", "chokePrice": 16.0}],
                 "policies": [{"type": "exportSubsidy", "id": "rebate", "region": "X", "commodities": ["metal"], %s}],
                 "behaviour": {"demandNoise": 0.0}}
                """;

    /**
     * An exporter without households of its own, X, whose ten mines of 9 a tick cost a thousandth of a dollar, sells
     * all 90 to M, whose households buy {@code 240 - 15 p} up to their choke of 16, across a lane costing 0.5 on
     * which X pays back a share of its price, or a sum a unit, to its exporters. M's price is what 90 fetches there,
     * {@code 240 - 15 p_M = 90}, {@code p_M = 10}, and X's what the lane's condition gives it: under a rate of 0.5,
     * {@code p_M = 0.5 p_X + 0.5}, {@code p_X = 19}, and the budget pays {@code 0.5 × 19 × 90 = 855} a tick; under 10 a
     * unit, {@code p_M = p_X + 0.5 - 10}, {@code p_X = 19.5}, and it pays 900. Both lie above anything a buyer of the
     * metal pays, 16. Written per kilogram, 0.008 for 8, the metal's initial price gives X a ceiling of 8; from the
     * mines' cost at half capacity, 0.0015, the second start lifted it only to that 16, and both failed with X "short
     * by 22.5 at its ceiling of 16.0" (by 52.5 under 10 a unit). Lifted to what the buyers X reaches could pay, as a
     * market with households of its own is, {@code (16 - 0.5) / 0.5 = 31} and {@code 16 - 0.5 + 10 = 25.5}, it is solved.
     */
    @Test
    void anExporterWhoseSubsidyPaysMoreThanAnyBuyerHasItsCeilingLiftedToWhatItsLanesBuyersCouldPay() throws Exception {
        double[][] cases = {{0.5, 19, 855}, {10, 19.5, 900}};
        for (double[] c : cases) {
            String subsidy = c[0] < 1 ? "\"rate\": " + c[0] : "\"perUnit\": " + c[0];
            EquilibriumResult r = SpatialEquilibrium.solve(
                    ScenarioLoader.fromText(SUBSIDISED_OUTLET.formatted(subsidy), "subsidised-outlet").scenario(), 0);

            assertTrue(r.convergence().converged(), subsidy + ": " + r.convergence());
            assertEquals(SpatialEquilibrium.START_COSTS, r.convergence().start(), subsidy);
            assertEquals(10, r.market("M", "metal").price(), 1e-6 * 10, subsidy);
            assertEquals(c[1], r.market("X", "metal").price(), 1e-6 * c[1], subsidy);
            assertEquals(90, r.laneFlow("x-to-m"), 1e-6 * 90, subsidy);
            assertEquals(c[2], r.market("X", "metal").fiscalCost(), 1e-6 * c[2], subsidy);
        }
    }

    /**
     * The world above under the rate of 0.5, with a third region, Z, whose households would buy {@code 1.5 - p / 16}
     * (1 at 8, an elasticity of -0.5, nothing from 24) but whom no firm and no lane serves. M and X clear as before,
     * {@code p_M = 10}, {@code p_X = (10 - 0.5) / 0.5 = 19}, 90 shipped and {@code 0.5 × 19 × 90 = 855} paid; Z buys
     * nothing, at a price of 24 or more. Holding the subsidy at each round's price of X leaves half of the last
     * round's error in it, a round narrowing by 0.5. Every other round, its target as loose as the wedges' last move,
     * accepted its start, with the lane's rent taking up that move: a change of 3166, then none, then 1583, none, 792,
     * so the crawl, read from consecutive rounds, was never seen, and the start from the firms' costs ran out of
     * Newton steps. Such a round is solved to the full tolerance, each round moves, and the crawl is read.
     */
    @Test
    void aThirdRegionNoLaneReachesLeavesTheSubsidisedExportersRoundsEachMoving() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(SUBSIDISED_OUTLET.formatted("\"rate\": 0.5"));
        ((ArrayNode) json.get("regions")).addObject().put("id", "Z");
        ((ArrayNode) json.get("demand")).addObject().put("region", "Z").put("commodity", "metal")
                .put("baseQuantity", 1).put("referencePrice", 8.0).put("elasticity", -0.5).put("form", "linear");
        EquilibriumResult r = SpatialEquilibrium.solve(
                ScenarioLoader.fromJson(json, "subsidised-outlet-and-island").scenario(), 0);

        assertTrue(r.convergence().converged(), r.convergence().toString());
        assertEquals(SpatialEquilibrium.START_COSTS, r.convergence().start());
        assertEquals(10, r.market("M", "metal").price(), 1e-6 * 10);
        assertEquals(19, r.market("X", "metal").price(), 1e-6 * 19);
        assertEquals(90, r.laneFlow("x-to-m"), 1e-6 * 90);
        assertEquals(855, r.market("X", "metal").fiscalCost(), 1e-6 * 855);
        assertEquals(0, r.market("Z", "metal").consumption(), 1e-6);
        assertTrue(r.market("Z", "metal").price() >= 24 * (1 - 1e-6), "Z at " + r.market("Z", "metal").price());
    }
}
