package org.chokepoint.policy;

import org.chokepoint.market.Markets;
import org.chokepoint.scenario.spec.TriggerSpec;
import org.chokepoint.world.World;

/**
 * A rule that switches an instrument on: the price of a watched market above {@code priceAbove} times its
 * baseline, or the market's unmet-demand share (unmet over unmet plus consumption) above
 * {@code unmetShareAbove}, on the last completed tick. Once on, it stays on until neither condition has held
 * for {@code holdTicks} ticks. The baseline is the mean quoted price over the {@code baselineTicks} ticks
 * before {@code baselineEnd} (default: the instrument's start), or the commodity's initial price when that
 * window is empty; an instrument may set the baseline itself (a stockpile's reference price).
 *
 * <p>Declared by a {@link TriggerSpec}: {@code {"priceAbove": 1.5, "unmetShareAbove": 0.05, "region": "JP",
 * "commodity": "ndpr-oxide", "baselineTicks": 13, "baselineEnd": 150, "holdTicks": 13}}; region and
 * commodity default to the instrument's.
 */
final class Trigger implements java.io.Serializable {
    private final double priceAbove;
    private final double unmetShareAbove;
    private final int baselineTicks;
    private final int baselineEnd;
    private final int holdTicks;
    private int market = -1;
    private double baselineSum;
    private int baselineCount;
    private double baseline = Double.NaN;
    private double lastPrice = Double.NaN;
    private double lastUnmetShare;
    private boolean on;
    private int quietTicks;
    private int firedTicks;

    private Trigger(double priceAbove, double unmetShareAbove, int baselineTicks, int baselineEnd, int holdTicks) {
        this.priceAbove = priceAbove;
        this.unmetShareAbove = unmetShareAbove;
        this.baselineTicks = baselineTicks;
        this.baselineEnd = baselineEnd;
        this.holdTicks = holdTicks;
    }

    /**
     * The trigger a spec declares, or null when there is none.
     *
     * @param region the instrument's region, watched unless the spec names another
     * @param commodity the instrument's commodity, watched unless the spec names another
     * @param start the instrument's start, the default end of the baseline window
     */
    static Trigger of(TriggerSpec spec, World world, String region, String commodity, int start) {
        if (spec == null) {
            return null;
        }
        Trigger t = new Trigger(spec.priceAbove() == null ? Double.POSITIVE_INFINITY : spec.priceAbove(),
                spec.unmetShareAbove() == null ? Double.POSITIVE_INFINITY : spec.unmetShareAbove(),
                spec.baselineTicks(), spec.baselineEnd() == null ? start : spec.baselineEnd(), spec.holdTicks());
        t.market = world.market(world.regionIndex(spec.region() == null ? region : spec.region()),
                world.commodityIndex(spec.commodity() == null ? commodity : spec.commodity()));
        return t;
    }

    /** A trigger on a given market with the given rule, for instruments that build their own. */
    static Trigger of(int market, double priceAbove, double unmetShareAbove, int baselineTicks, int baselineEnd,
                      int holdTicks) {
        Trigger t = new Trigger(priceAbove, unmetShareAbove, baselineTicks, baselineEnd, holdTicks);
        t.market = market;
        return t;
    }

    /**
     * Overrides the baseline the price condition multiplies with a price of the instrument's own market (a
     * stockpile's reference price, a guarantee's floor), when that is the market the trigger watches. A trigger
     * watching another market keeps that market's own baseline: another commodity's price is in another unit,
     * and another region's differs by freight, so neither measures how far the watched price has risen.
     */
    void setOwnBaseline(int ownMarket, double price) {
        if (market == ownMarket) {
            baseline = price;
        }
    }

    double baseline(World world) {
        if (Double.isNaN(baseline)) {
            baseline = baselineCount > 0 ? baselineSum / baselineCount
                    : world.commodity(world.commodityOfMarket(market)).initialPrice();
        }
        return baseline;
    }

    /** Called after each tick's production: remembers the watched market's price and shortage. */
    void observe(PolicyContext ctx) {
        Markets m = ctx.markets();
        int t = ctx.tick();
        double p = m.price(market);
        if (t < baselineEnd && t >= baselineEnd - baselineTicks) {
            baselineSum += p;
            baselineCount++;
        }
        lastPrice = p;
        double unmet = m.ledger().unmet(market);
        double denominator = unmet + m.ledger().consumption(market);
        lastUnmetShare = denominator > 0 ? unmet / denominator : 0;
    }

    /** Updates the switch at the start of a tick from what the last tick showed; returns whether it is on. */
    boolean update(PolicyContext ctx) {
        if (Double.isNaN(lastPrice)) {
            return on;
        }
        boolean holds = lastUnmetShare > unmetShareAbove
                || (!Double.isInfinite(priceAbove) && ctx.tick() >= baselineEnd && lastPrice > priceAbove * baseline(ctx.world()));
        if (holds) {
            on = true;
            quietTicks = 0;
        } else if (on && ++quietTicks > holdTicks) {
            on = false;
        }
        if (on) {
            firedTicks++;
        }
        return on;
    }

    boolean on() {
        return on;
    }

    /** Ticks the trigger has been on so far. */
    int firedTicks() {
        return firedTicks;
    }
}
