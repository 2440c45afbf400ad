package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A cap on a region's output of a commodity (a yearly mining or smelting quota), spread evenly over the ticks of
 * each year; the region's firms share each tick's volume in proportion to their capacity.
 *
 * @param commodity the commodity whose output is capped
 * @param yearlyVolumes the volume of each year of the measure, the first from {@code start}, the next a year
 *                      later...; the last goes on for every year after it
 * @param volume one volume for the period {@code per} names, instead of {@code yearlyVolumes}
 * @param per {@code year} (the default) or {@code measure}: the period {@code volume} is given for
 * @param replaces the id of a policy this one ends when it takes effect
 */
@JsonTypeName(ProductionQuotaSpec.TYPE)
public record ProductionQuotaSpec(String id, String region, String commodity, List<Double> yearlyVolumes,
                                  Double volume, String per, Integer announce, Integer start, Integer end,
                                  String replaces, String role) implements SupplyMeasureSpec {
    public static final String TYPE = "productionQuota";

    public ProductionQuotaSpec {
        id = id == null ? TYPE : id;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    /**
     * The volume released in each tick {@code ticksFromStart} ticks after the start: the year's volume over the
     * ticks of a year, or the measure's over the ticks of the measure.
     */
    public double volumePerTick(int ticksFromStart, int ticksPerYear, int horizonTicks) {
        if (volume != null) {
            return volume / Volumes.periodTicks(per, this, ticksPerYear, horizonTicks);
        }
        int year = Math.min(ticksFromStart / ticksPerYear, yearlyVolumes.size() - 1);
        return yearlyVolumes.get(Math.max(0, year)) / ticksPerYear;
    }

    @Override
    public void check(SpecCheck at) {
        at.region("region", region);
        at.commodity("commodity", commodity);
        Schedule.check(this, at);
        if ((yearlyVolumes == null) == (volume == null)) {
            at.problem("", "give the quota's volume once: 'yearlyVolumes' (one a year from start, the last going on),"
                    + " or 'volume' with 'per' \"year\" or \"measure\"; got " + (volume == null ? "neither" : "both"));
        }
        if (per != null && volume == null) {
            at.problem("per", "'per' says what period 'volume' is given for; it needs 'volume'");
        }
    }
}
