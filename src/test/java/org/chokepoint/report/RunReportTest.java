package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chokepoint.metrics.Summary;
import org.chokepoint.metrics.SummaryCalculator;
import org.chokepoint.model.Simulation;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The run report's "prices at a glance": each price over its market's pre-shock level. */
class RunReportTest {

    @Test
    void aPriceIsDrawnAsAMultipleOfItsPreShockLevel() {
        assertArrayEquals(new double[] {1.0, 1.5, 0.0}, RunReport.relative(new double[] {40, 60, 0}, 40), 1e-12);
    }

    @Test
    void aMarketWithoutAPreShockPriceHasNoMultipleToDraw() {
        // A CfD that floods the US NdPr market drove its price to 0 before the shock; the summary's peak multiple is
        // n/a, and the counterfactual's positive prices over 0 were drawn at -Infinity in the page's SVG.
        double[] none = RunReport.relative(new double[] {55.2, 0, 3.1}, 0);

        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN}, none);
    }

    /**
     * The two-region world with a 20% import tariff on B from week 20, in its 52-week warm-up. A tariff is an
     * importer's instrument, so it has a counterfactual but moves no pre-shock window: the window is weeks 39–51,
     * the 13 before the warm-up ends and 19 weeks into the tariff. The page said each price was drawn over "the mean
     * over the 13 ticks before the first shock" and that the charts start "before the shock", which a reader took
     * for the price before the tariff; it now says which weeks the level is the mean of, and why those.
     */
    @Test
    void withoutAShockToMeasureFromThePageSaysWhichWeeksThePreShockLevelIsTheMeanOf() throws Exception {
        LoadedScenario loaded = twoRegionWithATariff();

        String html = RunReport.html(loaded, Simulation.run(loaded.scenario(), 1, 80), 1);

        assertTrue(html.contains("the mean over 13 ticks, week 39 to week 51, the end of the warm-up: no event or "
                + "export measure of the scenario is a shock to measure from"), "the window, dated");
        assertFalse(html.contains("before the first shock"), "there is none");
        assertFalse(html.contains("before the shock"), "nor a shock for the charts to start before");
    }

    /**
     * A tariff's levies are receipts of the government, but not part of the fiscal cost: they have a row of their
     * own, and the net welfare loss counts each once. The row of the fiscal cost said "outlays net of receipts",
     * which reads as if the levy row below it were netted in already; it says what is netted, as the comparison's
     * report does.
     */
    @Test
    void theFiscalCostSaysWhatItIsNetOfBesideTheLeviesRow() throws Exception {
        LoadedScenario loaded = twoRegionWithATariff();

        String html = RunReport.html(loaded, Simulation.run(loaded.scenario(), 1, 80), 1);

        assertTrue(html.contains("<tr><td>Fiscal cost, net of sales and clawbacks</td>"), "the fiscal cost's row");
        assertTrue(html.contains("<tr><td>Levy and tariff revenue</td>"), "the levies' own row");
        assertFalse(html.contains("net of receipts"), "levies are receipts, and not in it");
    }

    /**
     * The page says its quantities are per tick, as its charts are; the totals in a market's table are over the
     * run, and say so, with their unit, the price its unit, and the time to exhaustion is in weeks when a tick is a
     * week: Japan's naphtha left 602 kt unmet over the run, not 602 kt a week, and its resin stock ran out after
     * 17 weeks.
     */
    @Test
    void aMarketsTableSaysItsTotalsAreOverTheRunAndInWhatUnit() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026.json"));

        String html = RunReport.html(loaded, Simulation.run(loaded.scenario(), 1, -1), 1);

        assertTrue(html.contains("quantities are per tick (a week)"), "the charts' quantities");
        assertTrue(html.contains("<th>pre-shock price (USD/t)</th>"), "the price's unit");
        assertTrue(html.contains("<th>unmet demand (total over the run, kt)</th>"), "unmet demand's unit");
        assertTrue(html.contains("<th>output lost (total over the run, kt; negative = gain)</th>"), "output lost's unit");
        assertTrue(html.matches("(?s).*<td>\\d+ weeks</td>.*"), "a stock exhausted after some weeks");
        assertFalse(html.contains(" ticks</td>"), "not ticks, when a tick is a week");
        assertFalse(html.contains("<th>unmet demand, total</th>"), "a total without its unit");
    }

    /** With a shock the words are what they were: the window is the ticks before it, and the charts start before it. */
    @Test
    void withAShockThePreShockLevelIsTheMeanBeforeIt() {
        Scenario.TimeSpec time = new Scenario.TimeSpec(52, 260, 13, 52, null, null, null, null, null);

        assertEquals("the mean over the 13 ticks before the first shock",
                ReportPage.windowWords(time, 60, new SummaryCalculator.Window(47, 60), Calendar.of(time)));
        assertEquals(", before the shock", ReportPage.chartsStartWords(60));
    }

    /** A world that starts at rest with no warm-up and no shock measures from the price it starts at, tick 0 alone. */
    @Test
    void withNeitherAShockNorAWarmUpTheLevelIsTheFirstTicks() {
        Scenario.TimeSpec time = new Scenario.TimeSpec(52, 260, 13, 0, "2025-01-06", null, null, null, null);

        assertEquals("the mean over 1 tick, 2025-01-06, the tick the run starts at, having no warm-up: no event or "
                + "export measure of the scenario is a shock to measure from",
                ReportPage.windowWords(time, -1, SummaryCalculator.window(time, -1, 260), Calendar.of(time)));
    }

    /**
     * A run with a consortium says on its page what the consortium did and whether it kept the casebook's terms,
     * as compliance.json records them: case 6-7 acts from the cut-off of late April 2026 and keeps every term; the
     * price-sharing counterexample breaks four, each dated and with every complex that took part in it.
     */
    @Test
    void aRunWithAConsortiumSaysWhenItActedAndWhichTermsItBroke() throws Exception {
        LoadedScenario kept = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026-case6-7.json"));
        String html = RunReport.html(kept, Simulation.run(kept.scenario(), 1, -1), 1);
        assertTrue(html.contains("<h2>Joint procurement</h2>"), "the section");
        assertTrue(html.contains("It acted 2026-04-27 to 2026-07-20 (cut-off observed)"), "the first period, dated");
        assertTrue(html.contains("with 3 members. It kept every term of the casebook the model checks."), "kept");

        LoadedScenario sharing = ScenarioLoader.load(Path.of("scenarios/counterexamples/naphtha-price-sharing.json"));
        RunOutcome outcome = Simulation.run(sharing.scenario(), 1, -1);
        String page = RunReport.html(sharing, outcome, 1);
        int breaches = outcome.model().consortia().get(0).violations().size();
        assertEquals(4, breaches);
        assertTrue(page.contains(breaches + " breaches of the casebook's terms; compliance.json gives the evidence."));
        assertTrue(page.contains("<tr><td>DURATION</td><td>2026-08-24</td><td>4</td>"), "a breach, dated");
        assertTrue(page.contains("jp-complex-2, jp-complex-3, jp-complex-5, jp-complex-1, jp-complex-6, jp-complex-4,"
                + " jp-complex-7, jp-complex-8"), "every complex that shared prices");
    }

    /**
     * Case 6's pool written for one complex that joins only when its naphtha covers less than half a week of its
     * use: the cut-off holds from late April 2026 as in case 6, but the complex's stock never runs that low, so the pool
     * is in force with no member and buys nothing. The page said it "acted ... with 0 members".
     */
    @Test
    void aConsortiumNoFirmJoinedSaysItBoughtNothing() throws Exception {
        String text = Files.readString(Path.of("scenarios/naphtha-hormuz-2026-case6.json"))
                .replace("\"joinCoverTicks\": 6", "\"joinCoverTicks\": 0.5, \"firmIdPrefix\": \"jp-complex-1\"");
        LoadedScenario alone = ScenarioLoader.fromText(text, "case6-one-complex.json");
        RunOutcome outcome = Simulation.run(alone.scenario(), 1, -1);
        assertEquals(0, ((List<?>) outcome.model().consortia().get(0).report().get("members")).size());
        String html = RunReport.html(alone, outcome, 1);
        assertTrue(html.contains("It stood in force 2026-04-27 to 2026-07-20 (cut-off observed)"), "dated as in case 6");
        assertTrue(html.contains(", but no firm's stock ran low enough for it to join, so it bought and allocated"
                + " nothing. "), "said so");
        assertFalse(html.contains("It acted"));
    }

    /**
     * The table of every market heads each quantity and price with its unit: in the naphtha chain every commodity is
     * in kt and USD/t, and the headings say so; in the rare-earth chain oxide is in t and USD/kg but motors in
     * thousands and USD a motor, so the headings say each commodity has its own unit and each row gives its. The
     * table gave "unmet demand" and "output lost" with no unit, and a time to exhaustion in "ticks" that were weeks.
     */
    @Test
    void everyMarketsTableHeadsItsColumnsWithTheirUnits() {
        Scenario.TimeSpec weekly = new Scenario.TimeSpec(52, 260, 13, 0, "2025-01-06", null, null, null, null);
        Summary.MarketSummary naphtha = new Summary.MarketSummary("JP", "naphtha", 690.8, 918, 77, 1.33, 78,
                602.2, 35.9, 1578.0, 0.043, 17, null, null);
        Summary.MarketSummary resin = new Summary.MarketSummary("JP", "resin", 1783, 2229, 99, 1.25, null,
                1663, 41.9, 2346.0, 0.071, null, null, null);
        StringBuilder same = new StringBuilder();
        RunReport.marketTable(same, List.of(naphtha, resin), List.of(
                new ReportPage.MarketLabel("JP", "naphtha", "kt", "USD/t"),
                new ReportPage.MarketLabel("JP", "resin", "kt", "USD/t")), Calendar.of(weekly));
        String one = same.toString();
        assertTrue(one.contains("<th>pre-shock price (USD/t)</th>"), one);
        assertTrue(one.contains("<th>unmet demand (total over the run, kt)</th>"), one);
        assertTrue(one.contains("<th>output lost (total over the run, kt; negative = gain)</th>"), one);
        assertTrue(one.contains("<th>exhausted after (weeks)</th>"), one);
        assertTrue(one.contains("<tr><td>JP naphtha</td>"), "the heading gives the unit, the row need not");

        Summary.MarketSummary oxide = new Summary.MarketSummary("CN", "ndpr-oxide", 33.6, 40, 100, 1.19, 120,
                0, 20.0, 0.0, 0.0, null, null, null);
        Summary.MarketSummary motor = new Summary.MarketSummary("CN", "traction-motor", 645, 700, 110, 1.09, 130,
                0.5, 10.0, 1.2, 0.001, null, null, null);
        StringBuilder mixed = new StringBuilder();
        RunReport.marketTable(mixed, List.of(oxide, motor), List.of(
                new ReportPage.MarketLabel("CN", "ndpr-oxide", "t", "USD/kg"),
                new ReportPage.MarketLabel("CN", "traction-motor", "thousand motors", "USD/motor")),
                Calendar.of(weekly));
        String two = mixed.toString();
        assertTrue(two.contains("<th>pre-shock price (in each commodity's unit)</th>"), two);
        assertTrue(two.contains("<th>unmet demand (total over the run, in each commodity's unit)</th>"), two);
        assertTrue(two.contains("<tr><td>CN ndpr-oxide (t; USD/kg)</td>"), two);
        assertTrue(two.contains("<tr><td>CN traction-motor (thousand motors; USD/motor)</td>"), two);
    }

    /**
     * Every reference scenario starts at its equilibrium, with nothing to settle from, and the page said its charts
     * left out "the model's settling in from its initial prices": it says that only of a run that started there.
     */
    @Test
    void thePageSaysWhereTheRunStartedWhenItSaysWhyTheChartsBeginLater() throws Exception {
        LoadedScenario atRest = twoRegionWithATariff();
        ObjectNode fromPrices = (ObjectNode) Json.mapper().readTree(
                Path.of(getClass().getResource("/scenarios/two-region.json").toURI()).toFile());
        fromPrices.with("time").put("startAt", "initialPrices");
        LoadedScenario settling = ScenarioLoader.fromJson(fromPrices, "two-region from its initial prices");

        String rest = RunReport.html(atRest, Simulation.run(atRest.scenario(), 1, 80), 1);
        String prices = RunReport.html(settling, Simulation.run(settling.scenario(), 1, 80), 1);

        assertTrue(rest.contains("the run starts at the scenario's equilibrium, <code>time.startAt</code>, not at its"
                + " initial prices"), "the default start");
        assertFalse(rest.contains("settling in from its initial prices"), "nothing to settle from");
        assertTrue(prices.contains("leaving out the model's settling in from its initial prices"), "startAt initialPrices");
        assertFalse(prices.contains("starts at the scenario's equilibrium"), "it did not");
    }

    /** The two-region world with a 20% tariff on every unit B imports from week 20, its only instrument. */
    private LoadedScenario twoRegionWithATariff() throws Exception {
        ObjectNode s = (ObjectNode) Json.mapper().readTree(
                Path.of(getClass().getResource("/scenarios/two-region.json").toURI()).toFile());
        s.withArray("policies").addObject().put("type", "tariffRateQuota").put("id", "b-tariff").put("region", "B")
                .put("commodity", "metal").put("yearlyQuota", 0).put("outOfQuotaTariff", 0.2).put("start", 20);
        return ScenarioLoader.fromJson(s, "two-region with a tariff");
    }
}
