package org.chokepoint.policy;

import java.util.Map;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.scenario.spec.StrategicStockpileSpec;

/**
 * A strategic stockpile agency holding a commodity in its region.
 *
 * <ul>
 *   <li><b>Target</b>: {@code targetDays} days of the region's use of the commodity (a slow average of its
 *       consumption, frozen while the stockpile releases).</li>
 *   <li><b>Buy rule</b>: while in force and not releasing, when the quoted price is below
 *       {@code buyBelow * referencePrice}, it bids that limit for what brings it toward the target, at most
 *       {@code maxBuyShare} of the target per tick and never more than what is left of {@code yearlyBudget}
 *       (US dollars per year from the start) at the limit.</li>
 *   <li><b>Release rule</b>: while its release trigger is on (price above {@code releaseTrigger.priceAbove}
 *       times the reference price, or the unmet-demand share above {@code releaseTrigger.unmetShareAbove}; a
 *       trigger watching another market compares its price with that market's own baseline)
 *       it offers up to {@code maxReleaseShare} of its stock per tick, or of its target when the stock is below
 *       it (a stock short of its target drains at the pace set for a full one, no more than it holds), at
 *       {@code releasePrice} (default: the reference price).</li>
 * </ul>
 * The reference price defaults to the mean quoted price over the 13 ticks before the start (the commodity's
 * initial price when the start is tick 0). Fiscal cost is purchases less sales, in US dollars; the stock counts
 * in the region's stock for the mass balance.
 */
final class StrategicStockpile extends ImporterMeasure {
    /** Weight of this tick's consumption in the estimate of the region's use. */
    private final double useWeight;
    private final double targetDays;
    private final double buyBelow;
    private final double yearlyBudget;
    private final double maxBuyShare;
    private final double maxReleaseShare;
    private final double releasePriceSpec;
    private double reference;
    private final double referenceSpec;
    private final Trigger release;
    private double stock;
    private double use = Double.NaN;
    private double budgetLeft;
    private double bought;
    private double sold;
    private double spent;
    private double receipts;
    private boolean releasing;
    private double[] boughtByTick = new double[0];
    private double[] soldByTick = new double[0];
    private double[] spentByTick = new double[0];
    private boolean[] releasingByTick = new boolean[0];
    private double refSum;
    private int refCount;

    StrategicStockpile(StrategicStockpileSpec spec, PolicySetting setting) {
        super(spec, commodityOf(spec, setting), null, setting);
        this.targetDays = spec.targetDays();
        this.buyBelow = spec.buyBelow();
        this.yearlyBudget = spec.yearlyBudget() == null ? Double.POSITIVE_INFINITY : spec.yearlyBudget();
        this.maxBuyShare = spec.maxBuyShare();
        this.maxReleaseShare = spec.maxReleaseShare();
        this.releasePriceSpec = spec.releasePrice() == null ? Double.NaN : spec.releasePrice();
        this.referenceSpec = spec.referencePrice() == null ? Double.NaN : spec.referencePrice();
        this.release = Trigger.of(spec.releaseTrigger(), setting.world(), spec.region(), spec.commodity(),
                spec.start());
        this.useWeight = TickTime.averageWeight(setting.behaviour().strategicStockpile().useAverageWeeks(),
                setting.world().ticksPerYear());
    }

    private double target() {
        return Double.isNaN(use) ? 0 : targetDays * use / world.daysPerTick();
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        if (tick == start || (tick > start && Double.isNaN(reference))) {
            reference = !Double.isNaN(referenceSpec) ? referenceSpec
                    : refCount > 0 ? refSum / refCount : world.commodity(commodity).initialPrice();
            release.setOwnBaseline(market, reference);
        }
        releasing = inForce(tick) && release.update(ctx);
        if (inForce(tick) && (tick - start) % world.ticksPerYear() == 0) {
            budgetLeft = yearlyBudget;
        }
    }

    @Override
    public void postOrders(int tick) {
        if (!inForce(tick)) {
            return;
        }
        double price = ctx.markets().price(market);
        if (releasing) {
            double q = Math.min(stock, maxReleaseShare * Math.max(stock, target()));
            if (q > 0) {
                ctx.markets().book(market).addAsk(Double.isNaN(releasePriceSpec) ? reference : releasePriceSpec, q, owner());
            }
            return;
        }
        double limit = buyBelow * reference;
        if (price >= limit) {
            return;
        }
        double q = Math.min(target() - stock, maxBuyShare * target());
        q = Math.min(q, budgetLeft / (limit * world.commodity(commodity).valuePerUnit()));
        if (q > 1e-12) {
            ctx.markets().book(market).addBid(limit, q, owner());
        }
    }

    @Override
    protected void settle(int m, double quantity, double price, boolean purchase) {
        double usd = dollars(quantity, price);
        int tick = ctx.tick();
        grow(tick);
        if (purchase) {
            stock += quantity;
            bought += quantity;
            spent += usd;
            budgetLeft -= usd;
            boughtByTick[tick] += quantity;
            spentByTick[tick] += usd;
            ctx.markets().ledger().spend(market, usd);
        } else {
            stock -= quantity;
            sold += quantity;
            receipts += usd;
            soldByTick[tick] += quantity;
            spentByTick[tick] -= usd;
            ctx.markets().ledger().receive(market, usd);
        }
    }

    @Override
    public void endTick(int tick) {
        release.observe(ctx);
        grow(tick);
        releasingByTick[tick] = releasing;
        if (tick < start && tick >= start - 13) {
            refSum += ctx.markets().price(market);
            refCount++;
        }
        if (!releasing) {
            double c = ctx.markets().ledger().consumption(market);
            use = Double.isNaN(use) ? c : use + useWeight * (c - use);
        }
    }

    private void grow(int tick) {
        if (tick >= boughtByTick.length) {
            int n = Math.max(tick + 1, 2 * boughtByTick.length);
            boughtByTick = java.util.Arrays.copyOf(boughtByTick, n);
            soldByTick = java.util.Arrays.copyOf(soldByTick, n);
            spentByTick = java.util.Arrays.copyOf(spentByTick, n);
            releasingByTick = java.util.Arrays.copyOf(releasingByTick, n);
        }
    }

    @Override
    public double stockIn(int m) {
        return m == market ? stock : 0;
    }

    @Override
    public void countOrders(int[] orders) {
        orders[market]++; // a bid to buy or an ask to release
    }

    double stock() {
        return stock;
    }

    double referencePrice() {
        return reference;
    }

    double buyLimit() {
        return buyBelow * reference;
    }

    double boughtAt(int tick) {
        return tick < boughtByTick.length ? boughtByTick[tick] : 0;
    }

    double soldAt(int tick) {
        return tick < soldByTick.length ? soldByTick[tick] : 0;
    }

    double spentAt(int tick) {
        return tick < spentByTick.length ? spentByTick[tick] : 0;
    }

    boolean releasingAt(int tick) {
        return tick < releasingByTick.length && releasingByTick[tick];
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = super.indicators();
        m.put("purchased", bought);
        m.put("released", sold);
        m.put("spent", spent);
        m.put("receipts", receipts);
        m.put("stockHeld", stock);
        m.put("targetStock", target());
        m.put("daysOfCoverHeld", Double.isNaN(use) || use <= 0 ? Double.NaN : stock / (use / world.daysPerTick()));
        m.put("releaseTicks", (double) release.firedTicks());
        return m;
    }
}
