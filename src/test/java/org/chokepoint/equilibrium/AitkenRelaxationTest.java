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
        r.endRound(Math.abs(recomputed - x));
        return kept;
    }

    /**
     * {@code g(x) = 8 - 3x} answers back three times as steeply as it is moved, so taking each change whole swings
     * ever wider around its fixed point 2: 0, 8, -16, 56 (changes 8, 24, 72). The third change is no narrower than
     * the first, so the share is worked out from the last two, -24 and 72, taken at a share of 1:
     * {@code -1 × (-24)(72 + 24) / 96² = 1/4 = 1 / (1 - g')}. From 56 the next round computes -160 and keeps
     * {@code 56 + (-160 - 56) / 4 = 2}, the fixed point.
     */
    @Test
    void aWedgeThatAnswersBackThreeToOneIsSettledInTheRoundAfterTheSwingIsSeen() {
        AitkenRelaxation r = new AitkenRelaxation(1);
        double x = 0;
        double[] path = {8, -16, 56};
        for (double expected : path) {
            x = round(r, x, 8 - 3 * x);
            assertEquals(expected, x, 0.0);
        }
        assertEquals(0.25, r.share(), 1e-15);
        x = round(r, x, 8 - 3 * x);
        assertEquals(2.0, x, 1e-12);
    }

    /**
     * {@code g(x) = 1 + x / 2} contracts by half each round (1, 1.5, 1.75, ...): the rounds narrow, every change is
     * taken whole, and each kept value is exactly the recomputed one.
     */
    @Test
    void aContractingWedgeTakesEveryChangeWhole() {
        AitkenRelaxation r = new AitkenRelaxation(1);
        double x = 0;
        for (int k = 1; k <= 30; k++) {
            double recomputed = 1 + x / 2;
            x = round(r, x, recomputed);
            assertEquals(recomputed, x, 0.0);
            assertEquals(2 - Math.pow(2, 1 - k), x, 1e-15);
        }
        assertEquals(1.0, r.share(), 0.0);
    }
}
