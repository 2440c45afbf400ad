package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chokepoint.scenario.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chokepoint run}, end to end: from a scenario file to the three files of a results folder. */
class RunCommandTest extends CommandLineTest {

    private static final Path REFERENCE = Path.of("scenarios/rare-earth-baseline.json");

    @TempDir
    Path dir;


    @Test
    void aRunWritesTimeseriesSummaryAndManifest() throws Exception {
        Path results = dir.resolve("baseline");

        int code = chokepoint("run", REFERENCE.toString(), "--ticks", "60", "--out", results.toString());

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("wrote " + results), out.toString());
        assertEquals(1, out.toString().lines().count(), "one short line on success");

        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(results.resolve("timeseries.csv"))) {
            var csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            assertEquals(List.of("tick", "region", "commodity", "metric", "value"), csv.getHeaderNames());
            rows = csv.getRecords();
        }
        Set<String> metrics = new LinkedHashSet<>();
        rows.forEach(row -> metrics.add(row.get("metric")));
        assertTrue(metrics.containsAll(List.of("price", "traded", "production", "consumption", "imports", "exports",
                "inventoryDays", "unmetDemand")), metrics.toString());
        assertEquals("0", rows.get(0).get("tick"));
        assertEquals("59", rows.get(rows.size() - 1).get("tick"));

        JsonNode summary = Json.mapper().readTree(results.resolve("summary.json").toFile());
        assertTrue(summary.get("markets").isArray() && summary.get("markets").size() > 0, summary.toString());
        for (JsonNode market : summary.get("markets")) {
            for (String field : List.of("region", "commodity", "baselinePrice", "peakPrice", "peakTick",
                    "peakMultiple", "recoveryTick", "cumulativeShortage", "daysOfCoverAtShock")) {
                assertTrue(market.has(field), field + " missing from " + market);
            }
        }
        JsonNode totals = summary.get("totals");
        for (String field : List.of("downstreamOutputLoss", "consumerSurplusChange", "producerSurplusChange",
                "fiscalCost")) {
            assertTrue(totals.get(field).isNumber(), field + " in " + totals);
        }

        JsonNode manifest = Json.mapper().readTree(results.resolve("manifest.json").toFile());
        assertEquals(REFERENCE.toString(), manifest.get("scenario").asText());
        assertEquals(64, manifest.get("scenarioSha256").asText().length());
        assertEquals(1, manifest.get("seed").asInt());
        assertEquals(60, manifest.get("ticks").asInt());
        assertEquals("rare-earth-baseline", manifest.at("/resolvedScenario/meta/name").asText());
        assertEquals(13, manifest.at("/resolvedScenario/time/baselineWindowTicks").asInt());
        assertTrue(manifest.get("wallTimeMs").isIntegralNumber());
        assertTrue(manifest.at("/jvm/version").isTextual());
        assertTrue(manifest.has("version") && manifest.has("gitCommit"));

        try (var left = Files.list(dir)) {
            assertEquals(List.of(results), left.toList(), "no temporary folder is left beside the results");
        }
    }

    /** A run whose consortium breaks the casebook's rules says how often, under the line that names the folder. */
    @Test
    void aRunWithCasebookViolationsSaysHowMany() throws Exception {
        Path results = dir.resolve("sharing");

        int code = chokepoint("run", "scenarios/counterexamples/naphtha-price-sharing.json", "--out",
                results.toString());

        assertEquals(0, code, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("wrote " + results), lines.get(0));
        int violations = Json.mapper().readTree(results.resolve("compliance.json").toFile()).get("consortia")
                .get(0).get("violations").size();
        assertTrue(violations > 1, "the counterexample breaks the rules more than once");
        assertEquals(violations + " casebook violations, see compliance.json", lines.get(1));
    }

    /**
     * The counterfactual report.html draws beside the run is written too, as counterfactual.csv in
     * timeseries.csv's columns and rows: a run without a shock has none, nor a run that writes no series.
     */
    @Test
    void aRunWithAShockWritesItsCounterfactualSeriesBesideItsOwn() throws Exception {
        ObjectNode s = twoRegion();
        Path plain = dir.resolve("plain.json");
        Json.write(plain, s);
        s.withArray("policies").addObject().put("type", "exportBan").put("id", "a-ban").put("region", "A")
                .put("start", 60).putArray("commodities").add("metal");
        Path banned = dir.resolve("banned.json");
        Json.write(banned, s);
        s.putObject("outputs").put("timeseries", false);
        Path quiet = dir.resolve("no-series.json");
        Json.write(quiet, s);

        run(banned, 80, "b");
        run(plain, 80, "p");
        run(quiet, 80, "q");

        List<String> run = Files.readAllLines(dir.resolve("b/timeseries.csv"));
        List<String> without = Files.readAllLines(dir.resolve("b/counterfactual.csv"));
        assertEquals("tick,region,commodity,metric,value", without.get(0));
        assertEquals(run.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList(),
                without.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList(), "the same rows");
        int firstDifference = 0;
        while (run.get(firstDifference).equals(without.get(firstDifference))) {
            firstDifference++;
        }
        assertEquals(60, Integer.parseInt(run.get(firstDifference).split(",")[0]),
                "the same until the ban, which the run feels in the week it starts");
        assertTrue(Files.notExists(dir.resolve("p/counterfactual.csv")), "no shock, no counterfactual");
        assertTrue(Files.notExists(dir.resolve("q/counterfactual.csv")), "outputs.timeseries false");
        assertTrue(Files.exists(dir.resolve("p/flows.csv")), "a run's lanes beside its series");
        assertTrue(Files.notExists(dir.resolve("q/flows.csv")), "outputs.timeseries false: no lanes either");
    }

    /**
     * {@code run --help} names every file a run writes: a reader who meets flows.csv in the folder, having read the
     * help, should not wonder where it came from. The shocked two-region world writes all but the files of
     * instruments and consortia, which the help names too.
     */
    @Test
    void theHelpNamesEveryFileARunWrites() throws Exception {
        ObjectNode s = twoRegion();
        s.withArray("policies").addObject().put("type", "exportBan").put("id", "a-ban").put("region", "A")
                .put("start", 60).putArray("commodities").add("metal");
        Path banned = dir.resolve("banned.json");
        Json.write(banned, s);
        run(banned, 80, "b");

        String help = String.join(" ", Main.commandLine().getSubcommands().get("run").getCommandSpec()
                .usageMessage().description());
        try (var files = Files.list(dir.resolve("b"))) {
            for (Path f : files.toList()) {
                assertTrue(help.contains(f.getFileName().toString()), f.getFileName() + " is not in: " + help);
            }
        }
        assertTrue(help.contains("policies.csv") && help.contains("compliance.json"), help);
    }

    /**
     * A scenario with a prospect reports what it did, and writes out the rate and life it recovered its capital over;
     * one without says nothing of prospects in either file. The prospect is a mine of 10 a week in the two-region
     * world's B at 1,500 dollars per unit of yearly capacity (levelised 9.79 against B's metal at about 10): it
     * commits in week 25 and pays 1,500 × 10 × 52 = 780,000 dollars.
     */
    @Test
    void aRunWithAProspectSaysWhatItCommittedAndOneWithoutSaysNothingOfProspects() throws Exception {
        ObjectNode s = twoRegion();
        Path plain = dir.resolve("plain.json");
        Json.write(plain, s);
        ObjectNode p = s.withArray("firms").addObject().put("id", "b-prospect").put("type", "producer")
                .put("region", "B").put("commodity", "metal").put("capacity", 10).put("initialUtilization", 0.8)
                .put("status", "prospect").put("leadTicks", 52).put("capexPerAnnualUnit", 1500);
        p.putObject("cost").put("base", 6.0).put("slope", 9.0).put("exponent", 1);
        Path prospect = dir.resolve("prospect.json");
        Json.write(prospect, s);

        run(prospect, 100, "w");
        run(plain, 100, "p");

        JsonNode did = Json.mapper().readTree(dir.resolve("w/summary.json").toFile()).get("prospects").get("b-prospect");
        assertEquals(1, did.get("committed").asInt());
        assertEquals(780_000.0, did.get("capitalCost").asDouble(), 1e-6);
        assertEquals(25, did.get("firstCommitTick").asInt());
        assertEquals(1, did.get("operating").asInt(), "built by week 77, producing at the end of week 99");
        JsonNode investment = Json.mapper().readTree(dir.resolve("w/manifest.json").toFile())
                .at("/resolvedScenario/behaviour/investment");
        assertEquals(0.08, investment.get("discountRate").asDouble());
        assertEquals(20, investment.get("projectLifeYears").asInt());

        assertTrue(Json.mapper().readTree(dir.resolve("p/summary.json").toFile()).get("prospects") == null);
        assertTrue(Json.mapper().readTree(dir.resolve("p/summary.json").toFile()).get("expansions") == null);
        JsonNode none = Json.mapper().readTree(dir.resolve("p/manifest.json").toFile());
        assertTrue(none.at("/resolvedScenario/behaviour/investment").get("discountRate") == null);
        assertTrue(none.at("/resolvedScenario/firms/0").get("capexPerAnnualUnit") == null);
    }

    /**
     * A scenario whose mines give their plant's capital cost reports what they ordered and paid, and writes out the
     * rate and life it is recovered over: B's five mines at 1,500 dollars per unit of yearly capacity, B's demand four
     * times what it was from week 50, which makes their plant short. They order a project of a fifth of their plant
     * after each 26 weeks the metal fetches more than 15, three by week 200: at least 3 × 10 = 30 and at most 10 + 12
     * + 14.4 = 36.4, had each project been in use before the next (34.4; ExpansionCapitalTest).
     */
    @Test
    void aRunWhoseMinesGiveTheirCapitalCostSaysWhatTheyOrderedAndPaid() throws Exception {
        ObjectNode s = twoRegion();
        ((ObjectNode) s.withArray("firms").get(1)).put("capexPerAnnualUnit", 1500);
        s.putArray("events").addObject().put("type", "demandShift").put("region", "B").put("commodity", "metal")
                .put("multiplier", 4.0).put("start", 50);
        Path capex = dir.resolve("capex.json");
        Json.write(capex, s);

        run(capex, 200, "c");

        JsonNode did = Json.mapper().readTree(dir.resolve("c/summary.json").toFile()).get("expansions").get("b-mine");
        assertEquals(5, did.get("firms").asInt());
        double ordered = did.get("capacityOrdered").asDouble();
        assertTrue(ordered >= 30 && ordered <= 36.4, ordered + ": three projects, each a fifth of B's plant");
        assertEquals(1500 * 52 * did.get("capacityOrdered").asDouble(), did.get("capitalCost").asDouble(), 1e-6);
        JsonNode investment = Json.mapper().readTree(dir.resolve("c/manifest.json").toFile())
                .at("/resolvedScenario/behaviour/investment");
        assertEquals(0.08, investment.get("discountRate").asDouble());
        assertEquals(20, investment.get("projectLifeYears").asInt());
        assertTrue(Json.mapper().readTree(dir.resolve("c/summary.json").toFile()).get("prospects") == null);
    }

    @Test
    void theSameSeedGivesTheSameFilesByteForByte() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        assertEquals(0, chokepoint("run", REFERENCE.toString(), "--ticks", "60", "--seed", "7", "--out", first.toString()));
        assertEquals(0, chokepoint("run", REFERENCE.toString(), "--ticks", "60", "--seed", "7", "--out", second.toString()));

        for (String file : List.of("timeseries.csv", "flows.csv", "summary.json")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
        ObjectNode a = (ObjectNode) Json.mapper().readTree(first.resolve("manifest.json").toFile());
        ObjectNode b = (ObjectNode) Json.mapper().readTree(second.resolve("manifest.json").toFile());
        a.remove("wallTimeMs");
        b.remove("wallTimeMs");
        assertEquals(a, b, "the manifests differ only in wall time");
    }

    @Test
    void aRunOnSeveralTickThreadsWritesTheSameFilesAsOnOne() throws Exception {
        // The 2010 episode has shocks, quotas, bans, smuggling and a counterfactual; the scale scenario has
        // markets of thousands of firms, split between threads in the plan and clearing phases; in its growing copy
        // every firm pays for the plant it orders, decided on the threads and booked after them.
        ObjectNode growing = (ObjectNode) Json.mapper().readTree(Path.of("scenarios/scale/scale-10000.json").toFile());
        growing.withArray("firms").forEach(f -> ((ObjectNode) f).put("capexPerAnnualUnit", 500));
        growing.withArray("demand").forEach(d -> ((ObjectNode) d).put("trendPerYear", 0.05));
        Path paying = dir.resolve("scale-10000-paying.json");
        Json.write(paying, growing);
        for (String scenario : List.of("scenarios/rare-earth-2010.json", "scenarios/scale/scale-10000.json",
                paying.toString())) {
            String name = Path.of(scenario).getFileName().toString();
            Path one = dir.resolve("one-" + name);
            Path three = dir.resolve("three-" + name);
            assertEquals(0, chokepoint("run", scenario, "--ticks", "130", "--seed", "3", "--out", one.toString()));
            assertEquals(0, chokepoint("run", scenario, "--ticks", "130", "--seed", "3", "--tick-threads", "3",
                    "--out", three.toString()));
            for (String file : List.of("timeseries.csv", "flows.csv", "summary.json")) {
                assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(three.resolve(file)),
                        scenario + ": " + file);
            }
        }
        double paid = 0;
        for (JsonNode entry : Json.mapper().readTree(dir.resolve("one-scale-10000-paying.json/summary.json").toFile())
                .get("expansions")) {
            paid += entry.get("capitalCost").asDouble();
        }
        // What is checked here is that the threads book the same capital; that they pay something is the condition
        // for that to mean anything (what a firm pays for the trend is worked out in ExpansionCapitalTest).
        assertTrue(paid > 0, "the growing copy's firms order plant and pay for it");
    }

    /**
     * The 2010 episode's first shock, the quota cut, is announced at tick 78: a run of 60 ticks ends before it,
     * and every figure against the counterfactual is 0. It runs (the years before may be what is wanted), with one
     * line that says so; a run that reaches the shock has none.
     */
    @Test
    void aRunThatEndsBeforeTheFirstShockSaysSo() throws Exception {
        String episode = "scenarios/rare-earth-2010.json";

        assertEquals(0, chokepoint("run", episode, "--ticks", "60", "--out", dir.resolve("short").toString()));
        assertEquals("warning: run: " + episode + ": the run ends at tick 59, before the first shock at tick 78, so"
                + " every figure against the counterfactual is 0\n", err.toString());

        err.getBuffer().setLength(0);
        assertEquals(0, chokepoint("ensemble", episode, "--ticks", "60", "--runs", "2", "--threads", "1", "--quiet",
                "--out", dir.resolve("short-ensemble").toString()));
        assertEquals("warning: ensemble: " + episode + ": the runs end at tick 59, before the first shock at tick 78,"
                + " so every figure against the counterfactual is 0\n", err.toString());

        err.getBuffer().setLength(0);
        assertEquals(0, chokepoint("run", episode, "--ticks", "79", "--out", dir.resolve("long").toString()));
        assertEquals("", err.toString(), "tick 78 is in the run");
    }

    /**
     * A sweep, a sensitivity design and a comparison of 60 ticks of the 2010 episode end before its quota cut
     * at tick 78 in every world they run, so every figure they write is 0: the same line says so. A sweep whose
     * points move the cut into the run, and so measure something, says nothing.
     */
    @Test
    void experimentsWhoseEveryWorldEndsBeforeItsShockSaySo() throws Exception {
        String episode = "scenarios/rare-earth-2010.json";
        String line = ": " + episode + ": the runs end at tick 59, before the first shock at tick 78, so every figure"
                + " against the counterfactual is 0\n";

        assertEquals(0, chokepoint("sweep", episode, "--ticks", "60", "--set", "/firms/1/capacity=30,40", "--threads",
                "1", "--quiet", "--out", dir.resolve("sweep").toString()));
        assertEquals("warning: sweep" + line, err.toString());

        err.getBuffer().setLength(0);
        assertEquals(0, chokepoint("sensitivity", episode, "--ticks", "60", "--param", "/firms/1/capacity=30.0:40.0",
                "--output", "totals.downstreamOutputLoss", "--trajectories", "2", "--threads", "1", "--quiet",
                "--out", dir.resolve("morris").toString()));
        assertEquals("warning: sensitivity" + line, err.toString());

        err.getBuffer().setLength(0);
        Path options = Files.writeString(dir.resolve("options.json"),
                "{\"options\": [{\"name\": \"as it is\", \"patch\": {}}]}");
        assertEquals(0, chokepoint("compare", episode, "--ticks", "60", "--options", options.toString(), "--runs",
                "2", "--threads", "1", "--quiet", "--out", dir.resolve("compare").toString()));
        assertEquals("warning: compare" + line, err.toString());

        err.getBuffer().setLength(0);
        // /policies/0 is the quota cut, announced at tick 78 for the same tick; announced at 50, it is in the run.
        assertEquals(0, chokepoint("sweep", episode, "--ticks", "60", "--set", "/policies/0/announce=50,78",
                "--threads", "1", "--quiet", "--out", dir.resolve("sweep-moved").toString()));
        assertEquals("", err.toString(), "the point with the cut announced at tick 50 reaches it");

        // A consortium is in the counterfactual as in the run, so before the closure at tick 60 it changes nothing
        // the figures measure, and the sweep says so as run does.
        err.getBuffer().setLength(0);
        String pooled = "scenarios/naphtha-hormuz-2026-case6.json";
        assertEquals(0, chokepoint("sweep", pooled, "--ticks", "20", "--set", "/firms/0/capacity=30,40", "--threads",
                "1", "--quiet", "--out", dir.resolve("sweep-pooled").toString()));
        assertEquals("warning: sweep: " + pooled + ": the runs end at tick 19, before the first shock at tick 60, so"
                + " every figure against the counterfactual is 0\n", err.toString());
    }

    @Test
    void tickThreadsMustBeAtLeastOne() {
        assertEquals(2, chokepoint("run", REFERENCE.toString(), "--tick-threads", "0"));
    }

    @Test
    void optionsBeyondTheirBoundsAreRefusedBeforeAnythingRuns() {
        Path results = dir.resolve("results");

        assertEquals(2, chokepoint("run", REFERENCE.toString(), "--ticks", "99999999", "--out", results.toString()));
        assertTrue(err.toString().contains("--ticks must be between 1 and 10000, got 99999999"), err.toString());
        assertEquals(2, chokepoint("run", REFERENCE.toString(), "--tick-threads", "100000", "--out", results.toString()));
        assertTrue(err.toString().contains("--tick-threads must be between 1 and 256, got 100000"), err.toString());
        assertFalse(Files.exists(results));
    }

    @Test
    void aSeedIsA32BitIntegerOnEveryCommand() {
        Path results = dir.resolve("results");
        for (String command : List.of("run", "ensemble")) {
            int code = command.equals("run")
                    ? chokepoint("run", REFERENCE.toString(), "--seed", "4294967296", "--out", results.toString())
                    : chokepoint("ensemble", REFERENCE.toString(), "--runs", "2", "--seed", "4294967296",
                            "--out", results.toString());

            assertEquals(2, code, command);
            assertTrue(err.toString().contains("Invalid value for option '--seed': '4294967296' is outside the range"
                    + " of a seed, a 32-bit integer from -2147483648 to 2147483647"), err.toString());
        }
        assertFalse(Files.exists(results));
    }

    @Test
    void aRunLongerThanTheHorizonMustStayWithinTheSameLimits() throws Exception {
        Path scenario = minimalWith(s -> ((ObjectNode) s.get("demand").get(0)).put("trendPerYear", 1.0));
        Path results = dir.resolve("results");

        int code = chokepoint("run", scenario.toString(), "--ticks", "10000", "--out", results.toString());

        assertEquals(2, code, err.toString());
        assertTrue(err.toString().startsWith(scenario + ": /demand/0/trendPerYear: with --ticks 10000: trendPerYear"),
                err.toString());
        assertFalse(Files.exists(results));
    }

    @Test
    void aRunReplacesAnEarlierRunOnlyWhenAskedTo() throws Exception {
        Path results = dir.resolve("again");
        assertEquals(0, chokepoint("run", REFERENCE.toString(), "--ticks", "5", "--seed", "1", "--out", results.toString()));
        byte[] first = Files.readAllBytes(results.resolve("summary.json"));

        assertEquals(2, chokepoint("run", REFERENCE.toString(), "--ticks", "6", "--out", results.toString()));
        assertTrue(err.toString().contains(results.toAbsolutePath() + " holds an earlier run (manifest.json): add"
                + " --overwrite to replace it, or choose another --out"), err.toString());
        assertArrayEquals(first, Files.readAllBytes(results.resolve("summary.json")), "left as it was");

        assertEquals(0, chokepoint("run", REFERENCE.toString(), "--ticks", "6", "--out", results.toString(),
                "--overwrite"));
        assertEquals(6, Json.mapper().readTree(results.resolve("manifest.json").toFile()).get("ticks").asInt());
    }

    @Test
    void malformedJson() throws Exception {
        assertRejected(Files.writeString(dir.resolve("bad.json"), "{ \"meta\": { \"name\": \"x\" },\n  \"time\": \n"),
                ": /time: ");
    }

    @Test
    void unknownField() throws Exception {
        assertRejected(minimalWith(s -> firm(s, 0).put("colour", "red")), ": /firms/0/colour: ");
    }

    @Test
    void wrongType() throws Exception {
        assertRejected(minimalWith(s -> ((ObjectNode) s.get("time")).put("horizonTicks", "a year")),
                ": /time/horizonTicks: ");
    }

    @Test
    void missingRequiredField() throws Exception {
        assertRejected(minimalWith(s -> ((ObjectNode) s.get("commodities").get(0)).remove("initialPrice")),
                ": /commodities/0/initialPrice: ");
    }

    @Test
    void unknownRegion() throws Exception {
        assertRejected(minimalWith(s -> firm(s, 0).put("region", "XX")), ": /firms/0/region: ");
    }

    @Test
    void negativeCapacity() throws Exception {
        assertRejected(minimalWith(s -> firm(s, 0).put("capacity", -5)), ": /firms/0/capacity: ");
    }

    @Test
    void recipeCycle() throws Exception {
        // oxide is made from magnet, which is made from oxide
        assertRejected(minimalWith(s -> ((ArrayNode) s.get("recipes")).addObject()
                .put("id", "unsinter").put("output", "oxide")
                .putArray("inputs").addObject().put("commodity", "magnet").put("perUnit", 2.0)), ": /recipes/");
    }

    @Test
    void routeToAnUnknownRegion() throws Exception {
        assertRejected(minimalWith(s -> ((ObjectNode) s.get("routes").get(0)).put("to", "KR")), ": /routes/0/to: ");
    }

    @Test
    void aMissingScenarioIsNamedAsAFileWithoutAPointer() {
        int code = chokepoint("run", "scenarios/nope.json", "--out", dir.resolve("r").toString());

        assertEquals(2, code);
        assertEquals("scenarios/nope.json: no such file", err.toString().strip());
    }

    @Test
    void aMistypedOptionGetsTheOptionItMeant() {
        int code = chokepoint("ensemble", REFERENCE.toString(), "--run", "10");

        assertEquals(2, code);
        assertTrue(err.toString().startsWith("Missing required option: '--runs=N'"), err.toString());
        assertTrue(err.toString().contains("--runs"), err.toString());
        assertTrue(err.toString().lines().anyMatch(l -> l.contains("--run") && l.contains("--runs")
                && !l.startsWith("Missing") && !l.startsWith("Usage")), "a line suggests --runs for --run:\n" + err);
    }

    /** Exit code 2, the problem named by its JSON pointer on standard error, and no results folder. */
    private void assertRejected(Path scenario, String pointer) {
        Path results = dir.resolve("results");

        int code = chokepoint("run", scenario.toString(), "--out", results.toString());

        assertEquals(2, code, out + "\n" + err);
        assertTrue(err.toString().startsWith(scenario + ":"), err.toString());
        assertTrue(err.toString().contains(pointer), "expected " + pointer + " in\n" + err);
        assertEquals("", out.toString());
        assertFalse(Files.exists(results), "nothing is written for an invalid scenario");
    }

    private Path minimalWith(Consumer<ObjectNode> change) throws Exception {
        ObjectNode s = (ObjectNode) Json.mapper().readTree(
                Path.of(RunCommandTest.class.getResource("/scenarios/minimal.json").toURI()).toFile());
        change.accept(s);
        return Files.writeString(dir.resolve("scenario.json"), Json.mapper().writeValueAsString(s));
    }

    private static ObjectNode firm(ObjectNode s, int i) {
        return (ObjectNode) s.get("firms").get(i);
    }

    /** Runs a scenario for {@code ticks} into {@code dir/out}, which must succeed. */
    private void run(Path scenario, int ticks, String out) {
        assertEquals(0, chokepoint("run", scenario.toString(), "--ticks", String.valueOf(ticks), "--out",
                dir.resolve(out).toString()), err.toString());
    }

    /** The two-region test world, to be changed and written for a run. */
    private ObjectNode twoRegion() throws Exception {
        return (ObjectNode) Json.mapper().readTree(
                Path.of(getClass().getResource("/scenarios/two-region.json").toURI()).toFile());
    }
}
