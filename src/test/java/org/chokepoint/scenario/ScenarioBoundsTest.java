package org.chokepoint.scenario;

import static org.chokepoint.scenario.ScenarioLoaderTest.commodity;
import static org.chokepoint.scenario.ScenarioLoaderTest.firm;
import static org.chokepoint.scenario.ScenarioLoaderTest.mutated;
import static org.chokepoint.scenario.ScenarioLoaderTest.problemAt;
import static org.chokepoint.scenario.ScenarioLoaderTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What validation keeps out so that whatever it accepts runs: numbers beyond a double, values beyond the
 * bounds of their field, ids that outputs could not tell apart, lists that would quietly do nothing, text
 * that is no text. Each case starts from {@code scenarios/minimal.json}, as in {@link ScenarioLoaderTest}.
 */
class ScenarioBoundsTest {

    private static String minimalWith(String field, String literal) {
        String text = mutated(s -> { });
        String from = "\"" + field + "\" : ";
        int at = text.indexOf(from);
        int end = text.indexOf(',', at);
        return text.substring(0, at + from.length()) + literal + text.substring(end);
    }

    @Test
    void aNumberBeyondADoubleIsNotReadAsInfinity() {
        ScenarioProblem p = single(minimalWith("capacity", "1e309"));

        assertEquals("/firms/0/capacity", p.pointer());
        assertTrue(p.message().startsWith("number out of range: beyond the largest a double holds"), p.message());
        assertTrue(p.line() != null && p.column() != null, "placed in the file");

        assertEquals("/firms/0/capacity", single(minimalWith("capacity", "-1e309")).pointer());
    }

    @Test
    void everyQuantityPriceAndCountOfTicksHasAnUpperBound() {
        assertEquals("capacity must be <= 1e12, got 1.0E13",
                single(mutated(s -> firm(s, 0).put("capacity", 1e13))).message());
        assertEquals("max must be <= 1e12, got 2.0E12",
                single(mutated(s -> firm(s, 1).putObject("capacity").put("min", 1).put("max", 2e12))).message());
        assertEquals("initialPrice must be <= 1e9, got 1.0E308",
                single(mutated(s -> commodity(s, 0).put("initialPrice", 1e308))).message());
        assertEquals("transitTicks must be <= 1000, got 1000000000",
                single(mutated(s -> ((ObjectNode) s.get("routes").get(0)).put("transitTicks", 1_000_000_000))).message());
        assertEquals("horizonTicks must be <= 10000, got 99999999",
                single(mutated(s -> ((ObjectNode) s.get("time")).put("horizonTicks", 99_999_999))).message());
        assertEquals("sigma must be <= 3, got 50",
                single(mutated(s -> firm(s, 1).putObject("capacity").put("median", 50).put("sigma", 50))).message());
    }

    /**
     * A value beyond its bound is named as the shortest decimal that reads back as it, on any Java: a capacity
     * written 1e23 was refused on Java 17 as "got 9.999999999999999E22", a number nobody wrote (the same double,
     * which Java 25 writes 1.0E23), and an array holding it was shown the same way.
     */
    @Test
    void aValueBeyondItsBoundIsNamedAsTheShortestDecimalOnAnyJava() {
        assertEquals("capacity must be <= 1e12, got 1.0E23",
                single(mutated(s -> firm(s, 0).put("capacity", 1e23))).message());
        assertEquals("capacity must be <= 1e12, got 8.001779703418978E16",
                single(mutated(s -> firm(s, 0).put("capacity", 8.0017797034189776E16))).message());
        assertEquals("1.0E23", SchemaCheck.describe(Json.mapper().createArrayNode().add(1e23).get(0)));
        assertEquals("an array [1.0E23,2]", SchemaCheck.describe(Json.mapper().createArrayNode().add(1e23).add(2)));
    }

    @Test
    void aDemandCurveStaysWithinWhatADoubleCanPrice() {
        assertEquals("elasticity must be >= -10, got -1000000.0",
                single(mutated(s -> demand(s).put("elasticity", -1e6))).message());
        assertEquals("referencePrice must be <= 1e9, got 1.0E308",
                single(mutated(s -> demand(s).put("referencePrice", 1e308))).message());
        assertEquals("trendPerYear must be <= 10, got 1.0E308",
                single(mutated(s -> demand(s).put("trendPerYear", 1e308))).message());
    }

