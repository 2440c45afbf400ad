package org.chokepoint.policy;

import org.chokepoint.market.OrderBook;

/**
 * A government's policy instrument: in force during {@code [start, end)}, known to traders from its
 * announcement tick. Each instrument keeps its own accounting. The model calls the hooks in tick order:
 * {@link #beginTick} in the events phase, {@link #postOrders} when agents post orders, {@link #settle} for
 * each of its filled orders, {@link #endTick} after production. Trade restrictions answer through the
 * {@link TradeMeasure} methods.
 */
public abstract class Instrument implements TradeMeasure {
    protected final String id;
    /** Index of the region whose government applies the instrument. */
    protected final int region;
    protected final int announce;
    protected final int start;
    protected final int end;

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

    public void beginTick(PolicyContext ctx) { }

    /** Posts the government's own orders (a stockpile buying or releasing); {@code owner} tags them. */
    public void postOrders(PolicyContext ctx, int owner, OrderBook[] books) { }

    /** Books a fill of one of this instrument's orders: {@code bought} true for a purchase. */
    public void settle(PolicyContext ctx, int market, double quantity, double price, boolean bought) { }

    public void endTick(PolicyContext ctx) { }

    /**
     * What the instrument did over the run, under stable names (purchases, releases, compliance, capacity
     * added...), for the run's summary; empty by default.
     */
    public java.util.Map<String, Double> indicators() {
        return java.util.Map.of();
    }

    /** Quantity the instrument holds in a market's region and commodity (a stockpile), for the mass balance. */
    public double stockIn(int market) {
        return 0;
    }
}
