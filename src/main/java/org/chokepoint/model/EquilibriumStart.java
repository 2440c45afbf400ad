package org.chokepoint.model;

import java.util.List;
import java.util.Locale;
import org.chokepoint.agent.CapacityDecisions;
import org.chokepoint.agent.FirmType;
import org.chokepoint.agent.Firms;
import org.chokepoint.agent.Households;
import org.chokepoint.agent.Recyclers;
import org.chokepoint.agent.Traders;
import org.chokepoint.equilibrium.EquilibriumOptions;
import org.chokepoint.equilibrium.EquilibriumResult;
import org.chokepoint.equilibrium.SpatialEquilibrium;
import org.chokepoint.market.Markets;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.world.World;

/**
 * Puts a freshly built model at the spatial price equilibrium of the firms and traders it drew, with the
 * scenario's measures in force at tick 0: every market quoted at its equilibrium price, every firm producing
 * and selling its equilibrium output with its stocks at target, every trader's stock at target and its
 * pipeline full of its lane's equilibrium flow, recyclers remembering the equilibrium's consumption. A world
 * without shocks then has nothing to adjust. Where final demand grows, firms and traders plan capacity for the
 * balanced growth path of the final demand they serve (see {@link #growthPath}).
 */
final class EquilibriumStart {
    private EquilibriumStart() { }

    /** The equilibrium a run started from, and the populations it was solved for. */
    record Solved(DrawnPopulations drawn, EquilibriumResult result) { }

    /**
     * Starts the model at its equilibrium: {@code known}'s when it was solved for the same populations (a
     * counterfactual under the same seed, with nothing in force at tick 0 that the run had), else solved here.
     *
     * @return the equilibrium used
     */
    static Solved apply(Scenario scenario, World world, Markets markets, Firms firms, Traders traders,
                        Households households, Recyclers recyclers, CapacityDecisions capacity, int horizon,
                        Solved known) {
        DrawnPopulations drawn = DrawnPopulations.of(scenario, firms, traders);
        EquilibriumResult eq = known != null && known.drawn().sameAs(drawn) ? known.result()
                : SpatialEquilibrium.solve(scenario, 0, drawn.firms(), drawn.traders(), EquilibriumOptions.DEFAULTS);
        BehaviourSpec b = scenario.behaviour();
        int m = world.marketCount();
        double[] consumption = new double[m];
        for (EquilibriumResult.MarketResult r : eq.markets()) {
            markets.startAt(r.market(), r.price());
            consumption[r.market()] = r.consumption();
        }
        for (int f = 0; f < firms.count; f++) {
            EquilibriumResult.FirmResult r = eq.firms().get(f);
            firms.startAt(f, r.output(), r.netPrice(), r.utilisation(),
                    TickTime.coverTicks(b.stockCoverTicks(), world.ticksPerYear()),
                    markets);
        }
        startTraders(scenario, eq, markets, traders);
        recyclers.prime(consumption);
        int longestLead = 0;
        for (int f = 0; f < firms.count; f++) {
            longestLead = Math.max(longestLead, firms.leadTicks(f));
        }
        int ticks = horizon + longestLead + 1;
        double[] path = growthPath(eq, world, firms, households, ticks);
        capacity.planForTrend(path, ticks);
        traders.growWith(path, ticks);
        return new Solved(drawn, eq);
    }

    /**
     * Why a run started at an equilibrium the solver found only from the firms' costs should be checked, or null
     * when it was found from the initial prices. Such initial prices lie orders of magnitude from the equilibrium
     * (a price per kilogram where the unit is the tonne), and the model goes on reading them after the start: a
     * trigger's default baseline, a recycler's collection and the summary's value of a shortage answer the price
     * against the initial price. The note names the market furthest from it.
     */
    static String farFromInitialPrices(World world, EquilibriumResult eq) {
        if (!SpatialEquilibrium.START_COSTS.equals(eq.convergence().start())) {
            return null;
        }
        EquilibriumResult.MarketResult worst = null;
        double worstRatio = 1;
        for (EquilibriumResult.MarketResult r : eq.markets()) {
            double initial = world.commodity(world.commodityOfMarket(r.market())).initialPrice();
            double ratio = r.price() / initial;
            if (ratio > 0 && Double.isFinite(ratio)
                    && Math.abs(Math.log(ratio)) > Math.abs(Math.log(worstRatio))) {
                worst = r;
                worstRatio = ratio;
            }
        }
        String furthest = worst == null ? "" : String.format(Locale.ROOT,
                " (furthest: %s/%s, initial price %.4g, equilibrium %.4g)", worst.region(), worst.commodity(),
                world.commodity(world.commodityOfMarket(worst.market())).initialPrice(), worst.price());
        return "started at its equilibrium, which the solver found only from prices built up from the firms' costs: "
                + "the initial prices are far from it" + furthest + "; triggers' baselines, recycling and "
                + "the summary's values still read the initial prices, so check their units";
    }

