package org.chokepoint.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A chart of series over ticks on a calendar axis ("2010", "2011"; years from the start without a start
 * date): lines, percentile bands with their median, and vertical marks for events and policies. Values are
 * indexed by tick; NaN leaves a gap. Large values are shown in thousands or millions, which the axis label
 * says, so tick labels stay short.
 */
public final class TimeChart {

    /** One line; dashed for what the run is compared with. */
    public record Line(String name, double[] values, Color colour, boolean dashed) { }

    /** A band from {@code low} to {@code high} with its {@code mid} drawn as a line, dashed for a comparison. */
    public record Band(String name, double[] low, double[] mid, double[] high, Color colour, boolean dashed) { }

    private final Calendar calendar;
    private final int from;
    private final int to;
    private final String yLabel;
    private final List<Line> lines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private boolean legend = true;
    private boolean small;

    /**
     * @param from   first tick shown
     * @param to     tick after the last shown
     * @param yLabel what the values are, in which unit
     */
    public TimeChart(Calendar calendar, int from, int to, String yLabel) {
        this.calendar = calendar;
        this.from = from;
        this.to = to;
        this.yLabel = yLabel;
    }

    public TimeChart line(String name, double[] values, Color colour, boolean dashed) {
        lines.add(new Line(name, values, colour, dashed));
        return this;
    }

    public TimeChart band(String name, double[] low, double[] mid, double[] high, Color colour) {
        return band(name, low, mid, high, colour, false);
    }

    public TimeChart band(String name, double[] low, double[] mid, double[] high, Color colour, boolean dashed) {
        bands.add(new Band(name, low, mid, high, colour, dashed));
        return this;
    }

    public TimeChart marks(List<Mark> m) {
        marks.addAll(m);
        return this;
    }

    /** For small multiples: no legend, no axis label and marks without their numbers (the caption says all). */
    public TimeChart small() {
        legend = false;
        small = true;
        return this;
    }

    /** The largest absolute value drawn, to choose the scale. */
    private double largest() {
        double max = 0;
        for (Line l : lines) {
            max = Math.max(max, largest(l.values()));
        }
        for (Band b : bands) {
            max = Math.max(max, Math.max(largest(b.low()), largest(b.high())));
        }
        return max;
    }

    private double largest(double[] v) {
        double max = 0;
        for (int t = from; t < to && t < v.length; t++) {
            if (!Double.isNaN(v[t])) {
                max = Math.max(max, Math.abs(v[t]));
            }
        }
        return max;
    }

