package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A firm's supply and its slope, worked by hand from its marginal cost {@code base + slope (q / cap)^k}. */
class CurvesTest {

    /**
     * Base 10, slope 20, capacity 100, linear (k = 1): at a price of 15 marginal cost equals the price at
     * q = 100 * (15 - 10) / 20 = 25, and each dollar more brings 100 / 20 = 5 more.
     */
    @Test
    void aLinearCostCurveSuppliesInProportionToTheMargin() {
        assertEquals(25.0, Curves.supply(15, 100, 10, 20, 1), 1e-12);
        assertEquals(5.0, Curves.supplySlope(15, 100, 10, 20, 1), 1e-12);
        assertEquals(100.0, Curves.supply(31, 100, 10, 20, 1), 1e-12);
        assertEquals(0.0, Curves.supplySlope(31, 100, 10, 20, 1), 0);
    }
}
