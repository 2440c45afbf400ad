package org.chokepoint.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look every report chart shares: fonts, colours, strokes, and numbers with thousands separators in
 * one locale-free format, so a page reads the same on any machine and the same run gives the same bytes.
 */
public final class ChartStyle {

    /** Sans-serif: the SVG names the generic family, so the browser's sans-serif draws what Java measured. */
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    /** The shocked run, and what it is compared with. */
    public static final Color SHOCKED = new Color(0xb2182b);
    public static final Color COUNTERFACTUAL = new Color(0x555555);
    /** Further series of one chart (production beside consumption, exports beside imports). */
    public static final Color SECOND = new Color(0x2166ac);
    static final Color GRID = new Color(0xdddddd);
    static final Color MARK = new Color(0x777777);

    private ChartStyle() {
    }

    static Stroke line(float width, boolean dashed) {
        return dashed
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 3f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A number as a reader expects it: thousands separated, at most {@code decimals} decimals. */
    public static NumberFormat number(int decimals) {
        DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "#".repeat(decimals) : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f;
    }

    /** A number with thousands separated and exactly {@code decimals} decimals. */
    private static NumberFormat fixed(int decimals) {
        return new DecimalFormat("#,##0." + "0".repeat(decimals), DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /**
     * A figure for a table: thousands separated, whole from 1,000 (and where it is whole), with one decimal from 100,
     * two from 1 and three below; a minus sign, not a hyphen, as money has, and none on a figure that rounds to 0.
     */
    public static String figure(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        int decimals = a >= 1000 || a == Math.rint(a) ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
        String digits = number(decimals).format(a);
        return v < 0 && !digits.equals("0") ? "\u2212" + digits : digits;
    }

    /** A number as formatted, its leading hyphen written as the minus sign the pages' money and figures have. */
    static String minusSign(String formatted) {
        return formatted.startsWith("-") ? "\u2212" + formatted.substring(1) : formatted;
    }

    /**
     * Money in US dollars, as {@code $1.2 m}, {@code $40.0 m} or {@code $3.40 bn}: always the same decimals in a unit,
     * so that a figure and its interval read alike ({@code $7.2 bn [$7.09 bn, $7.3 bn]} read as three precisions),
     * and as the pages' sentences give them; a minus sign, not a hyphen, and none on an amount that rounds to $0.
     */
    public static String money(double usd) {
        if (Double.isNaN(usd) || Double.isInfinite(usd)) {
            return "n/a";
        }
        double a = Math.abs(usd);
        String sign = usd < 0 ? "\u2212" : "";
        if (a >= 1e9) {
            return sign + "$" + fixed(2).format(a / 1e9) + " bn";
        }
        if (a >= 1e6) {
            return sign + "$" + fixed(1).format(a / 1e6) + " m";
        }
        String dollars = number(0).format(a);
        return (dollars.equals("0") ? "" : sign) + "$" + dollars;
    }

    /** Styles a value axis: fonts, locale-free tick labels with thousands separators. */
    static void valueAxis(NumberAxis axis, boolean integers) {
        axis.setStandardTickUnits(integers ? NumberAxis.createIntegerTickUnits(Locale.ROOT) : standardTickUnits());
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelFont(LABEL_FONT);
    }

    /**
     * JFreeChart's standard tick sizes, each labelled with as many decimals as it needs (at least three, as
     * JFreeChart's own locale-free source has): that source labels every size with one format of three
     * decimals, so a step of 0.0001 over a share of about a thousandth labelled every tick "0.001".
     */
    static TickUnitSource standardTickUnits() {
        TickUnitSource standard = NumberAxis.createStandardTickUnits(Locale.ROOT);
        return new TickUnitSource() {
            @Override
            public TickUnit getLargerTickUnit(TickUnit unit) {
                return labelled(standard.getLargerTickUnit(unit));
            }

            @Override
            public TickUnit getCeilingTickUnit(TickUnit unit) {
                return labelled(standard.getCeilingTickUnit(unit));
            }

            @Override
            public TickUnit getCeilingTickUnit(double size) {
                return labelled(standard.getCeilingTickUnit(size));
            }
        };
    }

    private static TickUnit labelled(TickUnit unit) {
        return new NumberTickUnit(unit.getSize(), number(Math.max(3, decimals(unit.getSize()))),
                unit.getMinorTickCount());
    }

    /** The decimals a multiple of {@code size} needs: 4 for 0.0001 and 0.0005, 5 for 0.00025. */
    static int decimals(double size) {
        int d = 0;
        double scaled = size;
        while (d < 15 && Math.abs(scaled - Math.rint(scaled)) > 1e-9 * scaled) {
            d++;
            scaled = size * Math.pow(10, d);
        }
        return d;
    }

    static void axis(ValueAxis axis) {
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelFont(LABEL_FONT);
    }

    static void plot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
        plot.setOutlinePaint(GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /** A chart around a plot: no title (the page's heading says what it shows), a legend below when asked. */
    static JFreeChart chart(XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 10));
        if (legend) {
            LegendTitle l = chart.getLegend();
            l.setItemFont(TICK_FONT);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }
}
