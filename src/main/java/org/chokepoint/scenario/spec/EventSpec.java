package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One entry of a scenario's {@code events}: a change to the world during {@code [start, end)}, to the horizon
 * when it has no end, read by its {@code type} into the record of that type. Its {@link Role role} says whether
 * the no-shock counterfactual keeps it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(CapacityOutageSpec.class),
        @JsonSubTypes.Type(DemandShiftSpec.class),
        @JsonSubTypes.Type(RouteDisruptionSpec.class),
        @JsonSubTypes.Type(ChokepointClosureSpec.class)})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface EventSpec
        permits CapacityOutageSpec, DemandShiftSpec, RouteDisruptionSpec, ChokepointClosureSpec {

    /** A label for outputs, unique among events; may be absent. */
    String id();

    /** First tick affected. */
    Integer start();

    /** First tick no longer affected; null for the horizon. */
    Integer end();

    /** {@link Role#BACKGROUND} or {@link Role#SHOCK}; null (absent) is a shock. */
    String role();

    /** The rules a schema cannot state: ids that must name something, and times within the horizon. */
    void check(SpecCheck at);

    /** The checks every event shares: it starts within the horizon and ends after it starts. */
    default void checkTimes(SpecCheck at) {
        Role.check(role(), at);
        int horizon = at.horizonTicks();
        if (start() >= horizon) {
            at.problem("start", "start must be < horizonTicks (" + horizon + "), got " + start()
                    + "; the event would never happen");
        }
        if (end() != null && end() <= start()) {
            at.problem("end", "end must be > start (" + start() + "), got " + end()
                    + "; an event lasts over [start, end)");
        }
    }
}
