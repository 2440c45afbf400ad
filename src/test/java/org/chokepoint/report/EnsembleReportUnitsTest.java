package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ensemble page states money in dollars and a policy's indicators in their own units. */
class EnsembleReportUnitsTest {

    @Test
    void aLicensingOfficesTonnesAndWeeksAreNotDollars() {
        // Two runs of an export-licensing scenario: the office approved 70 and 86 t, applicants waited 20 and 22
        // weeks on average, and the importing region's consumers lost 2.4 and 2.6 million dollars.
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("region.US.consumerSurplusChange", new double[] {-2.4e6, -2.6e6});
        values.put("policy.licensing.approved", new double[] {70, 86});
        values.put("policy.licensing.meanWaitTicks", new double[] {20, 22});
        EnsembleReport.Table runs = new EnsembleReport.Table(List.copyOf(values.keySet()), values, 2);
        StringBuilder h = new StringBuilder();
        EnsembleReport.figureTable(h, runs, runs.columns(), c -> c, true);
        String table = h.toString();
        // Means: -2.5 million dollars, 78 t, 21 weeks; the 5th percentile of the approvals, type 7, is
        // 70 + 0.05 * 16 = 70.8.
        assertTrue(table.contains("<td>region.US.consumerSurplusChange</td><td>2</td><td>\u2212$2.5 m</td>"), table);
        assertTrue(table.contains("<td>policy.licensing.approved</td><td>2</td><td>78</td>"), table);
        assertTrue(table.contains("<td>70.8</td>"), table);
        assertTrue(table.contains("<td>policy.licensing.meanWaitTicks</td><td>2</td><td>21</td>"), table);

        StringBuilder g = new StringBuilder();
        EnsembleReport.histograms(g, runs, runs.columns(), c -> c, "other", true, "US$ (2021 prices)");
        String charts = g.toString();
        assertTrue(charts.contains("<p>region.US.consumerSurplusChange, US$ (2021 prices)</p>"), charts);
        assertTrue(charts.contains("<p>policy.licensing.approved</p>"), charts);
        assertFalse(charts.contains("policy.licensing.approved, US$"), charts);
        assertFalse(charts.contains("policy.licensing.meanWaitTicks, US$"), charts);
    }
}
