package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * State-directed capacity: on {@code start} the planned firm (or population) of the scenario's {@code firms}
 * that {@code firm} names comes into use with the capacity and cost curve its entry gives, and the government of
 * {@code region} pays its capital cost. At {@code end}, if given, the plant closes.
 *
 * @param firm the id of a firm entry whose {@code status} is {@code planned}
 * @param capexPerAnnualUnit capital cost in US dollars per unit of yearly capacity, paid when it comes into use
 * @param replaces the id of a policy this one ends when it takes effect
 */
@JsonTypeName(StateCapacitySpec.TYPE)
public record StateCapacitySpec(String id, String region, String firm, Double capexPerAnnualUnit, Integer announce,
                                Integer start, Integer end, String replaces, String role) implements SupplyMeasureSpec {
    public static final String TYPE = "stateCapacity";

    public StateCapacitySpec {
        id = id == null ? TYPE : id;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
        capexPerAnnualUnit = capexPerAnnualUnit == null ? 0.0 : capexPerAnnualUnit;
    }

    @Override
    public void check(SpecCheck at) {
        at.region("region", region);
        Schedule.check(this, at);
        if (start < 1) {
            at.problem("start", "state capacity comes into use during the run, from tick 1 on; a plant in place from"
                    + " the start is an ordinary firm with status \"active\"");
        }
    }
}
