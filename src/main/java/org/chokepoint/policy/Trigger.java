package org.chokepoint.policy;

import org.chokepoint.market.Markets;
import org.chokepoint.world.World;

/**
 * A rule that switches an instrument on: the price of a watched market above {@code priceAbove} times its
 * baseline, or the market's unmet-demand share (unmet over unmet plus consumption) above
 * {@code unmetShareAbove}, on the last completed tick. Once on, it stays on until neither condition has held
 * for {@code holdTicks} ticks. The baseline is the mean quoted price over the {@code baselineTicks} ticks
 * before {@code baselineEnd} (default: the instrument's start), or the commodity's initial price when that
 * window is empty; an instrument may set the baseline itself (a stockpile's reference price).
 *
 * <p>Read from a nested object: {@code {"priceAbove": 1.5, "unmetShareAbove": 0.05, "region": "JP",
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
     * Reads the nested trigger object {@code field}, or returns null when it is absent.
     *
     * @param start the instrument's start, the default end of the baseline window
     */
    static Trigger read(SpecReader parent, String field, World world, String region, String commodity, int start) {
        SpecReader r = parent.object(field);
        if (r == null) {
            return null;
        }
        double price = r.number("priceAbove", Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY);
        double unmet = r.number("unmetShareAbove", Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY);
        String reg = r.optionalRegion("region");
        String com = r.commodity("commodity", commodity == null ? null : commodity);
        int window = r.integer("baselineTicks", 13, 1, Integer.MAX_VALUE);
        int end = r.integer("baselineEnd", start, 0, Integer.MAX_VALUE);
        int hold = r.integer("holdTicks", 13, 0, Integer.MAX_VALUE);
        if (Double.isInfinite(price) && Double.isInfinite(unmet)) {
            r.problem("priceAbove", "a trigger needs 'priceAbove' or 'unmetShareAbove' (or both)");
        }
        parent.absorb(r);
        Trigger t = new Trigger(price, unmet, window, end, hold);
        if (world != null && com != null) {
            String rr = reg == null ? region : reg;
            if (rr != null && world.regionIndex(rr) >= 0 && world.commodityIndex(com) >= 0) {
                t.market = world.market(world.regionIndex(rr), world.commodityIndex(com));
            }
        }
        return t;
    }

    /** A trigger on a given market with the given rule, for instruments that build their own. */
    static Trigger of(int market, double priceAbove, double unmetShareAbove, int baselineTicks, int baselineEnd,
                      int holdTicks) {
        Trigger t = new Trigger(priceAbove, unmetShareAbove, baselineTicks, baselineEnd, holdTicks);
        t.market = market;
        return t;
    }

    /** Overrides the baseline the price condition multiplies. */
    void setBaseline(double price) {
        baseline = price;
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
