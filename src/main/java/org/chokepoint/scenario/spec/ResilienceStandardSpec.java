package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A resilience standard: a share of the region's purchases of the commodity must be covered by units made by
 * certified sources, whose certificates trade at a premium that clears the certified segment.
 *
 * @param mandateShare the share of the region's purchases that must be certified
 * @param certifiedRegions regions whose producers of the commodity are certified
 * @param firmIdPrefix only firms whose id starts with this are certified
 * @param shortfall {@code "cap"} (the mandate is capped at the certified supply that exists, the shortfall
 *                  reported) or {@code "penalty"} (buyers pay {@code penaltyPerUnit} on every mandated unit not
 *                  covered, which also caps the premium)
 * @param penaltyPerUnit the penalty per uncovered unit, in the commodity's price unit; only with "penalty"
 */
@JsonTypeName(ResilienceStandardSpec.TYPE)
public record ResilienceStandardSpec(String id, String region, String commodity, Double mandateShare,
                                     List<String> certifiedRegions, String firmIdPrefix, String shortfall,
                                     Double penaltyPerUnit, Integer announce, Integer start, Integer end,
                                     TriggerSpec trigger, String role) implements ImporterInstrumentSpec {
    public static final String TYPE = "resilienceStandard";
    public static final String CAP = "cap";
    public static final String PENALTY = "penalty";

    public ResilienceStandardSpec {
        id = id == null ? TYPE : id;
        firmIdPrefix = firmIdPrefix == null ? "" : firmIdPrefix;
        shortfall = shortfall == null ? CAP : shortfall;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    /** The certified regions, sorted and without repeats: the standard's own region when none is given. */
    public List<String> certifiedRegionsOrOwn() {
        return certifiedRegions == null ? List.of(region) : certifiedRegions.stream().sorted().distinct().toList();
    }

    /**
     * Standards with the same key draw on one pool of certificates: one premium clears the sum of their
     * mandates, and a certificate is surrendered once.
     */
    public String certificatesKey() {
        return commodity + "|" + certifiedRegionsOrOwn() + "|" + firmIdPrefix + "|" + shortfall + "|" + penaltyPerUnit;
    }

    /** Whether some firm could be certified by both this standard and {@code other}. */
    public boolean certifiesSomeOf(ResilienceStandardSpec other) {
        return commodity.equals(other.commodity)
                && certifiedRegionsOrOwn().stream().anyMatch(other.certifiedRegionsOrOwn()::contains)
                && (firmIdPrefix.startsWith(other.firmIdPrefix) || other.firmIdPrefix.startsWith(firmIdPrefix));
    }

    @Override
    public void check(SpecCheck at) {
        checkInstrument(at);
        at.regions("certifiedRegions", certifiedRegions);
        if (PENALTY.equals(shortfall) && penaltyPerUnit == null) {
            at.problem("penaltyPerUnit", "is required when shortfall is \"penalty\" (the charge per mandated unit "
                    + "not covered by certified supply)");
        }
        if (CAP.equals(shortfall) && penaltyPerUnit != null) {
            at.problem("penaltyPerUnit", "applies only when shortfall is \"penalty\"; with \"cap\" the mandate is "
                    + "capped at the certified supply instead");
        }
    }
}
