package org.chokepoint.model;

import org.chokepoint.agent.FirmType;
import org.chokepoint.agent.Firms;
import org.chokepoint.agent.Households;
import org.chokepoint.agent.Stockists;
import org.chokepoint.equilibrium.EquilibriumResult;
import org.chokepoint.market.Markets;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.world.World;

/**
 * Puts the scenario's opening stocks where it says they are held, once the firms stand at their start.
 *
 * <p>Held by users: the region's manufacturers whose recipe takes the commodity hold it in proportion to their
 * use, each the same cover: {@code days / daysPerTick} or {@code weeks * ticksPerYear / 52} ticks of its own use, or
 * {@code quantity / (their use per tick)} ticks. That cover becomes the target of the input for each of them, so
 * a world without shocks keeps the stock it opened with rather than selling it off or running it down to the
 * usual cover. Held by stockists: the region's stockists of the commodity share it equally, each holding its share
 * as its target stock, bought at the start price; days and weeks count the region's whole use of the commodity
 * at the start (what its firms and households consume).
 */
final class OpeningStocks {
    private OpeningStocks() { }

    /**
     * @param equilibrium the equilibrium the run started from, or null when it started at its initial prices
     */
    static void apply(Scenario scenario, World world, Markets markets, Firms firms, Households households,
                      Stockists stockists, EquilibriumResult equilibrium) {
        if (scenario.openingStocks().isEmpty()) {
            return;
        }
        double[] use = regionUse(world, firms, households, equilibrium);
        for (Scenario.OpeningStockSpec o : scenario.openingStocks()) {
            int c = world.commodityIndex(o.commodity());
            int m = world.market(world.regionIndex(o.region()), c);
            if (o.byStockists()) {
                holdByStockists(o, world, markets, stockists, m, use[m]);
            } else {
                holdByUsers(o, world, firms, c, world.regionIndex(o.region()));
            }
        }
    }

    private static void holdByUsers(Scenario.OpeningStockSpec o, World world, Firms firms, int c, int region) {
        double usersUse = 0;
        for (int f = 0; f < firms.count; f++) {
            int s = userSlot(firms, f, c, region);
            if (s >= 0) {
                usersUse += firms.normalUse(s);
            }
        }
        double ticks = o.quantity() != null ? (usersUse > 0 ? o.quantity() / usersUse : 0.0) : ticks(o, world);
        for (int f = 0; f < firms.count; f++) {
            int s = userSlot(firms, f, c, region);
            if (s >= 0) {
                firms.holdInputCover(s, ticks);
            }
        }
    }

    private static int userSlot(Firms firms, int f, int c, int region) {
        return firms.type(f) == FirmType.MANUFACTURER && firms.region(f) == region ? firms.slotOf(f, c) : -1;
    }

    private static void holdByStockists(Scenario.OpeningStockSpec o, World world, Markets markets, Stockists stockists,
                                        int m, double regionUse) {
        double total = o.quantity() != null ? o.quantity() : ticks(o, world) * regionUse;
        int holders = 0;
        for (int i = 0; i < stockists.count; i++) {
            holders += stockists.market(i) == m ? 1 : 0;
        }
        for (int i = 0; i < stockists.count; i++) {
            if (stockists.market(i) == m) {
                stockists.open(i, total / holders, markets.price(m));
            }
        }
    }

    /** Days or weeks of use, in ticks. */
    private static double ticks(Scenario.OpeningStockSpec o, World world) {
        return o.days() != null ? o.days() / world.daysPerTick() : TickTime.ticks(o.weeks(), world.ticksPerYear());
    }

    /**
     * Each market's use per tick at the start: the equilibrium's consumption, or without one, the firms' input use
     * at their normal output and the households' base quantities.
     */
    private static double[] regionUse(World world, Firms firms, Households households, EquilibriumResult eq) {
        double[] use = new double[world.marketCount()];
        if (eq != null) {
            for (EquilibriumResult.MarketResult r : eq.markets()) {
                use[r.market()] = r.consumption();
            }
            return use;
        }
        for (int f = 0; f < firms.count; f++) {
            for (int s = firms.firstSlot(f); s < firms.firstSlot(f + 1); s++) {
                use[firms.inputMarket(s)] += firms.normalUse(s);
            }
        }
        for (int h = 0; h < households.count; h++) {
            use[households.market(h)] += households.baseQuantity(h);
        }
        return use;
    }
}
