package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing is made or lost between ticks except by production and consumption: in every market, what was
 * produced, less what was used, less what was shipped out, plus what arrived, is the change in stock. Stock
 * counts traders' landed cargo and their speculative stock; the 2010 episode runs through the build-up and
 * the sale of speculative stocks on both sides of its lanes.
 */
class MassBalanceTest {

    private static final double RELATIVE = 1e-9;
    private static final double ABSOLUTE = 1e-12;

    @ParameterizedTest
    @CsvSource({"scenarios/rare-earth-baseline.json, 156", "scenarios/rare-earth-2010.json, 312"})
    void everyMarketBalancesOnEveryTick(String scenario, int ticks) throws Exception {
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.load(Path.of(scenario)).scenario(), 1, ticks);
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
