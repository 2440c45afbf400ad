package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
}
