package org.chokepoint.agent;

/**
 * A manufacturer's bid for an input as a short demand schedule rather than one limit. A buyer that holds
 * stock against a target values a unit by how far short of the target it would leave the stock:
 * {@code E * (target / held)^η}, where {@code E} is the price it expects and {@code held} what it holds once
 * the tick's purchase and use are done. The first units it buys keep its stock from falling below where it
 * stands and are worth more to it than the last, which only replace the tick's use. Its order (sized by stock
 * management, see {@link Manufacturers#order}) is therefore bid in {@link #STEPS} equal steps, step {@code k}
 * at the value of the middle unit of its block: the stock it is left with when its order is bought up to
 * halfway through that step. With the stock at its target and the order equal to its use, only the order's
 * last unit is worth exactly the expected price, and every step bids a little more.
 *
 * <p>At rest the market clears at the equilibrium price as before: the sellers, offering more than is bought,
 * set it at their marginal ask, the price they expect, and the buyer takes its use. Were the last step valued
 * at its last unit, it would bid exactly that price, and a buyer holding a hair over its target (a normal
 * sales figure that moved by rounding or by one tick's rationing) would bid a hair under a seller at its own
 * target, leaving a whole step unbought: a scrap yard, which cannot cut its inflow, then cuts its ask, and a
 * market that was at rest is kicked off it. When sellers ask a little more than the buyer expects, it buys less
 * of the tick's use instead of nothing: its short-run demand slopes down, so a market with one buyer does not
 * alternate between weeks in which it takes everything and weeks in which it takes nothing (and the sellers'
 * stocks, asks and output with it).
 */
final class BidSteps {
    /** Steps of a buyer's bid: enough to slope its demand, few enough to keep a book small. */
    static final int STEPS = 4;

    private BidSteps() {
    }

    /**
     * The ratio to its expected price a buyer bids for step {@code k} (1 to {@link #STEPS}) of its order.
     *
     * @param needed what the buyer wants to hold: its target
     * @param held what it holds before this tick's purchase and use
     * @param use what it expects to use or sell this tick
     * @param elasticity η
     * @param min lowest ratio
     * @param max highest ratio, also the ratio when nothing would be held
     */
    static double ratio(double needed, double held, double use, int k, double elasticity, double min, double max) {
        double after = held - (1.0 - (k - 0.5) / STEPS) * Math.max(0.0, use);
        double ratio = after > 0 ? Math.pow(needed / after, elasticity) : max;
        return ratio < min ? min : Math.min(ratio, max);
    }
}
