package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chokepoint.metrics.Summary;
import org.chokepoint.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * In the Hormuz closure the United States' naphtha crackers make 3,222 kt more than without it, selling into
 * the markets the Gulf left: their output lost is -3,222 kt, -7.64%. Under a bare "output lost" that read as a loss
 * with a stray minus sign; every page's heading of output lost says a negative one is a gain.
 */
class OutputLostSignTest {

    @Test
    void theRunsTableOfEveryMarketReadsANegativeLossAsAGain() {
        Summary.MarketSummary us = new Summary.MarketSummary("US", "naphtha", 605, 823, 68, 1.36, 73, 1.88, 15.6,
                -3222.0, -0.0764, null, null, null);
        StringBuilder h = new StringBuilder();
        RunReport.marketTable(h, List.of(us), List.of(new ReportPage.MarketLabel("US", "naphtha", "kt", "USD/t")),
                Calendar.of(new Scenario.TimeSpec(52, 156, 13, 52, "2025-01-06", null, null, null, null)));
        String table = h.toString();
        assertTrue(table.contains("<th>output lost (total over the run, kt; negative = gain)</th>"
                + "<th>output lost, share (negative = gain)</th>"), table);
        assertTrue(table.contains("<td>\u22123,222</td><td>\u22127.64%</td>"), table);
    }

    @Test
    void theEnsemblesAndTheComparisonsHeadingsSayTheSame() {
        ReportPage.MarketLabel naphtha = new ReportPage.MarketLabel("US", "naphtha", "kt", "USD/t");
        assertEquals("output lost (kt; negative = gain)", EnsembleReport.describe("outputLoss", naphtha));
        assertEquals("output lost, share (negative = gain)", EnsembleReport.describe("outputLossShare", naphtha));
        assertEquals("Downstream output lost, in value added (at pre-shock prices; negative = gain), present value "
                + "(pv.downstreamOutputLoss)", EnsembleReport.total("pv.downstreamOutputLoss"));
        assertEquals("Downstream output lost, in value added (US$, at pre-shock prices; negative = gain)",
                ComparisonReport.KEY_METRICS[0][1]);
    }
}
