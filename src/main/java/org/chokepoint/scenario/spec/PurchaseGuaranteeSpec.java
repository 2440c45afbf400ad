package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A purchase guarantee: an agency bids the floor for what the eligible firms made, buying into a government
 * stockpile whenever the market would clear below it.
 *
 * @param floor the price the agency bids, in the commodity's price unit
 * @param volumeCapPerTick most it buys in a tick; absent, no cap
 * @param marketRegion the region whose market it buys in; absent, the instrument's
 * @param eligibleRegions regions whose producers of the commodity are covered; absent, the market's region
 * @param firmIdPrefix only firms whose id starts with this are covered
 * @param releaseTrigger when the agency sells its stock back; {@code priceAbove} is a multiple of the floor (of
 *                       the watched market's own baseline when the trigger names another market); absent, the
 *                       stock is held to the end
 * @param releasePrice the price it asks when releasing; absent, the floor (what it paid)
 * @param maxReleaseShare most it releases in a tick, as a share of its stock
 */
@JsonTypeName(PurchaseGuaranteeSpec.TYPE)
public record PurchaseGuaranteeSpec(String id, String region, String commodity, Double floor,
                                    Double volumeCapPerTick, String marketRegion, List<String> eligibleRegions,
                                    String firmIdPrefix, TriggerSpec releaseTrigger, Double releasePrice,
                                    Double maxReleaseShare, Integer announce, Integer start, Integer end,
                                    TriggerSpec trigger, String role) implements ImporterInstrumentSpec {
    public static final String TYPE = "purchaseGuarantee";

    public PurchaseGuaranteeSpec {
        id = id == null ? TYPE : id;
        firmIdPrefix = firmIdPrefix == null ? "" : firmIdPrefix;
        maxReleaseShare = maxReleaseShare == null ? 1.0 / 13 : maxReleaseShare;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    @Override
    public void check(SpecCheck at) {
        checkInstrument(at);
        at.region("marketRegion", marketRegion);
        at.regions("eligibleRegions", eligibleRegions);
        if (releaseTrigger != null) {
            releaseTrigger.check(at.at("releaseTrigger"));
        }
    }
}
