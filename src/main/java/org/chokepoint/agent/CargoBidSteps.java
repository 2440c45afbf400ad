package org.chokepoint.agent;

import org.chokepoint.market.OrderBook;

/**
 * A trader's bid for cargo at its origin as a short demand schedule along the margins a cargo leaves, rather than
 * one limit: a trader buys as long as the cargo, sold at the price it expects at the destination, still earns it
 * a margin; step k of n buys {@code 1/n} of its order up to the origin price at which that margin is
 * {@code r μ (k − ½) / n}, μ the trader's own least margin, never above its ceiling. Under {@code sellerAsk:
 * ladder} r is 1: the trader buys all it ordered while the cargo earns its least margin, and less only as the
 * margin falls below it. With r = 2, the steps averaging μ, a lane at rest, where the origin price leaves it just
 * its margin, found half its steps priced out every week and got its flow only with its stock and supply line
 * run short, its urgency lifting the schedule; a week's shortfall then lifted it into the whole order and the
 * next week's refill dropped it out again, and its landings alternated (Japan's magnet imports in the rare-earth
 * baseline without shocks changed by 30% of their median from one week to the next; 4% with r = 1 and the sellers'
 * offer ladder, {@link Producers}). Under {@code plan} and {@code normalSales}, r is 2.
 * Where the lane's urgency lifts the trader's one limit above its first step, every step moves up by as much
 * and the schedule keeps its slope: lifting each step to the limit would stack them on one price, the cliff
 * the steps are there to take away, in just the weeks a lane short of cargo comes back to buy. A seller
 * asking into the lanes' margins sells a little less, not nothing.
 *
 * <p>Where it bids in steps, and how many. Each trader bids as many as it takes for its origin's book to hold
 * {@link BidSteps#POINTS_PER_BOOK} bids from traders (one for a trader among sixteen or more: a single step at
 * the price its margin allows, lifted with the lane's urgency, which is not the one limit), or none where it
 * bids one limit. Every trader of a lane bids near one price, the price it expects at the origin moved by the
 * lane's urgency, so where traders are an origin's only buyers the lanes' demand there is a cliff: a seller asking
 * a hair above that price sells them nothing that week. Other buyers at the origin do not slope the book there
 * either, for a manufacturer or a household bids its reservation, far above the going price: in the rare-earth
 * baseline without shocks, with traders bidding one limit wherever others bought, Japan's magnet imports
 * stopped in 73 of 520 weeks and eight other markets' fell below 2% of their mean in 8 to 27; with steps at
 * every origin, in none. So under {@code sellerAsk: normalSales}, the rules by which sellers and traders keep
 * trade smooth, traders bid in steps at every origin. Under {@code sellerAsk: plan} they do only where they
 * are the origin's only buyers, as before: there a lane long in stock offers its whole stock at landed cost
 * and takes the whole market from an importer's own plants in such weeks, and the one limit's price, a little
 * above the floor in a tariff-floor world, had made up for those weeks in their producer surplus; with steps
 * everywhere the price came down and the surplus fell 2.6% short of the textbook's.
 *
 * <p>{@link Traders} counts the steps once the model knows who buys where, and bids the steps in its tick; ahead
 * of a restriction a trader bids its one limit, as high as it goes, whatever its steps.
 */
final class CargoBidSteps implements java.io.Serializable {
    /** Steps of each trader's bid for cargo; 0 where it bids one limit. */
    private final int[] steps;
    /** Whether traders bid in steps at every origin ({@code sellerAsk: normalSales}), not only where they alone buy. */
    private final boolean everyOrigin;
    /**
     * The highest margin a stepped bid asks for, as a multiple of the trader's least margin: its steps span margins
     * from 0 to this ({@link #stepLimit}). 1 under {@code sellerAsk: ladder}, where the whole order is bought at the
     * least margin and less only as the margin falls below it; 2 under {@code plan}, steps averaging the least
     * margin.
     */
    private final double reach;

    CargoBidSteps(int traders, boolean everyOrigin, double reach) {
        steps = new int[traders];
        this.everyOrigin = everyOrigin;
        this.reach = reach;
    }

    /**
     * Counts each trader's steps from the markets its traders buy in ({@code originMarket}) and those that have
     * buyers other than traders ({@code otherBuyers}: manufacturers buying inputs, final demand, stockists).
     */
    void count(int[] originMarket, boolean[] otherBuyers) {
        int[] traders = new int[otherBuyers.length];
        for (int i = 0; i < steps.length; i++) {
            traders[originMarket[i]]++;
        }
        for (int i = 0; i < steps.length; i++) {
            int m = originMarket[i];
            steps[i] = everyOrigin || !otherBuyers[m] ? BidSteps.count(traders[m]) : 0;
        }
    }

    /** Steps trader {@code i}'s bid for cargo is split into; 0 where it bids one limit. */
    int steps(int i) {
        return steps[i];
    }

    /**
     * Bids {@code quantity} in {@code n} equal steps (see {@link #stepLimit}) for a trader of least margin
     * {@code leastMargin}, as {@code owner}.
     */
    void bid(OrderBook book, int n, double quantity, double worth, double leastMargin, double cost, double rebate,
            double tax, double limit, double ceiling, int owner) {
        for (int k = 1; k <= n; k++) {
            book.addBid(stepLimit(worth, leastMargin, reach, k, n, cost, rebate, tax, limit, ceiling), quantity / n,
                    owner);
        }
    }

    /**
     * The limit of step {@code k} of {@code n} of a bid for cargo: the origin price at which a unit, worth
     * {@code worth} at the destination net of tariff and levy, earns a margin of {@code reach μ (k − ½) / n} after
     * freight {@code cost}, the export tax and any rebate, raised by as much as the trader's one {@code limit}
     * stands above the first step's, never below zero and never above its {@code ceiling}.
     */
    static double stepLimit(double worth, double leastMargin, double reach, int k, int n, double cost, double rebate,
            double tax, double limit, double ceiling) {
        double pays = pays(worth, leastMargin, reach, k, n, cost, rebate, tax);
        return lifted(pays, k == 1 ? pays : pays(worth, leastMargin, reach, 1, n, cost, rebate, tax), limit, ceiling);
    }

    /**
     * A step that {@code pays} its margin at that origin price, lifted by as much as the trader's one
     * {@code limit} stands above the {@code first} step's, never below zero and never above its {@code ceiling}.
     */
    private static double lifted(double pays, double first, double limit, double ceiling) {
        // A margin that freight leaves no origin price to earn is bid at nothing, as an order's limit must be.
        return Math.min(ceiling, Math.max(0.0, limit > first ? limit - (first - pays) : pays));
    }

    /** The origin price at which step {@code k} of {@code n} earns its margin {@code reach μ (k − ½) / n}. */
    private static double pays(double worth, double leastMargin, double reach, int k, int n, double cost,
            double rebate, double tax) {
        double margin = reach * leastMargin * (k - 0.5) / n;
        return (worth / (1 + margin) - cost + rebate) / (1 + tax);
    }
}
