package org.chokepoint.equilibrium;

import java.util.Arrays;

/**
 * How much of each round's change in the wedges the solver takes. The rounds are a fixed-point iteration: the
 * wedges are fixed, the prices solved, the wedges recomputed from them. Most networks contract at once and take
 * every change whole. Where a wedge answers a price that answers it back more steeply (a recycler's
 * scrap-limited capacity in a thin market whose price its own output sets) the rounds swing instead of
 * settling. Once a round's change is no smaller than the change two rounds before, while the changes are still
 * larger than the solver's own noise, the share taken follows Aitken's dynamic relaxation (Irons and Tuck 1969;
 * Küttler and Wall 2008) for the rest of the solve: it reads from two successive changes how steeply the wedges
 * answer back, {@code g'}, and takes {@code 1 / (1 - g')}, the share that would settle a linear iteration in one
 * step. A reading that makes no sense as a share (the wedges running away in one direction, or a change too
 * large to measure) leaves the share where it was. Where the rounds instead narrow steadily but so slowly that
 * they would not settle in the work left (the solver says so, {@link #endRound(double, boolean)}), the same reading
 * is taken above one too: a wedge that follows {@code g'} of its own change, {@code g'} near one, is carried the
 * rest of the way to its fixed point.
 *
 * <p>The share worked out from a round's change applies from the next round on, since the round's own wedges
 * are set as they are computed (a government's offtake volume is worked out from the output of firms whose
 * support was updated just before it).
 */
final class AitkenRelaxation {
    /** The smallest share taken: a wedge that answers back more steeply than 63 to 1 is not met in practice. */
    static final double MIN_SHARE = 1.0 / 64;
    /**
     * The largest share taken where the rounds crawl: {@code 1 / (1 - g')} for a wedge that follows its own change
     * 0.99999 to 1. Beyond it a round's rounding, amplified by the share, outruns what is left to settle.
     */
    static final double MAX_SHARE = 1e5;

    private double[] residual;
    private double[] previous;
    private double share = 1;
    private double shareOfPrevious = 1;
    private boolean engaged;
    /** Whether the share may exceed one: the rounds were found to crawl toward their fixed point. */
    private boolean accelerating;
    private double lastChange = Double.NaN;
    private double earlierChange = Double.NaN;

    /** Changes at or below this are the solver's noise near the solution, not a swing. */
    private final double noise;

    /**
     * @param terms how many wedges and other terms the rounds recompute
     * @param noise the largest change that does not count as a swing: the rounds near the solution are solved
     *              only about as closely as the wedges move, so their changes wander at that level
     */
    AitkenRelaxation(int terms, double noise) {
        residual = new double[terms];
        previous = new double[terms];
        this.noise = noise;
    }

    /**
     * Term {@code term} moved from {@code was} toward {@code now}: records the change, on the scale of
     * {@code scale}, and returns the value to keep.
     */
    double move(int term, double was, double now, double scale) {
        residual[term] = (now - was) / scale;
        return share == 1 ? now : was + share * (now - was);
    }

    /**
     * Ends a round whose largest relative change was {@code change}, {@code crawling} where the rounds narrow so
     * slowly that they would not settle in the work left; sets the share the next round takes. From the first round
     * found crawling the share follows Aitken's reading above one as well: a wedge that follows its own change
     * {@code g'} to 1, with {@code g'} near one, settles by {@code 1 - g'} of what is left a round taken whole, and in
     * the round after the reading at {@code 1 / (1 - g')}. Once the changes are within the noise the reading is
     * kept as it stands: a quotient of two changes of the rounding is no reading of {@code g'}.
     */
    void endRound(double change, boolean crawling) {
        if (!engaged && earlierChange > 0 && change >= earlierChange && change > noise) {
            engaged = true;
        }
        if (crawling && !accelerating) {
            engaged = true;
            accelerating = true;
        }
        double taken = share;
        if (engaged) {
            double along = 0;
            double squared = 0;
            for (int i = 0; i < residual.length; i++) {
                double d = residual[i] - previous[i];
                along += previous[i] * d;
                squared += d * d;
            }
            double estimate = squared > 0 ? -shareOfPrevious * along / squared : Double.NaN;
            if (estimate > 0 && Double.isFinite(estimate) && !(accelerating && change <= noise)) {
                share = Math.max(MIN_SHARE, Math.min(accelerating ? MAX_SHARE : 1.0, estimate));
            }
        }
        shareOfPrevious = taken;
        double[] swap = previous;
        previous = residual;
        residual = swap;
        Arrays.fill(residual, 0);
        earlierChange = lastChange;
        lastChange = change;
    }

    /** The share of a change the next round takes. */
    double share() {
        return share;
    }
}
