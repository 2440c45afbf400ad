package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chokepoint.metrics.Metric;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traders' speculative storage: none round a steady price, a position built while a price climbs and sold
 * off once it turns, and none at all when the scenario turns speculation off.
 */
class SpeculationTest {

    private static double heldSpeculatively(Traders t) {
        double s = 0;
        for (double q : t.speculative) {
            s += q;
        }
        return s;
    }

    /** Speculative stock held in one market, by the traders whose origin or destination it is. */
    private static double heldIn(Traders t, int market) {
        double s = 0;
        for (int i = 0; i < t.count; i++) {
            if (t.originMarket[i] == market) {
                s += t.speculative[2 * i + Traders.ORIGIN];
            }
            if (t.destinationMarket[i] == market) {
                s += t.speculative[2 * i + Traders.DESTINATION];
            }
        }
        return s;
    }

    @Test
    void aSteadyPriceBuildsNoSpeculativeStock() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/rare-earth-baseline.json")).scenario();
        for (int seed = 1; seed <= 3; seed++) {
            SupplyShockModel m = new SupplyShockModel(s, seed, 312);
            m.start();
            double most = 0;
            for (int t = 0; t < 312; t++) {
                m.stepTick();
                most = Math.max(most, heldSpeculatively(m.traders()));
            }
            assertEquals(0.0, most, "seed " + seed);
        }
    }

    @Test
    void aClimbingPriceBuildsAPositionThatIsSoldOffAfterThePeak() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/rare-earth-2010.json")).scenario();
        SupplyShockModel m = new SupplyShockModel(s, 1, 312);
        m.start();
        World w = m.world();
        int dy = w.market(w.regionIndex("JP"), w.commodityIndex("dy-oxide"));
        double[] held = new double[312];
        for (int t = 0; t < 312; t++) {
            m.stepTick();
            held[t] = heldIn(m.traders(), dy);
        }
        int peak = 78;
        for (int t = 78; t < 260; t++) {
            if (m.series().get(t, dy, Metric.PRICE) > m.series().get(peak, dy, Metric.PRICE)) {
                peak = t;
            }
        }
        double before = 0;
        for (int t = 78; t <= peak; t++) {
            before = Math.max(before, held[t]);
        }
        assertTrue(before > 0, "no speculative dysprosium in Japan before the peak at tick " + peak);
        assertTrue(held[peak + 26] < 0.1 * before,
                "half a year after the peak at tick " + peak + " speculators still hold " + held[peak + 26]
                        + " of the " + before + " they held");
    }

    @Test
    void noCapacityMeansNoSpeculation(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Path.of("scenarios/rare-earth-2010.json").toFile());
        root.putObject("behaviour").putObject("speculation").put("capacityTicks", 0);
        Path file = dir.resolve("no-speculation.json");
        Files.writeString(file, json.writeValueAsString(root));
        SupplyShockModel m = new SupplyShockModel(ScenarioLoader.load(file).scenario(), 1, 260);
        m.start();
        for (int t = 0; t < 260; t++) {
            m.stepTick();
            assertEquals(0.0, heldSpeculatively(m.traders()), "tick " + t);
        }
    }
}
