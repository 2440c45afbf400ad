package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chokepoint.scenario.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chokepoint compare}, end to end, for what a first options file gets wrong. */
class CompareCommandTest extends CommandLineTest {

    @TempDir
    Path dir;

    /** The two-region world with a ban on A's exports from tick 60, a shock. */
    private Path banned() throws Exception {
        return banned(dir);
    }

    /** {@link #banned()}, written into {@code dir} as banned.json. */
    static Path banned(Path dir) throws Exception {
        ObjectNode s = (ObjectNode) Json.mapper().readTree(
                Path.of(CompareCommandTest.class.getResource("/scenarios/two-region.json").toURI()).toFile());
        s.withArray("policies").addObject().put("type", "exportBan").put("id", "a-ban").put("region", "A")
                .put("start", 60).putArray("commodities").add("metal");
        Path file = dir.resolve("banned.json");
        Json.write(file, s);
        return file;
    }

    @Test
    void theRunsAllowedAreTheOnesTheMessageNames() {
        // --runs 0 used to be told "between 1 and 1000000", and --runs 1 then "at least 2": one message now
        for (String runs : new String[] {"0", "1", "1000001"}) {
            err.getBuffer().setLength(0);
            assertEquals(2, chokepoint("compare", "scenarios/ndpr-price-floor-2025.json", "--options",
                    "scenarios/ndpr-price-floor-2025.options.json", "--runs", runs,
                    "--out", dir.resolve("c").toString()));
            assertTrue(err.toString().startsWith("--runs must be between 2 and 1000000 (two at least, for confidence "
                    + "intervals), got " + runs + "\n"), err.toString());
        }
        assertTrue(!java.nio.file.Files.exists(dir.resolve("c")), "nothing written");
    }