    @Test
    void aTrendMayNotCompoundBeyondAMillionfoldOverTheRun() throws Exception {
        // 100% a year for 20 years is a millionfold (2^20 = 1.05e6): one tick more than the limit allows.
        ScenarioProblem p = single(mutated(s -> {
            ((ObjectNode) s.get("time")).put("horizonTicks", 20 * 52);
            demand(s).put("trendPerYear", 1.0);
        }));

        assertEquals("/demand/0/trendPerYear", p.pointer());
        assertTrue(p.message().startsWith("trendPerYear 1.0 would multiply demand by 1.05e+06 over 1040 ticks"),
                p.message());

        ScenarioLoader.fromText(mutated(s -> {
            ((ObjectNode) s.get("time")).put("horizonTicks", 19 * 52);
            demand(s).put("trendPerYear", 1.0);
        }), "test.json");
    }

    @Test
    void investmentMayNotCompoundCapacityBeyondBounds() throws Exception {
        // A step of ten times the capacity every tick: 11^10000 over the longest run. A lead of 1,000 ticks does
        // not hold it back: the firm orders ten times what it has in place every tick while it waits.
        ScenarioProblem p = single(mutated(s -> {
            ((ObjectNode) s.get("time")).put("horizonTicks", 10_000);
            s.putObject("behaviour").putObject("investment").put("stepShare", 10).put("patienceTicks", 1);
            firm(s, 0).put("leadTicks", 1000);
        }));

        assertEquals("/behaviour/investment/stepShare", p.pointer());
        assertTrue(p.message().startsWith("investment could multiply a firm's capacity by more than 1e308 over 10000"
                + " ticks (a step of 10.0 every 1 ticks"), p.message());

        // Over 1,000 ticks a step of 1.5 every 4 ticks is 1.5^250 = 1.0e44, inside the bound; every 3 ticks,
        // 1.5^(1000/3) = 5.0e58, beyond it
        ScenarioLoader.fromText(mutated(s -> {
            ((ObjectNode) s.get("time")).put("horizonTicks", 1000);
            s.putObject("behaviour").putObject("investment").put("stepShare", 0.5).put("patienceTicks", 4);
        }), "test.json");
        assertTrue(single(mutated(s -> {
            ((ObjectNode) s.get("time")).put("horizonTicks", 1000);
            s.putObject("behaviour").putObject("investment").put("stepShare", 0.5).put("patienceTicks", 3);
        })).message().startsWith("investment could multiply a firm's capacity by 4.98e+58 over 1000"));
        // the defaults at the longest horizon: 1.2 every 26 ticks is 2.8e30
        ScenarioLoader.fromText(mutated(s -> ((ObjectNode) s.get("time")).put("horizonTicks", 10_000)), "test.json");
    }

    @Test
    void discountingToTheDecisionTickMayNotCompoundBeyondBounds() throws Exception {
        // Yearly ticks at 100% a year: a decision 167 years in compounds tick 0's money by 2^167 = 1.87e50, beyond
        // the bound; 166 years, 2^166 = 9.35e49, within it. At 9,998 years every present value was NaN or infinite.
        ScenarioProblem p = single(mutated(s -> yearlyAtFullRate(s).put("decisionTick", 167)));

        assertEquals("/time/decisionTick", p.pointer());
        assertEquals("discounting to decisionTick 167 at discountRate 1.0 with 1 ticks a year would compound the run's"
                + " first tick by 1.87e+50; at most by 1e50: keep (1 + discountRate)^(decisionTick / ticksPerYear)"
                + " <= 1e50", p.message());
        ScenarioLoader.fromText(mutated(s -> yearlyAtFullRate(s).put("decisionTick", 166)), "test.json");

        // without decisionTick the first shock is the decision: an outage in year 167
        ScenarioProblem shock = single(mutated(s -> {
            yearlyAtFullRate(s);
            s.putArray("events").addObject().put("type", "capacityOutage").put("region", "CN")
                    .put("commodity", "oxide").put("share", 0.5).put("start", 167);
        }));
        assertEquals("/time/discountRate", shock.pointer());
        assertTrue(shock.message().startsWith("discounting to the decision tick, 167, the first shock's (no"
                + " decisionTick given), at discountRate 1.0"), shock.message());
    }

    private static ObjectNode yearlyAtFullRate(ObjectNode s) {
        return ((ObjectNode) s.get("time")).put("horizonTicks", 200).put("ticksPerYear", 1).put("discountRate", 1.0);
    }

