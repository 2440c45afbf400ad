package org.chokepoint.report;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;

/**
 * How one figure is spread over the runs of an ensemble: a histogram of its finite values, with the
 * median marked. The number of bins follows Sturges' rule, {@code ceil(log2 n) + 1}, at most 30.
 */
public final class HistogramChart {

    private HistogramChart() {
    }

    /** True when there is something to draw: at least two finite values that are not all the same. */
    public static boolean drawable(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                n++;
            }
        }
        return n >= 2 && hi > lo;
    }

    public static int bins(int n) {
        return Math.min(30, (int) Math.ceil(Math.log(n) / Math.log(2)) + 1);
    }

    /** @param median drawn as a vertical line (NaN: none) */
    public static JFreeChart chart(String xLabel, double[] values, double median, Color colour) {
        double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
        double largest = java.util.Arrays.stream(finite).map(Math::abs).max().orElse(0);
        double scale = largest >= 1e10 ? 1e9 : largest >= 1e7 ? 1e6 : largest >= 1e4 ? 1e3 : 1;
        if (scale > 1) {
            for (int i = 0; i < finite.length; i++) {
                finite[i] /= scale;
            }
            median /= scale;
            String words = scale == 1e9 ? "billions" : scale == 1e6 ? "millions" : "thousands";
            xLabel = xLabel == null ? words : xLabel + " (" + words + ")";
        }
        HistogramDataset data = new HistogramDataset();
        data.setType(HistogramType.FREQUENCY);
        data.addSeries("runs", finite, bins(finite.length));
        NumberAxis x = new NumberAxis(xLabel);
        ChartStyle.valueAxis(x, false);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("runs");
        ChartStyle.valueAxis(y, true);
        XYBarRenderer r = new XYBarRenderer(0.05);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, colour);
        r.setDrawBarOutline(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        ChartStyle.plot(plot);
        if (!Double.isNaN(median)) {
            ValueMarker m = new ValueMarker(median);
            m.setPaint(Color.BLACK);
            m.setStroke(ChartStyle.line(1.2f, true));
            plot.addDomainMarker(m);
        }
        return ChartStyle.chart(plot, false);
    }

    public static String svg(String id, int width, int height, String xLabel, double[] values, double median,
                             Color colour) {
        return ChartSvg.svg(chart(xLabel, values, median, colour), id, width, height);
    }
}
