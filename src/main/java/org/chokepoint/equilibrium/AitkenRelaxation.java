package org.chokepoint.equilibrium;

import java.util.Arrays;

/**
 * How much of each round's change in the wedges the solver takes. The rounds are a fixed-point iteration: the
 * wedges are fixed, the prices solved, the wedges recomputed from them. Most networks contract at once and take
 * every change whole. Where a wedge answers a price that answers it back more steeply (a recycler's
 * scrap-limited capacity in a thin market whose price its own output sets) the rounds swing instead of
 * settling; once two rounds have not narrowed the swing, the share taken follows Aitken's dynamic relaxation
 * (Irons and Tuck 1969; Küttler and Wall 2008), which reads from two successive changes how steeply the
 * wedges answer back and takes the share that would settle a linear iteration in one step.
 *
 * <p>The share worked out from a round's change applies from the next round on, since the round's own wedges
 * are set as they are computed (a government's offtake volume is worked out from the output of firms whose
 * support was updated just before it).
 */
final class AitkenRelaxation {
    /** The smallest share taken: a wedge that answers back more steeply than 63 to 1 is not met in practice. */
    static final double MIN_SHARE = 1.0 / 64;

    private double[] residual;
    private double[] previous;
    private double share = 1;
    private double shareOfPrevious = 1;
    private boolean engaged;
    private double lastChange = Double.NaN;
    private double earlierChange = Double.NaN;

    AitkenRelaxation(int terms) {
        residual = new double[terms];
        previous = new double[terms];
    }

    /**
     * Term {@code term} moved from {@code was} toward {@code now}: records the change, on the scale of
     * {@code scale}, and returns the value to keep.
     */
    double move(int term, double was, double now, double scale) {
        residual[term] = (now - was) / scale;
        return share == 1 ? now : was + share * (now - was);
    }

    /** Ends a round whose largest relative change was {@code change}; sets the share the next round takes. */
    void endRound(double change) {
        if (!engaged && earlierChange > 0 && change >= earlierChange) {
            engaged = true;
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
            if (squared > 0) {
                share = Math.max(MIN_SHARE, Math.min(1.0, -shareOfPrevious * along / squared));
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
