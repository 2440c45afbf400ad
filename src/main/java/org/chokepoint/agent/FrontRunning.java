package org.chokepoint.agent;

/**
 * How much a trader holds when it buys ahead of an announced restriction. Its ships alone do not end
 * front-running: it must store what it lands and finance it until it sells. It holds at most
 * {@code trading.frontRunCoverWeeks} of its normal sales at its destination (its warehouse and credit line),
 * and no more than the stock whose carrying, over the weeks it takes to sell it, the hoarding premium still
 * pays for: a stock of H weeks of sales waits H/2 weeks on average, costs {@code c H / 2} of its value at a
 * carrying cost c a week ({@code speculation.carryingCostPerYear}) and earns the premium h it holds out for,
 * so H is at most {@code 2 h / c}. Beyond what it holds it keeps its usual cargo at sea, one tick's sales for
 * every tick of transit.
 */
final class FrontRunning implements java.io.Serializable {
    private final double storageTicks;
    private final double financeTicks;

    /**
     * @param storageTicks ticks of sales it can store
     * @param hoardingPremium the premium over its expected price it holds its stock for
     * @param carryPerTick carrying cost per tick, as a share of the stock's value
     */
    FrontRunning(double storageTicks, double hoardingPremium, double carryPerTick) {
        this.storageTicks = storageTicks;
        this.financeTicks = carryPerTick > 0 ? 2 * hoardingPremium / carryPerTick : Double.POSITIVE_INFINITY;
    }

    /** Ticks of its sales a front-running trader holds at its destination: the storage or the finance limit. */
    double coverTicks() {
        return Math.min(storageTicks, financeTicks);
    }

    /**
     * What a trader selling {@code sales} a tick, holding {@code stock} at its destination and {@code atSea} on
     * a route of {@code transit} ticks, buys this tick ahead of a restriction, at most its {@code capacity}.
     */
    double purchase(double sales, double stock, double atSea, int transit, double capacity) {
        double most = sales * (coverTicks() + Math.max(1, transit));
        return Math.min(capacity, Math.max(0.0, most - stock - atSea));
    }
}
