package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traders' speculative storage, which a scenario turns on with {@code behaviour.speculation.capacityTicks}:
 * none round a steady price, a position built while a price climbs and sold off once it turns, and none at
 * all by default.
 */
class SpeculationTest {

    /** The scenario with speculation allowed up to {@code capacityTicks}, its other behaviour kept. */
    private static Scenario withSpeculation(String file, double capacityTicks, Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Path.of(file).toFile());
        ObjectNode behaviour = root.has("behaviour") ? (ObjectNode) root.get("behaviour") : root.putObject("behaviour");
        behaviour.putObject("speculation").put("capacityTicks", capacityTicks);
        Path out = dir.resolve("speculating.json");
        Files.writeString(out, json.writeValueAsString(root));
        return ScenarioLoader.load(out).scenario();
    }

    private static double heldSpeculatively(Traders t) {
        double s = 0;
        for (double q : t.speculative) {
            s += q;
        }
        return s;
    }

    @Test
    void aSteadyPriceBuildsNoSpeculativeStock(@TempDir Path dir) throws Exception {
        Scenario s = withSpeculation("scenarios/rare-earth-baseline.json", 2, dir);
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
    void climbingPricesBuildPositionsThatAreSoldOffOnceTheClimbStops(@TempDir Path dir) throws Exception {
        Scenario s = withSpeculation("scenarios/rare-earth-2010.json", 2, dir);
        SupplyShockModel m = new SupplyShockModel(s, 1, 312);
        m.start();
        double most = 0;
        int mostAt = -1;
        double last = 0;
        for (int t = 0; t < 312; t++) {
            m.stepTick();
            last = heldSpeculatively(m.traders());
            if (last > most) {
                most = last;
                mostAt = t;
            }
        }
        // The quota cut takes effect at tick 78; prices then climb in one market after another.
        assertTrue(most > 10, "speculators held at most " + most + " t");
        assertTrue(mostAt >= 78, "the largest position came at tick " + mostAt + ", before the cut");
        assertTrue(last < 0.05 * most, "at the end speculators still hold " + last + " of the " + most + " t");
    }

    @Test
    void byDefaultNobodySpeculates() throws Exception {
        SupplyShockModel m = new SupplyShockModel(
                ScenarioLoader.load(Path.of("scenarios/rare-earth-2010.json")).scenario(), 1, 260);
        m.start();
        for (int t = 0; t < 260; t++) {
            m.stepTick();
            assertEquals(0.0, heldSpeculatively(m.traders()), "tick " + t);
        }
    }
}
