package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rounds' share of each change, on one wedge {@code x} recomputed each round as {@code g(x)}.
 */
class AitkenRelaxationTest {

    /** One round: the wedge recomputed, moved, the round ended with its relative change. */
    private static double round(AitkenRelaxation r, double x, double recomputed) {
        double kept = r.move(0, x, recomputed, 1.0);
        r.endRound(Math.abs(recomputed - x), false);
        return kept;
    }

    /**
     * {@code g(x) = 8 - 3x} answers back three times as steeply as it is moved, so taking each change whole swings
     * ever wider around its fixed point 2: 0, 8, -16, 56 (changes 8, 24, 72). The third change is no narrower than
     * the first, so the share is worked out from the last two, -24 and 72, the first taken at a share of 1:
     * {@code -1 × (-24)(72 + 24) / 96² = 1/4 = 1 / (1 - g')}. From 56 the next round computes -160 and keeps
     * {@code 56 + (-160 - 56) / 4 = 2}, the fixed point. That round's change, -216, was taken at a quarter, and
     * the one after it is 0: {@code -1/4 × (-216)(0 + 216) / 216² = 1/4} again, which only holds if the share the
     * earlier change was taken at enters the reading.
     */
    @Test
    void aWedgeThatAnswersBackThreeToOneIsSettledInTheRoundAfterTheSwingIsSeen() {
        AitkenRelaxation r = new AitkenRelaxation(1, 0);
        double x = 0;
        double[] path = {8, -16, 56};
        for (double expected : path) {
            x = round(r, x, 8 - 3 * x);
            assertEquals(expected, x, 0.0);
        }
        assertEquals(0.25, r.share(), 1e-15);
        x = round(r, x, 8 - 3 * x);
        assertEquals(2.0, x, 1e-12);
        assertEquals(0.25, r.share(), 1e-15);
        x = round(r, x, 8 - 3 * x);
        assertEquals(2.0, x, 1e-12);
        assertEquals(0.25, r.share(), 1e-15);
    }

    /**
     * {@code g(x) = 4 - x} swings between 4 and 0 without widening or narrowing (changes 4, 4, 4): a change no smaller
     * than the one two rounds before counts as a swing. The share read from -4 and 4 is
     * {@code -1 × (-4)(4 + 4) / 8² = 1/2 = 1 / (1 - (-1))}, and from 4 the next round keeps {@code 4 + (0 - 4) / 2 = 2}.
     */
    @Test
    void aSwingThatNeitherWidensNorNarrowsIsSettledToo() {
        AitkenRelaxation r = new AitkenRelaxation(1, 0);
        double x = 0;
        for (double expected : new double[] {4, 0, 4}) {
            x = round(r, x, 4 - x);
            assertEquals(expected, x, 0.0);
        }
        assertEquals(0.5, r.share(), 1e-15);
        x = round(r, x, 4 - x);
        assertEquals(2.0, x, 1e-15);
    }

    /**
     * {@code g(x) = 0.1 + 0.1x} contracts from 100.3 to 1/9 by a tenth a round: the rounds narrow, every change is
     * taken whole, and each kept value is exactly the recomputed one, not the old one moved by the whole change
     * (which differs in the last bit in two of these rounds).
     */
    @Test
    void aContractingWedgeTakesEveryChangeWhole() {
        AitkenRelaxation r = new AitkenRelaxation(1, 0);
        double x = 100.3;
        for (int k = 1; k <= 30; k++) {
            double recomputed = 0.1 + 0.1 * x;
            x = round(r, x, recomputed);
            assertEquals(recomputed, x, 0.0);
        }
        assertEquals(1.0 / 9, x, 1e-15);
        assertEquals(1.0, r.share(), 0.0);
    }

    /** A swing no larger than the solver's noise near the solution is not read as one. */
    @Test
    void changesWithinTheNoiseDoNotEngageTheShare() {
        AitkenRelaxation r = new AitkenRelaxation(1, 1e-6);
        double x = 0;
        for (int k = 0; k < 6; k++) {
            double recomputed = 1e-7 - x;
            x = round(r, x, recomputed);
            assertEquals(recomputed, x, 0.0);
        }
        assertEquals(1.0, r.share(), 0.0);
    }

    /**
     * {@code g(x) = 1 + 0.9x} narrows toward its fixed point 10 by a tenth of what is left a round: from 0, 1 and 1.9
     * (changes 1 and 0.9), some 220 rounds to come within 1e-9 of it. Told after the second that the rounds crawl, the
     * share is read from those two changes, {@code -1 × 1 × (0.9 - 1) / 0.1² = 10 = 1 / (1 - 0.9)}, above one, and
     * the next round keeps {@code 1.9 + 10 (2.71 - 1.9) = 10}, the fixed point, which the round after leaves where it
     * is. Not told, the share stays at one and the rounds take each change whole.
     */
    @Test
    void aWedgeThatFollowsNineTenthsOfItsChangeIsSettledOnceTheRoundsAreFoundToCrawl() {
        AitkenRelaxation r = new AitkenRelaxation(1, 0);
        double x = r.move(0, 0, 1, 1.0);
        r.endRound(1, false);
        assertEquals(1.0, x, 0.0);
        double kept = r.move(0, x, 1 + 0.9 * x, 1.0);
        r.endRound(0.9, true);
        assertEquals(1.9, kept, 1e-15);
        assertEquals(10.0, r.share(), 1e-12);
        x = r.move(0, kept, 1 + 0.9 * kept, 1.0);
        assertEquals(10.0, x, 1e-12);
        assertEquals(10.0, r.move(0, x, 1 + 0.9 * x, 1.0), 1e-12);

        AitkenRelaxation whole = new AitkenRelaxation(1, 0);
        x = 0;
        for (int k = 0; k < 5; k++) {
            x = round(whole, x, 1 + 0.9 * x);
            assertEquals(1.0, whole.share(), 0.0);
        }
        assertEquals(10 - 10 * Math.pow(0.9, 5), x, 1e-12);
    }
}