    @Test
    void aLongerRunThanTheHorizonIsCheckedAgainstTheSameLimits() throws Exception {
        LoadedScenario loaded = ScenarioLoader.fromText(mutated(s -> demand(s).put("trendPerYear", 1.0)), "test.json");

        ScenarioLoader.checkRunLength(loaded, 19 * 52);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.checkRunLength(loaded, 10_000));
        assertTrue(e.problems().get(0).message().startsWith("with --ticks 10000: trendPerYear 1.0"), e.getMessage());
    }

    @Test
    void aRunThatWouldNotFitInMemoryIsRefusedForTheDocument() {
        ScenarioProblem p = single(mutated(s -> {
            ((ObjectNode) s.get("time")).put("horizonTicks", 10_000);
            ArrayNode regions = (ArrayNode) s.get("regions");
            for (int i = 0; i < 60; i++) {
                regions.addObject().put("id", "R" + i);
            }
        }));

        assertEquals("", p.pointer());
        assertTrue(p.toString().startsWith("test.json:1:1: (document): a run of 10000 ticks would keep about"),
                p.toString());
    }

    @Test
    void twoPoliciesMayNotGoByOneIdEvenWhenTheirTypeIsTheirId() {
        ScenarioProblem p = single(mutated(s -> {
            ArrayNode policies = s.putArray("policies");
            policies.addObject().put("type", "tariffFloor").put("region", "JP").put("commodity", "oxide")
                    .put("floor", 70);
            policies.addObject().put("type", "tariffFloor").put("region", "JP").put("commodity", "oxide")
                    .put("floor", 100);
        }));

        assertEquals("/policies/1", p.pointer());
        assertTrue(p.message().startsWith("duplicate policy id 'tariffFloor' (an entry without an id goes by its"
                + " type): /policies/0 has it too"), p.message());
    }

    @Test
    void aPopulationsMembersMayNotTakeAnotherFirmsId() {
        ScenarioProblem p = single(mutated(s -> {
            firm(s, 0).put("count", 3);
            firm(s, 1).put("id", "mine-2");
        }));

        assertEquals("/firms/1/id", p.pointer());
        assertTrue(p.message().startsWith("firm id 'mine-2' is also used by /firms/0 (members of a population are"
                + " named id-1, id-2, ...)"), p.message());
    }

    @Test
    void aListThatWouldDoNothingIsAProblem() {
        ScenarioProblem p = single(mutated(s -> {
            ObjectNode ban = s.putArray("policies").addObject().put("type", "exportBan").put("region", "CN");
            ban.putArray("commodities");
            ban.putArray("destinations").add("JP");
        }));

        assertEquals("/policies/0/commodities", p.pointer());
        assertEquals("commodities needs at least 1 entry, got 0", p.message());

        ScenarioProblem twice = single(mutated(s -> {
            ObjectNode ban = s.putArray("policies").addObject().put("type", "exportBan").put("region", "CN");
            ban.putArray("commodities").add("oxide");
            ban.putArray("destinations").add("JP").add("JP");
        }));
        assertEquals("/policies/0/destinations/1", twice.pointer());
        assertEquals("region 'JP' is listed twice", twice.message());
    }

    @Test
    void anIntegerOfAPolicyBeyondAnIntIsOutOfRangeNotWrappedRound() {
        ScenarioProblem p = single(mutated(s -> s.putArray("policies").addObject().put("type", "governmentNotice")
                .put("region", "JP").put("start", 3_000_000_000L).putArray("commodities").add("oxide")));

        assertEquals("/policies/0/start", p.pointer());
        assertEquals("start must be <= 10000, got 3000000000", p.message());
    }

    @Test
    void anAllocationKeyNamesOnlyKnownCommodities() throws Exception {
        String text = Files.readString(Path.of("scenarios/naphtha-hormuz-2026-case6-7.json"))
                .replace("\"medical-device\": 2", "\"medical-devices\": 2");

        ScenarioProblem p = problemAt(text, "/consortia/0/allocation/priority/medical-devices");

        assertTrue(p.message().startsWith("unknown commodity 'medical-devices'"), p.message());
    }

    @Test
    void aLoneSurrogateIsNoText() {
        ScenarioProblem p = single(mutated(s -> { }).replace("\"name\" : \"minimal\"", "\"name\" : \"min\\ud800imal\""));

        assertEquals("/meta/name", p.pointer());
        assertEquals("text holds a lone surrogate \\ud800 at character 3, which is no character: write the character"
                + " itself, or both halves of its surrogate pair", p.message());
    }

    @Test
    void aByteOrderMarkBeforeTheTextIsNotPartOfIt() throws Exception {
        LoadedScenario withMark = ScenarioLoader.fromText("\uFEFF" + mutated(s -> { }), "test.json");

        assertEquals("minimal", withMark.scenario().meta().name());
    }

    @Test
    void theDocumentItselfIsNamedSoRatherThanBySlash() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromText("[]", "test.json"));

        assertTrue(e.problems().get(0).toString().startsWith("test.json:1:1: (document): "), e.getMessage());
    }

    /**
     * The schema writes the bounds out field by field, in the branch of every policy and consortium type as
     * in the file's own sections; Limits names them once. Every field of a kind, wherever it stands, has
     * its kind's bound: a price field added to a new instrument without one is caught here.
     */
    @Test
    void theSchemaWritesOutTheLimitsInEveryBranch() throws Exception {
        JsonNode schema = Json.mapper().readTree(Path.of("scenarios/schema/scenario.schema.json").toFile());
        Map<Set<String>, Double> maxima = Map.of(
                Set.of("floor", "strike", "releasePrice", "referencePrice", "extraCostPerUnit", "initialPrice",
                        "chokePrice", "costPerUnit", "priceParam"), Limits.MAX_PRICE,
                Set.of("baseQuantity", "volumeCapPerTick", "quantityParam"), Limits.MAX_QUANTITY,
                Set.of("yearlyVolume", "yearlyQuota"), Limits.MAX_YEARLY_QUANTITY,
                Set.of("yearlyBudget", "capexPerAnnualUnit"), Limits.MAX_MONEY,
                Set.of("valuePerUnit"), Limits.MAX_VALUE_PER_UNIT,
                Set.of("priceAbove", "multiplier", "costMultiplier", "triggerMultiple", "maxPaceMultiple",
                        "maxStockPriceRatio", "multipleParam"), Limits.MAX_MULTIPLE,
                Set.of("transitTicks", "extraTransitTicks", "leadTicks"), (double) Limits.MAX_TRANSIT_TICKS,
                Set.of("start", "end", "announce", "baselineEnd", "ticksParam"), (double) Limits.MAX_TICKS,
                Set.of("count"), (double) Limits.MAX_COUNT,
                Set.of("sigma"), Limits.MAX_SIGMA);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Field f : fields(schema, schema, "", new ArrayList<>())) {
            Double want = null;
            for (Map.Entry<Set<String>, Double> e : maxima.entrySet()) {
                if (e.getKey().contains(f.name())) {
                    want = e.getValue();
                }
            }
            if (want == null && f.name().endsWith("Ticks")) {
                want = (double) Limits.MAX_TICKS; // every other count of ticks, a horizon's, a window's, a lead's
            }
            if (want == null) {
                continue;
            }
            checked++;
            if (!f.node().has("maximum") || f.node().get("maximum").asDouble() != want) {
                wrong.add(f.at() + " has maximum " + f.node().get("maximum") + ", Limits says " + want);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(checked >= 60, "the walk reached the policy branches: " + checked + " fields checked");
        JsonNode prices = schema.at("/$defs/priceParam/properties");
        assertEquals(Limits.MAX_PRICE, prices.at("/median/maximum").asDouble());
        // An export subsidy's perUnit is a price, where a recipe input's of the same name is a quantity. At 1e16 a
        // unit its outlay and the traders' matching income reached 3.7e23 dollars in the two-region world, whose
        // rounding (a unit in the last place is 6.7e7 there) was as large as the net welfare change it left.
        assertEquals(Limits.MAX_PRICE, schema.at("/$defs/exportSubsidy/properties/perUnit/maximum").asDouble());
        assertEquals(-Limits.MAX_ELASTICITY, schema.at("/properties/demand/items/properties/elasticity/minimum")
                .asDouble());
        assertEquals(Limits.MIN_PRICE, schema.at("/properties/commodities/items/properties/initialPrice/minimum")
                .asDouble());
        assertEquals(Limits.MIN_LICENCE_CAPACITY, schema.at("/$defs/exportLicensing/properties/capacityPerWeek"
                + "/additionalProperties/minimum").asDouble());
        assertEquals(Limits.MIN_LICENCE_CAPACITY, schema.at("/$defs/capacityStep/properties/capacityPerWeek/minimum")
                .asDouble());
    }

    private record Field(String name, String at, JsonNode node) { }

    /** Every property of the schema with a numeric type or a reference to a bounded parameter, anywhere. */
    private static List<Field> fields(JsonNode schema, JsonNode node, String at, List<Field> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> m : node.properties()) {
                if ((m.getKey().equals("properties") || m.getKey().equals("$defs")) && m.getValue().isObject()) {
                    for (Map.Entry<String, JsonNode> p : m.getValue().properties()) {
                        String type = p.getValue().path("type").asText();
                        if (type.equals("number") || type.equals("integer") || p.getKey().endsWith("Param")) {
                            out.add(new Field(p.getKey(), at + "/" + m.getKey() + "/" + p.getKey(), p.getValue()));
                        }
                        fields(schema, p.getValue(), at + "/" + m.getKey() + "/" + p.getKey(), out);
                    }
                } else {
                    fields(schema, m.getValue(), at + "/" + m.getKey(), out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields(schema, node.get(i), at + "/" + i, out);
            }
        }
        return out;
    }

    private static ObjectNode demand(ObjectNode s) {
        return (ObjectNode) s.get("demand").get(0);
    }
}
