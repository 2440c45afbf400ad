package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The route between two regions is closed, slowed or made dearer (at least one of the three).
 *
 * @param closed true when nothing can use the route
 * @param extraTransitTicks ticks added to the transit
 * @param costMultiplier what the transport cost is multiplied by
 */
@JsonTypeName(RouteDisruptionSpec.TYPE)
public record RouteDisruptionSpec(String id, Integer start, Integer end, String from, String to, Boolean closed,
                                  Integer extraTransitTicks, Double costMultiplier, String role) implements EventSpec {
    public static final String TYPE = "routeDisruption";

    @Override
    public void check(SpecCheck at) {
        checkTimes(at);
        boolean known = at.region("from", from) & at.region("to", to);
        if (known && !at.laneExists(from, to)) {
            at.problem("", "no route from " + from + " to " + to + " to disrupt; routes (with direction): "
                    + at.lanes());
        }
    }
}
