package org.chokepoint.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.trade.TradeRules;
import org.junit.jupiter.api.Test;

/**
 * When the restrictions on A's exports of metal end, as A's sellers know it week by week (two-region world). What
 * a measure announces of its end is known from its announcement, what a later measure adds from the later one's:
 * a firm deciding whether to keep its plant through a restriction reads no announcement before it is made.
 */
class ExportRestrictionEndTest {
    private static final int A = 0;
    private static final int METAL = 0;

    private static TradeRules rules(String policies) throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(Path.of("src/test/resources/scenarios/two-region.json").toFile());
        root.set("policies", Json.mapper().readTree(policies));
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson(root, "two-region").scenario(), 1, -1);
        model.start();
        return model.government().tradeRules();
    }

    private static final String BAN = "{\"type\":\"exportBan\",\"id\":\"ban\",\"region\":\"A\",\"commodities\":[\"metal\"],"
            + "\"announce\":10,\"start\":20,\"end\":50}";

    @Test
    void aBanEndsWhenItSaysFromItsStartAndAnExtensionCountsFromItsOwnAnnouncement() throws Exception {
        TradeRules rules = rules("[" + BAN + ",{\"type\":\"exportBan\",\"id\":\"more\",\"region\":\"A\","
                + "\"commodities\":[\"metal\"],\"announce\":40,\"start\":50,\"end\":80}]");
        assertEquals(-1, rules.exportsReopen(A, METAL, 15), "announced, not yet in force");
        assertEquals(50, rules.exportsReopen(A, METAL, 20));
        assertEquals(50, rules.exportsReopen(A, METAL, 39), "the extension is not yet announced");
        assertEquals(80, rules.exportsReopen(A, METAL, 40), "the two bans follow one another without a gap");
        assertEquals(80, rules.exportsReopen(A, METAL, 79));
        assertEquals(-1, rules.exportsReopen(A, METAL, 80));
    }

    @Test
    void aMeasureWithoutAnEndHasNoneUntilAReplacementIsAnnounced() throws Exception {
        TradeRules rules = rules("[{\"type\":\"exportQuota\",\"id\":\"quota\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"yearlyVolume\":1000,\"start\":20},{\"type\":\"exportTax\",\"id\":\"tax\",\"region\":\"A\","
                + "\"commodities\":[\"metal\"],\"rate\":0.1,\"announce\":70,\"start\":90,\"end\":120,\"replaces\":\"quota\"}]");
        assertEquals(Integer.MAX_VALUE, rules.exportsReopen(A, METAL, 20));
        assertEquals(Integer.MAX_VALUE, rules.exportsReopen(A, METAL, 69), "the quota's end at 90 is not yet news");
        assertEquals(120, rules.exportsReopen(A, METAL, 70), "the tax replaces it from 90 to 120");
        assertEquals(120, rules.exportsReopen(A, METAL, 95));
    }

    @Test
    void aGapBetweenTwoMeasuresEndsTheFirst() throws Exception {
        TradeRules rules = rules("[" + BAN + ",{\"type\":\"exportBan\",\"id\":\"later\",\"region\":\"A\","
                + "\"commodities\":[\"metal\"],\"announce\":30,\"start\":60,\"end\":80}]");
        assertEquals(50, rules.exportsReopen(A, METAL, 35), "ten weeks of open trade between them");
    }

    @Test
    void anExportSubsidyRestrictsNothing() throws Exception {
        TradeRules rules = rules("[{\"type\":\"exportSubsidy\",\"id\":\"rebate\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"rate\":0.1,\"start\":20,\"end\":50}]");
        assertEquals(-1, rules.exportsReopen(A, METAL, 30));
    }

    @Test
    void ofTwoReplacementsEachCutsTheEndFromItsOwnAnnouncement() throws Exception {
        // A quota without an end; a tax announced in week 30 replaces it from week 100 to 110, a ban announced in
        // week 60 from week 80 to 90. In week 40 the quota ends at 100 and the tax runs on to 110; from week 60 the
        // quota ends at 80, the ban runs to 90, and trade is free from 90 until the tax starts.
        TradeRules rules = rules("[{\"type\":\"exportQuota\",\"id\":\"quota\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"yearlyVolume\":1000,\"start\":20},{\"type\":\"exportTax\",\"id\":\"tax\",\"region\":\"A\","
                + "\"commodities\":[\"metal\"],\"rate\":0.1,\"announce\":30,\"start\":100,\"end\":110,\"replaces\":\"quota\"},"
                + "{\"type\":\"exportBan\",\"id\":\"ban\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"announce\":60,\"start\":80,\"end\":90,\"replaces\":\"quota\"}]");
        assertEquals(Integer.MAX_VALUE, rules.exportsReopen(A, METAL, 29));
        assertEquals(110, rules.exportsReopen(A, METAL, 40));
        assertEquals(90, rules.exportsReopen(A, METAL, 60));
    }
}
