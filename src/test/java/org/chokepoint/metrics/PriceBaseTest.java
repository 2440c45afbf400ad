package org.chokepoint.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.PriceBase;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Money restated from a scenario's 2009 dollars in 2024 dollars with the US CPI-U annual averages. */
class PriceBaseTest {

    private static ObjectNode twoRegionIn2009() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Path.of(PriceBaseTest.class.getResource(
                "/scenarios/two-region.json").toURI()).toFile());
        ((ObjectNode) json.get("time")).put("startDate", "2009-01-05");
        json.set("policies", Json.mapper().readTree("[{\"type\": \"exportBan\", \"region\": \"A\","
                + " \"commodities\": [\"metal\"], \"destinations\": [\"B\"], \"announce\": 100, \"start\": 104}]"));
        return json;
    }

    @Test
    void a2009DollarIsWorthTheRatioOfTheTwoYearsCpiIn2024Dollars() throws Exception {
        ObjectNode json = twoRegionIn2009();
        Scenario in2009 = ScenarioLoader.fromJson(json, "2009").scenario();
        json.putObject("outputs").put("priceBaseYear", 2024);
        Scenario in2024 = ScenarioLoader.fromJson(json, "2024").scenario();

        PriceBase p = PriceBase.of(in2024);
        // CPI-U annual averages: 313.689 (2024) / 214.537 (2009)
        assertEquals(1.46217, p.deflator(), 1e-5);
        assertEquals(2009, p.priceYear());
        assertEquals("US$ (2024 prices)", p.label());
        assertEquals(PriceBase.of(in2009).deflator(), 1.0, 0.0, "the scenario's own year needs no index");
        assertNull(PriceBase.of(in2009).index());
        assertEquals("US$ (2009 prices)", PriceBase.of(in2009).label(), "the start date's year");

        Summary a = Simulation.run(in2009, 3, 200).summary();
        Summary b = Simulation.run(in2024, 3, 200).summary();
        assertTrue(Math.abs(a.totals().consumerSurplusChange()) > 0, "the ban costs B's households something");
        assertEquals(1.46217 * a.totals().consumerSurplusChange(), b.totals().consumerSurplusChange(),
                1e-5 * Math.abs(b.totals().consumerSurplusChange()));
        assertEquals(1.46217 * a.totals().presentValues().deadweightLoss(), b.totals().presentValues().deadweightLoss(),
                1e-5 * Math.abs(b.totals().presentValues().deadweightLoss()));
        assertEquals(a.regions().get(1).consumerSurplusChange() * p.deflator(),
                b.regions().get(1).consumerSurplusChange(), 1e-9 * Math.abs(b.regions().get(1).consumerSurplusChange()));
        assertEquals(a.markets().get(1).peakPrice(), b.markets().get(1).peakPrice(), 0.0,
                "prices stay in the scenario's units");
    }

    @Test
    void aBaseYearTheTableDoesNotHaveIsAnErrorThatListsTheYearsItHas() throws Exception {
        ObjectNode json = twoRegionIn2009();
        json.putObject("outputs").put("priceBaseYear", 2031);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromJson(json, "x"));
        assertTrue(e.getMessage().contains("/outputs/priceBaseYear") && e.getMessage().contains("2024"),
                e.getMessage());
        ((ObjectNode) json.get("time")).remove("startDate");
        ScenarioException noYear = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromJson(json, "x"));
        assertTrue(noYear.getMessage().contains("time.priceYear"), noYear.getMessage());
    }
}
