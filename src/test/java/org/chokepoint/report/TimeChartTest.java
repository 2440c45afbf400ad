package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.Color;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chokepoint.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Percentile bands where a figure is undefined on some ticks: days of cover are NA in every run of an ensemble
 * on a tick its market uses nothing (a final good whose buyers are priced out), and the band is left out there,
 * as a line is, rather than drawn to NaN coordinates.
 */
class TimeChartTest {

    private static final Calendar WEEKS = Calendar.of(new Scenario.TimeSpec(52, 20, 13, 0, null, null, null, null,
            null));

    /** The band's filled areas: the paths drawn with the band's translucent fill. */
    private static int filledAreas(String svg) {
        Matcher m = Pattern.compile("fill-opacity:0\\.18[0-9]*;stroke:none'[^>]*><path d='([^']*)'").matcher(svg);
        int n = 0;
        while (m.find()) {
            assertFalse(m.group(1).contains("NaN"), m.group(1));
            n++;
        }
        return n;
    }

    @Test
    void aBandUndefinedOnEveryTickIsNotDrawn() {
        double[] na = new double[20];
        Arrays.fill(na, Double.NaN);
        String svg = new TimeChart(WEEKS, 0, 20, "days").band("median, 5th–95th percentile", na, na, na, Color.RED)
                .svg("days", 400, 200);

        assertFalse(svg.contains("NaN"), svg);
        assertEquals(0, filledAreas(svg));
    }

    @Test
    void aBandUndefinedOnSomeTicksIsDrawnWhereItIsDefined() {
        double[] low = new double[20];
        double[] mid = new double[20];
        double[] high = new double[20];
        for (int t = 0; t < 20; t++) {
            boolean used = t < 8 || t >= 12; // ticks 8-11: the market used nothing
            low[t] = used ? 10 : Double.NaN;
            mid[t] = used ? 12 : Double.NaN;
            high[t] = used ? 15 : Double.NaN;
        }
        String svg = new TimeChart(WEEKS, 0, 20, "days")
                .band("median, 5th–95th percentile", low, mid, high, Color.RED).svg("days", 400, 200);

        assertFalse(svg.contains("NaN"), svg);
        assertEquals(2, filledAreas(svg), "ticks 0-7 and 12-19, not one area bridging the gap");
    }

    /** Dots: the closed curves a series' points are drawn as, where it has them. */
    private static int dots(String svg) {
        Matcher m = Pattern.compile("<path d='M[^']*C[^']*Z'").matcher(svg);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * A run of one tick has one point a line, and a line of one point has no segment: its chart came out empty. Its
     * point is drawn as a dot; a line of two points is drawn as a line, with none.
     */
    @Test
    void aLineOfOnePointIsDrawnAsADot() {
        Calendar oneWeek = Calendar.of(new Scenario.TimeSpec(52, 1, 1, 0, null, null, null, null, null));
        String one = new TimeChart(oneWeek, 0, 1, "$/t").line("price", new double[] {12}, Color.BLUE, false)
                .svg("$/t", 400, 200);
        assertEquals(1, dots(one), one);
        String two = new TimeChart(WEEKS, 0, 2, "$/t").line("price", new double[] {12, 13}, Color.BLUE, false)
                .svg("$/t", 400, 200);
        assertEquals(0, dots(two), two);
    }

    /**
     * A band defined on ticks 0-7 and on tick 10 alone is two series: an area over the first run, and on tick 10 one
     * point, with no area and no line. Its median there is drawn as a dot; the run of eight has none.
     */
    @Test
    void aBandDefinedOnOneTickBetweenGapsIsDrawnAsADotThere() {
        double[] low = new double[20];
        double[] mid = new double[20];
        double[] high = new double[20];
        for (int t = 0; t < 20; t++) {
            boolean used = t < 8 || t == 10;
            low[t] = used ? 10 : Double.NaN;
            mid[t] = used ? 12 : Double.NaN;
            high[t] = used ? 15 : Double.NaN;
        }
        String svg = new TimeChart(WEEKS, 0, 20, "days")
                .band("median, 5th–95th percentile", low, mid, high, Color.RED).svg("days", 400, 200);

        assertEquals(1, dots(svg), svg);
    }
}
