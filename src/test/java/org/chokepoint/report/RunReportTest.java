package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The run report's "prices at a glance": each price over its market's pre-shock level. */
class RunReportTest {

    @Test
    void aPriceIsDrawnAsAMultipleOfItsPreShockLevel() {
        assertArrayEquals(new double[] {1.0, 1.5, 0.0}, RunReport.relative(new double[] {40, 60, 0}, 40), 1e-12);
    }

    @Test
    void aMarketWithoutAPreShockPriceHasNoMultipleToDraw() {
        // A CfD that floods the US NdPr market drove its price to 0 before the shock; the summary's peak multiple is
        // n/a, and the counterfactual's positive prices over 0 were drawn at -Infinity in the page's SVG.
        double[] none = RunReport.relative(new double[] {55.2, 0, 3.1}, 0);

        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN}, none);
    }
}
