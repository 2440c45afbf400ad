package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;

/**
 * An export quota, released evenly over the ticks of each quota period: a year from the measure's start, or
 * the measure's whole period.
 *
 * @param yearlyVolume quantity that may leave in a quota year (the same as {@code volume} with {@code per: year})
 * @param volume quantity that may leave in a quota period, which {@code per} names
 * @param per {@code year} (the default) or {@code measure}: the period {@code volume} is given for
 * @param destinationShares share of the volume reserved for each listed destination (adding up to at most 1);
 *                          absent, every destination draws on one pool
 * @param replaces the id of a policy this one ends when it takes effect
 * @param circumvention the way round the quota, if any
 * @param antiCircumvention true when a rule closes every way round
 */
@JsonTypeName(ExportQuotaSpec.TYPE)
public record ExportQuotaSpec(String id, String region, List<String> commodities, List<String> destinations,
                              Double yearlyVolume, Double volume, String per, Map<String, Double> destinationShares,
                              Integer announce, Integer start, Integer end, String replaces,
                              CircumventionSpec circumvention, Boolean antiCircumvention, String role)
        implements ExportMeasureSpec {
    public static final String TYPE = "exportQuota";

    public ExportQuotaSpec {
        id = id == null ? TYPE : id;
        destinationShares = destinationShares == null ? Map.of() : destinationShares;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
        antiCircumvention = antiCircumvention != null && antiCircumvention;
    }

    /** The volume of one quota period. */
    public double periodVolume() {
        return volume != null ? volume : yearlyVolume;
    }

    /** Ticks in one quota period: a year, or the measure's own span from start to end (or the horizon). */
    public int periodTicks(int ticksPerYear, int horizonTicks) {
        return Volumes.periodTicks(per, this, ticksPerYear, horizonTicks);
    }

    @Override
    public void check(SpecCheck at) {
        checkMeasure(at);
        Volumes.checkOne(at, yearlyVolume, volume, per);
        // A share is drawn only by traders bound for its destination: one the quota does not cover would lapse
        // unused, and the quota left to the others would be cut by it.
        coveredDestinationKeys(at, "destinationShares", destinationShares);
        double sum = destinationShares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!destinationShares.isEmpty() && sum > 1 + 1e-9) {
            at.problem("destinationShares", "destination shares must add up to at most 1, got " + sum);
        }
        if (circumvention != null) {
            circumvention.check(at.at("circumvention"), region);
        }
    }
}
