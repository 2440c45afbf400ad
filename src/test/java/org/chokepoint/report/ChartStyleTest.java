package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Figures of the reports' tables, written as a reader reads them. */
class ChartStyleTest {

    /**
     * A run of the naphtha case 6-7 scenario (seed 3) made more naphtha in Japan than its counterfactual: its output
     * lost was written "-1,585 (-6.24%)", with a hyphen, in the row under consumers' "−$8.9 bn", with a minus sign.
     * Both are minus signs now, and a figure that rounds to nothing has no sign at all.
     */
    @Test
    void aNegativeFigureHasTheMinusSignMoneyHas() {
        assertEquals("\u22121,585", ChartStyle.figure(-1585.2));
        assertEquals("\u22126.24", ChartStyle.figure(-6.2446));
        assertEquals("\u22120.052", ChartStyle.figure(-0.0523));
        assertEquals("\u2212$8.9 m", ChartStyle.money(-8.9e6));
        assertEquals("0", ChartStyle.figure(-0.0001));
        assertEquals("0", ChartStyle.figure(-0.0));
        assertEquals("\u221242", ChartStyle.figure(-42));
        assertEquals("1,585", ChartStyle.figure(1585.2));
        assertEquals("0.052", ChartStyle.figure(0.0523));
        assertEquals("n/a", ChartStyle.figure(Double.NaN));
    }

    /**
     * Money keeps its minus sign, and drops it as a figure does where the amount rounds to nothing: a difference of
     * a few cents below zero, the noise of summing two runs' accounts, was written "\u2212$0".
     */
    @Test
    void anAmountThatRoundsToNoDollarsHasNoSign() {
        assertEquals("$0", ChartStyle.money(-0.3));
        assertEquals("$0", ChartStyle.money(-0.0));
        assertEquals("\u2212$1", ChartStyle.money(-0.6));
        assertEquals("\u2212$420", ChartStyle.money(-420));
        assertEquals("\u2212$3.41 bn", ChartStyle.money(-3.41e9));
        assertEquals("$0", ChartStyle.money(0.3));
    }
}
