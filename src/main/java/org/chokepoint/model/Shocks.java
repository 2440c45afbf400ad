package org.chokepoint.model;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.agent.Shock;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.spec.CapacityOutageSpec;
import org.chokepoint.scenario.spec.ChokepointClosureSpec;
import org.chokepoint.scenario.spec.DemandShiftSpec;
import org.chokepoint.scenario.spec.EventSpec;
import org.chokepoint.scenario.spec.RouteDisruptionSpec;
import org.chokepoint.world.Route;
import org.chokepoint.world.World;

/** Resolves a scenario's events into {@link Shock}s with indices. */
final class Shocks {
    private Shocks() { }

    static List<Shock> resolve(Scenario scenario, World world, int horizon) {
        List<Shock> out = new ArrayList<>();
        for (EventSpec e : scenario.events()) {
            int start = e.start();
            int end = e.end() == null ? horizon : e.end();
            if (e instanceof CapacityOutageSpec o) {
                out.add(new Shock(Shock.Kind.CAPACITY_OUTAGE, o.id(), start, end,
                        new int[] {market(world, o.region(), o.commodity())}, new int[0], o.share(), false, 0, 1.0));
            } else if (e instanceof DemandShiftSpec d) {
                out.add(new Shock(Shock.Kind.DEMAND_SHIFT, d.id(), start, end,
                        new int[] {market(world, d.region(), d.commodity())}, new int[0], d.multiplier(), false, 0,
                        1.0));
            } else if (e instanceof RouteDisruptionSpec r) {
                int from = world.regionIndex(r.from());
                int to = world.regionIndex(r.to());
                List<Integer> routes = new ArrayList<>();
                for (Route route : world.routes()) {
                    if ((route.from() == from && route.to() == to) || (route.from() == to && route.to() == from)) {
                        routes.add(route.index());
                    }
                }
                out.add(routeShock(r.id(), start, end, routes, Boolean.TRUE.equals(r.closed()),
                        r.extraTransitTicks() == null ? 0 : r.extraTransitTicks(),
                        r.costMultiplier() == null ? 1.0 : r.costMultiplier()));
            } else if (e instanceof ChokepointClosureSpec c) {
                List<Integer> routes = new ArrayList<>();
                for (Route route : world.routes()) {
                    if (route.chokepoints().contains(c.chokepoint())) {
                        routes.add(route.index());
                    }
                }
                out.add(routeShock(c.id(), start, end, routes, true, 0, 1.0));
            }
        }
        return out;
    }

    private static Shock routeShock(String id, int start, int end, List<Integer> routes, boolean closed,
                                    int extraTransitTicks, double costMultiplier) {
        return new Shock(Shock.Kind.ROUTE_DISRUPTION, id, start, end, new int[0],
                routes.stream().mapToInt(Integer::intValue).toArray(), 0, closed, extraTransitTicks, costMultiplier);
    }

    private static int market(World world, String region, String commodity) {
        return world.market(world.regionIndex(region), world.commodityIndex(commodity));
    }
}
