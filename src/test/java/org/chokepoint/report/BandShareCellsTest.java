package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.chokepoint.experiment.BandShare;
import org.junit.jupiter.api.Test;

/**
 * The cells a band's share takes in the ensemble and comparison pages say what the terminal line says: a share
 * that whole percent would round to none or to all, with runs outside or inside, is written to a tenth.
 */
class BandShareCellsTest {

    /** {@code count} runs of the value 1 and the rest of the value 3, against the band [0, 2]. */
    private static BandShare.Share inside(int count, int of) {
        double[] values = new double[of];
        Arrays.fill(values, 3.0);
        Arrays.fill(values, 0, count, 1.0);
        return new BandShare("totals.fiscalCost", 0, 2).of(values);
    }

    @Test
    void oneRunOutsideOf200IsNotAllOfThem() {
        // 199 of 200 is 99.5%; Wilson's 95% interval for it is 97.2% to 99.9%, which whole percent gives as 97 to
        // 100, as the terminal does.
        BandShare.Share s = inside(199, 200);
        assertEquals("totals.fiscalCost in [0, 2]: 199 of 200 runs (99.5%, 95% CI 97-100%)", s.describe());
        assertEquals("<td>199 of 200</td><td>99.5%</td><td>97% to 100%</td>", EnsembleReport.shareCells(s));
    }

    @Test
    void oneRunInsideOf300IsNotNoneOfThem() {
        // 1 of 300 is 0.33%, which rounds to 0.3%, not to the 0% that says no run met the mark.
        BandShare.Share s = inside(1, 300);
        // Its interval, 0.06% to 1.9%, is written in whole percent, 0% to 2%, as the terminal writes it.
        assertEquals("<td>1 of 300</td><td>0.3%</td><td>0% to 2%</td>", EnsembleReport.shareCells(s));
    }

    @Test
    void aShareWholePercentReadsRightStaysWhole() {
        // 7 of 40 is 17.5%, written as the terminal writes it, 18%; 0 of 6 is none and says so.
        assertEquals("<td>7 of 40</td><td>18%</td><td>9% to 32%</td>", EnsembleReport.shareCells(inside(7, 40)));
        assertEquals("<td>0 of 6</td><td>0%</td><td>0% to 39%</td>", EnsembleReport.shareCells(inside(0, 6)));
    }
}
