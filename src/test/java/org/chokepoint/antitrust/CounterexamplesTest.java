package org.chokepoint.antitrust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chokepoint.metrics.Metric;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.report.RunOutputs;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped counterexamples: each breaks the rule it is named for, and nothing else; together they break
 * every rule the auditor lists; the compliant variants, and each counterexample's compliant twin, break none;
 * and sharing selling prices costs the members' customers.
 */
class CounterexamplesTest {
    private static final Path DIR = Path.of("scenarios/counterexamples");
    /** Each counterexample and the rules it breaks. */
    private static final Map<String, Set<String>> BREAKS = new LinkedHashMap<>();

    static {
        BREAKS.put("naphtha-acts-before-trigger.json", Set.of("TRIGGER"));
        BREAKS.put("naphtha-price-sharing.json", Set.of("INFORMATION_SCOPE", "NO_DOWNSTREAM_COORDINATION", "DURATION"));
        BREAKS.put("naphtha-individual-figures.json", Set.of("FIREWALL"));
        BREAKS.put("naphtha-refuses-buyers.json", Set.of("EQUAL_TREATMENT"));
        BREAKS.put("naphtha-key-changed.json", Set.of("KEY_FIXED_IN_ADVANCE"));
        BREAKS.put("naphtha-peacetime-standing.json", Set.of("PEACETIME_SHARE"));
    }

    private static Scenario load(Path p) throws Exception {
        return ScenarioLoader.load(p).scenario();
    }

    private static Set<String> broken(SupplyShockModel m) {
        return m.consortia().get(0).violations().stream().map(ComplianceAuditor.Violation::rule)
                .collect(Collectors.toSet());
    }

    private static SupplyShockModel run(Scenario s, int seed) {
        SupplyShockModel m = new SupplyShockModel(s, seed, -1);
        m.start();
        m.runToHorizon();
        return m;
    }

