package org.chokepoint.agent;

/**
 * A manufacturer's bid for an input as a short demand schedule rather than one limit, where the market needs
 * it. A buyer that holds stock against a target values a unit by how far short of the target it would leave
 * the stock: {@code E * (target / held)^η}, where {@code E} is the price it expects and {@code held} what it
 * holds once the tick's purchase and use are done. The first units it buys keep its stock from falling below
 * where it stands and are worth more to it than the last, which only replace the tick's use. Its order (sized
 * by stock management, see {@link Manufacturers#order}) is bid in {@code n} equal steps, step {@code k} at the
 * value of the middle unit of its block: the stock it is left with once the tick's use is done and a purchase
 * the size of that use is bought up to halfway through the step. (The use, not the order, sizes the steps'
 * valuation: a buyer short of its target bids every step higher by the stock it holds, one long of it lower.)
 *
 * <p>Why steps, and how many. A market's demand curve is the sum of its buyers' schedules. With many buyers,
 * each one limit, their stocks differ and so do their limits, and the sum already slopes: a seller asking a
 * little more than buyers expect sells a little less. With one or two buyers each bidding one limit, the sum is
 * a cliff: when the sellers ask a hair more than the single limit nothing trades that week, the sellers' stock
 * piles up and their ask is cut, and a market that was at rest alternates between weeks in which it takes
 * everything and weeks in which it takes nothing. So each buyer of an input bids as many steps as it takes for
 * the market's book to hold {@link #POINTS_PER_BOOK} bids from its firms, at most {@link #MAX_STEPS}: the only
 * buyer of ore in a region bids four, a firm among sixteen or more bids one, and a book at 100,000 firms is no
 * larger than with one limit a firm.
 *
 * <p>At rest the market clears at the equilibrium price: sellers offering more than is bought set it at their
 * marginal ask, the price they expect, and the buyer takes its use. Valuing a step at its middle unit rather
 * than its last (a single limit is valued at the stock held, as among many buyers it needs no such margin) keeps a buyer a hair over its target (normal sales moved by rounding or by one tick's rationing)
 * from bidding a hair under a seller at its own target and leaving a whole step unbought.
 */
final class BidSteps {
    /** Bids a market's book should hold from the firms buying in it, for its demand to slope. */
    static final int POINTS_PER_BOOK = 16;
    /** Most steps one firm bids: enough to slope a single buyer's demand, few enough to keep a book small. */
    static final int MAX_STEPS = 4;

    private BidSteps() {
    }

    /** Steps each of {@code buyers} firms buying an input in one market bids. */
    static int count(int buyers) {
        if (buyers <= 0) {
            return MAX_STEPS;
        }
        return Math.max(1, Math.min(MAX_STEPS, (POINTS_PER_BOOK + buyers - 1) / buyers));
    }

    /**
     * The ratio to its expected price a buyer bids for step {@code k} (1 to {@code steps}) of its order.
     *
     * @param needed what the buyer wants to hold: its target
     * @param held what it holds before this tick's purchase and use (the steps value the stock left after the
     *             use and part of a purchase of the use's size)
     * @param use what it expects to use or sell this tick
     * @param k the step
     * @param steps how many steps its order is bid in
     * @param elasticity η
     * @param min lowest ratio
     * @param max highest ratio, also the ratio when nothing would be held
     */
    static double ratio(double needed, double held, double use, int k, int steps, double elasticity, double min,
            double max) {
        // One limit is valued at the stock held: among many buyers a limit a hair under the sellers' leaves only
        // that buyer's order unbought, and the others' spread of stocks slopes the market's demand.
        double after = steps == 1 ? held : held - (1.0 - (k - 0.5) / steps) * Math.max(0.0, use);
        return StockPriceRatio.of(needed, after, elasticity, min, max);
    }
}
