package org.chokepoint.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.world.World;

/** Builds the instruments a scenario's {@code policies} declare, in file order. */
public final class Policies {
    private Policies() { }

    public static List<Instrument> build(Scenario scenario, World world) {
        List<Instrument> out = new ArrayList<>();
        int horizon = scenario.time().horizonTicks();
        for (JsonNode p : scenario.policies()) {
            out.add(PolicyTypes.create(p, world, horizon));
        }
        return out;
    }
}
