package org.chokepoint.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * A shock that only runs a stock down. Japan's ten oxide mines (10 t a week of capacity each, marginal cost
 * {@code 55 + 10 u} $/kg at a share {@code u} of capacity in use, so an average variable cost of
 * {@code 55 + 5 u}) and its magnet makers hold some seventeen weeks of the mines' output in stock, four of them the
 * mines'. An outage shuts them for the run's last
 * six weeks (ticks 150 to 155): they sell from stock what they would have made, the magnet makers buy the same
 * oxide and households the same magnets at almost the same prices. The world ends the run with the six weeks'
 * output less in stock and has saved what making it would have cost. The surplus series book the saving, since a
 * unit's cost is booked when it is made and its revenue when it is sold; only the stocks valued at the end take
 * it back, at the last week's price: the oxide not made at the price it had before the outage, the marginal cost
 * of the mines' runs, above the average cost saved by the mines' rent on it, and what is left revalued by what the
 * price rose as the magnet makers drew their own stock below its target. Here the revaluation, $1.3 m, outweighs the
 * rent, $0.68 m, and the run's deadweight loss is a gain of $0.68 m: what is left is priced dearer at the horizon
 * because it is scarcer, which makes no one better off. Asking the marginal cost of a plant
 * that makes nothing, the mines sold their stock at 55 in the outage's first two weeks, and households gained
 * $0.12 m and output downstream $0.22 m from an outage.
 */
class ClosingStocksTest {

    private static final int OUTAGE = 150;
    private static final int HORIZON = 156;

    @Test
    void aStockRunDownCostsTheRentOnWhatWasNotMadeOnceTheClosingStockIsValued() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(
                Path.of("src/test/resources/scenarios/stocked-region.json").toFile());
        json.remove("stockists");
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("openingStocks")).remove(1);
        json.set("events", Json.mapper().readTree("[{\"type\": \"capacityOutage\", \"id\": \"outage\", \"region\":"
                + " \"JP\", \"commodity\": \"oxide\", \"share\": 1.0, \"start\": " + OUTAGE + "}]"));
        RunOutcome o = Simulation.run(ScenarioLoader.fromJson(json, "stock run down").scenario(), 1, -1);
        Summary.Totals t = o.summary().totals();

        // What the mines would have made in the six weeks, and what making it would have cost: at u = q / 100 a
        // week, 55 + 5 u $/kg, $1,000 a tonne per $/kg.
        World w = o.model().world();
        int oxide = w.market(w.regionIndex("JP"), w.commodityIndex("oxide"));
        double made = 0;
        for (int tick = OUTAGE; tick < HORIZON; tick++) {
            made += o.counterfactual().series().get(tick, oxide, Metric.PRODUCTION);
        }
        // At rest the makers' marginal cost, 10 + 10 q_m / 200 + 0.3 (55 + 10 (0.3 q_m) / 100) = 26.5 + 0.059 q_m,
        // meets the households' 100 (p / 90)^-0.5 at q_m = 158.45 t of magnets a week, made of 0.3 x 158.45 =
        // 47.53 t of oxide: 285.2 t in six weeks.
        assertEquals(6 * 47.53, made, 0.02 * 6 * 47.53, "47.53 t a week: " + made);
        double u = made / 6 / 100;
        double saved = made * (55 + 5 * u) * 1000; // about 285 t at $57,400: $16.4 m

        assertEquals(saved, t.producerSurplusChange(), 0.02 * saved, "the producers keep the cost they saved");
        assertEquals(0, t.consumerSurplusChange(), 0.002 * saved, "households pay the same for their magnets");
        assertEquals(0, t.downstreamOutputLoss(), 0.002 * saved, "and get the same magnets");
        assertEquals(-saved, t.deadweightLoss() + t.privateStockValueChange(), 0.02 * saved,
                "without the closing stocks the outage looks like a gain of what it saved: " + t);
        // Before the outage the price is the mines' marginal cost at u = 0.4753, 55 + 10 u = 59.75 $/kg.
        double price = 55 + 10 * u;
        int last = HORIZON - 1;
        double left = o.model().series().get(last, oxide, Metric.STOCK);
        double rise = o.model().series().get(last, oxide, Metric.PRICE) - price;
        double revalued = left * rise * 1000;
        assertEquals(-made * price * 1000 + revalued, t.privateStockValueChange(), 0.005 * saved,
                "the oxide not made, at 59.75 $/kg, and what is left, " + left + " t, dearer by " + rise);
        assertEquals(made * (price - (55 + 5 * u)) * 1000 - revalued, t.deadweightLoss(), 0.005 * saved,
                "the outage cost the mines' rent on what they did not make, less the revaluation: " + t);
        assertEquals(t.privateStockValueChange() * SummaryCalculator.discountFactor(t.discountRate(), 52,
                HORIZON, t.decisionTick()),
                t.presentValues().privateStockValueChange(), 1e-9 * saved, "valued at the end of the run");
    }
}
