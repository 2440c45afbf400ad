package org.chokepoint.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;

/**
 * The minimal scenario (src/test/resources/scenarios/minimal.json: a mine in CN, a magnet maker in JP) with one of
 * its top-level fields given, started and ready to step: tests that add one event or one consortium to it.
 */
public final class MinimalWorld {
    private MinimalWorld() {
    }

    /** The minimal world with {@code field} set to the JSON {@code value}, run with seed 1 over {@code horizon}. */
    public static SupplyShockModel startedWith(String field, String value, int horizon) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(
                Path.of("src/test/resources/scenarios/minimal.json").toFile());
        json.set(field, Json.mapper().readTree(value));
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson(json, "minimal+" + field).scenario(), 1,
                horizon);
        model.start();
        return model;
    }
}
