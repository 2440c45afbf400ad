package org.chokepoint.market;

import it.unimi.dsi.fastutil.doubles.DoubleArrays;

/**
 * The orders of one market for one tick, and their uniform-price clearing.
 *
 * <p>Orders live in parallel primitive arrays that grow when needed and are reused tick after tick,
 * so clearing allocates nothing once the book has reached its working size. An owner is an opaque
 * {@code int} chosen by the caller; the book never interprets it.
 *
 * <p>Clearing is a call auction: asks sorted by rising price, bids by falling price; the traded volume
 * is the largest volume at which every filled buyer's limit is at or above every filled seller's limit.
 * Orders strictly inside the crossing fill in full; the orders at the marginal price level share what
 * remains of it pro rata to their size. The price is the middle of the interval that clears the book:
 * from the highest of the marginal ask and the best bid left unfilled, to the lowest of the marginal bid
 * and the best ask left unfilled. With excess supply this is the marginal ask, with excess demand the
 * marginal bid.
 */
public final class OrderBook implements java.io.Serializable {

    /**
     * What is left of a price level below this fraction of it is rounding dust, and the level counts as
     * exhausted: otherwise whether two sums of tied quantities meet exactly depends on the order they were
     * added in, and with it the price.
     */
    private static final double DUST = 1e-9;

    private double[] askPrice;
    private double[] askQty;
    private double[] askFill;
    private int[] askOwner;
    private int[] askOrder;
    private int asks;

    private double[] bidPrice;
    private double[] bidQty;
    private double[] bidFill;
    private int[] bidOwner;
    private int[] bidOrder;
    private int bids;

    /** Sizes of the sides when they were last sorted; -1 when the order is not worth reusing. */
    private int sortedAsks = -1;
    private int sortedBids = -1;

    private double price = Double.NaN;
    private double volume;
    private boolean crossed;
    private double bestBid = Double.NaN;
    private double bestAsk = Double.NaN;
    private double askVolume;
    private double bidVolume;

    public OrderBook() {
        this(16);
    }

    public OrderBook(int initialCapacity) {
        int n = Math.max(1, initialCapacity);
        askPrice = new double[n];
        askQty = new double[n];
        askFill = new double[n];
        askOwner = new int[n];
        askOrder = new int[n];
        bidPrice = new double[n];
        bidQty = new double[n];
        bidFill = new double[n];
        bidOwner = new int[n];
        bidOrder = new int[n];
    }

    /** Grows the arrays to hold at least {@code orders} on each side, so a tick never has to. */
    public void ensureCapacity(int orders) {
        while (askPrice.length < orders) {
            growAsks();
        }
        while (bidPrice.length < orders) {
            growBids();
        }
    }

    /** Forgets every order and the last result; keeps the arrays. */
    public void reset() {
        asks = 0;
        bids = 0;
        price = Double.NaN;
        volume = 0;
        crossed = false;
        bestBid = Double.NaN;
        bestAsk = Double.NaN;
        askVolume = 0;
        bidVolume = 0;
    }

    /**
     * Adds a sell order. Orders of zero quantity are ignored.
     *
     * @param limit the lowest acceptable price, finite and not negative
     * @param quantity the most the seller will sell, not negative
     */
    public void addAsk(double limit, double quantity, int owner) {
        if (!(quantity > 0)) {
            return;
        }
        if (!valid(limit, quantity)) {
            throw new IllegalArgumentException("ask needs a finite limit >= 0 and a finite quantity, got " + limit + " x " + quantity);
        }
        if (asks == askPrice.length) {
            growAsks();
        }
        askPrice[asks] = limit;
        askQty[asks] = quantity;
        askFill[asks] = 0;
        askOwner[asks] = owner;
        asks++;
    }

