package org.chokepoint.agent;

/**
 * A scheduled shock with its ids resolved: in force during {@code [start, end)}.
 *
 * @param kind what the shock does
 * @param markets markets it touches (capacity outages and demand shifts)
 * @param routes routes it touches (route disruptions and chokepoint closures)
 * @param size the outage share, or the demand multiplier
 */
public record Shock(Kind kind, String id, int start, int end, int[] markets, int[] routes, double size,
                    boolean close, int extraTransitTicks, double costMultiplier) implements java.io.Serializable {

    public enum Kind { CAPACITY_OUTAGE, DEMAND_SHIFT, ROUTE_DISRUPTION }

    public boolean activeAt(int tick) {
        return tick >= start && tick < end;
    }
}
