package org.chokepoint.agent;

/**
 * A buyer's bid as a short demand schedule rather than one limit. A buyer that holds stock against a target
 * values a unit by how far short of the target it would leave the stock: {@code E * (target / held)^η}, where
 * {@code E} is the price it expects and {@code held} what it holds once the tick's purchase and use are done.
 * The first units it buys keep the stock from falling below where it stands and are worth more to it than the
 * last, which only replace this tick's use. Its order (sized by stock management, Sterman, <i>Business
 * Dynamics</i>, 2000, ch. 17) is therefore bid in {@link #STEPS} equal steps, step {@code k} at the value of
 * the stock it leaves when the order is bought up to it; the last step is the single limit a buyer bid before.
 *
 * <p>At rest the stock is at its target, the last step bids the expected price and the market clears there as
 * before. When sellers' asks rise a little above what the buyer expects, the buyer buys less of the tick's use
 * instead of nothing: short-run demand slopes down, so a thin market does not alternate between weeks in which
 * the only buyer takes everything and weeks in which it takes nothing.
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
        double after = held - (1.0 - (double) k / STEPS) * Math.max(0.0, use);
        double ratio = after > 0 ? Math.pow(needed / after, elasticity) : max;
        return ratio < min ? min : Math.min(ratio, max);
    }
}
