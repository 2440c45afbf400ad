package org.chokepoint.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The statistics of stats.json and of a comparison's rows, worked on paper: the quantiles of Student's t are
 * the printed table's, not the library's own, so a wrong degrees of freedom or a one-sided quantile would fail.
 */
class StatisticsTest {

    /**
     * Six runs give 2, 4, 4, 5, 7 and 9, a seventh nothing (NA). Mean 31/6 = 5.1667; squared deviations add
     * up to 30.8333, so sd = √(30.8333 / 5) = 2.4833; t(0.975; 5) = 2.5706 from the table, so the half-width
     * is 2.5706 × 2.4833 / √6 = 2.6060 and the interval 2.5606 to 7.7727. Type 7 quantiles sit at
     * h = 1 + 5p in the sorted values: p5 at 1.25, 2 + 0.25 × 2 = 2.5; p50 at 3.5, 4.5; p95 at 5.75,
     * 7 + 0.75 × 2 = 8.5.
     */
    @Test
    void sixRunsAndOneMissing() {
        Statistics s = Statistics.of(new double[] {7, 2, Double.NaN, 4, 9, 4, 5});
        assertEquals(6, s.n);
        assertEquals(1, s.missing);
        assertEquals(5.16667, s.mean, 1e-5);
        assertEquals(2.48328, s.sd, 1e-5);
        assertEquals(2.5706, Statistics.tQuantile(5), 1e-4);
        assertEquals(2.5606, s.ci95Low, 1e-4);
        assertEquals(7.7727, s.ci95High, 1e-4);
        assertEquals(2.5, s.p5, 1e-12);
        assertEquals(4.5, s.p50, 1e-12);
        assertEquals(8.5, s.p95, 1e-12);
    }

    /** The table's two-sided 95% quantiles: one degree of freedom is wide, thirty-nine near the normal's 1.96. */
    @Test
    void studentsTAsTabulated() {
        assertEquals(12.7062, Statistics.tQuantile(1), 1e-4);
        assertEquals(4.3027, Statistics.tQuantile(2), 1e-4);
        assertEquals(3.1824, MeanInterval.tQuantile(3), 1e-4);
        assertEquals(2.2622, MeanInterval.tQuantile(9), 1e-4);
        assertEquals(2.0227, MeanInterval.tQuantile(39), 1e-4);
    }

    /**
     * A comparison's interval: 1, 2, 3 and 4 have mean 2.5 and sd √(5/3) = 1.2910; with t(0.975; 3) = 3.1824
     * the half-width is 3.1824 × 1.2910 / 2 = 2.0543, the interval 0.4457 to 4.5543. The same values through
     * stats.json's statistics give the same interval.
     */
    @Test
    void aComparisonsIntervalAsWorkedByHand() {
        double[] x = {4, 1, 3, 2};
        MeanInterval m = MeanInterval.of(x);
        assertEquals(2.5, m.mean(), 1e-12);
        assertEquals(1.29099, m.sd(), 1e-5);
        assertEquals(0.4457, m.ci95Low(), 1e-4);
        assertEquals(4.5543, m.ci95High(), 1e-4);
        Statistics s = Statistics.of(x);
        assertEquals(m.ci95Low(), s.ci95Low, 1e-12);
        assertEquals(m.ci95High(), s.ci95High, 1e-12);
    }

    /** One value has a mean and percentiles but no spread; none has nothing; equal values have no width. */
    @Test
    void tooFewValuesGiveNoInterval() {
        Statistics one = Statistics.of(new double[] {3, Double.NaN});
        assertEquals(3, one.mean);
        assertEquals(3, one.p95);
        assertTrue(Double.isNaN(one.sd) && Double.isNaN(one.ci95Low) && Double.isNaN(one.ci95High));
        Statistics none = Statistics.of(new double[] {Double.NaN});
        assertEquals(0, none.n);
        assertTrue(Double.isNaN(none.mean) && Double.isNaN(none.p50));
        MeanInterval same = MeanInterval.of(new double[] {0.1, 0.1, 0.1});
        assertEquals(0.1, same.ci95Low());
        assertEquals(0.1, same.ci95High());
    }
}
