package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioLoader;
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
        assertTrue(charts.contains("the dashed line is the median over the runs"), charts);
    }

    /**
     * A market's table of figures gives its quantities and prices in its units: Japan's naphtha left 581 kt
     * unmet over the run, and peaked at 911 USD/t.
     */
    @Test
    void aMarketsFiguresNameItsUnits() {
        ReportPage.MarketLabel naphtha = new ReportPage.MarketLabel("JP", "naphtha", "kt", "USD/t");
        assertEquals("unmet demand, total (kt)", EnsembleReport.describe("cumulativeShortage", naphtha));
        assertEquals("output lost (kt; negative = gain)", EnsembleReport.describe("outputLoss", naphtha));
        assertEquals("peak price (USD/t)", EnsembleReport.describe("peakPrice", naphtha));
        assertEquals("pre-shock price (USD/t)", EnsembleReport.describe("baselinePrice", naphtha));
        assertEquals("peak price / pre-shock price", EnsembleReport.describe("peakMultiple", naphtha));
        ReportPage.MarketLabel unnamed = new ReportPage.MarketLabel("A", "metal", null, null);
        assertEquals("unmet demand, total (quantity)", EnsembleReport.describe("cumulativeShortage", unnamed));
    }

    @Test
    void aMarketsSmallPriceChartNamesItsPriceUnit() throws Exception {
        // NdPr oxide in China, in USD/kg: two runs whose price peaked at 1.5 and 2.5 times its pre-shock level,
        // so the median peak is 2.
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios", "rare-earth-2010.json"));
        int ticks = 20;
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("CN.ndpr-oxide.peakMultiple", new double[] {1.5, 2.5});
        EnsembleReport.Table runs = new EnsembleReport.Table(List.copyOf(values.keySet()), values, 2);
        double[][] price = new double[3][ticks];
        for (int t = 0; t < ticks; t++) {
            price[0][t] = 15;
            price[1][t] = 16;
            price[2][t] = 17;
        }
        EnsembleReport.Bands bands = new EnsembleReport.Bands(List.<String[]>of(new String[] {"CN", "ndpr-oxide"}),
                Map.of("CN\u0000ndpr-oxide\u0000price", price), ticks);
        String page = EnsembleReport.html(loaded, runs, bands, null);
        assertTrue(page.contains("<p>CN ndpr-oxide (USD/kg): peak ×2</p>"), page);
    }

    /**
     * Two runs of the reference baseline, which has no shock: the page said its charts start "before the shock" and
     * that its tables are differences against each run's own counterfactual, of which there is none. It now says
     * there is none, as the run's page does, and why its totals are all 0.
     */
    @Test
    void aWorldWithoutAShockIsNotDescribedAgainstOne() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios", "rare-earth-baseline.json"));
        int ticks = 20;
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("totals.deadweightLoss", new double[] {0, 0});
        EnsembleReport.Table runs = new EnsembleReport.Table(List.copyOf(values.keySet()), values, 2);
        double[][] price = new double[3][ticks];
        EnsembleReport.Bands bands = new EnsembleReport.Bands(List.<String[]>of(new String[] {"CN", "ndpr-oxide"}),
                Map.of("CN\u0000ndpr-oxide\u0000price", price), ticks);

        String page = EnsembleReport.html(loaded, runs, bands, null);

        assertTrue(page.contains("The scenario has no shock among its events and policies, so there is no "
                + "counterfactual, and every figure that would compare with one is 0."), page);
        assertFalse(page.contains("differences against each run's own counterfactual"), page);
        assertFalse(page.contains("before the shock"), "nor a shock for the charts to start before");
    }

    /**
     * The table of totals names each in words, as the run's page does, with the column it is in runs.csv and
     * stats.json: a reader of "totals.deadweightLoss" alone has to know the code's name for the net welfare loss,
     * and which of two rows is discounted.
     */
    @Test
    void theTotalsAreNamedInWordsBesideTheirColumns() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("totals.deadweightLoss", new double[] {3.4e9, 3.8e9});
        values.put("pv.deadweightLoss", new double[] {3.3e9, 3.7e9});
        EnsembleReport.Table runs = new EnsembleReport.Table(List.copyOf(values.keySet()), values, 2);
        StringBuilder h = new StringBuilder();

        EnsembleReport.figureTable(h, runs, runs.columns(), EnsembleReport::total, true);

        String table = h.toString();
        assertTrue(table.contains("<td>Net welfare loss (positive = loss), undiscounted "
                + "(totals.deadweightLoss)</td><td>2</td><td>$3.60 bn</td>"), table);
        assertTrue(table.contains("<td>Net welfare loss (positive = loss), present value (pv.deadweightLoss)</td>"),
                table);
        assertEquals("harm.finalConsumerSurplusChange", EnsembleReport.total("harm.finalConsumerSurplusChange"));
    }

    /**
     * The market's table gives its dates as the run's page does: two runs of the 2010 episode whose oxide price in
     * China peaked in weeks 90 and 92 peaked, on average, in week 91, the week of 4 October 2010 (tick 0 being
     * 5 January 2009); the page said "tick of the peak, 91". The histogram, whose axis counts weeks from the first,
     * says which date week 0 is, and a duration is in weeks.
     */
    @Test
    void aMarketsTicksReadAsDatesWhereTheScenarioHasAStartDate() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios", "rare-earth-2010.json"));
        int ticks = 20;
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("CN.ndpr-oxide.peakTick", new double[] {90, 92});
        values.put("CN.ndpr-oxide.firstTickAbove5x", new double[] {Double.NaN, Double.NaN});
        values.put("CN.ndpr-oxide.ticksToExhaustion", new double[] {10, 12});
        EnsembleReport.Table runs = new EnsembleReport.Table(List.copyOf(values.keySet()), values, 2);
        EnsembleReport.Bands bands = new EnsembleReport.Bands(List.<String[]>of(new String[] {"CN", "ndpr-oxide"}),
                Map.of("CN\u0000ndpr-oxide\u0000price", new double[3][ticks]), ticks);

        String page = EnsembleReport.html(loaded, runs, bands, null);

        assertTrue(page.contains("<tr><td>date of the peak</td><td>2</td><td>2010-10-04</td>"), page);
        assertTrue(page.contains("<td>2010-09-28</td><td>2010-10-04</td><td>2010-10-10</td></tr>"),
                "the 5th and 95th percentiles, weeks 90.1 and 91.9, to the nearest day");
        assertTrue(page.contains("<tr><td>first date above 5× pre-shock</td><td>0</td><td>n/a</td>"), page);
        assertTrue(page.contains("<tr><td>weeks from the shock to exhaustion</td><td>2</td><td>11</td>"),
                "a duration stays one, in weeks");
        assertTrue(page.contains("<p>week of the peak (week 0: 2009-01-05)</p>"),
                "the histogram's axis counts weeks from the run's first");
        assertTrue(page.contains("Choose a market; quantities are per tick (a week)."), page);

        StringBuilder undated = new StringBuilder();
        EnsembleReport.figureTable(undated, runs, List.of("CN.ndpr-oxide.peakTick"), c -> "tick of the peak", false,
                Calendar.of(new org.chokepoint.scenario.Scenario.TimeSpec(52, 20, 13, 0, null, null, null, null,
                        null)));
        assertTrue(undated.toString().contains("<tr><td>tick of the peak</td><td>2</td><td>91</td>"), undated.toString());
    }

    /**
     * Two runs of the NdPr price floor: Japan's downstream industry lost $0.9 bn and $1.0 bn of value added, and its
     * taxpayers gained $60 m and $80 m in present value from a stockpile's sales; China's licensing office approved
     * 70 and 86 t. The table had headed the first row "region.JP.downstreamOutputLoss", which a minister's office
     * cannot read as a loss in dollars, nor a negative one as a gain; the regions now read as the totals do, under
     * their own heading in dollars, and the licences stay in tonnes under the policies'.
     */
    @Test
    void aRegionsFiguresAreNamedInWordsAndMoneyApartFromThePoliciesIndicators() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios", "ndpr-price-floor-2025.json"));
        int ticks = 20;
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("region.JP.downstreamOutputLoss", new double[] {0.9e9, 1.0e9});
        values.put("region.JP.pv.taxpayerChange", new double[] {60e6, 80e6});
        values.put("policy.cn-ndpr-magnet-licensing.approved", new double[] {70, 86});
        EnsembleReport.Table runs = new EnsembleReport.Table(List.copyOf(values.keySet()), values, 2);
        EnsembleReport.Bands bands = new EnsembleReport.Bands(List.<String[]>of(new String[] {"CN", "ndpr-oxide"}),
                Map.of("CN\u0000ndpr-oxide\u0000price", new double[3][ticks]), ticks);

        String page = EnsembleReport.html(loaded, runs, bands, null);

        assertTrue(page.contains("<h2>Who gains and who loses, region by region (US$ (2025 prices))</h2>"), page);
        assertTrue(page.contains("<tr><td>JP: Downstream output lost, in value added (at pre-shock prices; negative "
                + "= gain), undiscounted (region.JP.downstreamOutputLoss)</td><td>2</td><td>$950.0 m</td>"), page);
        assertTrue(page.contains("<tr><td>JP: Taxpayers' surplus change, present value "
                + "(region.JP.pv.taxpayerChange)</td><td>2</td><td>$70.0 m</td>"), page);
        assertTrue(page.contains("<p>JP: Downstream output lost, in value added (at pre-shock prices; negative = "
                + "gain), undiscounted (region.JP.downstreamOutputLoss), US$ (2025 prices)</p>"), page);
        assertFalse(page.contains("<td>region.JP."), page);
        assertFalse(page.contains("Regions and policies"), page);
        assertTrue(page.indexOf("<h2>What each policy did</h2>") > page.indexOf("region.JP.pv.taxpayerChange"), page);
        assertTrue(page.contains("<tr><td>cn-ndpr-magnet-licensing: volume approved, t "
                + "(policy.cn-ndpr-magnet-licensing.approved)</td><td>2</td><td>78</td>"), page);
        assertEquals("policy.cn-ndpr-magnet-licensing.approved",
                EnsembleReport.regional("policy.cn-ndpr-magnet-licensing.approved"));
        assertEquals("region.JP.someFigureNotYetNamed", EnsembleReport.regional("region.JP.someFigureNotYetNamed"));
    }

    /**
     * The NdPr price floor with the US offtake of its options file added: over two runs the agency bought 1,200 and
     * 1,400 t at its floor of $110/kg, so spent $132 m and $154 m, in 2025 dollars as every policy indicator is
     * (never restated); China's licensing office kept applicants waiting 9 weeks; the state separator of 2025 added
     * 283.2 t a week. The table read "policy.us-ndpr-offtake.spent 143,000,000" beside
     * "policy.us-ndpr-offtake.purchased 1,300", a dollar and a tonne alike; each row now says what it counts and in
     * what, and the money reads as money.
     */
    @Test
    void aPolicysIndicatorsAreNamedInWordsAndTheirOwnUnits() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode json = ScenarioLoader.load(
                Path.of("scenarios", "ndpr-price-floor-2025.json")).json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("policies")).add(
                org.chokepoint.scenario.Json.mapper().readTree("{\"type\": \"purchaseGuarantee\", \"id\": "
                        + "\"us-ndpr-offtake\", \"region\": \"US\", \"commodity\": \"ndpr-oxide\", \"floor\": 110.0, "
                        + "\"volumeCapPerTick\": 134.0, \"start\": 26, \"end\": 156}"));
        LoadedScenario loaded = ScenarioLoader.fromJson(json, "ndpr-price-floor-2025 with an offtake");
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("policy.us-ndpr-offtake.purchased", new double[] {1200, 1400});
        values.put("policy.us-ndpr-offtake.spent", new double[] {132e6, 154e6});
        values.put("policy.cn-ndpr-magnet-licensing.meanWaitTicks", new double[] {9, 9});
        values.put("policy.cn-separation-quota-2025.capacityAdded", new double[] {283.2, 283.2});
        values.put("policy.us-ndpr-offtake.someIndicatorNotYetNamed", new double[] {1, 2});
        EnsembleReport.Table runs = new EnsembleReport.Table(List.copyOf(values.keySet()), values, 2);
        int ticks = 20;
        EnsembleReport.Bands bands = new EnsembleReport.Bands(List.<String[]>of(new String[] {"CN", "ndpr-oxide"}),
                Map.of("CN\u0000ndpr-oxide\u0000price", new double[3][ticks]), ticks);

        String page = EnsembleReport.html(loaded, runs, bands, null);

        assertTrue(page.contains("<tr><td>us-ndpr-offtake: volume bought, t (policy.us-ndpr-offtake.purchased)"
                + "</td><td>2</td><td>1,300</td>"), page);
        assertTrue(page.contains("<tr><td>us-ndpr-offtake: spent on what it bought, US$ (2025 prices) "
                + "(policy.us-ndpr-offtake.spent)</td><td>2</td><td>$143.0 m</td>"), page);
        assertTrue(page.contains("<tr><td>cn-ndpr-magnet-licensing: mean wait for a decision, by volume, weeks "
                + "(policy.cn-ndpr-magnet-licensing.meanWaitTicks)</td><td>2</td><td>9</td>"), page);
        assertTrue(page.contains("<td>cn-separation-quota-2025: capacity added, t a week "
                + "(policy.cn-separation-quota-2025.capacityAdded)</td>"), "a state plant's capacity, of its firm's commodity");
        assertTrue(page.contains("<p>us-ndpr-offtake: volume bought, t (policy.us-ndpr-offtake.purchased)</p>"), page);
        assertTrue(page.contains("<tr><td>policy.us-ndpr-offtake.someIndicatorNotYetNamed</td><td>2</td><td>1.5</td>"),
                "an indicator without words keeps its column's name");
    }

    /**
     * Gallium's licensing covers primary metal, in tonnes of gallium, and wafers, in tonnes of gallium content; the
     * summary adds the two, and the row says so.
     */
    @Test
    void aVolumeOverCommoditiesOfDifferentUnitsNamesEach() throws Exception {
        PolicyIndicatorLabels labels = new PolicyIndicatorLabels(
                ScenarioLoader.load(Path.of("scenarios", "gallium-2023.json")).scenario());
        assertEquals("cn-gallium-licensing: most waiting at once, t Ga + t Ga content "
                + "(policy.cn-gallium-licensing.peakBacklog)", labels.label("policy.cn-gallium-licensing.peakBacklog"));
        assertEquals("cn-gallium-licensing: share approved of the volume reviewed, share "
                + "(policy.cn-gallium-licensing.approvedShare)", labels.label("policy.cn-gallium-licensing.approvedShare"));
        assertFalse(labels.money("policy.cn-gallium-licensing.applied"));
        assertEquals("policy.no-such-policy.applied", labels.label("policy.no-such-policy.applied"));
    }
}