    /** Each lane's equilibrium flow, shared among its traders in proportion to their capacity. */
    private static void startTraders(Scenario scenario, EquilibriumResult eq, Markets markets, Traders traders) {
        List<Scenario.TraderSpec> specs = scenario.traders();
        double[] laneFlow = new double[specs.size()];
        double[] laneCapacity = new double[specs.size()];
        for (int e = 0; e < specs.size(); e++) {
            laneFlow[e] = eq.laneFlow(specs.get(e).id());
        }
        for (EquilibriumResult.LaneResult l : eq.lanes()) {
            // Cargo smuggled round a restriction is no lane's steady trade.
            if ("detour".equals(l.kind()) && l.trader() != null) {
                for (int e = 0; e < specs.size(); e++) {
                    if (specs.get(e).id().equals(l.trader())) {
                        laneFlow[e] -= l.flow();
                    }
                }
            }
        }
        for (int i = 0; i < traders.count; i++) {
            laneCapacity[traders.lane(i)] += traders.capacity(i);
        }
        for (int i = 0; i < traders.count; i++) {
            int e = traders.lane(i);
            double share = laneCapacity[e] > 0 ? traders.capacity(i) / laneCapacity[e] : 0;
            traders.startAt(i, Math.max(0.0, laneFlow[e]) * share, markets.price(traders.originMarket(i)),
                    markets.price(traders.destinationMarket(i)));
        }
    }

    /**
     * Each market's volume on a balanced growth path at the equilibrium's prices, relative to the start, at every
     * tick up to {@code ticks}: {@code path[market * ticks + tick]}. Every household sector's final demand grows
     * at its trend; what a market absorbs (final use, input use, exports) is traced back to the final demands it
     * serves, through manufacturers' inputs (which grow with their output) and traders' lanes (whose cargo grows
     * with the market they feed), in the shares of the equilibrium; a market's production and imports grow
     * alike with what it absorbs. Without trends every path stays at one.
     */
    static double[] growthPath(EquilibriumResult eq, World world, Firms firms, Households households, int ticks) {
        int m = world.marketCount();
        double[] absorbed = new double[m];
        double[] finalUse = new double[m];
        for (EquilibriumResult.MarketResult r : eq.markets()) {
            absorbed[r.market()] = r.consumption() + r.exports() + r.offtake();
            finalUse[r.market()] = r.finalConsumption();
        }
        double[] demandOfMarket = new double[m];
        for (int h = 0; h < households.count; h++) {
            demandOfMarket[households.market(h)] += households.baseQuantity(h);
        }
        double[] path = new double[m * ticks];
        double[] constant = absorbed.clone();
        for (int h = 0; h < households.count; h++) {
            double g = Math.log1p(households.growthPerTick(h));
            if (g == 0) {
                continue;
            }
            int market = households.market(h);
            double[] share = attribution(eq, world, firms, absorbed, finalUse, market,
                    households.baseQuantity(h) / demandOfMarket[market]);
            for (int i = 0; i < m; i++) {
                if (share[i] == 0) {
                    continue;
                }
                constant[i] -= share[i];
                for (int t = 0; t < ticks; t++) {
                    path[i * ticks + t] += share[i] * Math.exp(g * t);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < ticks; t++) {
                path[i * ticks + t] = absorbed[i] > 0 ? (path[i * ticks + t] + constant[i]) / absorbed[i] : 1.0;
            }
        }
        return path;
    }

    /**
     * What each market absorbs on behalf of one household sector's final demand: the sector's purchases in its own
     * market, and upstream the inputs and cargo that go into them, in the equilibrium's shares.
     */
    private static double[] attribution(EquilibriumResult eq, World world, Firms firms, double[] absorbed,
                                        double[] finalUse, int market, double shareOfFinal) {
        int m = world.marketCount();
        double[] x = new double[m];
        for (int round = 0; round < 4 * m + 8; round++) {
            double[] next = new double[m];
            next[market] = finalUse[market] * shareOfFinal;
            for (int f = 0; f < firms.count; f++) {
                if (firms.type(f) != FirmType.MANUFACTURER) {
                    continue;
                }
                double[] use = eq.firms().get(f).inputUse();
                int out = firms.market(f);
                if (use == null || x[out] == 0 || absorbed[out] <= 0) {
                    continue;
                }
                // The firm's output serves this demand in its market's share; so do its inputs.
                double share = x[out] / absorbed[out];
                for (int s = firms.firstSlot(f), j = 0; s < firms.firstSlot(f + 1) && j < use.length; s++, j++) {
                    next[firms.inputMarket(s)] += use[j] * share;
                }
            }
            for (EquilibriumResult.LaneResult l : eq.lanes()) {
                if (l.trader() == null || l.flow() <= 0) {
                    continue;
                }
                int c = world.commodityIndex(l.commodity());
                int to = world.market(world.regionIndex(l.to()), c);
                if (x[to] == 0 || absorbed[to] <= 0) {
                    continue;
                }
                next[world.market(world.regionIndex(l.from()), c)] += l.flow() * x[to] / absorbed[to];
            }
            double change = 0;
            for (int i = 0; i < m; i++) {
                change = Math.max(change, Math.abs(next[i] - x[i]));
            }
            x = next;
            if (change <= 1e-12 * Math.max(1.0, finalUse[market])) {
                break;
            }
        }
        return x;
    }
}
