package org.chokepoint.agent;

/**
 * A firm whose supply of an input is threatened makes its stock of it last ({@code precaution.stretchWeeks}):
 * with a share r of its supply at risk it expects to keep receiving {@code (1 - r)} of its use and spreads the
 * stock it holds over the stretch, so in a tick it makes at most {@code (1 - r) q + stock / (a T)}, q its plan,
 * a the input per unit of output and T the stretch in ticks. Japan's crackers cut their runs within days of the
 * Hormuz closure, weeks before their feedstock would have run out; a firm that ran flat out until its stock was
 * gone would lose all its output at once, the least valuable no sooner than the most. Without risk the bound
 * lies above the plan and does nothing. With r = 1 for good the stock falls by a share {@code 1/T} a tick and
 * the firm never quite runs dry: it buys time for supply to return or for the price to bring substitutes in.
 */
final class StockStretch implements java.io.Serializable {
    private final double ticks;

    /** @param ticks the stretch T in ticks; 0 turns it off */
    StockStretch(double ticks) {
        this.ticks = ticks;
    }

    boolean on() {
        return ticks > 0;
    }

    /** The most output a firm planning {@code planned} makes from {@code stock} of an input with a at risk r. */
    double most(double planned, double a, double stock, double r) {
        if (r <= 0 || ticks <= 0) {
            return planned;
        }
        return (1 - r) * planned + stock / (a * ticks);
    }
}
