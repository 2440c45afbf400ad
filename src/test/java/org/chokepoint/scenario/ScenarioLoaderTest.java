package org.chokepoint.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each test starts from {@code scenarios/minimal.json}, breaks one thing, and checks that the loader
 * names the JSON pointer of the broken value and says what is allowed.
 */
class ScenarioLoaderTest {

    @Test
    void aMinimalScenarioLoads() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(resource("minimal.json"));

        Scenario s = loaded.scenario();
        assertEquals("minimal", s.meta().name());
        assertEquals(2, s.regions().size());
        assertEquals(52, s.time().horizonTicks());
        assertEquals(52, s.time().ticksPerYearOrDefault(), "a tick is a week unless the file says otherwise");
        assertEquals(0.08, s.behaviour().expectationRate(), "absent behaviour takes the documented defaults");
        assertEquals(50.0, s.firms().get(1).capacity().central(), "a {min,max} range is centred between its ends");
        assertTrue(loaded.sha256().matches("[0-9a-f]{64}"));
    }

    @Test
    void theHashIgnoresLayoutAndKeyOrder() throws Exception {
        LoadedScenario a = ScenarioLoader.load(resource("minimal.json"));
        ObjectNode reordered = Json.mapper().createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        a.json().fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, a.json().get(n)));

        LoadedScenario b = ScenarioLoader.fromJson(reordered, "reordered");

        assertEquals(a.sha256(), b.sha256());
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        String text = "{\n  \"meta\": { \"name\": \"x\" },\n  \"time\": { \"horizonTicks\": 52, }\n}\n";

        ScenarioProblem p = single(text);

        assertEquals(3, p.line());
        assertNotNull(p.column());
        assertTrue(p.message().startsWith("malformed JSON"), p.message());
        assertTrue(p.toString().startsWith("test.json:3:"), p.toString());
    }

    /**
     * A scenario pasted twice into one file: the first document is whole, so the parser finds nothing wrong, and the
     * mapper finds the second value at line 3, column 1. That place is the one worth showing; the mapper's words
     * (trailing token, the feature that refuses it) are not.
     */
    @Test
    void aSecondDocumentAfterTheFirstIsPlacedWhereItStarts() {
        String text = "{\"meta\": {\"name\": \"x\"}}\n\n{\"meta\": {\"name\": \"x\"}}\n";

        ScenarioProblem p = single(text);

        assertEquals("test.json:3:1: (document): malformed JSON: a second value after the end of the document: a file"
                + " holds one JSON value", p.toString());
        // the parser has stepped into the second value, an array here, but its element 0 is no member of the first
        assertEquals("test.json:1:4: (document): malformed JSON: a second value after the end of the document: a file"
                + " holds one JSON value", single("{} []").toString());
    }

    /**
     * A file cut short inside its only object: the parser reaches the end at line 3, column 1, inside the member
     * "meta" it read last, and says where the unclosed object began (line 1, column 1) in words, not as its own
     * "[Source: REDACTED; line: 1, column: 1]".
     */
    @Test
    void anUnclosedObjectSaysWhereItBegan() {
        String text = "{\n  \"meta\": {\"name\": \"x\"}\n";

        ScenarioProblem p = single(text);

        assertEquals("test.json:3:1: /meta: malformed JSON: Unexpected end-of-input: expected close marker for Object"
                + " (start marker at line 1, column 1)", p.toString());
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsThatAreAllowed() {
        ScenarioProblem p = single(mutated(s -> region(s, 0).put("capital", "Beijing")));

        assertEquals("/regions/0/capital", p.pointer());
        assertTrue(p.message().contains("unknown field 'capital'"), p.message());
        assertTrue(p.message().contains("allowed fields: id, name"), p.message());
        assertNotNull(p.line(), "a field present in the file has a position");
    }

    @Test
    void aValueOfTheWrongTypeSaysWhichTypeIsExpected() {
        ScenarioProblem p = single(mutated(s -> ((ObjectNode) s.get("time")).put("horizonTicks", "a year")));

        assertEquals("/time/horizonTicks", p.pointer());
        assertEquals("horizonTicks must be an integer, got 'a year'", p.message());
    }

    @Test
    void aMissingRequiredFieldIsNamedByItsPointer() {
        ScenarioProblem p = single(mutated(s -> ((ObjectNode) s.get("meta")).remove("name")));

        assertEquals("/meta/name", p.pointer());
        assertEquals("missing required field 'name'", p.message());
        assertNotNull(p.line(), "placed at the object that lacks it");
    }

    @Test
    void aNegativeCapacityFailsTheSchema() {
        ScenarioProblem p = single(mutated(s -> firm(s, 0).put("capacity", -5)));

        assertEquals("/firms/0/capacity", p.pointer());
        assertEquals("capacity must be >= 0, got -5", p.message());
    }

    @Test
    void aNegativeBoundOfACapacityRangeFailsTheSchema() {
        ScenarioProblem p = single(mutated(s -> ((ObjectNode) firm(s, 1).get("capacity")).put("min", -1)));

        assertEquals("/firms/1/capacity/min", p.pointer());
        assertEquals("min must be >= 0, got -1", p.message());
    }

    @Test
    void aNegativePriceFailsTheSchema() {
        ScenarioProblem p = single(mutated(s -> commodity(s, 0).put("initialPrice", -60)));

        assertEquals("/commodities/0/initialPrice", p.pointer());
        assertEquals("initialPrice must be >= 1e-6, got -60", p.message());
    }

    @Test
    void aParameterOfAnotherShapeListsTheShapesAllowed() {
        ScenarioProblem p = problemAt(mutated(s -> firm(s, 0).putObject("capacity").put("mean", 3)),
                "/firms/0/capacity");

        assertEquals("a parameter is a number, {\"min\": a, \"max\": b} or {\"median\": m, \"sigma\": s};"
                + " got an object {\"mean\":3}", p.message());
    }

    @Test
    void anUnknownRegionListsTheKnownOnes() {
        ScenarioProblem p = single(mutated(s -> firm(s, 0).put("region", "XX")));

        assertEquals("/firms/0/region", p.pointer());
        assertEquals("unknown region 'XX'; known regions: CN, JP", p.message());
    }

    @Test
    void anUnknownCommodityListsTheKnownOnes() {
        ScenarioProblem p = single(mutated(s -> ((ObjectNode) s.get("demand").get(0)).put("commodity", "motor")));

        assertEquals("/demand/0/commodity", p.pointer());
        assertEquals("unknown commodity 'motor'; known commodities: magnet, oxide", p.message());
    }

    @Test
    void aRecipeCycleIsReportedWithTheCycle() {
        ScenarioProblem p = single(mutated(s -> ((ArrayNode) s.get("recipes")).addObject()
                .put("id", "unsinter").put("output", "oxide")
                .putArray("inputs").addObject().put("commodity", "magnet").put("perUnit", 3)));

        assertTrue(p.pointer().startsWith("/recipes/"), p.pointer());
        assertTrue(p.message().startsWith("recipe cycle: "), p.message());
        assertTrue(p.message().contains("magnet") && p.message().contains("oxide"), p.message());
    }

    @Test
    void aRouteToARegionThatDoesNotExistIsAnError() {
        ScenarioProblem p = problemAt(mutated(s -> ((ObjectNode) s.get("routes").get(0)).put("to", "KR")),
                "/routes/0/to");

        assertEquals("/routes/0/to", p.pointer());
        assertEquals("unknown region 'KR'; known regions: CN, JP", p.message());
    }

    @Test
    void aTraderLaneWithoutARouteIsAnError() {
        ScenarioProblem p = single(mutated(s -> ((ObjectNode) s.get("routes").get(0)).put("bidirectional", false)
                .put("from", "JP").put("to", "CN")));

        assertEquals("/traders/0", p.pointer());
        assertTrue(p.message().startsWith("no route from CN to JP"), p.message());
        assertTrue(p.message().contains("JP->CN"), p.message());
    }

    @Test
    void anUnknownPolicyTypeIsRejectedWithTheSupportedOnesListed() {
        ScenarioProblem p = single(mutated(s -> s.putArray("policies").addObject().put("type", "priceFloor")));

        assertEquals("/policies/0/type", p.pointer());
        assertEquals("unsupported policy type 'priceFloor' (supported: "
                + String.join(", ", SemanticValidator.SUPPORTED_POLICY_TYPES) + ")", p.message());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromText(mutated(s -> {
            firm(s, 0).put("region", "XX");
            firm(s, 1).put("region", "YY");
        }), "test.json"));

        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void anInMemoryScenarioHasPointersButNoPositions() throws Exception {
        ObjectNode json = (ObjectNode) ScenarioLoader.load(resource("minimal.json")).json().deepCopy();
        firm(json, 0).put("capacity", -1);

        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromJson(json, "sweep point 3"));

        ScenarioProblem p = e.problems().get(0);
        assertEquals("sweep point 3: /firms/0/capacity: capacity must be >= 0, got -1", p.toString());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static Path resource(String name) {
        try {
            return Path.of(ScenarioLoaderTest.class.getResource("/scenarios/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The minimal scenario, changed by {@code change}, as pretty-printed text. */
    static String mutated(Consumer<ObjectNode> change) {
        try (InputStream in = ScenarioLoaderTest.class.getResourceAsStream("/scenarios/minimal.json")) {
            ObjectNode json = (ObjectNode) Json.mapper().readTree(in);
            change.accept(json);
            return Json.mapper().writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFileLargerThanAnyScenarioIsRefusedBeforeItIsReadWhole(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // a log file given instead of the scenario: 64 MiB of spaces and one byte more. Read whole, such a file
        // (or /dev/zero, which never ends) filled the memory and ended the command with an OutOfMemoryError
        Path big = dir.resolve("big.json");
        try (var out = java.nio.file.Files.newOutputStream(big)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                out.write(spaces);
            }
            out.write('{');
        }

        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(big));

        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("", e.problems().get(0).pointer(), "a problem of the whole document");
        assertEquals("file larger than 64 MiB: a scenario is a JSON object of at most 64 MiB"
                + " (docs/scenario-format.md, Bounds)", e.problems().get(0).message());
    }

    /**
     * A scenario saved as ISO-8859-1 by an editor set so: its "ô" is the one byte F4, which UTF-8 never has on
     * its own. The file was refused as "not UTF-8 text", without saying where in its lines; the problem now has
     * the byte's line and column (line 2, after the 21 characters of {@code   "meta": {"name": "C}) and what to do.
     */
    @Test
    void aFileInAnotherEncodingIsRefusedAtItsFirstByteThatIsNoUtf8(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        java.nio.file.Files.write(latin1, "{\n  \"meta\": {\"name\": \"C\u00f4te d'Ivoire\"}\n}\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(latin1));

        assertEquals(latin1 + ":2:22: (document): byte F4 is not UTF-8 (the file may be ISO-8859-1 or Windows-1252"
                + " text); save it as UTF-8, the encoding chokepoint reads", e.getMessage().strip());
    }

    /**
     * Saved as UTF-16, what Windows editors call "Unicode", with its byte order mark FF FE or without it: every other
     * byte is 0. Without the mark the file was refused as JSON with "Illegal character ((CTRL-CHAR, code 0))".
     */
    @Test
    void aFileSavedAsUtf16IsNamedAsSuch(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path marked = dir.resolve("marked.json");
        Path bare = dir.resolve("bare.json");
        java.nio.file.Files.write(marked, "\ufeff{}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        java.nio.file.Files.write(bare, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

        ScenarioException withMark = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(marked));
        ScenarioException without = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(bare));

        assertEquals(marked + ": (document): UTF-16 text (it begins with the byte order mark FF FE): save it as UTF-8,"
                + " the encoding chokepoint reads", withMark.getMessage().strip());
        assertEquals(bare + ": (document): UTF-16 text (every other byte is 0, from the first): save it as UTF-8, the"
                + " encoding chokepoint reads", without.getMessage().strip());
    }

    /** Loading must fail, with a problem at {@code pointer}, which is returned. */
    static ScenarioProblem problemAt(String text, String pointer) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromText(text, "test.json"));
        return e.problems().stream().filter(p -> p.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + pointer + " in:\n" + e.getMessage()));
    }

    /** Loading must fail with exactly one problem, which is returned. */
    static ScenarioProblem single(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromText(text, "test.json"));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    static ObjectNode region(JsonNode s, int i) {
        return (ObjectNode) s.get("regions").get(i);
    }

    static ObjectNode commodity(JsonNode s, int i) {
        return (ObjectNode) s.get("commodities").get(i);
    }

    static ObjectNode firm(JsonNode s, int i) {
        return (ObjectNode) s.get("firms").get(i);
    }
}
