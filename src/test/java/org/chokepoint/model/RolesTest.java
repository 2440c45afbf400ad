package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.Summary;
import org.chokepoint.metrics.SummaryCalculator;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.spec.PolicySpec;
import org.junit.jupiter.api.Test;

/**
 * Background and shock: a two-year demand slump in the importer B is the world's own story (background), and
 * an export ban by A on B, announced at week 150, is the shock. The cost of the ban is what it costs given the
 * slump, measured from a window that ends when the ban is announced, not when the slump began.
 */
class RolesTest {
    private static final String SLUMP = "{\"type\": \"demandShift\", \"id\": \"slump\", \"region\": \"B\","
            + " \"commodity\": \"metal\", \"multiplier\": 0.6, \"start\": 60, \"end\": 120, \"role\": \"background\"}";
    private static final String BAN = "{\"type\": \"exportBan\", \"id\": \"ban\", \"region\": \"A\","
            + " \"commodities\": [\"metal\"], \"destinations\": [\"B\"], \"announce\": 150, \"start\": 156}";

    private static ObjectNode twoRegion() throws Exception {
        return (ObjectNode) Json.mapper().readTree(Path.of(RolesTest.class.getResource(
                "/scenarios/two-region.json").toURI()).toFile());
    }

    private static LoadedScenario with(String events, String policies) throws Exception {
        ObjectNode json = twoRegion();
        json.set("events", Json.mapper().readTree(events));
        json.set("policies", Json.mapper().readTree(policies));
        return ScenarioLoader.fromJson(json, "two-region with roles");
    }

    @Test
    void theCounterfactualKeepsTheBackgroundAndDropsTheShock() throws Exception {
        Scenario s = with("[" + SLUMP + "]", "[" + BAN + "]").scenario();
        Scenario cf = s.counterfactual();
        assertEquals(List.of("slump"), cf.events().stream().map(e -> e.id()).toList());
        assertTrue(cf.policies().isEmpty(), "the ban is the shock");
        assertTrue(s.hasShocks());
        assertEquals(150, s.firstShockTick(), "the ban's announcement, not the slump's start (60)");

        Scenario onlyBackground = with("[" + SLUMP + "]", "[]").scenario();
        assertTrue(!onlyBackground.hasShocks() && onlyBackground.firstShockTick() == -1,
                "a world with its background only has no shock");
        assertNull(Simulation.run(onlyBackground, 7, 200).counterfactual(), "nothing to differ from");
    }

    @Test
    void beforeTheShockTheRunAndItsCounterfactualAreTheSameWorldAndTheSlumpCostsNothing() throws Exception {
        Scenario s = with("[" + SLUMP + "]", "[" + BAN + "]").scenario();
        RunOutcome o = Simulation.run(s, 11, -1);
        SupplyShockModel run = o.model();
        SupplyShockModel cf = o.counterfactual();
        int b = run.world().market(run.world().regionIndex("B"), 0);
        // Common random numbers and the same background: the two worlds are one until the ban is announced.
        boolean slumpMovedThePrice = false;
        for (int t = 0; t < 150; t++) {
            assertEquals(cf.series().get(t, b, Metric.PRICE), run.series().get(t, b, Metric.PRICE), 0.0, "tick " + t);
            slumpMovedThePrice |= Math.abs(run.series().get(t, b, Metric.PRICE) / run.series().get(50, b, Metric.PRICE)
                    - 1) > 0.02;
        }
        assertTrue(slumpMovedThePrice, "the slump is visible in both worlds");
        SummaryCalculator.Window w = SummaryCalculator.window(s.time(), run.firstShockTick(), run.horizon());
        assertEquals(new SummaryCalculator.Window(137, 150), w, "13 weeks before the announcement");

        // The same run measured against a world without the slump counts the slump as if it were the ban's.
        SupplyShockModel bare = new SupplyShockModel(with("[]", "[]").scenario(), 11, run.horizon());
        bare.start();
        bare.runToHorizon();
        double againstBare = 0;
        for (int t = 60; t < 120; t++) {
            againstBare += bare.series().get(t, b, Metric.CONSUMPTION) - run.series().get(t, b, Metric.CONSUMPTION);
        }
        // The long run of each world, worked out below, cuts B's consumption by 100.82 - 64.51 = 36.31 a week, 2,179
        // over the slump's 60 weeks. The run's prices overshoot it (B's falls to 8.3 by week 80, under the 9.13 of
        // the long run) and settle by week 100, so the whole cut is held within 10% and the settled weeks within 2%.
        double cut = (longRunConsumptionOfB(1.0) - longRunConsumptionOfB(0.6)) * 60;
        assertEquals(2179, cut, 1, "the long run's cut, worked out by hand");
        assertEquals(cut, againstBare, 0.1 * cut, "the slump's cut of B's consumption against a world without it");
        double settled = 0;
        for (int t = 100; t < 120; t++) {
            settled += run.series().get(t, b, Metric.CONSUMPTION) / 20;
        }
        assertEquals(longRunConsumptionOfB(0.6), settled, 0.02 * longRunConsumptionOfB(0.6), "weeks 100-119");
        Summary summary = o.summary();
        Summary sameWindowAgainstBare = SummaryCalculator.compute(run, bare);
        assertNotEquals(sameWindowAgainstBare.totals().consumerSurplusChange(),
                summary.totals().consumerSurplusChange(), "the background is not the shock's doing");
    }