    public JFreeChart chart() {
        double max = largest();
        double scale = max >= 1e7 ? 1e6 : max >= 1e4 ? 1e3 : 1;
        String unit = scale == 1e6 ? " (millions)" : scale == 1e3 ? " (thousands)" : "";

        ValueAxis x = xAxis();
        NumberAxis y = new NumberAxis(small ? (unit.isEmpty() ? null : unit.trim()) : yLabel + unit);
        ChartStyle.valueAxis(y, false);
        y.setAutoRangeIncludesZero(true);
        if (max == 0) {
            // nothing but zeros (a market that produces nothing): an axis from 0 to 1, not ten zeros
            y.setRange(0, 1);
        }
        XYPlot plot = new XYPlot(null, x, y, null);
        ChartStyle.plot(plot);

        XYSeriesCollection lineData = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            XYSeries s = new XYSeries(l.name(), false, true);
            for (int t = from; t < to && t < l.values().length; t++) {
                s.add(calendar.x(t), l.values()[t] / scale);
            }
            lineData.addSeries(s);
            lineRenderer.setSeriesPaint(i, l.colour());
            lineRenderer.setSeriesStroke(i, ChartStyle.line(l.dashed() ? 1.4f : 1.6f, l.dashed()));
            markLonePoint(lineRenderer, i, s.getItemCount());
        }
        YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setDrawSeriesLineAsPath(true);
        bandRenderer.setAlpha(0.18f);
        for (Band b : bands) {
            // A band is drawn over the ticks where it is defined, one area for each run of them: the renderer
            // fills one polygon through every point of a series, so a tick without a value (days of cover where
            // a market used nothing in every run) would put NaN into its outline and one bridging the gap would
            // draw values that are not there. A band defined on every tick is one series, as it always was.
            YIntervalSeries s = null;
            boolean named = false;
            for (int t = from; t < to && t < b.mid().length; t++) {
                double mid = b.mid()[t];
                double low = b.low()[t];
                double high = b.high()[t];
                if (Double.isNaN(mid) || Double.isNaN(low) || Double.isNaN(high)) {
                    s = null;
                    continue;
                }
                if (s == null) {
                    s = bandSeries(bandData, bandRenderer, b, t, !named);
                    named = true;
                }
                s.add(calendar.x(t), mid / scale, low / scale, high / scale);
            }
        }
        for (int i = 0; i < bandData.getSeriesCount(); i++) {
            markLonePoint(bandRenderer, i, bandData.getItemCount(i));
        }
        // Lines are dataset 0, drawn last (on top); bands are dataset 1, underneath.
        plot.setDataset(0, lineData);
        plot.setRenderer(0, lineRenderer);
        if (!bands.isEmpty()) {
            plot.setDataset(1, bandData);
            plot.setRenderer(1, bandRenderer);
        }
        addMarks(plot);
        return ChartStyle.chart(plot, legend && lines.size() + bands.size() > 1);
    }

    private ValueAxis xAxis() {
        if (calendar.dated()) {
            DateAxis x = new DateAxis(null, TimeZone.getTimeZone("UTC"), Locale.ROOT);
            x.setStandardTickUnits(DateAxis.createStandardDateTickUnits(TimeZone.getTimeZone("UTC"), Locale.ROOT));
            x.setRange(calendar.x(from), calendar.x(Math.max(from + 1, to - 1)));
            ChartStyle.axis(x);
            return x;
        }
        NumberAxis x = new NumberAxis("years from the start");
        ChartStyle.valueAxis(x, true);
        x.setAutoRangeIncludesZero(false);
        x.setRange(calendar.x(from), calendar.x(Math.max(from + 1, to - 1)));
        return x;
    }

    /**
     * One vertical line per tick that has marks, its keys joined ("1, 2") at the top; labels right of the
     * line, or left of it in the last fifth of the chart, so none runs past the plot's edge.
     */
    private void addMarks(XYPlot plot) {
        Map<Integer, List<Mark>> byTick = new LinkedHashMap<>();
        for (Mark m : marks) {
            if (m.tick() >= from && m.tick() < to) {
                byTick.computeIfAbsent(m.tick(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Integer> ticks = new ArrayList<>(byTick.keySet());
        java.util.Collections.sort(ticks);
        double lastLabelled = Double.NEGATIVE_INFINITY;
        int level = 0;
        for (int tick : ticks) {
            Map.Entry<Integer, List<Mark>> e = Map.entry(tick, byTick.get(tick));
            List<String> keys = new ArrayList<>();
            Mark.Kind kind = Mark.Kind.ENDS;
            for (Mark m : e.getValue()) {
                if (!keys.contains(m.key())) {
                    keys.add(m.key());
                }
                if (m.kind().ordinal() < kind.ordinal()) {
                    kind = m.kind();
                }
            }
            ValueMarker marker = new ValueMarker(calendar.x(tick));
            marker.setPaint(ChartStyle.MARK);
            marker.setStroke(kind == Mark.Kind.STARTS ? ChartStyle.line(1f, false)
                    : new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10f, kind == Mark.Kind.ANNOUNCED ? new float[] {4f, 3f} : new float[] {1f, 3f}, 0f));
            if (small) {
                plot.addDomainMarker(0, marker, Layer.BACKGROUND);
                continue;
            }
            marker.setLabel(String.join(",", keys));
            marker.setLabelFont(ChartStyle.SMALL_FONT.deriveFont(Font.BOLD));
            marker.setLabelPaint(ChartStyle.MARK);
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            boolean late = tick - from > 0.8 * (to - from);
            marker.setLabelAnchor(late ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(late ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            // Labels of marks closer than a twentieth of the chart step down a line, so none covers another.
            double at = (double) (tick - from) / Math.max(1, to - from);
            level = at - lastLabelled < 0.05 ? (level + 1) % 4 : 0;
            lastLabelled = at;
            marker.setLabelOffset(new RectangleInsets(2 + 11 * level, 2, 2, 2));
            plot.addDomainMarker(0, marker, Layer.BACKGROUND);
        }
    }

    /**
     * A series of one point (a run of one tick, or a band defined on one tick between gaps) has no segment to draw, and
     * its chart came out empty: its point is drawn as a dot.
     */
    private static void markLonePoint(XYLineAndShapeRenderer renderer, int series, int points) {
        if (points == 1) {
            renderer.setSeriesShapesVisible(series, true);
            renderer.setSeriesShape(series, new Ellipse2D.Double(-3, -3, 6, 6));
            // Filled; an outline of it too would draw every such dot twice.
            renderer.setDrawOutlines(false);
        }
    }

    /**
     * A new series of {@code b}'s band from tick {@code t}, in its colours; only the {@code first} is named in the
     * legend (the key of a later one holds its first tick, keys being unique in a collection).
     */
    private static YIntervalSeries bandSeries(YIntervalSeriesCollection data, DeviationRenderer renderer, Band b,
                                              int t, boolean first) {
        YIntervalSeries s = new YIntervalSeries(first ? b.name() : b.name() + " from tick " + t, false, true);
        int i = data.getSeriesCount();
        data.addSeries(s);
        renderer.setSeriesPaint(i, b.colour());
        renderer.setSeriesFillPaint(i, b.colour());
        renderer.setSeriesStroke(i, ChartStyle.line(b.dashed() ? 1.4f : 1.6f, b.dashed()));
        renderer.setSeriesVisibleInLegend(i, first);
        return s;
    }

    public String svg(String id, int width, int height) {
        return ChartSvg.svg(chart(), id, width, height);
    }
}
