package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Limits;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing is made or lost between ticks except by production and consumption: in every market, what was
 * produced, less what was used, less what was shipped out, plus what arrived, is the change in stock. Stock
 * counts traders' landed cargo and their speculative stock; the 2010 episode runs through the build-up and
 * the sale of speculative stocks on both sides of its lanes. The same holds at the largest quantities
 * validation accepts (docs/scenario-format.md, Bounds).
 */
class MassBalanceTest {

    private static final double RELATIVE = 1e-9;
    private static final double ABSOLUTE = 1e-12;

    @ParameterizedTest
    @CsvSource({"scenarios/rare-earth-baseline.json, 156", "scenarios/rare-earth-2010.json, 312"})
    void everyMarketBalancesOnEveryTick(String scenario, int ticks) throws Exception {
        assertBalanced(ScenarioLoader.load(Path.of(scenario)).scenario(), ticks);
    }

    /**
     * Traders that could each carry 1e12 units a tick, the most validation accepts, beside markets that
     * trade a few hundred: each trader's bid is a price level a billion times the sale it gets, and the sale
     * must still reach the buyer to the last digits.
     */
    @Test
    void tradersOfTheLargestCapacityStillBalance() throws Exception {
        ObjectNode s = (ObjectNode) Json.mapper().readTree(Path.of("scenarios/rare-earth-2010.json").toFile());
        for (JsonNode t : s.get("traders")) {
            ((ObjectNode) t).put("capacityPerTick", Limits.MAX_QUANTITY);
        }

        assertBalanced(ScenarioLoader.fromJson(s, "traders of 1e12").scenario(), 312);
    }

    /** Scrap collected, shipped, stocked in yards and remelted, through a ban on its export. */
    @Test
    void scrapTradedAndBannedBalances() throws Exception {
        ObjectNode s = ScrapTradeTest.world();
        ObjectNode ban = s.putArray("policies").addObject().put("type", "exportBan").put("region", "X").put("start", 120);
        ban.putArray("commodities").add("metal-scrap");
        ban.putArray("destinations").add("M");

        assertBalanced(ScenarioLoader.fromJson(s, "scrap").scenario(), 320);
    }

    /** A stockist that sells into a demand boom and buys back, beside magnet makers that open with a quarter's stock. */
    @Test
    void stockistsAndOpeningStocksBalance() throws Exception {
        ObjectNode s = (ObjectNode) Json.mapper().readTree(Path.of("src/test/resources/scenarios/stocked-region.json").toFile());
        s.set("events", Json.mapper().readTree("[{\"type\": \"demandShift\", \"id\": \"boom\", \"start\": 60,"
                + " \"end\": 100, \"region\": \"JP\", \"commodity\": \"magnet\", \"multiplier\": 1.6}]"));

        assertBalanced(ScenarioLoader.fromJson(s, "stocked region").scenario(), 156);
    }

    /** The whole episode in units a hundred million times smaller, so that its largest flows are near 1e12. */
    @Test
    void theEpisodeAtTheLargestQuantitiesStillBalances() throws Exception {
        ObjectNode s = (ObjectNode) Json.mapper().readTree(Path.of("scenarios/rare-earth-2010.json").toFile());
        double largest = largest(s, 0);
        double factor = Math.floor(Limits.MAX_QUANTITY / largest);

        scale(s, factor);

        assertTrue(largest(s, 0) <= Limits.MAX_QUANTITY && largest(s, 0) > Limits.MAX_QUANTITY / 10);
        assertBalanced(ScenarioLoader.fromJson(s, "rare-earth-2010 x " + factor).scenario(), 312);
    }

    private static final Set<String> QUANTITIES = Set.of("capacity", "capacityPerTick", "baseQuantity",
            "yearlyVolume", "yearlyQuota", "volumeCapPerTick");

    /** Multiplies every quantity (and the ends and medians of drawn ones) by {@code factor}. */
    private static void scale(JsonNode node, double factor) {
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (QUANTITIES.contains(e.getKey())) {
                if (v.isNumber()) {
                    ((ObjectNode) node).put(e.getKey(), v.doubleValue() * factor);
                } else {
                    for (String end : List.of("min", "max", "median")) {
                        if (v.has(end)) {
                            ((ObjectNode) v).put(end, v.get(end).doubleValue() * factor);
                        }
                    }
                }
            } else {
                scale(v, factor);
            }
        });
        if (node.isArray()) {
            node.forEach(e -> scale(e, factor));
        }
    }

    /** The largest per-tick quantity: capacities, trader capacities, base demand. */
    private static double largest(JsonNode node, double sofar) {
        double m = sofar;
        for (java.util.Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (List.of("capacity", "capacityPerTick", "baseQuantity").contains(e.getKey())) {
                m = Math.max(m, v.isNumber() ? v.doubleValue() : Math.max(v.path("max").asDouble(),
                        v.path("median").asDouble()));
            } else {
                m = largest(v, m);
            }
        }
        if (node.isArray()) {
            for (JsonNode e : node) {
                m = largest(e, m);
            }
        }
        return m;
    }

    private static void assertBalanced(Scenario scenario, int ticks) {
        SupplyShockModel model = new SupplyShockModel(scenario, 1, ticks);
        model.start();
        model.runToHorizon();

        SeriesRecorder s = model.series();
        World world = model.world();
        List<String> broken = new ArrayList<>();
        for (int m = 0; m < world.marketCount(); m++) {
            for (int t = 1; t < s.ticks(); t++) {
                double production = s.get(t, m, Metric.PRODUCTION);
                double consumption = s.get(t, m, Metric.CONSUMPTION);
                double stockChange = s.get(t, m, Metric.STOCK) - s.get(t - 1, m, Metric.STOCK);
                double exports = s.get(t, m, Metric.EXPORTS);
                double imports = s.get(t, m, Metric.IMPORTS);
                double residual = production - consumption - stockChange - exports + imports;
                double scale = max(production, consumption, s.get(t, m, Metric.STOCK), s.get(t - 1, m, Metric.STOCK),
                        exports, imports);
                if (!(Math.abs(residual) <= RELATIVE * scale + ABSOLUTE)) {
                    broken.add(world.region(world.regionOfMarket(m)).id() + "/"
                            + world.commodity(world.commodityOfMarket(m)).id() + " tick " + t
                            + ": residual " + residual + " (production " + production + ", consumption "
                            + consumption + ", stock change " + stockChange + ", exports " + exports
                            + ", imports " + imports + ")");
                }
            }
        }
        assertTrue(broken.isEmpty(), broken.size() + " unbalanced market-ticks, first ones:\n"
                + String.join("\n", broken.subList(0, Math.min(10, broken.size()))));
    }

    private static double max(double... values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
