package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.equilibrium.EquilibriumResult;
import org.chokepoint.equilibrium.SpatialEquilibrium;
import org.chokepoint.metrics.Metric;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A capacity outage that binds from the first week (a third of A's mines out, in force at tick 0 and never
 * lifted) is part of the world the run starts in: the remaining mines run along their cost
 * curve over the capacity left, as the equilibrium start solves it, so the world starts at rest and stays
 * there. Were the mines to price along the curve of their whole capacity, A's price would drop in the first
 * week below the equilibrium the run started from and wander back over months.
 */
class OutageAtStartTest {
    @Test
    void anOutageInForceFromTheStartLeavesTheWorldAtItsEquilibrium() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Path.of(OutageAtStartTest.class.getResource(
                "/scenarios/two-region.json").toURI()).toFile());
        json.set("events", Json.mapper().readTree("[{\"type\": \"capacityOutage\", \"id\": \"outage\","
                + " \"region\": \"A\", \"commodity\": \"metal\", \"share\": 0.3333, \"start\": 0,"
                + " \"role\": \"background\"}]"));
        Scenario s = ScenarioLoader.fromJson(json, "two-region with an outage from the start").scenario();
        Scenario without = ScenarioLoader.fromJson(json.deepCopy().set("events", Json.mapper().createArrayNode()),
                "two-region without it").scenario();
        double withOutage = priceOfA(SpatialEquilibrium.solve(s, 0));
        double freeTrade = priceOfA(SpatialEquilibrium.solve(without, 0));
        // By hand: A's ten mines of 30 supply 300 (p - 4) / 9, two thirds of it with a third of them out; B's five
        // of 10 supply 50 (p_B - 6) / 9; each region's households take 100 (p / 10)^-0.8; B's price is A's landed,
        // over the traders' 2% share of it: p_B = (p + 0.2) / 0.98. Free, A clears at 9.50; with the outage at 10.92.
        assertEquals(priceOfAByHand(300), freeTrade, 1e-6 * freeTrade, "free trade's price of A");
        assertEquals(priceOfAByHand(300 * (1 - 0.3333)), withOutage, 1e-6 * withOutage, "A's price with the outage");

        SupplyShockModel run = Simulation.run(s, 3, 104).model();
        int a = run.world().market(run.world().regionIndex("A"), 0);
        // The at-rest standard of the reference scenarios: within 5% in 95% of weeks, and on average within 2%.
        int within = 0;
        double sum = 0;
        for (int t = 0; t < 104; t++) {
            double p = run.series().get(t, a, Metric.PRICE);
            within += Math.abs(p / withOutage - 1) <= 0.05 ? 1 : 0;
            sum += p;
        }
        assertTrue(within >= 0.95 * 104, within + " of 104 weeks within 5% of " + withOutage);
        assertEquals(withOutage, sum / 104, 0.02 * withOutage, "the average price over two years");
    }

    /** A's price where the world's supply meets its demand, A's mines of {@code capacityOfA} on their cost line. */
    private static double priceOfAByHand(double capacityOfA) {
        double lo = 4;
        double hi = 13;
        for (int i = 0; i < 200; i++) {
            double p = 0.5 * (lo + hi);
            double pb = (p + 0.2) / 0.98;
            double excess = capacityOfA * (p - 4) / 9 + 50 * Math.max(0, pb - 6) / 9
                    - 100 * Math.pow(p / 10, -0.8) - 100 * Math.pow(pb / 10, -0.8);
            if (excess > 0) {
                hi = p;
            } else {
                lo = p;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double priceOfA(EquilibriumResult r) {
        return r.markets().stream().filter(m -> m.region().equals("A")).findFirst().orElseThrow().price();
    }
}
