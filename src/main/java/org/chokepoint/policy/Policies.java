package org.chokepoint.policy;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.Replacements;
import org.chokepoint.world.World;

/**
 * Builds the instruments a scenario's {@code policies} declare, in file order; a policy another one
 * {@code replaces} ends when the other takes effect.
 */
public final class Policies {
    private Policies() { }

    /** The instruments, each made by the factory {@code types} registers for its spec's class. */
    public static List<Instrument> build(Scenario scenario, World world, PolicyTypes types) {
        PolicySetting setting = new PolicySetting(world, scenario.time().horizonTicks(), scenario.behaviour());
        List<Instrument> out = new ArrayList<>();
        int[] ends = Replacements.ends(scenario.policies(), setting.horizonTicks());
        for (int i = 0; i < ends.length; i++) {
            Instrument instrument = types.create(scenario.policies().get(i), setting);
            instrument.endBy(ends[i]);
            out.add(instrument);
        }
        return out;
    }
}
