package org.chokepoint.agent;

/**
 * The stock-price relation sellers ask and buyers bid by: {@code (wanted / held)^η}, held within the behaviour's
 * {@code minStockPriceRatio} and {@code maxStockPriceRatio}.
 */
final class StockPriceRatio {
    private StockPriceRatio() {
    }

    /**
     * {@code (wanted / held)^η} within {@code [min, max]}; the highest ratio when nothing is held, or less than
     * nothing (a stock summing to rounding dust below zero, whose power would be NaN), for such a holder is short,
     * not long.
     *
     * <p>With η = 0.2 within [0.5, 3]: twice the stock wanted gives {@code 0.5^0.2 = 0.871}; half of it
     * {@code 2^0.2 = 1.149}; none, 3.
     */
    static double of(double wanted, double held, double elasticity, double min, double max) {
        double ratio = held > 0 ? Math.pow(wanted / held, elasticity) : max;
        return ratio < min ? min : Math.min(ratio, max);
    }
}
