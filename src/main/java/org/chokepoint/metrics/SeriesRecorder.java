package org.chokepoint.metrics;

/**
 * Per-tick, per-market values of every {@link Metric} in one flat array
 * ({@code [(tick * markets + market) * metrics + metric]}), filled in place as the run goes.
 */
public final class SeriesRecorder implements java.io.Serializable {
    private final int ticks;
    private final int markets;
    private final double[] values;
    private final int regions;
    private final double[] importsByOrigin;
    private final double[] exportsByDestination;

    public SeriesRecorder(int ticks, int markets) {
        this(ticks, markets, 0);
    }

    /**
     * @param regions regions, for imports by origin and exports by destination (0 to keep none)
     */
    public SeriesRecorder(int ticks, int markets, int regions) {
        this.ticks = ticks;
        this.markets = markets;
        this.regions = regions;
        this.values = new double[Math.multiplyExact(Math.multiplyExact(ticks, markets), Metric.COUNT)];
        int flows = Math.multiplyExact(Math.multiplyExact(ticks, markets), regions);
        this.importsByOrigin = new double[flows];
        this.exportsByDestination = new double[flows];
    }

    /** Copies one tick's flows by partner region, laid out {@code [market * regions + partner]}. */
    public void setFlows(int tick, double[] imports, double[] exports) {
        int n = markets * regions;
        System.arraycopy(imports, 0, importsByOrigin, tick * n, n);
        System.arraycopy(exports, 0, exportsByDestination, tick * n, n);
    }

    public double importsFrom(int tick, int market, int origin) {
        return importsByOrigin[(tick * markets + market) * regions + origin];
    }

    public double exportsTo(int tick, int market, int destination) {
        return exportsByDestination[(tick * markets + market) * regions + destination];
    }

    public int regions() {
        return regions;
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