    /**
     * Adds a buy order. Orders of zero quantity are ignored.
     *
     * @param limit the highest acceptable price, finite and not negative
     * @param quantity the most the buyer will buy, not negative
     */
    public void addBid(double limit, double quantity, int owner) {
        if (!(quantity > 0)) {
            return;
        }
        if (!valid(limit, quantity)) {
            throw new IllegalArgumentException("bid needs a finite limit >= 0 and a finite quantity, got " + limit + " x " + quantity);
        }
        if (bids == bidPrice.length) {
            growBids();
        }
        bidPrice[bids] = limit;
        bidQty[bids] = quantity;
        bidFill[bids] = 0;
        bidOwner[bids] = owner;
        bids++;
    }

    /** For an order whose quantity is above zero: a finite limit at or above zero and a finite quantity. */
    private static boolean valid(double limit, double quantity) {
        // One comparison chain: NaN fails every comparison, and neither value can be below zero here.
        return limit >= 0 && limit < Double.POSITIVE_INFINITY && quantity < Double.POSITIVE_INFINITY;
    }

    /**
     * Clears the book. Afterwards {@link #crossed()} tells whether anything traded; the fills, the price and
     * the volume are read with the accessors. Orders at one price are matched as one level, so the order
     * in which tied orders were added never changes what they get.
     */
    public void clear() {
        // The same agents post in the same order tick after tick and their prices move little, so last
        // tick's sorted order is nearly this tick's: start from it when the book has the same size.
        boolean warmAsks = asks == sortedAsks;
        boolean warmBids = bids == sortedBids;
        askVolume = 0;
        for (int i = 0; i < asks; i++) {
            if (!warmAsks) {
                askOrder[i] = i;
            }
            askFill[i] = 0;
            askVolume += askQty[i];
        }
        if (warmBids) {
            reverse(bidOrder, bids);
        }
        bidVolume = 0;
        for (int i = 0; i < bids; i++) {
            if (!warmBids) {
                bidOrder[i] = i;
            }
            bidFill[i] = 0;
            bidVolume += bidQty[i];
        }
        sortedAsks = asks;
        sortedBids = bids;
        volume = 0;
        crossed = false;
        price = Double.NaN;
        if (asks == 0 || bids == 0) {
            bestAsk = asks == 0 ? Double.NaN : minAsk();
            bestBid = bids == 0 ? Double.NaN : maxBid();
            return;
        }
        sort(askOrder, askPrice, asks, warmAsks);
        sort(bidOrder, bidPrice, bids, warmBids);
        reverse(bidOrder, bids);
        bestAsk = askPrice[askOrder[0]];
        bestBid = bidPrice[bidOrder[0]];
        if (bestBid < bestAsk * (1 - LEVEL_BAND)) {
            return;
        }
        match();
    }

    /** Moves an insertion sort may spend, per order, before a quicksort takes over. */
    private static final int INSERTION_BUDGET = 24;
    /**
     * A warm start is tried only when at most one neighbouring pair in this many is out of order: a
     * reshuffled book would spend the insertion sort's whole budget and then be sorted from scratch anyway.
     */
    private static final int WARM_DESCENT_SPACING = 16;

    /**
     * Sorts {@code order[0..n)} by rising price. A warm start tries an insertion sort first, which is linear
     * on a nearly sorted order; if the order has moved too much it stops, leaving a valid permutation that
     * a full sort then finishes.
     */
    private void sort(int[] order, double[] price, int n, boolean warm) {
        if (warm && n < RADIX_THRESHOLD && nearlySorted(order, price, n)
                && insertionSort(order, price, n, (long) INSERTION_BUDGET * n)) {
            return;
        }
        if (n < RADIX_THRESHOLD) {
            DoubleArrays.quickSortIndirect(order, price, 0, n);
        } else {
            // The radix sort is stable: from the order of arrival, tied orders keep it, whatever last tick's
            // order was.
            largeSort.sort(order, price, n);
        }
    }

    private static boolean nearlySorted(int[] order, double[] price, int n) {
        int descents = 0;
        int allowed = n / WARM_DESCENT_SPACING;
        for (int i = 1; i < n; i++) {
            if (price[order[i]] < price[order[i - 1]] && ++descents > allowed) {
                return false;
            }
        }
        return true;
    }

