package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.metrics.Metric;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The seeds a model gives its demand noise and its policies' draws come from its generator once its firms and
 * traders are drawn. In the minimal world the mine's capacity is fixed (100) and the magnet maker's drawn between
 * 40 and 60: a second mine draws nothing and leaves the seeds as they were, a second maker draws its capacity and
 * moves them, so under one run seed its world sees other demand noise.
 */
class StreamSeedsTest {
    private static final Path MINIMAL = Path.of("src/test/resources/scenarios/minimal.json");

    private static Scenario withCount(int firm, int count) throws Exception {
        ObjectNode json = ScenarioLoader.load(MINIMAL).json().deepCopy();
        ((ObjectNode) json.get("firms").get(firm)).put("count", count);
        return ScenarioLoader.fromJson(json, "minimal, firm " + firm + " times " + count).scenario();
    }

    @Test
    void aPopulationThatDrawsNothingLeavesTheSeedsAndOneThatDrawsMovesThem() throws Exception {
        Scenario minimal = ScenarioLoader.load(MINIMAL).scenario();
        int[] seeds = new SupplyShockModel(minimal, 7, -1).streamSeeds();
        assertArrayEquals(seeds, new SupplyShockModel(withCount(0, 2), 7, -1).streamSeeds(), "a second fixed mine");
        assertFalse(java.util.Arrays.equals(seeds, new SupplyShockModel(withCount(1, 2), 7, -1).streamSeeds()),
                "a second maker, its capacity drawn");
    }

    /** Asking a model for its seeds leaves its own generator where it was: the run is the same, tick for tick. */
    @Test
    void askingForTheSeedsDoesNotMoveTheRun() throws Exception {
        Scenario minimal = ScenarioLoader.load(MINIMAL).scenario();
        SupplyShockModel asked = new SupplyShockModel(minimal, 7, -1);
        asked.streamSeeds();
        asked.start();
        asked.runToHorizon();
        SupplyShockModel plain = new SupplyShockModel(minimal, 7, -1);
        plain.start();
        plain.runToHorizon();
        for (int t = 0; t < plain.series().ticks(); t++) {
            for (int m = 0; m < plain.world().marketCount(); m++) {
                assertEquals(plain.series().get(t, m, Metric.PRICE), asked.series().get(t, m, Metric.PRICE),
                        "tick " + t + ", market " + m);
            }
        }
    }
}
