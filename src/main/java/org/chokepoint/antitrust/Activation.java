package org.chokepoint.antitrust;

import org.chokepoint.scenario.spec.JointProcurementSpec.Mode;

/**
 * When a consortium acts. In {@code AFTER_SHOCK} mode: while a cut-off is observed (the region's imports of
 * the input from the disrupted origin, averaged over the cut-off window, below {@code cutoffThreshold} of their
 * baseline, the average over the {@code baselineWindowTicks} before the warm-up ends, or over the first tick's
 * imports where there is none) or a government notice
 * covers the input, and for {@code graceTicks} after. In {@code PEACETIME} mode: from the end of the warm-up
 * on. A declaration may make it act ahead of its trigger ({@code actsFrom}) or keep on after its grace
 * ({@code continueAfterTrigger}); it says so as its basis, and the auditor, which works the trigger out from
 * the same observations, reports it.
 */
final class Activation implements java.io.Serializable {
    static final String CUT_OFF = "cut-off observed";
    static final String NOTICE = "government notice";
    static final String GRACE = "grace period";
    static final String STANDING = "standing arrangement";
    static final String KEPT_ON = "kept operating after the trigger lapsed";
    static final String AHEAD = "acting ahead of any trigger";

    private final ConsortiumTerms terms;
    private final double[] recentImports;
    private double baselineSum;
    private double baseline = Double.NaN;
    private int lastTrigger = -1;
    private boolean active;
    private int activatedAt = -1;

    Activation(ConsortiumTerms terms) {
        this.terms = terms;
        this.recentImports = new double[terms.cutoffWindow];
    }

    /**
     * Notes what arrived from the disrupted origin last tick, decides whether the consortium acts this tick and
     * writes the observation and the basis into the tick's record.
     */
    boolean decide(int tick, int warmup, double arrived, boolean notice, TickConduct record) {
        int window = terms.cutoffWindow;
        recentImports[tick % window] = arrived;
        // What it hears at a tick landed in the tick before, so the first tick hears nothing: that silence is no
        // week of imports, and counted as one it set the baseline of a run without warm-up at 0, below which no
        // fall is ever half, and cut a short warm-up's baseline by a share. The window ends at the warm-up, or
        // once the first imports have been heard (tick 2) where the warm-up is shorter.
        int end = Math.max(warmup, 2);
        int start = Math.max(1, end - terms.baselineWindow);
        if (tick >= start && tick < end) {
            baselineSum += arrived;
        }
        if (tick == end) {
            baseline = baselineSum / (end - start);
        }
        record.baseline = baseline;
        record.cutoffThreshold = terms.cutoffThreshold;
        record.noticeInForce = notice;
        if (!Double.isNaN(baseline) && tick >= warmup + window) {
            double avg = 0;
            for (double v : recentImports) {
                avg += v / window;
            }
            record.importsAverage = avg;
        }
        boolean cutOff = record.cutOff();
        boolean triggered = cutOff || notice;
        if (triggered) {
            lastTrigger = tick;
        }
        boolean withinGrace = lastTrigger >= 0 && tick - lastTrigger <= terms.grace;
        String basis;
        if (terms.mode == Mode.PEACETIME) {
            basis = tick >= warmup ? STANDING : null;
        } else if (triggered) {
            basis = cutOff ? CUT_OFF : NOTICE;
        } else if (withinGrace) {
            basis = GRACE;
        } else if (active && terms.continueAfterTrigger) {
            basis = KEPT_ON;
        } else if (terms.actsFrom >= 0 && tick >= terms.actsFrom && lastTrigger < 0) {
            basis = AHEAD;
        } else {
            basis = null;
        }
        active = basis != null;
        if (active && activatedAt < 0) {
            activatedAt = tick;
        }
        record.basis = basis;
        return active;
    }

    boolean active() {
        return active;
    }

    int activatedAt() {
        return activatedAt;
    }
}
