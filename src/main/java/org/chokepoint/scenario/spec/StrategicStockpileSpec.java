package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A strategic stockpile agency: it buys toward a target of days of the region's use while the price is low
 * and releases stock while its release trigger is on.
 *
 * @param targetDays days of the region's use the agency aims to hold
 * @param buyBelow multiple of the reference price below which it buys, and its bid
 * @param yearlyBudget US dollars it may spend in a year from its start; absent, no limit
 * @param maxBuyShare most it buys in a tick, as a share of its target
 * @param maxReleaseShare most it releases in a tick, as a share of its stock (or target, when larger)
 * @param releasePrice the price it asks when releasing; absent, the reference price
 * @param referencePrice the reference price; absent, the mean quoted price over the 13 ticks before its start
 * @param releaseTrigger when it releases; {@code priceAbove} is a multiple of the reference price (of the watched
 *                       market's own baseline when the trigger names another market)
 */
@JsonTypeName(StrategicStockpileSpec.TYPE)
public record StrategicStockpileSpec(String id, String region, String commodity, Double targetDays, Double buyBelow,
                                     Double yearlyBudget, Double maxBuyShare, Double maxReleaseShare,
                                     Double releasePrice, Double referencePrice, Integer announce, Integer start,
                                     Integer end, TriggerSpec releaseTrigger, String role)
        implements ImporterInstrumentSpec {
    public static final String TYPE = "strategicStockpile";

    public StrategicStockpileSpec {
        id = id == null ? TYPE : id;
        buyBelow = buyBelow == null ? 1.0 : buyBelow;
        maxBuyShare = maxBuyShare == null ? 1.0 / 26 : maxBuyShare;
        maxReleaseShare = maxReleaseShare == null ? 1.0 / 13 : maxReleaseShare;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    @Override
    public void check(SpecCheck at) {
        at.region("region", region);
        at.commodity("commodity", commodity);
        Schedule.check(this, at);
        if (releaseTrigger != null) {
            releaseTrigger.check(at.at("releaseTrigger"));
        }
    }
}
