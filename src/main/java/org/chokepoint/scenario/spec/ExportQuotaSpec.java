package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;

/**
 * A yearly export quota, released evenly over the ticks of each quota year.
 *
 * @param yearlyVolume quantity that may leave in a quota year
 * @param destinationShares share of the volume reserved for each listed destination (adding up to at most 1);
 *                          absent, every destination draws on one pool
 * @param circumvention the way round the quota, if any
 * @param antiCircumvention true when a rule closes every way round
 */
@JsonTypeName(ExportQuotaSpec.TYPE)
public record ExportQuotaSpec(String id, String region, List<String> commodities, List<String> destinations,
                              Double yearlyVolume, Map<String, Double> destinationShares, Integer announce,
                              Integer start, Integer end, CircumventionSpec circumvention,
                              Boolean antiCircumvention, String role) implements ExportMeasureSpec {
    public static final String TYPE = "exportQuota";

    public ExportQuotaSpec {
        id = id == null ? TYPE : id;
        destinationShares = destinationShares == null ? Map.of() : destinationShares;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
        antiCircumvention = antiCircumvention != null && antiCircumvention;
    }

    @Override
    public void check(SpecCheck at) {
        checkMeasure(at);
        at.regionKeys("destinationShares", destinationShares);
        double sum = destinationShares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!destinationShares.isEmpty() && sum > 1 + 1e-9) {
            at.problem("destinationShares", "destination shares must add up to at most 1, got " + sum);
        }
        if (circumvention != null) {
            circumvention.check(at.at("circumvention"));
        }
    }
}