    /**
     * The NdPr floor options are nine, ten with "no policy": 100,000 runs of each are a million, as many as an
     * ensemble or a sweep may run; 100,001 are refused before anything runs or is written.
     */
    @Test
    void aComparisonRunsNoMoreThanAnEnsembleMay() {
        assertEquals(2, chokepoint("compare", "scenarios/ndpr-price-floor-2025.json", "--options",
                "scenarios/ndpr-price-floor-2025.options.json", "--runs", "100001",
                "--out", dir.resolve("c").toString()));
        assertTrue(err.toString().startsWith("the comparison needs 1000010 runs (10 options, \"no policy\" and grid"
                + " levels included, x --runs 100001); at most 1000000"), err.toString());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("c")), "nothing written");
    }

    /**
     * A patch that lists its own policies replaces the scenario's whole list (RFC 7386), ban included: the
     * option then runs without the shock, which may be meant ("no restriction"), so the comparison runs, but
     * says so on standard error and in the report beside the option.
     */
    @Test
    void anOptionWhosePatchDropsAShockIsComparedWithAWarning() throws Exception {
        Path options = dir.resolve("options.json");
        Files.writeString(options, """
                {"options": [{"name": "floor", "description": "a floor in B",
                  "patch": {"policies": [{"type": "tariffFloor", "id": "b-floor", "region": "B",
                    "commodity": "metal", "floor": 11, "start": 40}]}},
                  {"name": "floor kept", "description": "the same floor, the ban repeated",
                  "patch": {"policies": [{"type": "exportBan", "id": "a-ban", "region": "A", "start": 60,
                    "commodities": ["metal"]}, {"type": "tariffFloor", "id": "b-floor", "region": "B",
                    "commodity": "metal", "floor": 11, "start": 40}]}}]}""");
        Path results = dir.resolve("compared");

        int code = chokepoint("compare", banned().toString(), "--options", options.toString(), "--runs", "2",
                "--ticks", "80", "--threads", "1", "--quiet", "--out", results.toString());

        assertEquals(0, code, err.toString());
        String note = "option 'floor': its patch replaces \"policies\" and leaves out the scenario's shock a-ban,"
                + " so the option runs without it and the loss it avoids includes that shock's own cost; to keep"
                + " it, repeat it in the patch's \"policies\".";
        assertEquals("warning: compare: " + note + "\n", err.toString(), "one line, for the option that drops it");
        String html = Files.readString(results.resolve("report.html"));
        String escaped = note.replace("\"", "&quot;");
        assertTrue(html.contains("<span class=\"warning\">Warning: " + escaped + "</span>"), "in the report");
        assertEquals(2, html.split("Warning: ", -1).length - 1,
                "beside the option in the cost of inaction and in the list of options, and nowhere else");
    }

    /**
     * minimal.json has one demand entry, for magnets in JP; an option adds a second, for oxide bought in JP for uses
     * the chain does not model. With demand noise, every entry draws its noise from one stream each tick in the order
     * of the entries, so the option's entry shifts the noise of the magnets' and the option's paired difference from
     * "no policy" carries noise of its own. The comparison runs, and says so once. Without demand noise nothing is
     * drawn for demand, and nothing is said; nor for an option that adds only a policy.
     */
    @Test
    void anOptionWithADemandEntryMoreWarnsThatItsNoiseIsNotCommon() throws Exception {
        Path options = dir.resolve("options.json");
        Files.writeString(options, """
                {"options": [{"name": "floor", "description": "a tariff floor on oxide in JP",
                  "patch": {"policies": [{"type": "tariffFloor", "id": "jp-floor", "region": "JP",
                    "commodity": "oxide", "floor": 70, "start": 10}]}},
                  {"name": "catalysts", "description": "oxide bought in JP for catalysts too",
                  "patch": {"demand": [
                    {"region": "JP", "commodity": "magnet", "baseQuantity": 40, "referencePrice": 90, "elasticity": -0.3},
                    {"region": "JP", "commodity": "oxide", "baseQuantity": 2, "referencePrice": 60, "elasticity": -0.2}
                  ]}}]}""");
        for (double noise : new double[] {0.02, 0}) {
            ObjectNode s = (ObjectNode) Json.mapper().readTree(Path.of("src/test/resources/scenarios/minimal.json")
                    .toFile());
            s.with("behaviour").put("demandNoise", noise);
            Path scenario = dir.resolve("noise-" + noise + ".json");
            Json.write(scenario, s);
            err.getBuffer().setLength(0);

            int code = chokepoint("compare", scenario.toString(), "--options", options.toString(), "--runs", "2",
                    "--ticks", "30", "--threads", "1", "--quiet", "--out", dir.resolve("c-" + noise).toString());

            assertEquals(0, code, err.toString());
            assertEquals(noise > 0 ? "warning: compare: " + scenario + ": the options have different numbers of"
                    + " demand entries (1, 2), whose noise is drawn from one stream in their order, so one seed gives"
                    + " them different demand noise: differences between options are not the options' doing alone\n"
                    : "", err.toString(), "noise " + noise);
        }
    }

    /**
     * A grid may set a list, as it sets a number: each level's gridLevel in cost-effectiveness.csv is the list as
     * JSON writes it, as the option's name gives it. It was an empty cell, Jackson's text of a node that is no
     * scalar.
     */
    @Test
    void aGridOfListsNamesEachLevelInTheCostEffectivenessTable() throws Exception {
        Path options = dir.resolve("options.json");
        Files.writeString(options, """
                {"options": [{"name": "ban to B", "patch": {"policies": [{"type": "exportBan", "id": "a-ban",
                  "region": "A", "start": 60, "commodities": ["metal"], "destinations": ["B"]}]}}]}""");
        Path results = dir.resolve("compared");

        int code = chokepoint("compare", banned().toString(), "--options", options.toString(), "--runs", "2",
                "--ticks", "80", "--quiet", "--out", results.toString(), "--grid", "/policies/0/destinations=[\"B\"]");

        assertEquals(0, code, err.toString());
        List<String> rows = Files.readAllLines(results.resolve("cost-effectiveness.csv"));
        assertTrue(rows.get(1).startsWith("\"ban to B [--grid /policies/0/destinations = [\"\"B\"\"]]\",ban to B,"
                + "/policies/0/destinations,\"[\"\"B\"\"]\","), rows.get(1));
    }

    /** The two-region world with a ban on A's exports from tick 60 that is background, in every world. */
    private Path bannedInBackground() throws Exception {
        ObjectNode s = (ObjectNode) Json.mapper().readTree(
                Path.of(getClass().getResource("/scenarios/two-region.json").toURI()).toFile());
        s.withArray("policies").addObject().put("type", "exportBan").put("id", "a-ban").put("region", "A")
                .put("start", 60).put("role", "background").putArray("commodities").add("metal");
        Path file = dir.resolve("background.json");
        Json.write(file, s);
        return file;
    }

    /**
     * A bad value an option's patch wrote is reported where it was written, in the options file, not at the
     * merged scenario's pointer (where the background ban put back first moves the option's policy to
     * /policies/1); a problem the patch causes outside itself is reported at the merged scenario's pointer,
     * naming the option. Nothing runs.
     */
    @Test
    void aBadValueInAPatchIsReportedWhereTheOptionsFileHasIt() throws Exception {
        Path scenario = bannedInBackground();
        Path options = dir.resolve("options.json");
        Files.writeString(options, """
                {"options": [{"name": "ok", "patch": {}},
                  {"name": "floor", "patch": {"policies": [{"type": "tariffFloor", "id": "b-floor", "region": "B",
                    "commodity": "metal", "floor": -11, "start": 40}]}}]}""");
        Path results = dir.resolve("compared");

        int code = chokepoint("compare", scenario.toString(), "--options", options.toString(), "--runs", "2",
                "--quiet", "--out", results.toString());

        assertEquals(2, code);
        assertEquals(options + ": /options/1/patch/policies/0/floor: floor must be >= 0, got -11\n", err.toString());
        assertTrue(Files.notExists(results));

        Files.writeString(options, """
                {"options": [{"name": "short", "patch": {"time": {"horizonTicks": 10}}}]}""");
        err.getBuffer().setLength(0);

        code = chokepoint("compare", scenario.toString(), "--options", options.toString(), "--runs", "2",
                "--quiet", "--out", results.toString());

        assertEquals(2, code);
        assertEquals(scenario + " [option 'short']: /policies/0/end: 'end' must be after 'start' (60); absent, it is"
                + " horizonTicks (10): give an 'end' after 'start', or a 'start' before the horizon\n", err.toString());
    }

    /**
     * Every problem of an options file is reported in one pass, whatever its kind: an option whose patch names a
     * region the two-region world does not have, one with a misspelt member, one that changes the horizon of 260
     * ticks, and a grid that points into no option's patch. The misspelt option's patch has the floor the other grid
     * sweeps, so that grid points into an option, refused or not. The misspelt member alone was named, the unknown
     * region only once it was mended, and the grid only once every option was. Nothing runs and nothing is written.
     */
    @Test
    void everyProblemOfAnOptionsFileIsReportedAtOnce() throws Exception {
        Path scenario = Path.of(getClass().getResource("/scenarios/two-region.json").toURI());
        Path options = dir.resolve("options.json");
        Files.writeString(options, """
                {"options": [
                  {"name": "tax", "patch": {"policies": [{"type": "exportTax", "id": "z-tax", "region": "Z",
                    "commodities": ["metal"], "rate": 0.2, "start": 60}]}},
                  {"name": "floor", "descripton": "a floor", "patch": {"policies": [{"type": "tariffFloor",
                    "id": "b-floor", "region": "B", "commodity": "metal", "floor": 11, "start": 40}]}},
                  {"name": "short", "patch": {"time": {"horizonTicks": 100}}}]}""");
        Path results = dir.resolve("compared");

        int code = chokepoint("compare", scenario.toString(), "--options", options.toString(), "--runs", "2",
                "--grid", "/policies/0/floor=9,11", "--grid", "/policies/0/strike=9", "--quiet",
                "--out", results.toString());

        assertEquals(2, code, err.toString());
        assertEquals(options + ": /options/0/patch/policies/0/region: unknown region 'Z'; known regions: A, B, C\n"
                + options + ": /options/1/descripton: unknown field 'descripton'; allowed fields: name, description,"
                + " patch\n"
                + options + ": /options/2/patch/time/horizonTicks: every option runs the scenario's 260 ticks, got 100:"
                + " change it in the scenario, or run every option fewer ticks with --ticks\n"
                + "--grid /policies/0/strike: no option's patch has a value there (a pointer into a patch, e.g."
                + " /policies/1/floor for the second policy an option lists)\n", err.toString());
        assertTrue(Files.notExists(results));
    }

    /** A bad level of a grid is the grid's, not the options file's: the file is named with what the grid set. */
    @Test
    void aBadGridLevelIsReportedAsTheGrids() throws Exception {
        Path options = dir.resolve("options.json");
        Files.writeString(options, """
                {"options": [{"name": "floor $11", "patch": {"policies": [{"type": "tariffFloor", "id": "b-floor",
                  "region": "B", "commodity": "metal", "floor": 11, "start": 40}]}}]}""");

        int code = chokepoint("compare", bannedInBackground().toString(), "--options", options.toString(), "--runs",
                "2", "--grid", "/policies/0/floor=-5,7", "--quiet", "--out", dir.resolve("compared").toString());

        assertEquals(2, code);
        assertEquals(options + " [--grid /policies/0/floor = -5]: /options/0/patch/policies/0/floor: floor must be"
                + " >= 0, got -5\n", err.toString());
    }

    /**
     * An options file whose JSON is broken is placed as a broken scenario is, at the line and column where the
     * parser stopped and the member it was in: a missing comma before "patch" (line 3, column 4, the quote that
     * opens it, inside /options/0 after "name"), an object never closed (the end of the text, line 4, column 1,
     * inside the root object after "options"), and a word after the document (line 3, column 4, at the root).
     * Nothing runs and nothing is written.
     */
    @Test
    void brokenJsonInAnOptionsFileIsPlacedByLineAndColumn() throws Exception {
        String[][] cases = {
            {"{\"options\": [\n  {\"name\": \"floor\"\n   \"patch\": {}}\n]}\n",
                ":3:4: /options/0/name: malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to"
                        + " separate Object entries"},
            {"{\"options\": [\n  {\"name\": \"floor\", \"patch\": {}}\n]\n",
                ":4:1: /options: malformed JSON: Unexpected end-of-input: expected close marker for Object (start marker"
                        + " at line 1, column 1)"},
            {"{\"options\": [\n  {\"name\": \"floor\", \"patch\": {}}\n]} x\n",
                ":3:4: (document): malformed JSON: Unrecognized token 'x': was expecting (JSON String, Number, Array,"
                        + " Object or token 'null', 'true' or 'false')"}};
        Path scenario = banned();
        Path results = dir.resolve("compared");
        for (String[] c : cases) {
            Path options = dir.resolve("options.json");
            Files.writeString(options, c[0]);
            err.getBuffer().setLength(0);

            int code = chokepoint("compare", scenario.toString(), "--options", options.toString(), "--runs", "2",
                    "--quiet", "--out", results.toString());

            assertEquals(2, code, err.toString());
            assertEquals(options + c[1] + "\n", err.toString());
            assertTrue(Files.notExists(results), "nothing written");
        }
        assertEquals("", out.toString());
    }
}
