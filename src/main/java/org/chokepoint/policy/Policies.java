package org.chokepoint.policy;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.world.World;

/** Builds the instruments a scenario's {@code policies} declare, in file order. */
public final class Policies {
    private Policies() { }

    /** The instruments, each made by the factory {@code types} registers for its spec's class. */
    public static List<Instrument> build(Scenario scenario, World world, PolicyTypes types) {
        PolicySetting setting = new PolicySetting(world, scenario.time().horizonTicks(), scenario.behaviour());
        List<Instrument> out = new ArrayList<>();
        for (PolicySpec p : scenario.policies()) {
            out.add(types.create(p, setting));
        }
        return out;
    }
}
