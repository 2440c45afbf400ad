package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A world of regions and commodities with nobody in it (no firm, no trader, no demand) is a valid scenario: a
 * map drawn before anyone is placed on it. Its equilibrium has nothing to price; solving it once handed the QP
 * solver a problem of no variables, and every run of such a scenario failed with "Index 0 out of bounds".
 */
class EmptyWorldTest {

    private static Scenario empty() throws Exception {
        return ScenarioLoader.fromText("""
                {"meta": {"name": "empty"},
                 "time": {"horizonTicks": 10},
                 "regions": [{"id": "A"}, {"id": "B"}],
                 "commodities": [{"id": "metal", "stage": "raw", "initialPrice": 6.0}],
                 "routes": [{"from": "A", "to": "B", "transitTicks": 1, "costPerUnit": 0.5}]}
                """, "empty").scenario();
    }

    @Test
    void itsEquilibriumHasNothingToPrice() throws Exception {
        EquilibriumResult result = SpatialEquilibrium.solve(empty(), 0);

        assertTrue(result.convergence().converged(), result.convergence().toString());
        assertEquals(0.0, result.convergence().maxExcessDemand());
    }

    @Test
    void aRunStartsAtThatEquilibriumAndEnds() throws Exception {
        RunOutcome outcome = Simulation.run(empty(), 1, 10, 1);

        assertEquals(10, outcome.model().horizon());
        assertNull(outcome.model().startNote(), "the equilibrium was found, so the run starts there");
    }

    private static final String NOBODY_BUYS = """
            {"meta": {"name": "nobody-buys"},
             "time": {"horizonTicks": 10},
             "regions": [{"id": "A"}, {"id": "B"}],
             "commodities": [{"id": "oxide", "stage": "refined", "initialPrice": 60},
                             {"id": "magnet", "stage": "component", "initialPrice": 90}],
             "recipes": [{"id": "sinter", "output": "magnet", "inputs": [{"commodity": "oxide", "perUnit": 0.3}]}],
             "routes": [{"from": "A", "to": "B", "transitTicks": 3, "costPerUnit": 0.5}],
             "firms": [
               {"id": "mine", "type": "producer", "region": "A", "commodity": "oxide", "capacity": %s,
                "cost": {"base": 20, "slope": 30, "exponent": 2}},
               {"id": "maker", "type": "manufacturer", "region": "B", "commodity": "magnet", "capacity": 50,
                "cost": {"base": 10, "slope": 5, "exponent": 2}}],
             "traders": [{"id": "a-b", "commodity": "oxide", "from": "A", "to": "B", "capacityPerTick": 50,
                          "minMargin": 0.02}],
             "demand": [{"region": "B", "commodity": "magnet", "baseQuantity": %s, "referencePrice": 90,
                         "elasticity": -0.3, "form": "linear"}]}
            """;

    /**
     * Firms and a lane, but demand of nothing at any price: nothing is made, bought or shipped, and every price
     * at which nobody supplies is an equilibrium. The solver once measured the lane's complementarity gap against
     * the value traded, which is nothing, and reported failure; measured against what the world's capacity is
     * worth, the gap is nothing too.
     */
    @Test
    void whereNobodyBuysNothingIsMadeOrShipped() throws Exception {
        Scenario s = ScenarioLoader.fromText(NOBODY_BUYS.formatted(100, 0), "nobody-buys").scenario();

        EquilibriumResult r = SpatialEquilibrium.solve(s, 0);

        assertTrue(r.convergence().converged(), r.convergence().toString());
        assertEquals(0.0, r.market("A", "oxide").production());
        assertEquals(0.0, r.market("B", "magnet").production());
        assertEquals(0.0, r.laneFlow("a-b"));
        assertNull(Simulation.run(s, 1, 10, 1).model().startNote(), "the run starts at that equilibrium");
    }

    /**
     * Where nobody buys, the prices are each market's initial price lowered only as far as nothing being made
     * or shipped needs (found without a Newton step, where Newton's steps on the nil Hessian took 71 steps and
     * 14 s on the rare-earth baseline without its demand). A's oxide: the mine's cost base, 20 (60 would pay it
     * to mine). B's oxide: the most at which shipping from A does not pay, the landed 20 + 0.5 being all the
     * trader may keep of the price after its 2% margin, (20 + 0.5) / (1 - 0.02) = 20.918367. B's magnets: the
     * maker's cost base plus the oxide in a magnet at that price, 10 + 0.3 * 20.918367 = 16.275510. At those
     * prices the mine and the maker make nothing, and trade A to B would fetch exactly its cost and margin.
     */
    @Test
    void whereNobodyBuysEachPriceIsItsInitialOneLoweredUntilNothingIsMadeOrShipped() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(
                ScenarioLoader.fromText(NOBODY_BUYS.formatted(100, 0), "nobody-buys").scenario(), 0);

