package org.chokepoint.agent;

import java.util.Arrays;

/**
 * Each lane's stock and supply line against what its sales need, added up once a tick over its traders, and the
 * ratios all the lane's traders price and bid by: the traders of one lane quote one price and bid one price, so
 * they compete for cargo and customers on equal terms.
 *
 * <p>{@link Traders} adds each trader in as it lands its cargo, before any offer or bid, then asks for the
 * ratios; the arrays are sized by lane when the traders are built.
 */
final class LaneStocks implements java.io.Serializable {
    /** Landed cargo the lane's traders hold, and the stock they are content with after a tick's sales. */
    final double[] stock;
    final double[] target;
    /** Landed cargo and cargo at sea, and what the lane's sales need of both. */
    final double[] held;
    final double[] needed;
    /**
     * Each lane's stock ratios this tick, worked out once for all its traders: the share of its cost-plus price
     * a lane asks ({@code (target / stock)^η}, at most 1), whether its stock is stranded far beyond its target,
     * and the urgency of its bids ({@code (needed / held)^η}).
     */
    final double[] askCut;
    final boolean[] stranded;
    final double[] urgency;
    /** Multiples of its target stock beyond which a lane sells below landed cost. */
    private final double strandedCover;
    /** As every seller's: how far its ask departs from its expected price with its stock, within these bounds. */
    private final double elasticity;
    private final double minRatio;
    private final double maxRatio;

    LaneStocks(int lanes, double strandedCover, double elasticity, double minRatio, double maxRatio) {
        this.strandedCover = strandedCover;
        this.elasticity = elasticity;
        this.minRatio = minRatio;
        this.maxRatio = maxRatio;
        stock = new double[lanes];
        target = new double[lanes];
        held = new double[lanes];
        needed = new double[lanes];
        askCut = new double[lanes];
        stranded = new boolean[lanes];
        urgency = new double[lanes];
    }

    /** Starts the tick's sums from nothing. */
    void clear() {
        Arrays.fill(stock, 0);
        Arrays.fill(target, 0);
        Arrays.fill(held, 0);
        Arrays.fill(needed, 0);
    }

    /**
     * Adds a trader of lane {@code e}: its landed {@code stock} and cargo {@code atSea}, its target of
     * {@code cover + 1} ticks of its normal sales, and the {@code cover} and the voyage of {@code transit} ticks
     * (at least one) of the sales it {@code expected} that its stock and cargo at sea should cover.
     */
    void add(int e, double stock, double atSea, double normalSales, double expected, double cover, int transit) {
        this.stock[e] += stock;
        target[e] += (cover + 1) * normalSales;
        held[e] += stock + atSea;
        needed[e] += (cover + Math.max(1, transit)) * expected;
    }

    /** Each lane's stock ratios (see {@link #askCut}), from its sums of this tick. */
    void ratios() {
        for (int e = 0; e < askCut.length; e++) {
            double wanted = target[e];
            double stocked = stock[e];
            askCut[e] = Math.min(1.0, wanted > 0 ? stockRatio(wanted, stocked) : minRatio);
            stranded[e] = !(stocked <= strandedCover * Math.max(wanted, Double.MIN_NORMAL));
            urgency[e] = stockRatio(needed[e], held[e]);
        }
    }

    /** {@link StockPriceRatio#of} with the lane's elasticity and bounds. */
    private double stockRatio(double wanted, double held) {
        return StockPriceRatio.of(wanted, held, elasticity, minRatio, maxRatio);
    }
}
