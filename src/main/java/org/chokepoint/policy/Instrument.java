package org.chokepoint.policy;

import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.market.Participant;
import org.chokepoint.trade.TradeMeasure;

/**
 * A government's policy instrument: in force during {@code [start, end)}, known to traders from its
 * announcement tick. Each instrument keeps its own accounting and books money and goods in the markets'
 * {@link org.chokepoint.market.Ledger}. It is a {@link Participant} of the tick like any agent: the model calls
 * its hooks in the phases of the tick ({@link #settle} for each of its filled orders). Trade restrictions
 * answer through the {@link TradeMeasure} methods.
 */
public abstract class Instrument implements TradeMeasure, Participant {
    protected final String id;
    /** Index of the region whose government applies the instrument. */
    protected final int region;
    protected final int announce;
    protected final int start;
    protected int end;
    /** When each measure replacing this one starts, and when it is announced. */
    private int[] cutStarts = new int[0];
    private int[] cutAnnounces = new int[0];
    /** The running model as the instrument sees it, from {@link #bind} on. */
    protected PolicyContext ctx;
    private int seat;

    protected Instrument(String id, int region, int announce, int start, int end) {
        this.id = id;
        this.region = region;
        this.announce = Math.min(announce, start);
        this.start = start;
        this.end = end;
    }

    public String id() {
        return id;
    }

    public int region() {
        return region;
    }

    public boolean inForce(int tick) {
        return tick >= start && tick < end;
    }

    /** Announced but not yet in force: the window in which traders front-run a restriction. */
    public boolean announcedAhead(int tick) {
        return tick >= announce && tick < start;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /**
     * Ends the instrument at {@code start} if it would run longer: another measure, announced at {@code announce},
     * replaces it then.
     */
    void cutBy(int start, int announce) {
        end = Math.min(end, start);
        int n = cutStarts.length;
        cutStarts = java.util.Arrays.copyOf(cutStarts, n + 1);
        cutAnnounces = java.util.Arrays.copyOf(cutAnnounces, n + 1);
        cutStarts[n] = start;
        cutAnnounces[n] = announce;
    }

    /**
     * Its end as known at tick {@code now}: {@code scheduled}, the end it was announced with, or the start of a
     * measure replacing it, if one announced by then starts sooner.
     */
    protected int endKnownAt(int now, int scheduled) {
        int known = scheduled;
        for (int i = 0; i < cutStarts.length; i++) {
            if (cutAnnounces[i] <= now) {
                known = Math.min(known, cutStarts[i]);
            }
        }
        return known;
    }

    /**
     * Plants the instrument brings into use or closes this tick, before any instrument's {@link #capOutput} or
     * {@link #beginTick} reads the firms: a production quota then shares the tick's volume among the plants that run in it,
     * whichever of the two measures the scenario lists first. None by default.
     */
    public void changeCapacity(int tick) { }

    /**
     * The most each plant may make this tick, written into {@link PolicyContext#outputCap} after every instrument
     * has changed capacity and before any instrument's {@link #beginTick}: a resilience standard's certificates
     * then clear on what its plants may make, whichever of the two measures the scenario lists first. None by
     * default.
     */
    public void capOutput(int tick) { }

    /** The model hands the instrument its view of the run before the first tick. */
    public void bind(PolicyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void seat(int seat) {
        this.seat = seat;
    }

    /** The owner its orders carry, so their fills come back to it. */
    protected int owner() {
        return Owner.of(seat, 0);
    }

    /**
     * The market whose traders' surplus a charge on an importer's cargo of commodity {@code c} bound for region
     * {@code d} comes off: the destination's, where the cargo sells; none (-1) for a consortium's pool, numbered
     * after the traders, whose members pay the charges in the cost of what they are handed.
     */
    protected int traderMarket(int importer, int d, int c) {
        return importer < ctx.traders().count ? ctx.world().market(d, c) : -1;
    }

    /** An instrument that posts orders declares them; by default it posts none. */
    @Override
    public void countOrders(int[] ordersPerMarket) { }

    @Override
    public final void settleAsks(OrderBook book, int market, int from, int to) {
        double p = ctx.markets().price(market);
        for (int i = from; i < to; i++) {
            double q = book.askFilled(i);
            if (q > 0) {
                settle(market, q, p, false);
            }
        }
    }

    @Override
    public final void settleBids(OrderBook book, int market, int from, int to) {
        if (!book.crossed()) {
            return;
        }
        double p = ctx.markets().price(market);
        for (int i = from; i < to; i++) {
            double q = book.bidFilled(i);
            if (q > 0) {
                settle(market, q, p, true);
            }
        }
    }

    /** Books a fill of one of this instrument's orders: {@code bought} true for a purchase. */
    protected void settle(int market, double quantity, double price, boolean bought) { }

    @Override
    public void addHoldings(double[] stockByMarket) {
        for (int m = 0; m < stockByMarket.length; m++) {
            stockByMarket[m] += stockIn(m);
        }
    }

    /**
     * What the instrument did over the run, under stable names (purchases, releases, compliance, capacity
     * added...), for the run's summary; empty by default.
     */
    public java.util.Map<String, Double> indicators() {
        return java.util.Map.of();
    }

    /**
     * What the instrument did tick by tick, for {@code policies.csv}; none by default. Built once, after the
     * run.
     */
    public java.util.List<PolicySeries> series() {
        return java.util.List.of();
    }

    /**
     * What the households of the instrument's region paid it, or through it, in a tick beyond the market price of what
     * they bought (a resilience standard's premium and penalty on their share of the purchases), US dollars; 0 by
     * default. The ledger books no household purchase, so the consumer surplus takes it from here: the producers or
     * the government it goes to are booked as receiving it, and without it the welfare sum counted the money twice,
     * received and never paid.
     */
    public double householdChargeAt(int tick) {
        return 0;
    }

    /** Quantity the instrument holds in a market's region and commodity (a stockpile), for the mass balance. */
    public double stockIn(int market) {
        return 0;
    }
}
