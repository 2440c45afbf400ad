package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.chokepoint.metrics.Metric;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The textbook cross: twenty identical firms with linear marginal cost and one linear demand curve. The
 * market must settle where supply meets demand.
 */
class OneMarketEquilibriumTest {

    @Test
    void priceAndVolumeSettleAtTheAnalyticEquilibrium() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of(
                OneMarketEquilibriumTest.class.getResource("/scenarios/one-market-linear.json").toURI()));
        JsonNode firm = loaded.json().at("/firms/0");
        JsonNode demand = loaded.json().at("/demand/0");

        // Each firm offers where price meets marginal cost c(q) = base + slope · q / cap, so q = cap (p − base) / slope,
        // and n firms supply S(p) = k (p − base) with k = n · cap / slope.
        double k = firm.get("count").asDouble() * firm.get("capacity").asDouble() / firm.at("/cost/slope").asDouble();
        double base = firm.at("/cost/base").asDouble();
        assertEquals(1.0, firm.at("/cost/exponent").asDouble(), "the cross below assumes linear marginal cost");
        // Linear demand through (p0, D0) with elasticity ε there: D(p) = D0 (1 + ε (p / p0 − 1)).
        double d0 = demand.get("baseQuantity").asDouble();
        double p0 = demand.get("referencePrice").asDouble();
        double eps = demand.get("elasticity").asDouble();
        // k (p − base) = D0 (1 − ε) + D0 ε p / p0
        double price = (d0 * (1 - eps) + k * base) / (k - d0 * eps / p0);
        double quantity = k * (price - base);
        assertEquals(8.0, price, 1e-12, "the scenario's equilibrium, worked out by hand");
        assertEquals(120.0, quantity, 1e-12);

        SupplyShockModel model = new SupplyShockModel(loaded.scenario(), 1, 400);
        model.start();
        model.runToHorizon();

        double meanPrice = 0;
        double meanTraded = 0;
        int last = 50;
        for (int t = 400 - last; t < 400; t++) {
            meanPrice += model.series().get(t, 0, Metric.PRICE) / last;
            meanTraded += model.series().get(t, 0, Metric.TRADED) / last;
        }
        assertEquals(price, meanPrice, 0.01 * price, "mean price over the last 50 ticks");
        assertEquals(quantity, meanTraded, 0.01 * quantity, "mean traded volume over the last 50 ticks");
    }
}