    @Test
    void everyCounterexampleShippedIsListedHere() throws Exception {
        try (Stream<Path> files = Files.list(DIR)) {
            assertEquals(Set.copyOf(BREAKS.keySet()), files.map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet()));
        }
    }

    @Test
    void eachCounterexampleBreaksItsRulesAndNoOtherAndTogetherTheyBreakEveryRule() throws Exception {
        Set<ComplianceAuditor.Rule> tripped = EnumSet.noneOf(ComplianceAuditor.Rule.class);
        for (Map.Entry<String, Set<String>> e : BREAKS.entrySet()) {
            for (int seed = 1; seed <= 2; seed++) {
                Set<String> rules = broken(run(load(DIR.resolve(e.getKey())), seed));
                assertEquals(e.getValue(), rules, e.getKey() + ", seed " + seed);
                rules.forEach(r -> tripped.add(ComplianceAuditor.Rule.valueOf(r)));
            }
        }
        assertEquals(EnumSet.allOf(ComplianceAuditor.Rule.class), tripped);
    }

    @Test
    void theCompliantVariantsAndEveryCounterexamplesCompliantTwinAreClean() throws Exception {
        for (String good : List.of("scenarios/naphtha-hormuz-2026-case6.json",
                "scenarios/naphtha-hormuz-2026-case6-7.json")) {
            Scenario s = load(Path.of(good));
            assertTrue(Simulation.compliantTwinOf(s) == s, good + " is its own compliant twin");
            for (int seed = 1; seed <= 2; seed++) {
                assertEquals(Set.of(), broken(run(s, seed)), good + ", seed " + seed);
            }
        }
        for (String bad : BREAKS.keySet()) {
            if (bad.contains("peacetime")) {
                // A standing arrangement's share is not a term its declaration can drop: it has no twin.
                Scenario s = load(DIR.resolve(bad));
                assertTrue(Simulation.compliantTwinOf(s) == s);
                continue;
            }
            assertEquals(Set.of(), broken(run(Simulation.compliantTwinOf(load(DIR.resolve(bad))), 1)), bad);
        }
    }

    /**
     * A standing arrangement is judged on members' combined share of the region's purchasing and selling markets,
     * which are the whole region's whoever joins. Every one of Japan's eight complexes in it is all of both (the
     * counterexample). One of them, named by the start of its id, is about an eighth, more or less with its plant
     * (43 to 57 kt a week): jp-complex-1 on seed 1 buys 14.1% of Japan's naphtha and makes 16.8% of its resin in week
     * 67, above the EU's 15% for five weeks, and within a limit of 25% throughout; all eight break that limit too.
     */
    @Test
    void aStandingArrangementOfOneComplexInEightIsJudgedOnItsOwnShare() throws Exception {
        ObjectNode json = ScenarioLoader.load(DIR.resolve("naphtha-peacetime-standing.json")).json().deepCopy();
        ObjectNode pool = (ObjectNode) json.get("consortia").get(0);
        pool.put("firmIdPrefix", "jp-complex-1");
        SupplyShockModel one = run(ScenarioLoader.fromJson(json, "one complex").scenario(), 1);
        assertEquals(List.of("jp-complex-1"), one.consortia().get(0).report().get("members"));
        List<ComplianceAuditor.Violation> over = one.consortia().get(0).violations();
        assertEquals(1, over.size(), "one spell above 15%");
        assertEquals(67, over.get(0).tick());
        assertEquals(5, over.get(0).ticks());
        pool.put("peacetimeMaxShare", 0.25);
        for (int seed = 1; seed <= 2; seed++) {
            assertEquals(Set.of(), broken(run(ScenarioLoader.fromJson(json, "one complex").scenario(), seed)),
                    "seed " + seed);
        }
        pool.put("firmIdPrefix", "jp-complex-");
        assertEquals(Set.of("PEACETIME_SHARE"), broken(run(ScenarioLoader.fromJson(json, "all").scenario(), 1)),
                "all eight");
    }

    /** Resin's price in Japan averaged over the whole run. */
    private static double meanResinPrice(SupplyShockModel m) {
        World w = m.world();
        int market = w.market(w.regionIndex("JP"), w.commodityIndex("resin"));
        double sum = 0;
        for (int t = 0; t < m.horizon(); t++) {
            sum += m.series().get(t, market, Metric.PRICE);
        }
        return sum / m.horizon();
    }

    /**
     * The markup is 16% of marginal cost, but no closed form gives what it does to a contract-priced resin whose
     * buyers thrift and whose coordination starts only with the exchange, so the overcharge is held to the 4.04% that
     * docs/antitrust.md gives for seeds 1–6 (3.64%, 3.91%, 4.08%, 4.35%, 4.00%, 4.27%), within a tenth of it: an
     * overcharge half or twice as large fails, as does the whole markup passed on.
     */
    @Test
    void sharingSellingPricesRaisesTheMembersResinPriceByFourPercentOverItsCompliantTwin() throws Exception {
        Scenario bad = load(DIR.resolve("naphtha-price-sharing.json"));
        Scenario twin = Simulation.compliantTwinOf(bad);
        double ratio = 0;
        int seeds = 6;
        for (int seed = 1; seed <= seeds; seed++) {
            ratio += meanResinPrice(run(bad, seed)) / meanResinPrice(run(twin, seed)) / seeds;
        }
        assertEquals(1.0404, ratio, 0.004, "resin costs " + ratio + " times its compliant twin's price");
    }

    /**
     * Seed 3's harm: resin costs 4.08% more over the run than under the compliant twin (docs/antitrust.md), and one
     * run's resin lost and final consumers' surplus lie about the means over 40 runs the comparison of the cooperation
     * options gives, 3.9% and $5.71 bn, within 15% and 35%, about three runs' spread (3.95% and $6.19 bn here).
     */
    @Test
    void complianceJsonGivesEachViolationItsEvidenceAndTheHarmAgainstTheCompliantTwin(@TempDir Path dir)
            throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(DIR.resolve("naphtha-price-sharing.json"));
        RunOutcome outcome = Simulation.run(loaded.scenario(), 3, -1);
        assertNotNull(outcome.compliantTwin());
        RunOutputs.write(dir, loaded, outcome, 3, 0);
        JsonNode c = Json.mapper().readTree(dir.resolve("compliance.json").toFile()).at("/consortia/0");
        JsonNode scope = null;
        for (JsonNode v : c.get("violations")) {
            if (v.get("rule").asText().equals("INFORMATION_SCOPE")) {
                scope = v;
            }
        }
        assertNotNull(scope);
        assertTrue(scope.get("parties").size() > 0);
        JsonNode message = scope.get("evidence").get(0);
        assertEquals("sellingPrice", message.get("field").asText());
        assertEquals("consortium", message.get("to").asText());
        assertEquals(scope.get("tick").asInt(), message.get("tick").asInt());
        JsonNode resin = c.at("/harm/membersProducts/0");
        assertEquals("resin", resin.get("commodity").asText());
        assertEquals(0.0408, resin.get("overcharge").asDouble(), 5e-5, resin.toString());
        assertEquals(resin.get("meanPrice").asDouble() / resin.get("meanPriceCompliantTwin").asDouble() - 1,
                resin.get("overcharge").asDouble(), 1e-12, "the overcharge is the mean price over the twin's");
        assertEquals(0.039, resin.get("outputLostShare").asDouble(), 0.15 * 0.039, resin.toString());
        assertEquals(-5.71e9, c.at("/harm/finalConsumerSurplusChangeUsd").asDouble(), 0.35 * 5.71e9,
                c.get("harm").toString());
        assertFalse(c.at("/downstreamCoordination/ticksByMember").isEmpty());

        RunOutcome clean = Simulation.run(load(Path.of("scenarios/naphtha-hormuz-2026-case6-7.json")), 3, -1);
        assertNull(clean.compliantTwin());
    }

    /**
     * The key-changed counterexample adopts pro rata to pre-shock use at tick 75, after the cut-off first observed at
     * tick 68 (seed 1): a change of key. The same key adopted at tick 55, in the last weeks before the strait shuts
     * at 60 and thirteen before any cut-off is observed, is the key fixed in advance: applied unchanged from the
     * first allocation, at tick 74, to the last, at 99, it breaks no rule.
     */
    @Test
    void aKeyAdoptedBeforeAnyTriggerHeldIsTheKeyFixedInAdvance() throws Exception {
        ObjectNode s = (ObjectNode) Json.mapper().readTree(Files.readString(DIR.resolve("naphtha-key-changed.json")));
        ((ObjectNode) s.at("/consortia/0/allocation/keyChange")).put("tick", 55);
        SupplyShockModel early = run(ScenarioLoader.fromText(Json.mapper().writeValueAsString(s),
                "naphtha-key-adopted-before-the-shock.json").scenario(), 1);
        Consortium c = early.consortia().get(0);
        assertEquals(68, ((Map<?, ?>) ((List<?>) c.report().get("triggerHeld")).get(0)).get("from"));
        assertEquals(List.of(), c.violations());

        SupplyShockModel late = run(load(DIR.resolve("naphtha-key-changed.json")), 1);
        ComplianceAuditor.Violation v = late.consortia().get(0).violations().get(0);
        assertEquals("KEY_FIXED_IN_ADVANCE", v.rule());
        assertEquals(75, v.tick());
    }
}