    /** Below this many orders a quicksort beats the radix sort's passes. */
    private static final int RADIX_THRESHOLD = 512;

    private final StablePriceSort largeSort = new StablePriceSort();

    private static boolean insertionSort(int[] order, double[] price, int n, long budget) {
        long moves = 0;
        for (int i = 1; i < n; i++) {
            int o = order[i];
            double p = price[o];
            int j = i - 1;
            while (j >= 0 && price[order[j]] > p) {
                order[j + 1] = order[j];
                j--;
                if (++moves > budget) {
                    order[j + 1] = o;
                    return false;
                }
            }
            order[j + 1] = o;
        }
        return true;
    }

    /**
     * Clears the book at a price set beforehand, as a contract price is: every ask at or below it and every
     * bid at or above it is matched, and the longer side is rationed pro rata to order size. Orders outside
     * the price do not trade. Afterwards {@link #demandAtPrice()} and {@link #supplyAtPrice()} tell what each
     * side wanted at it.
     */
    public void clearAtPrice(double p) {
        askVolume = 0;
        bidVolume = 0;
        double supply = 0;
        double demand = 0;
        bestAsk = Double.NaN;
        bestBid = Double.NaN;
        for (int i = 0; i < asks; i++) {
            askFill[i] = 0;
            askVolume += askQty[i];
            if (askPrice[i] <= p) {
                supply += askQty[i];
            }
            bestAsk = Double.isNaN(bestAsk) ? askPrice[i] : Math.min(bestAsk, askPrice[i]);
        }
        for (int i = 0; i < bids; i++) {
            bidFill[i] = 0;
            bidVolume += bidQty[i];
            if (bidPrice[i] >= p) {
                demand += bidQty[i];
            }
            bestBid = Double.isNaN(bestBid) ? bidPrice[i] : Math.max(bestBid, bidPrice[i]);
        }
        supplyAtPrice = supply;
        demandAtPrice = demand;
        double v = Math.min(supply, demand);
        volume = v;
        crossed = v > 0;
        price = crossed ? p : Double.NaN;
        sortedAsks = -1;
        sortedBids = -1;
        if (!crossed) {
            return;
        }
        double askShare = v / supply;
        double bidShare = v / demand;
        for (int i = 0; i < asks; i++) {
            if (askPrice[i] <= p) {
                askFill[i] = askShare >= 1 ? askQty[i] : askQty[i] * askShare;
            }
        }
        for (int i = 0; i < bids; i++) {
            if (bidPrice[i] >= p) {
                bidFill[i] = bidShare >= 1 ? bidQty[i] : bidQty[i] * bidShare;
            }
        }
    }

    private double supplyAtPrice;
    private double demandAtPrice;

    /** After {@link #clearAtPrice}: the quantity offered at or below the price. */
    public double supplyAtPrice() {
        return supplyAtPrice;
    }

    /** After {@link #clearAtPrice}: the quantity bid at or above the price. */
    public double demandAtPrice() {
        return demandAtPrice;
    }

    private static void reverse(int[] a, int n) {
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private double minAsk() {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < asks; i++) {
            m = Math.min(m, askPrice[i]);
        }
        return m;
    }

