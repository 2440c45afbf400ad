package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A chart's tick labels say as many decimals as its ticks are apart, so no two ticks read the same. */
class TickLabelsTest {

    @Test
    void outputLostAsASmallShareOfOutputGetsDistinctLabels() {
        // Eight runs that each lost between 0.10% and 0.14% of a market's output: the axis spans 0.0004, so its
        // ticks are a ten-thousandth or so apart, and three decimals would label them all 0.001.
        double[] share = {0.00100, 0.00105, 0.00110, 0.00118, 0.00122, 0.00129, 0.00135, 0.00140};
        String svg = HistogramChart.svg("h", 310, 170, null, share, 0.0012, ChartStyle.SECOND);
        List<String> decimals = new ArrayList<>();
        Matcher m = Pattern.compile(">([^<>]*\\.[^<>]*)</text>").matcher(svg);
        while (m.find()) {
            decimals.add(m.group(1));
        }
        assertTrue(decimals.size() >= 2, svg);
        assertEquals(decimals.size(), new HashSet<>(decimals).size(), decimals.toString());
        assertTrue(decimals.contains("0.0012"), decimals.toString());
    }

    @Test
    void aStepNeedsTheDecimalsOfItsSize() {
        assertEquals(0, ChartStyle.decimals(250));
        assertEquals(1, ChartStyle.decimals(2.5));
        assertEquals(4, ChartStyle.decimals(0.0001));
        assertEquals(5, ChartStyle.decimals(0.00025));
        assertEquals(7, ChartStyle.decimals(0.0000001));
    }
}
