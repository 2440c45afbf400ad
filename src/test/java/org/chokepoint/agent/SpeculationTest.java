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
        for (double q : t.speculation.held) {
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

    /**
     * The 2010 quota cut with speculation allowed up to two weeks of each trader's shipping capacity. Each of a
     * trader's two positions (in its origin's market and in its destination's) is held to 2 x its capacity a tick
     * (as it stands that tick) whatever the trend, so all of them together to 4 x the lanes' whole capacity, at
     * the middle of the scenario's capacity ranges 4 x 1,707.8 = 6,831 t (6,772 t as seed 1 draws them).
     *
     * <p>How far the positions get below that limit is a transient no closed form gives: how steep a climb each
     * market shows, for how long, and how much its market trades a tick (the most a speculator buys in one). On
     * seeds 1 to 5 the largest position was 469 to 1,515 t, in ticks 130 to 186, and what was left at the end at
     * most 0.6% of it (seed 4; 6e-10 t on seed 1); seed 1's 494 t is held within a factor of two, 250 to 1,000 t,
     * and what is left to 1% of it. A limit of four weeks instead of two takes one position to 138 t against the
     * 131 t its trader's two weeks allow, in tick 136.
     */
    @Test
    void climbingPricesBuildPositionsThatAreSoldOffOnceTheClimbStops(@TempDir Path dir) throws Exception {
        Scenario s = withSpeculation("scenarios/rare-earth-2010.json", 2, dir);
        SupplyShockModel m = new SupplyShockModel(s, 1, 312);
        m.start();
        Traders traders = m.traders();
        double most = 0;
        int mostAt = -1;
        double last = 0;
        for (int t = 0; t < 312; t++) {
            m.stepTick();
            for (int k = 0; k < traders.speculation.held.length; k++) {
                assertTrue(traders.speculation.held[k] <= 2 * traders.capacity[k / 2] * (1 + 1e-12),
                        "position " + k + " at tick " + t + ": " + traders.speculation.held[k]
                                + " against two weeks of " + traders.capacity[k / 2]);
            }
            last = heldSpeculatively(traders);
            if (last > most) {
                most = last;
                mostAt = t;
            }
        }
        // The quota cut takes effect at tick 78; prices then climb in one market after another.
        assertTrue(most >= 250 && most <= 1000, "speculators held at most " + most + " t");
        assertTrue(mostAt >= 78, "the largest position came at tick " + mostAt + ", before the cut");
        assertTrue(last < 0.01 * most, "at the end speculators still hold " + last + " of the " + most + " t");
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
