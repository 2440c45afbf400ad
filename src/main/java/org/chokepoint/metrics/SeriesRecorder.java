package org.chokepoint.metrics;

/**
 * Per-tick, per-market values of every {@link Metric} in one flat array
 * ({@code [(tick * markets + market) * metrics + metric]}), filled in place as the run goes.
 */
public final class SeriesRecorder {
    private final int ticks;
    private final int markets;
    private final double[] values;

    public SeriesRecorder(int ticks, int markets) {
        this.ticks = ticks;
        this.markets = markets;
        this.values = new double[Math.multiplyExact(Math.multiplyExact(ticks, markets), Metric.COUNT)];
    }

    public void set(int tick, int market, Metric metric, double value) {
        values[(tick * markets + market) * Metric.COUNT + metric.ordinal()] = value;
    }

    public double get(int tick, int market, Metric metric) {
        return values[(tick * markets + market) * Metric.COUNT + metric.ordinal()];
    }

    public int ticks() {
        return ticks;
    }

    public int markets() {
        return markets;
    }
}
