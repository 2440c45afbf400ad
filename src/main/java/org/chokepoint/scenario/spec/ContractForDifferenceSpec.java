package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A contract for difference: eligible producers are paid the strike less a reference price on what they
 * sell when the reference is below the strike, and with an upside share pay part of the excess back.
 *
 * @param strike the price the contract guarantees, in the commodity's price unit
 * @param upsideShare share of the excess of the reference over the strike the producers pay back
 * @param volumeCapPerTick most volume the contract covers in a tick; absent, no cap
 * @param referenceRegion region of the reference market; absent, the instrument's
 * @param referenceCommodity commodity of the reference market; absent, the instrument's
 * @param eligibleRegions regions whose producers of the commodity are covered; absent, the instrument's
 * @param firmIdPrefix only firms whose id starts with this are covered
 */
@JsonTypeName(ContractForDifferenceSpec.TYPE)
public record ContractForDifferenceSpec(String id, String region, String commodity, Double strike,
                                        Double upsideShare, Double volumeCapPerTick, String referenceRegion,
                                        String referenceCommodity, List<String> eligibleRegions,
                                        String firmIdPrefix, Integer announce, Integer start, Integer end,
                                        TriggerSpec trigger, String role) implements ImporterInstrumentSpec {
    public static final String TYPE = "contractForDifference";

    public ContractForDifferenceSpec {
        id = id == null ? TYPE : id;
        upsideShare = upsideShare == null ? 0.0 : upsideShare;
        firmIdPrefix = firmIdPrefix == null ? "" : firmIdPrefix;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    @Override
    public void check(SpecCheck at) {
        at.region("region", region);
        at.commodity("commodity", commodity);
        at.region("referenceRegion", referenceRegion);
        at.commodity("referenceCommodity", referenceCommodity);
        at.regions("eligibleRegions", eligibleRegions);
        Schedule.check(this, at);
        if (trigger != null) {
            trigger.check(at.at("trigger"));
        }
    }
}
