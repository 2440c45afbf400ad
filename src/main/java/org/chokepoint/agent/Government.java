package org.chokepoint.agent;

import java.util.Arrays;
import java.util.List;
import org.chokepoint.market.Participant;
import org.chokepoint.trade.TradeRules;

/**
 * The governments of all regions, acting at the start of each tick: they carry out the scenario's
 * scheduled shocks (outages, demand shifts, route disruptions) and hold the trade measures that traders
 * must obey. Trade measures are added to {@link #tradeRules()} when a scenario declares them.
 */
public final class Government implements Participant {
    private final Shock[] shocks;
    /** Share of capacity available in each market this tick. */
    final double[] capacityFactor;
    /** Multiplier on final demand in each market this tick. */
    final double[] demandFactor;
    private final RouteConditions routes;
    private final TradeRules tradeRules = new TradeRules();

    public Government(List<Shock> shocks, int marketCount, RouteConditions routes) {
        this.shocks = shocks.toArray(new Shock[0]);
        this.capacityFactor = new double[marketCount];
        this.demandFactor = new double[marketCount];
        this.routes = routes;
        Arrays.fill(capacityFactor, 1.0);
        Arrays.fill(demandFactor, 1.0);
    }

    @Override
    public void seat(int seat) { }

    @Override
    public void countOrders(int[] ordersPerMarket) { }

    /** Nothing: the model calls {@link #act} ahead of every measure's start of tick. */
    @Override
    public void beginTick(int tick) { }

    /** Sets this tick's conditions from every shock in force; overlapping shocks compound. */
    public void act(int tick) {
        Arrays.fill(capacityFactor, 1.0);
        Arrays.fill(demandFactor, 1.0);
        routes.reset();
        for (Shock s : shocks) {
            if (!s.activeAt(tick)) {
                continue;
            }
            switch (s.kind()) {
                case CAPACITY_OUTAGE -> {
                    for (int m : s.markets()) {
                        capacityFactor[m] *= 1 - s.size();
                    }
                }
                case DEMAND_SHIFT -> {
                    for (int m : s.markets()) {
                        demandFactor[m] *= s.size();
                    }
                }
                case ROUTE_DISRUPTION -> {
                    for (int r : s.routes()) {
                        routes.disrupt(r, s.close(), s.extraTransitTicks(), s.costMultiplier());
                    }
                }
            }
        }
    }

    public TradeRules tradeRules() {
        return tradeRules;
    }

    public RouteConditions routes() {
        return routes;
    }

    /** The longest extra transit any shock can add to one route, to size traders' pipelines. */
    public int longestExtraTransit() {
        int extra = 0;
        for (Shock s : shocks) {
            extra += Math.max(0, s.extraTransitTicks());
        }
        return extra;
    }
}
