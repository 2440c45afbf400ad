package org.chokepoint.market;

/**
 * The {@code int} an order carries in its {@link OrderBook}: the participant that posted it (its seat in the
 * model's list of participants) and a tag of the participant's own choosing (a firm, an input slot, a trader
 * and the kind of its order), so a fill goes back to whoever posted the order with no object per order.
 */
public final class Owner {
    private static final int SHIFT = 22;
    private static final int MASK = (1 << SHIFT) - 1;
    /** Seats a model can hand out. */
    public static final int MAX_PARTICIPANTS = 1 << (32 - SHIFT - 1);
    /** The largest tag a participant may use. */
    public static final int MAX_TAG = MASK;

    private Owner() { }

    public static int of(int participant, int tag) {
        return (participant << SHIFT) | tag;
    }

    public static int participant(int owner) {
        return owner >>> SHIFT;
    }

    public static int tag(int owner) {
        return owner & MASK;
    }
}