    private double maxBid() {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < bids; i++) {
            m = Math.max(m, bidPrice[i]);
        }
        return m;
    }

    /**
     * Walks both sorted sides one price level at a time. A level is every order at one limit price, so
     * ties are rationed together.
     */
    private void match() {
        int[] aOrder = askOrder;
        int[] bOrder = bidOrder;
        double[] aPrice = askPrice;
        double[] bPrice = bidPrice;
        double[] aQty = askQty;
        double[] bQty = bidQty;
        int ai = 0; // first ask of the current ask level
        int bi = 0; // first bid of the current bid level
        double askLeft = 0; // quantity still unmatched at the current ask level
        double bidLeft = 0;
        double askLevel = 0; // total quantity of the current ask level
        double bidLevel = 0;
        double askTaken = 0; // what the current ask level has sold, summed match by match
        double bidTaken = 0;
        double a = 0; // the current levels' prices
        double b = 0;
        int aEnd = 0; // one past the last ask of the current level
        int bEnd = 0;
        double traded = 0;
        double marginalAsk = Double.NaN;
        double marginalBid = Double.NaN;
        // Fill level by level until the next ask level is above the next bid level. A level is found and
        // summed in one pass; most levels are one order.
        while (true) {
            if (askLeft <= 0) {
                if (aEnd > ai) {
                    ai = aEnd; // previous ask level exhausted in full
                }
                if (ai >= asks) {
                    break;
                }
                aEnd = levelEnd(aOrder, aPrice, aQty, ai, asks);
                a = levelPrice;
                askLevel = levelQuantity;
                askLeft = levelQuantity;
                askTaken = 0;
            }
            if (bidLeft <= 0) {
                if (bEnd > bi) {
                    bi = bEnd;
                }
                if (bi >= bids) {
                    break;
                }
                bEnd = levelEnd(bOrder, bPrice, bQty, bi, bids);
                b = levelPrice;
                bidLevel = levelQuantity;
                bidLeft = levelQuantity;
                bidTaken = 0;
            }
            // A bid and an ask that differ only by rounding meet, as orders within a level do.
            if (b < a * (1 - LEVEL_BAND)) {
                break;
            }
            double q = Math.min(askLeft, bidLeft);
            traded += q;
            askLeft -= q;
            bidLeft -= q;
            askTaken += q;
            bidTaken += q;
            marginalAsk = a;
            marginalBid = b;
            // A level is exhausted when what is left of it is nothing or rounding dust.
            if (askLeft <= DUST * askLevel) {
                fillLevel(aOrder, aQty, askFill, ai, aEnd);
                askLeft = 0;
            }
            if (bidLeft <= DUST * bidLevel) {
                fillLevel(bOrder, bQty, bidFill, bi, bEnd);
                bidLeft = 0;
            }
        }
        if (traded <= 0) {
            return;
        }
        // A partly matched level shares what it sold pro rata.
        if (askLeft > 0 && ai < asks) {
            fillLevel(aOrder, aQty, askFill, ai, aEnd, sold(askLevel, askLeft, askTaken, traded) / askLevel);
        }
        if (bidLeft > 0 && bi < bids) {
            fillLevel(bOrder, bQty, bidFill, bi, bEnd, sold(bidLevel, bidLeft, bidTaken, traded) / bidLevel);
        }
        crossed = true;
        volume = traded;
        // The clearing interval: no unfilled bid may be above the price, no unfilled ask below it.
        double lo = marginalAsk;
        double hi = marginalBid;
        int firstUnfilledBid = bidLeft > 0 ? bi : nextLevelStart(bi, bEnd, bids);
        int firstUnfilledAsk = askLeft > 0 ? ai : nextLevelStart(ai, aEnd, asks);
        if (firstUnfilledBid < bids) {
            lo = Math.max(lo, bPrice[bOrder[firstUnfilledBid]]);
        }
        if (firstUnfilledAsk < asks) {
            hi = Math.min(hi, aPrice[aOrder[firstUnfilledAsk]]);
        }
        price = hi < lo ? lo : 0.5 * (lo + hi);
    }

    /**
     * What a partly matched level sold. Counted down, {@code level - left}, it carries the rounding of the
     * level: an ulp of a level of 1e12 is 1e-4, so a sale of a few units from a trader's bid of that size
     * loses its last digits, and the buyers' fills no longer add up to what the sellers sold. Summed match by
     * match, the sale keeps its own digits. Where the two agree to within 2^-32 of the book's volume — a
     * quarter of the billionth within which every market's goods must balance — the counted-down sale is
     * kept, so that results computed before stay the same bytes; beyond it, the summed one is used.
     */
    private static double sold(double level, double left, double taken, double traded) {
        double countedDown = level - left;
        return Math.abs(countedDown - taken) <= SOLD_TOLERANCE * traded ? countedDown : taken;
    }

    /** How far the counted-down sale of a level may stray from the summed one, as a share of the volume. */
    private static final double SOLD_TOLERANCE = 0x1p-32;

    private static int nextLevelStart(int start, int end, int n) {
        return end > start ? end : n;
    }

    /** The quantity of the level {@link #levelEnd} last found. */
    private double levelQuantity;

    /**
     * One past the last order of the price level that starts at {@code start} in {@code order}, finding the
     * level and summing its quantity (into {@link #levelQuantity}) in one pass.
     */
    private int levelEnd(int[] order, double[] prices, double[] qty, int start, int n) {
        double p = prices[order[start]];
        double sum = qty[order[start]];
        int i = start + 1;
        // Limits that differ only by rounding (worked out along different paths from the same prices) are one
        // level; its price is the worst limit in it for its side, so no order trades past its limit.
        double lo = p * (1 - LEVEL_BAND);
        double hi = p * (1 + LEVEL_BAND);
        double worst = p;
        for (int o; i < n && prices[o = order[i]] >= lo && prices[o] <= hi; i++) {
            sum += qty[o];
            worst = prices[o];
        }
        levelQuantity = sum;
        levelPrice = worst;
        return i;
    }

    /**
     * Relative width of a price level: limits closer than this are rounding apart, not priced apart, and a bid
     * and an ask this close meet.
     */
    public static final double LEVEL_BAND = 1e-9;

    /** The price of the level {@link #levelEnd} last found: the worst limit in it for its side. */
    private double levelPrice;

    /** Fills a level in full. */
    private static void fillLevel(int[] order, double[] qty, double[] fill, int from, int to) {
        for (int i = from; i < to; i++) {
            int o = order[i];
            fill[o] = qty[o];
        }
    }

    private static void fillLevel(int[] order, double[] qty, double[] fill, int from, int to, double share) {
        for (int i = from; i < to; i++) {
            int o = order[i];
            fill[o] = share >= 1.0 ? qty[o] : qty[o] * share;
        }
    }

    private void growAsks() {
        int n = askPrice.length * 2;
        askPrice = java.util.Arrays.copyOf(askPrice, n);
        askQty = java.util.Arrays.copyOf(askQty, n);
        askFill = java.util.Arrays.copyOf(askFill, n);
        askOwner = java.util.Arrays.copyOf(askOwner, n);
        askOrder = java.util.Arrays.copyOf(askOrder, n);
    }

    private void growBids() {
        int n = bidPrice.length * 2;
        bidPrice = java.util.Arrays.copyOf(bidPrice, n);
        bidQty = java.util.Arrays.copyOf(bidQty, n);
        bidFill = java.util.Arrays.copyOf(bidFill, n);
        bidOwner = java.util.Arrays.copyOf(bidOwner, n);
        bidOrder = java.util.Arrays.copyOf(bidOrder, n);
    }

    public int askCount() { return asks; }
    public int bidCount() { return bids; }
    public double askLimit(int i) { return askPrice[i]; }
    public double askQuantity(int i) { return askQty[i]; }
    public double askFilled(int i) { return askFill[i]; }
    public int askOwner(int i) { return askOwner[i]; }
    public double bidLimit(int i) { return bidPrice[i]; }
    public double bidQuantity(int i) { return bidQty[i]; }
    public double bidFilled(int i) { return bidFill[i]; }
    public int bidOwner(int i) { return bidOwner[i]; }

    /** Whether the last {@link #clear()} traded anything. */
    public boolean crossed() { return crossed; }
    /** The uniform clearing price, or NaN when nothing traded. */
    public double price() { return price; }
    /** The volume traded by the last clearing. */
    public double volume() { return volume; }
    /** Highest bid limit, NaN when there is no bid. */
    public double bestBid() { return bestBid; }
    /** Lowest ask limit, NaN when there is no ask. */
    public double bestAsk() { return bestAsk; }
    /** Sum of all ask quantities. */
    public double askVolume() { return askVolume; }
    /** Sum of all bid quantities. */
    public double bidVolume() { return bidVolume; }
}
