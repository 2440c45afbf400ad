package org.chokepoint.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A consortium's harm restated in base-year dollars, as the rest of a run's money is: buyers paid $100 m of 2009
 * dollars beyond the compliant twin's prices and final consumers lost $250 m; in 2024 dollars (313.689 / 214.537 =
 * 1.4622) that is $146.22 m and $365.54 m, while the prices and shares stay as they were.
 */
class CoordinationHarmTest {

    @Test
    void moneyIsRestatedAndPricesAndSharesAreNot() {
        double deflator = 313.689 / 214.537;
        CoordinationHarm harm = new CoordinationHarm(List.of(new CoordinationHarm.ProductHarm("JP", "resin",
                1040.0, 1000.0, 0.04, 100e6, 0.037)), -250e6);
        CoordinationHarm in2024 = harm.scaled(deflator);
        CoordinationHarm.ProductHarm p = in2024.membersProducts().get(0);
        assertEquals(146.2167e6, p.paidBeyondTwinPricesUsd(), 1e3);
        assertEquals(-365.5418e6, in2024.finalConsumerSurplusChangeUsd(), 1e3);
        assertEquals(1040.0, p.meanPrice(), 0.0);
        assertEquals(1000.0, p.meanPriceCompliantTwin(), 0.0);
        assertEquals(0.04, p.overcharge(), 0.0);
        assertEquals(0.037, p.outputLostShare(), 0.0);
    }
}
