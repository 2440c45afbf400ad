package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.metrics.SummaryCalculator;
import org.chokepoint.model.Simulation;
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
        ObjectNode s = (ObjectNode) Json.mapper().readTree(
                Path.of(getClass().getResource("/scenarios/two-region.json").toURI()).toFile());
        s.withArray("policies").addObject().put("type", "tariffRateQuota").put("id", "b-tariff").put("region", "B")
                .put("commodity", "metal").put("yearlyQuota", 0).put("outOfQuotaTariff", 0.2).put("start", 20);
        LoadedScenario loaded = ScenarioLoader.fromJson(s, "two-region with a tariff");

        String html = RunReport.html(loaded, Simulation.run(loaded.scenario(), 1, 80), 1);

        assertTrue(html.contains("the mean over 13 ticks, week 39 to week 51, the end of the warm-up: no event or "
                + "export measure of the scenario is a shock to measure from"), "the window, dated");
        assertFalse(html.contains("before the first shock"), "there is none");
        assertFalse(html.contains("before the shock"), "nor a shock for the charts to start before");
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
}
