package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.chokepoint.experiment.MeanInterval;
import org.junit.jupiter.api.Test;

/**
 * Two options run on the same three seeds. Option A loses 10, 20 and 30 (present values of downstream output lost),
 * option B 12, 19 and 35: A avoids 2, -1 and 5 more than B, on average 2, with a sample standard deviation of
 * √((0² + 3² + 3²) / 2) = 3, so the 95% interval is 2 ± t(0.975; 2) · 3 / √3 = 2 ± 4.302653 · 1.732051 =
 * [-5.452413, 9.452413]: A is ahead in two runs and behind in one, and the runs cannot tell the two apart. Their
 * net fiscal costs, A 5 in every run and B 1, 2 and 3, differ by 4, 3 and 2: 3 more for A, ± 4.302653 / √3 =
 * [0.515862, 5.484138].
 */
class HeadToHeadTest {
    static final double T_2 = 4.302652729911275;

    @Test
    void aRunByRunDifferenceOfTwoOptionsWorkedByHand() {
        HeadToHead p = HeadToHead.of("A", "B", new double[] {10, 20, 30}, new double[] {12, 19, 35},
                new double[] {5, 5, 5}, new double[] {1, 2, 3});
        assertEquals(2, p.avoidedLoss().mean(), 1e-12);
        assertEquals(3, p.avoidedLoss().sd(), 1e-12);
        assertEquals(2 - T_2 * Math.sqrt(3), p.avoidedLoss().ci95Low(), 1e-9);
        assertEquals(-5.452413, p.avoidedLoss().ci95Low(), 1e-6);
        assertEquals(9.452413, p.avoidedLoss().ci95High(), 1e-6);
        assertEquals(2, p.optionAhead());
        assertEquals(1, p.versusAhead());
        assertEquals(3, p.runsCompared());
        assertEquals(3, p.netFiscalCost().mean(), 1e-12);
        assertEquals(0.515862, p.netFiscalCost().ci95Low(), 1e-6);
        assertEquals(5.484138, p.netFiscalCost().ci95High(), 1e-6);
        assertEquals("not told apart", SideBySide.verdict(p.avoidedLoss()));
        assertEquals("ahead", SideBySide.verdict(p.netFiscalCost()), "a difference whose interval is above zero");
    }

    /**
     * B against A is the same pair turned round: each figure's sign turns, its interval's ends swap, and A's runs
     * ahead are B's runs behind.
     */
    @Test
    void readTheOtherWayRoundTheSignsAndTheCountsSwap() {
        HeadToHead p = HeadToHead.of("A", "B", new double[] {10, 20, 30}, new double[] {12, 19, 35},
                new double[] {5, 5, 5}, new double[] {1, 2, 3});
        HeadToHead q = HeadToHead.of("B", "A", new double[] {12, 19, 35}, new double[] {10, 20, 30},
                new double[] {1, 2, 3}, new double[] {5, 5, 5});
        assertEquals(-2, q.avoidedLoss().mean(), 1e-12);
        assertEquals(-p.avoidedLoss().ci95High(), q.avoidedLoss().ci95Low(), 1e-9);
        assertEquals(-9.452413, q.avoidedLoss().ci95Low(), 1e-6);
        assertEquals(5.452413, q.avoidedLoss().ci95High(), 1e-6);
        assertEquals(-3, q.netFiscalCost().mean(), 1e-12);
        assertEquals(-5.484138, q.netFiscalCost().ci95Low(), 1e-6);
        assertEquals(1, q.optionAhead());
        assertEquals(2, q.versusAhead());
        assertEquals(3, q.runsCompared());
    }

    /**
     * A run one option has no figure for counts in neither tally nor in the mean, and a run both lose alike is a tie:
     * A 10, 20, NA, 40 against B 10, 25, 30, 38 leaves differences 0, 5 and -2 over three runs, one each way.
     */
    @Test
    void aRunWithoutTheFigureIsLeftOutAndATieCountsForNeither() {
        HeadToHead p = HeadToHead.of("A", "B", new double[] {10, 20, Double.NaN, 40}, new double[] {10, 25, 30, 38},
                new double[4], new double[4]);
        assertEquals(3, p.runsCompared());
        assertEquals(1, p.optionAhead());
        assertEquals(1, p.versusAhead());
        assertEquals(1, p.avoidedLoss().mean(), 1e-12);
        assertEquals(1, p.avoidedLoss().missing());
        assertEquals(new MeanInterval(4, 0, 0, 0, 0, 0), p.netFiscalCost(), "no budget cost either way: exactly 0");
        assertEquals("not told apart", SideBySide.verdict(p.netFiscalCost()));
    }
}
