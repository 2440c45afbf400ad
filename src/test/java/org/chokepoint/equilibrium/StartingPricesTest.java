package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Where the solver starts does not decide where it ends. A one-region chain worked by hand: ten ore mines of
 * 100 t a week at a marginal cost of {@code 2 + 50 q / 100} supply {@code S = 20 (p_ore - 2)}; ten smelters
 * turn a tonne of ore into a tonne of metal at a marginal conversion cost of {@code 1 + 50 q / 100}, so they
 * make {@code Q = 20 (p_metal - p_ore - 1)}; households buy {@code D = 60 (1 - 0.5 (p_metal / 5 - 1)) =
 * 90 - 6 p_metal}. With {@code S = Q = D}: {@code p_ore = 2 + Q / 20}, {@code p_metal = 3 + Q / 10},
 * {@code Q = 90 - 18 - 0.6 Q}, so {@code Q = 45}, {@code p_metal = 7.5} and {@code p_ore = 4.25}.
 */
class StartingPricesTest {
    private static final double TOL = 1e-6;

    private static Scenario chain(double oreInitialPrice) throws Exception {
        return ScenarioLoader.fromText("""
                {"meta": {"name": "chain"},
                 "time": {"ticksPerYear": 52, "horizonTicks": 104},
                 "regions": [{"id": "A"}],
                 "commodities": [{"id": "ore", "stage": "raw", "initialPrice": %s},
                                 {"id": "metal", "stage": "final", "initialPrice": 7.0}],
                 "recipes": [{"id": "smelt", "output": "metal", "inputs": [{"commodity": "ore", "perUnit": 1.0}]}],
                 "firms": [
                   {"id": "mine", "type": "producer", "region": "A", "commodity": "ore", "count": 10, "capacity": 100,
                    "cost": {"base": 2.0, "slope": 50.0, "exponent": 1}},
                   {"id": "smelter", "type": "manufacturer", "region": "A", "commodity": "metal", "count": 10,
                    "capacity": 100, "cost": {"base": 1.0, "slope": 50.0, "exponent": 1}}],
                 "demand": [{"region": "A", "commodity": "metal", "baseQuantity": 60, "referencePrice": 5.0,
                             "elasticity": -0.5, "form": "linear"}],
                 "behaviour": {"demandNoise": 0.0}}
                """.formatted(oreInitialPrice), "chain").scenario();
    }

    private static void assertTheWorkedAnswer(EquilibriumResult r) {
        assertTrue(r.convergence().converged(), r.convergence().toString());
        assertEquals(4.25, r.market("A", "ore").price(), TOL * 4.25);
        assertEquals(7.5, r.market("A", "metal").price(), TOL * 7.5);
        assertEquals(45, r.market("A", "metal").production(), TOL * 45);
        assertEquals(45, r.market("A", "ore").production(), TOL * 45);
    }

    @Test
    void fromInitialPricesNearTheAnswerTheSolverGoesStraightThere() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(chain(3.0), 0);

        assertTheWorkedAnswer(r);
        assertEquals(SpatialEquilibrium.START_INITIAL, r.convergence().start());
    }

    /**
     * An ore price written per kilogram where the unit is the tonne, 0.003 for 3: scaled by it, the ore market's
     * ceiling (a thousand times its initial price, 3) lies below the equilibrium's 4.25, and the solver cannot get
     * there. Started again from the firms' costs (ore at the mines' marginal cost at half capacity, 2 + 25 = 27;
     * metal at the smelters' 1 + 25 plus a tonne of that ore, 53) it finds the same answer.
     */
    @Test
    void anInitialPriceAThousandTimesTooLowIsMendedByStartingFromTheFirmsCosts() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(chain(0.003), 0);

        assertTheWorkedAnswer(r);
        assertEquals(SpatialEquilibrium.START_COSTS, r.convergence().start());
    }

    @Test
    void theFirmsCostsGiveTheMarginalCostAtHalfCapacityUpTheChain() throws Exception {
        Scenario s = chain(0.003);
        Network net = Network.build(s, org.chokepoint.scenario.WorldBuilder.build(s), 0, FirmParameters.expected(s),
                TraderParameters.expected(s), EquilibriumOptions.DEFAULTS);

        double[] p = CostBuiltPrices.of(net);

        int ore = net.world.market(0, net.world.commodityIndex("ore"));
        int metal = net.world.market(0, net.world.commodityIndex("metal"));
        assertEquals(27.0, p[ore], 1e-12);
        assertEquals(53.0, p[metal], 1e-12);
    }

    @Test
    void aRunOfThatScenarioStartsAtTheEquilibriumAllTheSame() throws Exception {
        assertNull(Simulation.run(chain(0.003), 1, 4, 1).model().startNote(),
                "the equilibrium was found from the firms' costs, so the run starts there");
    }
}
