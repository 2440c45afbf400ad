package org.chokepoint.market;

/**
 * Every (region, commodity) market: its order book, its quoted price and what happened in it this tick.
 * The arrays are indexed by market and reused; {@link #beginTick()} zeroes the flows.
 */
public final class Markets implements java.io.Serializable {
    private final OrderBook[] books;
    /** The quoted price: the last clearing price, or where the quote moved without a crossing. */
    private final double[] price;
    /** Whether an agent of any kind trades in the market; markets nobody uses are not reported. */
    private final boolean[] used;
    private final double priceAdjustment;
    /** Markets that trade at a contract price revised by formula, rationing the long side pro rata. */
    private final boolean[] contract;
    /**
     * A contract market's price for the next tick, revised by its formula when it cleared; NaN where none is
     * pending. It takes effect when the next tick opens, so that everything settled and recorded this tick
     * reads the price the goods traded at.
     */
    private final double[] revisedContractPrice;
    private double contractAdjustment = 0.02;
    private final int regions;
    private final Ledger ledger;
    private final Shipping shipping;

    /**
     * @param initialPrice per market, {@code [region * commodities + commodity]}
     */
    public Markets(int regions, int commodities, double[] initialPrice, double priceAdjustment) {
        int count = regions * commodities;
        this.regions = regions;
        books = new OrderBook[count];
        for (int m = 0; m < count; m++) {
            books[m] = new OrderBook();
        }
        price = initialPrice.clone();
        used = new boolean[count];
        contract = new boolean[count];
        revisedContractPrice = new double[count];
        java.util.Arrays.fill(revisedContractPrice, Double.NaN);
        this.priceAdjustment = priceAdjustment;
        ledger = new Ledger(count, regions);
        shipping = new Shipping(ledger, commodities);
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

    /** Where every movement of goods and money of this tick is booked. */
    public Ledger ledger() {
        return ledger;
    }

    /** Cargo at sea, of every carrier. */
    public Shipping shipping() {
        return shipping;
    }

    /** The quoted price: the last clearing price, or where the quote moved without a crossing. */
    public double price(int market) {
        return price[market];
    }

    /** Quotes a market at a price before the first tick, as a run that starts at rest does. */
    public void startAt(int market, double price) {
        this.price[market] = price;
    }

    public boolean used(int market) {
        return used[market];
    }

    /** Marks every market some participant trades in (see {@link Participant#markMarkets}). */
    public void markUsed(Participant p) {
        p.markMarkets(used);
    }

    public boolean contractPriced(int market) {
        return contract[market];
    }

    /** Makes a market trade at a contract price revised by formula. */
    public void setContractPriced(int market, boolean contractPriced) {
        contract[market] = contractPriced;
    }

    /**
     * Opens a tick: every book and every flow starts empty, and a contract price revised when its market last
     * cleared takes effect.
     */
    public void beginTick() {
        ledger.open();
        for (int m = 0; m < books.length; m++) {
            books[m].reset();
            if (!Double.isNaN(revisedContractPrice[m])) {
                price[m] = revisedContractPrice[m];
                revisedContractPrice[m] = Double.NaN;
            }
        }
    }

    /**
     * The share of the gap between a contract price and its formula's target (see
     * {@link #clearAtContractPrice}) closed from one tick to the next.
     */
    public void setContractAdjustment(double share) {
        this.contractAdjustment = share;
    }

    /**
     * Clears one market and moves its quoted price. Without a crossing the quote moves toward excess demand,
     * by at most {@code priceAdjustment} of itself: up toward the best bid when only buyers came, down toward
     * the best ask when only sellers came, toward the middle of the spread when both came but did not meet.
     * A quote never passes the best price someone offered, so a market nobody sells in does not drift off
     * on its own. A quote of zero moves to the best bid, or the middle of the spread, in one tick.
     */
    public void clear(int market) {
        OrderBook b = books[market];
        if (contract[market]) {
            clearAtContractPrice(market, b);
            return;
        }
        b.clear();
        if (b.crossed()) {
            price[market] = b.price();
            ledger.traded(market, b.volume());
            return;
        }
        double p = price[market];
        // The step is a share of the quote; a quote of zero (a crossing at a zero ask) has no scale, and a share
        // of it would hold it at zero for good while buyers bid on it: it moves to the prices offered instead.
        double up = p > 0 ? p * (1 + priceAdjustment) : Double.POSITIVE_INFINITY;
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
     * short, as suppliers on formula prices allocate to their customers in a shortage. The price for the next
     * tick then closes {@code contractAdjustment} of its gap to the formula's target: the sellers' mean ask,
     * raised by the share of demand left unserved when supply falls short.
     */
    private void clearAtContractPrice(int market, OrderBook b) {
        double p = price[market];
        b.clearAtPrice(p);
        ledger.traded(market, b.volume());
        double s = b.supplyAtPrice();
        double d = b.demandAtPrice();
        // The formula follows the suppliers' costs, which their asks state, and rises by the share of demand
        // left unserved when supply falls short.
        double offered = 0;
        double value = 0;
        for (int i = 0, n = b.askCount(); i < n; i++) {
            offered += b.askQuantity(i);
            value += b.askQuantity(i) * b.askLimit(i);
        }
        double target = offered > 0 ? value / offered : p;
        if (d > s && d > 0) {
            target *= 1 + (d - s) / d;
        }
        revisedContractPrice[market] = p + contractAdjustment * (target - p);
    }

    /**
     * After clearing: whether sellers had nothing left at the price buyers were willing to pay, so that final
     * demand still bidding at or above the price went unmet.
     */
    public boolean supplyExhausted(int market) {
        OrderBook book = books[market];
        return !book.crossed() || book.volume() >= book.askVolume()
                || (contract[market] && book.demandAtPrice() > book.supplyAtPrice());
    }
}
