package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Final demand for a commodity in a region is multiplied.
 *
 * @param multiplier what demand is multiplied by
 */
@JsonTypeName(DemandShiftSpec.TYPE)
public record DemandShiftSpec(String id, Integer start, Integer end, String region, String commodity,
                              Double multiplier, String role) implements EventSpec {
    public static final String TYPE = "demandShift";

    @Override
    public void check(SpecCheck at) {
        checkTimes(at);
        at.region("region", region);
        at.commodity("commodity", commodity);
    }
}
