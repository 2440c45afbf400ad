package org.chokepoint.market;

import java.util.Arrays;

/**
 * Every (region, commodity) market: its order book, its quoted price and what happened in it this tick.
 * The arrays are indexed by market and reused; {@link #beginTick()} zeroes the flows.
 */
public final class Markets {
    private final OrderBook[] books;
    /** The quoted price: the last clearing price, or where the quote moved without a crossing. */
    public final double[] price;
    /** The quoted price at the start of this tick, before clearing. */
    public final double[] previousPrice;
    public final double[] traded;
    public final double[] production;
    public final double[] consumption;
    public final double[] imports;
    public final double[] exports;
    public final double[] unmet;
    /** Imports by origin region: {@code [market * regions + origin]}. */
    public final double[] importsByOrigin;
    /** Exports by destination region: {@code [market * regions + destination]}. */
    public final double[] exportsByDestination;
    /** Government spending net of receipts on the market's commodity in its region, in US dollars. */
    public final double[] fiscalCost;
    /** Import levies and tariffs collected, in US dollars. */
    public final double[] levyRevenue;
    /** Rents earned by holders of quota licences, in US dollars. */
    public final double[] quotaRent;
    /** Revenue minus variable cost of the firms producing in the market, in US dollars. */
    public final double[] producerSurplus;
    /** Whether an agent of any kind trades in the market; markets nobody uses are not reported. */
    public final boolean[] used;
    private final double priceAdjustment;
    /** Markets that trade at a contract price revised by formula, rationing the long side pro rata. */
    public final boolean[] contract;
    private double contractAdjustment = 0.02;

    private final int regions;

    public Markets(int count, int regions, double[] initialPrice, double priceAdjustment) {
        this.regions = regions;
        importsByOrigin = new double[count * regions];
        exportsByDestination = new double[count * regions];
        fiscalCost = new double[count];
        levyRevenue = new double[count];
        quotaRent = new double[count];
        books = new OrderBook[count];
        for (int m = 0; m < count; m++) {
            books[m] = new OrderBook();
        }
        price = initialPrice.clone();
        previousPrice = initialPrice.clone();
        traded = new double[count];
        production = new double[count];
        consumption = new double[count];
        imports = new double[count];
        exports = new double[count];
        unmet = new double[count];
        producerSurplus = new double[count];
        used = new boolean[count];
        contract = new boolean[count];
        this.priceAdjustment = priceAdjustment;
    }

    public int regions() {
        return regions;
    }

    public int count() {
        return books.length;
    }

    public OrderBook book(int market) {
        return books[market];
    }

    public void beginTick() {
        System.arraycopy(price, 0, previousPrice, 0, price.length);
        Arrays.fill(traded, 0);
        Arrays.fill(production, 0);
        Arrays.fill(consumption, 0);
        Arrays.fill(imports, 0);
        Arrays.fill(exports, 0);
        Arrays.fill(unmet, 0);
        Arrays.fill(producerSurplus, 0);
        Arrays.fill(importsByOrigin, 0);
        Arrays.fill(exportsByDestination, 0);
        Arrays.fill(fiscalCost, 0);
        Arrays.fill(levyRevenue, 0);
        Arrays.fill(quotaRent, 0);
        for (OrderBook b : books) {
            b.reset();
        }
    }

    /**
     * Clears one market and moves its quoted price. Without a crossing the quote moves toward excess demand,
     * by at most {@code priceAdjustment} of itself: up toward the best bid when only buyers came, down toward
     * the best ask when only sellers came, toward the middle of the spread when both came but did not meet.
     * A quote never passes the best price someone offered, so a market nobody sells in does not drift off
     * on its own.
     */
    /** Most a contract price moves in a tick, as a share of itself, toward the side that is short. */
    public void setContractAdjustment(double share) {
        this.contractAdjustment = share;
    }

    public void clear(int market) {
        OrderBook b = books[market];
        if (contract[market]) {
            clearAtContractPrice(market, b);
            return;
        }
        b.clear();
        if (b.crossed()) {
            price[market] = b.price();
            traded[market] = b.volume();
            return;
        }
        double p = price[market];
        double up = p * (1 + priceAdjustment);
        double down = p * (1 - priceAdjustment);
        if (b.bidCount() > 0 && b.askCount() == 0) {
            price[market] = Math.max(p, Math.min(up, b.bestBid()));
        } else if (b.askCount() > 0 && b.bidCount() == 0) {
            price[market] = Math.min(p, Math.max(down, b.bestAsk()));
        } else if (b.askCount() > 0) {
            double mid = 0.5 * (b.bestBid() + b.bestAsk());
            price[market] = Math.max(down, Math.min(up, mid));
        }
    }

    /**
     * A contract market trades at its current price, sellers and buyers rationed pro rata when one side is
     * short, as suppliers on formula prices allocate to their customers in a shortage; the price for the
     * next tick then moves toward the short side by at most {@code contractAdjustment} of itself, in
     * proportion to the imbalance.
     */
    private void clearAtContractPrice(int market, OrderBook b) {
        double p = price[market];
        b.clearAtPrice(p);
        traded[market] = b.volume();
        double s = b.supplyAtPrice();
        double d = b.demandAtPrice();
        double larger = Math.max(s, d);
        if (larger > 0) {
            price[market] = p * (1 + contractAdjustment * (d - s) / larger);
        }
    }
}