    /**
     * What B's households buy a week in the long run when their demand is {@code multiplier} times its own: A's ten
     * mines of 30 sell {@code 300 (p_A - 4) / 9}, B's five of 10 {@code 50 (p_B - 6) / 9}, each country's households
     * buy {@code 100 (p / 10)^-0.8} (B's times the multiplier), and the traders, whose lanes of 30-50 a week each are
     * never full, carry metal to B for 0.2 and 2% of B's price (the middle of their 1-3%), {@code 0.98 p_B = p_A +
     * 0.2}. The world's market clears at {@code p_A = 9.50} without the slump (B buys 100.82) and at 8.75 with it
     * (B's price 9.13, its households buying 64.51).
     */
    private static double longRunConsumptionOfB(double multiplier) {
        double lo = 4;
        double hi = 20;
        for (int i = 0; i < 200; i++) {
            double pa = (lo + hi) / 2;
            double pb = (pa + 0.2) / 0.98;
            double excess = 300 * (pa - 4) / 9 + 50 * Math.max(pb - 6, 0) / 9 - 100 * Math.pow(pa / 10, -0.8)
                    - multiplier * 100 * Math.pow(pb / 10, -0.8);
            if (excess > 0) {
                hi = pa;
            } else {
                lo = pa;
            }
        }
        return multiplier * 100 * Math.pow(((lo + hi) / 2 + 0.2) / 0.98 / 10, -0.8);
    }

    @Test
    void anOptionThatListsItsOwnPoliciesKeepsTheBackgroundOfTheBase() throws Exception {
        String dumping = "{\"type\": \"exportTax\", \"id\": \"dumping\", \"region\": \"A\","
                + " \"commodities\": [\"metal\"], \"rate\": 0.05, \"role\": \"background\"}";
        LoadedScenario base = with("[" + SLUMP + "]", "[" + dumping + ", " + BAN + "]");
        JsonNode options = Json.mapper().readTree("{\"options\": ["
                + "{\"name\": \"floor\", \"patch\": {\"events\": [], \"policies\": [" + BAN + ", {\"type\": \"tariffFloor\","
                + " \"region\": \"B\", \"commodity\": \"metal\", \"floor\": 11, \"start\": 40}]}},"
                + "{\"name\": \"lighter tax\", \"patch\": {\"policies\": [" + BAN + ", "
                + dumping.replace("0.05", "0.02") + "]}}]}");
        Comparison c = Comparison.prepare(base, options, "test", 2, 1, 200);
        Scenario floor = c.options().get(1).scenario().scenario();
        assertEquals(List.of("dumping", "ban", "tariffFloor"), floor.policies().stream().map(PolicySpec::id).toList());
        assertEquals(List.of("slump"), floor.events().stream().map(e -> e.id()).toList(),
                "an empty events list does not take the slump away");
        Scenario lighter = c.options().get(2).scenario().scenario();
        assertEquals(List.of("ban", "dumping"), lighter.policies().stream().map(PolicySpec::id).toList(),
                "the option's own version of a background entry stands in for the base's");
        assertEquals(0.02, ((org.chokepoint.scenario.spec.ExportTaxSpec) lighter.policies().get(1)).rate());
    }

    @Test
    void aRoleOtherThanBackgroundOrShockIsAnErrorAtItsPointer() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> with("[]", "[" + BAN.replace("}", ", \"role\": \"sometimes\"}") + "]"));
        assertTrue(e.getMessage().contains("/policies/0/role"), e.getMessage());
    }

    @Test
    void in2010ThePreShockWindowEndsBeforeTheQuotaCutIsAnnouncedNotBeforeTheLaterCrackdown() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios", "rare-earth-2010.json")).scenario();
        // The ion-clay crackdown (an event) starts in week 104; the quota cut (an export measure) is announced in
        // week 78, July 2010: the prices of the weeks between already carry the news.
        assertEquals(78, s.firstShockTick());
        assertEquals(new SummaryCalculator.Window(65, 78), SummaryCalculator.window(s.time(), s.firstShockTick(),
                s.time().horizonTicks()));
    }
}
