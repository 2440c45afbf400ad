package org.chokepoint.report;

import java.awt.geom.Rectangle2D;
import org.chokepoint.scenario.DecimalText;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a JFreeChart into an inline {@code <svg>} element with JFreeSVG. Coordinates are written to one
 * decimal (a tenth of a pixel), which keeps a page of many charts small; the element and its definitions
 * are named from {@code id}, so a page holds many charts without clashes and the same chart gives the same
 * bytes every time.
 */
public final class ChartSvg {

    private ChartSvg() {
    }

    /**
     * Why charts cannot be drawn on this machine, or null when they can. Charts measure their text with
     * Java's fonts; a server with no font installed (a minimal Debian has none: openjdk only suggests
     * fonts-dejavu) cannot, and then a report says so in place of each chart rather than failing the run.
     */
    static final String UNAVAILABLE = probe();

    private static String probe() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1, 1,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setFont(ChartStyle.TICK_FONT);
            g.getFontMetrics().stringWidth("2010");
            g.dispose();
            return null;
        } catch (Throwable e) { // AWT reports a missing font configuration with Errors, not Exceptions
            return "Java has no font to measure text with (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); install one, e.g. Debian's "
                    + "fonts-dejavu-core, and run again";
        }
    }

    /**
     * Held while a chart is drawn, so that Java's font code, which measures every label, is never entered by two
     * charts at once. Drawn on the pool's threads together, one run of the naphtha case 6–7 scenario on a loaded
     * machine measured every bold event label of its page differently from every other run of it ("1,2" 19 pixels wide
     * against 18, "2" 6 against 7), so its report.html differed from the same run's other times (not repeated in 30
     * runs since, so the cause is not established); the text a chart measures must not depend on what else is being
     * measured at the time.
     */
    private static final Object DRAWING = new Object();

    public static String svg(JFreeChart chart, String id, int width, int height) {
        if (UNAVAILABLE != null) {
            return "<p class=\"nochart\" id=\"" + id + "\">Chart not drawn: " + ReportPage.esc(UNAVAILABLE)
                    + ".</p>\n";
        }
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(ChartSvg::oneDecimal);
        g.setTransformDoubleConverter(ChartSvg::oneDecimal);
        synchronized (DRAWING) {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        }
        // Inside an HTML page the namespaces are implied; leaving them out keeps the page free of any address.
        return g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null)
                .replace(" xmlns='http://www.w3.org/2000/svg'", "")
                .replace(" xmlns:xlink='http://www.w3.org/1999/xlink'", "")
                .replace(" xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "") + "\n";
    }

    /** {@code v} rounded to tenths, without a trailing ".0": 12, 12.5, -0.3. Called for every coordinate. */
    static String oneDecimal(double v) {
        if (!Double.isFinite(v) || Math.abs(v) > 1e15) {
            return DecimalText.of(v);
        }
        long tenths = Math.round(v * 10);
        long whole = Math.abs(tenths) / 10;
        int digit = (int) (Math.abs(tenths) % 10);
        String sign = tenths < 0 ? "-" : "";
        return digit == 0 ? sign + whole : sign + whole + "." + digit;
    }
}
