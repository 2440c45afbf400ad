package org.chokepoint.agent;

/**
 * Capacity under construction passes through three stages, each handing on the same share of what it holds a
 * tick, so a project's capacity comes into use spread round its lead time rather than all at once: the delay
 * of a third-order pipeline (Sterman, <i>Business Dynamics</i>, 2000, ch. 11), the same for a plant and for a
 * trader's added lane capacity.
 */
final class ConstructionStages {
    private ConstructionStages() {
    }

    /**
     * One tick of construction for item {@code i}: each stage hands on {@code rate} of what it holds.
     *
     * @return the capacity that comes into use this tick
     */
    static double advance(double[] stage1, double[] stage2, double[] stage3, int i, double rate) {
        double out1 = stage1[i] * rate;
        double out2 = stage2[i] * rate;
        double out3 = stage3[i] * rate;
        stage1[i] -= out1;
        stage2[i] += out1 - out2;
        stage3[i] += out2 - out3;
        return out3;
    }
}
