package org.chokepoint.market;

/**
 * Cargo at sea, for every carrier of the model (traders and consortia alike): each carrier has an account
 * for one destination market, holding what it has at sea by arrival tick on a ring of slots, on two lanes:
 * the direct route, and the detour round a restriction through a third country. Shipping books the export
 * when cargo leaves and the import when it lands, in the {@link Ledger}; the carrier books its own stock.
 *
 * <p>Cargo is declared to its partner regions as it travels: direct cargo leaves for the account's region and
 * lands from the region it was bought in; detoured cargo leaves for, and lands from, the third country.
 */
public final class Shipping implements java.io.Serializable {
    public static final int DIRECT = 0;
    public static final int DETOUR = 1;

    private final Ledger ledger;
    private final int commodities;
    private int accounts;
    private int[] destination = new int[4];
    private int[] base = new int[4];
    private int[] slots = new int[4];
    private int size;
    /** Per slot and lane, {@code [2 * (base + slot) + lane]}: quantity at sea, its value, the region it lands from. */
    private double[] cargo = new double[0];
    private double[] value = new double[0];
    private int[] from = new int[0];
    private double landedValue;
    /**
     * The last ring size and tick whose slot was asked for, and that slot ({@code tick % ring}): every account of
     * a walk over the traders asks for the same one, and the integer division costs as much as the rest of a
     * landing. Shipping is used from one thread at a time, as the ledger it books in is.
     */
    private int memoRing;
    private int memoTick = -1;
    private int memoSlot;

    /** @param commodities commodities per region: a market's region is {@code market / commodities} */
    Shipping(Ledger ledger, int commodities) {
        this.ledger = ledger;
        this.commodities = commodities;
    }

    /**
     * Opens an account for cargo bound for one market.
     *
     * @param ringSlots ticks the ring holds; a voyage longer than {@code ringSlots - 1} ticks lands after that many
     * @return the account, for {@link #ship} and {@link #land}
     */
    public int open(int destinationMarket, int ringSlots) {
        if (accounts == destination.length) {
            destination = java.util.Arrays.copyOf(destination, 2 * accounts);
            base = java.util.Arrays.copyOf(base, 2 * accounts);
            slots = java.util.Arrays.copyOf(slots, 2 * accounts);
        }
        destination[accounts] = destinationMarket;
        base[accounts] = size;
        slots[accounts] = ringSlots;
        size += ringSlots;
        if (2 * size > cargo.length) {
            int n = Math.max(2 * size, 2 * cargo.length);
            cargo = java.util.Arrays.copyOf(cargo, n);
            value = java.util.Arrays.copyOf(value, n);
            from = java.util.Arrays.copyOf(from, n);
        }
        return accounts++;
    }

    /**
     * Cargo bought in {@code originMarket} leaves as an export and goes to sea.
     *
     * @param via the third country of a detour (on lane {@link #DETOUR}), or -1
     * @param valueUsd what the cargo cost, carried with it to landing
     * @return the tick it lands, {@code tick} itself for a voyage of no time
     */
    public int ship(int account, int lane, int originMarket, int via, int tick, int transitTicks, double quantity,
                    double valueUsd) {
        int ring = slots[account];
        int voyage = Math.min(transitTicks, ring - 1);
        int arrival = tick + voyage;
        int slot;
        if (voyage >= 0 && tick >= 0) {
            // arrival % ring, from tick % ring: the voyage is shorter than the ring, so it wraps at most once.
            slot = slotOf(ring, tick) + voyage;
            if (slot >= ring) {
                slot -= ring;
            }
        } else {
            slot = arrival % ring;
        }
        int k = 2 * (base[account] + slot) + lane;
        ledger.exported(originMarket, via >= 0 ? via : destination[account] / commodities, quantity);
        cargo[k] += quantity;
        value[k] += valueUsd;
        from[k] = via >= 0 ? via : originMarket / commodities;
        return arrival;
    }

    /**
     * Cargo that left before the run began and lands at {@code arrivalTick}: at sea when the run starts, so
     * no export is booked for it; it lands as an import from {@code originRegion} like any other.
     */
    public void preload(int account, int lane, int originRegion, int arrivalTick, double quantity) {
        int ring = slots[account];
        int k = 2 * (base[account] + Math.min(arrivalTick, ring - 1) % ring) + lane;
        cargo[k] += quantity;
        from[k] = originRegion;
    }

    /**
     * What is due on one lane of an account this tick lands as an import in its market and leaves the sea.
     *
     * @return the quantity landed; {@link #landedValue()} is its value
     */
    public double land(int account, int lane, int tick) {
        int k = 2 * (base[account] + slotOf(slots[account], tick)) + lane;
        double q = cargo[k];
        landedValue = value[k];
        if (q > 0) {
            ledger.imported(destination[account], from[k], q);
            cargo[k] = 0;
            value[k] = 0;
        }
        return q;
    }

    private int slotOf(int ring, int tick) {
        if (tick != memoTick || ring != memoRing) {
            memoRing = ring;
            memoTick = tick;
            memoSlot = tick % ring;
        }
        return memoSlot;
    }

    /** The value of what the last {@link #land} landed. */
    public double landedValue() {
        return landedValue;
    }

    /**
     * Adds, per destination market, everything at sea bound for it, and the value the carriers carry it at (what
     * it cost them, for a carrier whose surplus pays for cargo only when it hands it on; 0 for a trader's).
     */
    public void addAtSea(double[] quantityByMarket, double[] valueByMarket) {
        for (int a = 0; a < accounts; a++) {
            int m = destination[a];
            for (int k = 2 * base[a], end = 2 * (base[a] + slots[a]); k < end; k++) {
                quantityByMarket[m] += cargo[k];
                valueByMarket[m] += value[k];
            }
        }
    }

    /** Everything the account has at sea, both lanes. */
    public double atSea(int account) {
        double s = 0;
        for (int k = 2 * base[account], end = 2 * (base[account] + slots[account]); k < end; k += 2) {
            s += cargo[k] + cargo[k + 1];
        }
        return s;
    }
}
