package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StockPriceRatioTest {

    /** η = 0.2 within [0.5, 3]: the ratio moves as the fifth root of wanted over held, and stops at its bounds. */
    @Test
    void theRatioIsWantedOverHeldToTheElasticityWithinItsBounds() {
        assertEquals(Math.pow(0.5, 0.2), StockPriceRatio.of(10, 20, 0.2, 0.5, 3), 1e-15, "twice the stock wanted");
        assertEquals(0.871, StockPriceRatio.of(10, 20, 0.2, 0.5, 3), 5e-4);
        assertEquals(1.149, StockPriceRatio.of(10, 5, 0.2, 0.5, 3), 5e-4, "half of it");
        assertEquals(1.0, StockPriceRatio.of(10, 10, 0.2, 0.5, 3), 0.0, "as much as wanted");
        assertEquals(0.5, StockPriceRatio.of(1, 1e6, 0.2, 0.5, 3), 0.0, "far beyond it: the floor");
        assertEquals(3.0, StockPriceRatio.of(1e6, 1, 0.2, 0.5, 3), 0.0, "far short of it: the ceiling");
    }

    /** Nothing held, or rounding dust below nothing, is short however little is wanted: the ceiling, not NaN. */
    @Test
    void aHolderOfNothingOrLessIsShort() {
        assertEquals(3.0, StockPriceRatio.of(10, 0, 0.2, 0.5, 3), 0.0);
        assertEquals(3.0, StockPriceRatio.of(10, -1e-12, 0.2, 0.5, 3), 0.0);
        assertEquals(3.0, StockPriceRatio.of(0, 0, 0.2, 0.5, 3), 0.0);
    }
}
