package org.chokepoint.market;

/**
 * Packs the kind of agent behind an order and its index into the {@code int} an {@link OrderBook} carries,
 * so settling a market needs no object per order.
 */
public final class Owner {
    public static final int FIRM = 0;
    public static final int FIRM_INPUT = 1;
    public static final int HOUSEHOLD = 2;
    public static final int TRADER = 3;
    public static final int GOVERNMENT = 4;
    public static final int CONSORTIUM = 5;
    /** A trader's order for cargo to go round a restriction through a third country. */
    public static final int TRADER_DETOUR = 6;
    /** A trader's order, in its origin's or its destination's market, for stock held on speculation. */
    public static final int TRADER_STORE = 7;

    private static final int SHIFT = 28;
    private static final int MASK = (1 << SHIFT) - 1;

    private Owner() { }

    public static int of(int kind, int index) {
        return (kind << SHIFT) | index;
    }

    public static int kind(int owner) {
        return owner >>> SHIFT;
    }

    public static int index(int owner) {
        return owner & MASK;
    }
}