        assertTrue(r.convergence().converged(), r.convergence().toString());
        assertEquals(0, r.convergence().newtonSteps());
        assertEquals(20.0, r.market("A", "oxide").price(), 1e-12);
        assertEquals(20.5 / 0.98, r.market("B", "oxide").price(), 1e-12);
        assertEquals(20.918367, r.market("B", "oxide").price(), 1e-6);
        assertEquals(16.275510, r.market("B", "magnet").price(), 1e-6);
        assertEquals(0.0, r.market("B", "magnet").production());
        assertEquals(0.0, r.laneFlow("a-b"));
    }

    /**
     * A market whose initial price already makes nothing keeps it: magnets first priced at 12, below the 16.28
     * at which B's maker would start, stay at 12; the oxide prices are lowered as before.
     */
    @Test
    void whereNobodyBuysAnInitialPriceThatMakesNothingIsKept() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(ScenarioLoader.fromText(NOBODY_BUYS.formatted(100, 0)
                .replace("\"initialPrice\": 90", "\"initialPrice\": 12"), "cheap-magnets").scenario(), 0);

        assertTrue(r.convergence().converged(), r.convergence().toString());
        assertEquals(12.0, r.market("B", "magnet").price(), 1e-12);
        assertEquals(20.0, r.market("A", "oxide").price(), 1e-12);
        assertEquals(20.918367, r.market("B", "oxide").price(), 1e-6);
    }

    /**
     * A mine of 300,000 or 3 million tonnes a week whose market takes under four: on its cost curve
     * {@code 20 + 30 (q / cap)^2} the price that clears lies {@code 30 (q / cap)^2} above the base, about 5e-9
     * and 5e-11, a few hundred and a few steps of the price's last binary digit; one of 10 million, 4e-12 above,
     * is solved only by the attempt that also lengthens each step along which f still falls. The world is then
     * the world of a mine of 3,000 t, whose price stands 5e-5 above the base, too little to move what the
     * magnets' buyers want: B's oxide and magnet prices and the magnets made are the same to a few parts in a
     * million, everything the mine makes crosses to B (to what the rounding of A's price allows), and B's maker
     * uses it all at 0.3 t a magnet.
     */
    @Test
    void aMineHundredsOfThousandsOfTimesItsMarketClearsItJustAboveItsCostBase() throws Exception {
        EquilibriumResult small = SpatialEquilibrium.solve(
                ScenarioLoader.fromText(NOBODY_BUYS.formatted("3000", 10), "mine").scenario(), 0);
        for (double cap : new double[] {3e5, 3e6, 1e7}) {
            EquilibriumResult r = SpatialEquilibrium.solve(
                    ScenarioLoader.fromText(NOBODY_BUYS.formatted(cap, 10), "mine").scenario(), 0);
            assertTrue(r.convergence().converged(), cap + ": " + r.convergence());
            double q = r.market("A", "oxide").production();
            double p = r.market("A", "oxide").price();
            double above = 30 * (q / cap) * (q / cap);
            assertEquals(above, p - 20, 1e-3 * above, "the price stands 30 (q / cap)^2 above the base");
            for (String[] market : new String[][] {{"B", "oxide"}, {"B", "magnet"}}) {
                double expected = small.market(market[0], market[1]).price();
                assertEquals(expected, r.market(market[0], market[1]).price(), 5e-6 * expected,
                        cap + ": " + market[0] + " " + market[1] + " as with a mine of 3,000 t");
            }
            double magnets = r.market("B", "magnet").production();
            assertEquals(small.market("B", "magnet").production(), magnets, 5e-6 * magnets);
            // A's balance to what four steps of its price's last digit move the mine's supply,
            // dS/dp = cap / (2 sqrt(30 (p - 20))): 2e-6 t at 300,000 t, 1.4e-4 t a step at 3 million.
            double resolution = 4 * cap / (2 * Math.sqrt(30 * (p - 20))) * Math.ulp(p);
            assertEquals(q, r.laneFlow("a-b"), Math.max(1e-6 * q, resolution), "all the mine makes crosses to B");
            assertEquals(0.3 * magnets, r.laneFlow("a-b"), 1e-6 * q, "and B's maker uses all that arrives");
        }
    }

    /**
     * A mine of a hundred million tonnes a week selling three tonnes a week: on its quadratic cost curve the price
     * that clears is its base plus 30 (3 / 1e8)^2, a few parts in 10^15 above it, and supply there answers the
     * price more steeply than Newton's steps can follow, from either start, with each step cut where f stops
     * falling, with each step also lengthened while f still falls, and from the firms' costs with short markets
     * lifted, with markets that trade nothing judged against the markets their lanes join, and with each step also
     * cut, and from the initial prices with each firm's supply slope read as no less than its secant from its cost
     * base. The message gives both residuals of all eight attempts (it once read "excess demand 0.0 of the volume
     * in ,": it named no market, and left out the test that had failed).
     */
    @Test
    void whereTheSolverFailsTheMessageGivesEveryAttemptAndBothTests() throws Exception {
        Scenario s = ScenarioLoader.fromText(NOBODY_BUYS.formatted("1e8", 10), "flat").scenario();

        EquilibriumException e = assertThrows(EquilibriumException.class, () -> SpatialEquilibrium.solve(s, 0));

        String m = e.getMessage();
        assertTrue(m.startsWith("the equilibrium did not converge"), m);
        assertTrue(m.contains("; started again from prices built up from the firms' costs, it did not converge"), m);
        assertTrue(m.contains("; with each step cut where f stops falling, it did not converge"), m);
        assertTrue(m.contains("; with each step also lengthened while f still falls, it did not converge"), m);
        assertTrue(m.contains("; started again from the firms' costs with each market short below its firms' cost base"
                + " lifted to it, it did not converge"), m);
        assertTrue(m.contains("; as the attempt before, with a market where nothing is made, bought or used balanced"
                + " against the markets its lanes join, it did not converge"), m);
        assertTrue(m.contains("; as the attempt before, with each step also cut where f stops falling, it did not"
                + " converge"), m);
        assertTrue(m.contains("; with each firm's supply slope read as no less than its secant from its cost base, it"
                + " did not converge"), m);
        assertEquals(8, m.split("complementarity gap ", -1).length - 1, m);
        assertEquals(8, m.split("excess demand ", -1).length - 1, m);
        assertFalse(m.contains(" in ,"), m);
    }
}
