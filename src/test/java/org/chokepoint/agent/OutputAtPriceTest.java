package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The output at which a firm's marginal cost {@code base + slope (q / cap)^k} reaches a price, worked on the minimal
 * scenario's mine: base 20, slope 30, capacity 100.
 */
class OutputAtPriceTest {

    /** Quadratic (k = 2): at 27.5 marginal cost equals the price at q = 100 * sqrt(7.5 / 30) = 50. */
    @Test
    void aRisingCurveSuppliesWhereMarginalCostMeetsThePrice() throws Exception {
        Firms firms = MinimalMine.firms();
        int mine = MinimalMine.MINE;

        assertEquals(50.0, firms.outputAtPrice(mine, 27.5, 100), 1e-12);
        assertEquals(100.0, firms.outputAtPrice(mine, 50, 100), 0);
        assertEquals(0.0, firms.outputAtPrice(mine, 20, 100), 0);
    }

    /**
     * With k = 0 marginal cost is 20 + 30 = 50 whatever the output: nothing below 50 and the whole capacity from 50
     * on, as the equilibrium's supply curve has it. At exactly 50 the curve's root is 1 to the power of infinity,
     * which is NaN, and a NaN plan would have reached every figure of the run.
     */
    @Test
    void aFlatCurveSuppliesItsCapacityFromItsCostOn() throws Exception {
        Firms firms = MinimalMine.firms();
        int mine = MinimalMine.MINE;
        firms.costExponent[mine] = 0;

        assertEquals(0.0, firms.outputAtPrice(mine, 49.99, 100), 0);
        assertEquals(100.0, firms.outputAtPrice(mine, 50, 100), 0);
        assertEquals(100.0, firms.outputAtPrice(mine, 50.01, 100), 0);
    }
}
