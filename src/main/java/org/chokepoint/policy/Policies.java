package org.chokepoint.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.Replacements;
import org.chokepoint.world.World;

/**
 * Builds the instruments a scenario's {@code policies} declare, in file order; a policy another one
 * {@code replaces} ends when the other takes effect; resilience standards over the same certified sources share
 * one pool of certificates.
 */
public final class Policies {
    private Policies() { }

    /** The instruments, each made by the factory {@code types} registers for its spec's class. */
    public static List<Instrument> build(Scenario scenario, World world, PolicyTypes types) {
        PolicySetting setting = new PolicySetting(world, scenario.time().horizonTicks(), scenario.behaviour());
        List<Instrument> out = new ArrayList<>();
        for (PolicySpec spec : scenario.policies()) {
            out.add(types.create(spec, setting));
        }
        for (Replacements.Cut cut : Replacements.cuts(scenario.policies())) {
            out.get(cut.policy()).cutBy(cut.start(), cut.announce());
        }
        shareCertificates(out);
        return out;
    }

    /** Every resilience standard draws on the pool of the first one in file order with the same key. */
    private static void shareCertificates(List<Instrument> instruments) {
        Map<String, CertificateMarket> pools = new LinkedHashMap<>();
        for (Instrument i : instruments) {
            if (i instanceof ResilienceStandard s) {
                CertificateMarket first = pools.putIfAbsent(s.certificatesKey(), s.certificates());
                if (first != null) {
                    s.share(first);
                }
            }
        }
    }
}
