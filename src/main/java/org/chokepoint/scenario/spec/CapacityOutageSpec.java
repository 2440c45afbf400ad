package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The firms making a commodity in a region lose a share of their capacity.
 *
 * @param share share of capacity lost
 */
@JsonTypeName(CapacityOutageSpec.TYPE)
public record CapacityOutageSpec(String id, Integer start, Integer end, String region, String commodity, Double share,
                                 String role)
        implements EventSpec {
    public static final String TYPE = "capacityOutage";

    @Override
    public void check(SpecCheck at) {
        checkTimes(at);
        at.region("region", region);
        at.commodity("commodity", commodity);
    }
}
