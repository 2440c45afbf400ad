package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A trillion units a tick from a mine with no costs, for a demand of a billionth of a unit at the reference
 * price with an elasticity of -0.05: to sell its stock the price would have to fall to (1e21)^(-20) of the
 * reference, far below the smallest double. Sellers long in stock cut their asks, and with the quote
 * following them in full each tick the price reaches zero after about a thousand ticks. An isoelastic curve
 * has no ceiling there; below 1e-15 of its reference price the model's is flat, so the run goes on with
 * finite bids and every market balanced.
 */
class FloodedMarketTest {

    private static final String SCENARIO = """
            {"meta": {"name": "flooded"}, "time": {"horizonTicks": 1100},
             "regions": [{"id": "A"}], "commodities": [{"id": "x", "stage": "raw", "initialPrice": 1}],
             "behaviour": {"priceAdjustment": 1, "expectationRate": 1, "askStockElasticity": 100},
             "firms": [{"id": "mine", "type": "producer", "region": "A", "commodity": "x", "capacity": 1e12,
                        "cost": {"base": 0, "slope": 0, "exponent": 1}}],
             "demand": [{"region": "A", "commodity": "x", "baseQuantity": 1e-9, "referencePrice": 1,
                         "elasticity": -0.05}]}
            """;

    @Test
    void aPriceFallenToNothingLeavesDemandFiniteAndTheMarketBalanced() throws Exception {
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromText(SCENARIO, "flooded").scenario(), 1, -1);
        model.start();
        model.runToHorizon();

        SeriesRecorder s = model.series();
        int last = s.ticks() - 1;
        assertEquals(0.0, s.get(last, 0, Metric.PRICE), "the price has fallen to nothing");
        for (int t = 0; t < s.ticks(); t++) {
            for (Metric metric : Metric.ALL) {
                double v = s.get(t, 0, metric);
                assertTrue(Double.isFinite(v) || metric == Metric.INVENTORY_DAYS && Double.isNaN(v),
                        metric.label() + " at tick " + t + " is " + v);
            }
            if (t > 0) {
                double residual = s.get(t, 0, Metric.PRODUCTION) - s.get(t, 0, Metric.CONSUMPTION)
                        - (s.get(t, 0, Metric.STOCK) - s.get(t - 1, 0, Metric.STOCK));
                assertTrue(Math.abs(residual) <= 1e-9 * s.get(t - 1, 0, Metric.STOCK) + 1e-12,
                        "tick " + t + ": residual " + residual);
            }
        }
    }
}
