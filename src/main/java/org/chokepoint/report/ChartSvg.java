package org.chokepoint.report;

import java.awt.geom.Rectangle2D;
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

    public static String svg(JFreeChart chart, String id, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(ChartSvg::oneDecimal);
        g.setTransformDoubleConverter(ChartSvg::oneDecimal);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        // Inside an HTML page the namespaces are implied; leaving them out keeps the page free of any address.
        return g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null)
                .replace(" xmlns='http://www.w3.org/2000/svg'", "")
                .replace(" xmlns:xlink='http://www.w3.org/1999/xlink'", "")
                .replace(" xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "") + "\n";
    }

    /** {@code v} rounded to tenths, without a trailing ".0": 12, 12.5, -0.3. Called for every coordinate. */
    static String oneDecimal(double v) {
        if (!Double.isFinite(v) || Math.abs(v) > 1e15) {
            return Double.toString(v);
        }
        long tenths = Math.round(v * 10);
        long whole = Math.abs(tenths) / 10;
        int digit = (int) (Math.abs(tenths) % 10);
        String sign = tenths < 0 ? "-" : "";
        return digit == 0 ? sign + whole : sign + whole + "." + digit;
    }
}
