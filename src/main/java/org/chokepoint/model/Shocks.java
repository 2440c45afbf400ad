package org.chokepoint.model;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.agent.Shock;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.world.Route;
import org.chokepoint.world.World;

/** Resolves a scenario's events into {@link Shock}s with indices. */
final class Shocks {
    private Shocks() { }

    static List<Shock> resolve(Scenario scenario, World world, int horizon) {
        List<Shock> out = new ArrayList<>();
        for (Scenario.EventSpec e : scenario.events()) {
            int start = e.start();
            int end = e.end() == null ? horizon : e.end();
            switch (e.type()) {
                case "capacityOutage" -> out.add(new Shock(Shock.Kind.CAPACITY_OUTAGE, e.id(), start, end,
                        new int[] {market(world, e)}, new int[0], e.share(), false, 0, 1.0));
                case "demandShift" -> out.add(new Shock(Shock.Kind.DEMAND_SHIFT, e.id(), start, end,
                        new int[] {market(world, e)}, new int[0], e.multiplier(), false, 0, 1.0));
                case "routeDisruption" -> {
                    int from = world.regionIndex(e.from());
                    int to = world.regionIndex(e.to());
                    List<Integer> routes = new ArrayList<>();
                    for (Route r : world.routes()) {
                        if ((r.from() == from && r.to() == to) || (r.from() == to && r.to() == from)) {
                            routes.add(r.index());
                        }
                    }
                    out.add(routeShock(e, start, end, routes));
                }
                case "chokepointClosure" -> {
                    List<Integer> routes = new ArrayList<>();
                    for (Route r : world.routes()) {
                        if (r.chokepoints().contains(e.chokepoint())) {
                            routes.add(r.index());
                        }
                    }
                    Scenario.EventSpec closing = e.closed() == null && e.extraTransitTicks() == null
                            && e.costMultiplier() == null
                            ? new Scenario.EventSpec(e.type(), e.id(), e.start(), e.end(), null, null, null, null,
                                    null, null, e.chokepoint(), true, null, null)
                            : e;
                    out.add(routeShock(closing, start, end, routes));
                }
                default -> throw new IllegalArgumentException("unknown event type " + e.type());
            }
        }
        return out;
    }

    private static Shock routeShock(Scenario.EventSpec e, int start, int end, List<Integer> routes) {
        return new Shock(Shock.Kind.ROUTE_DISRUPTION, e.id(), start, end, new int[0],
                routes.stream().mapToInt(Integer::intValue).toArray(), 0,
                Boolean.TRUE.equals(e.closed()),
                e.extraTransitTicks() == null ? 0 : e.extraTransitTicks(),
                e.costMultiplier() == null ? 1.0 : e.costMultiplier());
    }

    private static int market(World world, Scenario.EventSpec e) {
        return world.market(world.regionIndex(e.region()), world.commodityIndex(e.commodity()));
    }
}
