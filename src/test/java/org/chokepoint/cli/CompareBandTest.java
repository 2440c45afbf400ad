package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chokepoint.scenario.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --band}: for each option, the share of its runs whose summary number lies in a band, read off
 * runs.csv as a policymaker would count it, in comparison.json, the report and on the terminal; a band no option's
 * runs can have is refused before anything runs.
 */
class CompareBandTest extends CommandLineTest {

    @TempDir
    Path dir;

    /** The two-region world with A's exports of metal banned from tick 60, and two ways for B to answer. */
    private Path[] bannedWorldAndOptions() throws Exception {
        Path scenario = CompareCommandTest.banned(dir);
        Path options = dir.resolve("options.json");
        Files.writeString(options, """
                {"options": [{"name": "floor", "description": "a floor in B, the ban repeated",
                  "patch": {"policies": [{"type": "exportBan", "id": "a-ban", "region": "A", "start": 60,
                    "commodities": ["metal"]}, {"type": "tariffFloor", "id": "b-floor", "region": "B",
                    "commodity": "metal", "floor": 11, "start": 40}]}}]}""");
        return new Path[] {scenario, options};
    }

    @Test
    void eachOptionsShareIsWhatRunsCsvCountsForIt() throws Exception {
        Path[] in = bannedWorldAndOptions();
        Path results = dir.resolve("compared");
        String column = "totals.downstreamOutputLoss";
        int code = chokepoint("compare", in[0].toString(), "--options", in[1].toString(), "--runs", "6", "--seed", "5",
                "--ticks", "120", "--quiet", "--out", results.toString());
        assertEquals(0, code, err.toString());
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(results.resolve("runs.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        // A band round the median of every run's loss, so that some runs of some option lie inside and some not.
        double[] all = rows.stream().mapToDouble(row -> Double.parseDouble(row.get(column))).sorted().toArray();
        double high = all[all.length / 2 - 1];
        long noPolicyInside = rows.stream().filter(row -> row.get("option").equals("no policy"))
                .filter(row -> Double.parseDouble(row.get(column)) <= high).count();
        long floorInside = rows.stream().filter(row -> row.get("option").equals("floor"))
                .filter(row -> Double.parseDouble(row.get(column)) <= high).count();
        assertEquals(6, noPolicyInside + floorInside, "half of the twelve runs, bounds included, unless runs tie");

        out.getBuffer().setLength(0);
        code = chokepoint("compare", in[0].toString(), "--options", in[1].toString(), "--runs", "6", "--seed", "5",
                "--ticks", "120", "--quiet", "--out", results.toString(), "--overwrite", "--band", column + "=:" + high);
        assertEquals(0, code, err.toString());
        JsonNode shares = Json.mapper().readTree(results.resolve("comparison.json").toFile()).get("bandShares");
        assertEquals(2, shares.size(), shares.toString());
        assertEquals("no policy", shares.get(0).get("option").asText());
        assertEquals(column, shares.get(0).get("column").asText());
        assertTrue(shares.get(0).get("low").isNull());
        assertEquals(6, shares.get(0).get("n").asInt());
        assertEquals(noPolicyInside, shares.get(0).get("inside").asLong());
        assertEquals("floor", shares.get(1).get("option").asText());
        assertEquals(floorInside, shares.get(1).get("inside").asLong());
        assertEquals(floorInside / 6.0, shares.get(1).get("share").asDouble(), 1e-15);
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(1).startsWith("no policy: " + column + " <= "), lines.get(1));
        assertTrue(lines.get(1).contains(": " + noPolicyInside + " of 6 runs ("), lines.get(1));
        assertTrue(lines.get(2).startsWith("floor: " + column + " <= ")
                && lines.get(2).contains(": " + floorInside + " of 6 runs ("), lines.get(2));
        String page = Files.readString(results.resolve("report.html"));
        assertTrue(page.contains("<h2>Runs inside the bands asked for</h2>"), "the report's table of bands");
        assertTrue(page.contains("</td><td>floor</td><td>" + floorInside + " of 6</td>"),
                "the report counts the option's runs inside as comparison.json does");
    }

    @Test
    void withoutABandComparisonJsonAndTheReportAreAsBefore() throws Exception {
        Path[] in = bannedWorldAndOptions();
        Path results = dir.resolve("plain");
        assertEquals(0, chokepoint("compare", in[0].toString(), "--options", in[1].toString(), "--runs", "2",
                "--ticks", "80", "--quiet", "--out", results.toString()), err.toString());
        JsonNode json = Json.mapper().readTree(results.resolve("comparison.json").toFile());
        assertFalse(json.has("bandShares"));
        assertFalse(json.has("bandShareDefinition"));
        assertFalse(Files.readString(results.resolve("report.html")).contains("Runs inside the bands"));
        assertEquals(1, out.toString().lines().count(), "the one line saying what was written");
    }

    /**
     * A misspelt figure is refused, naming the nearest ones, with nothing run or written; a figure only an option's
     * own instrument reports (the floor's levy revenue) is a figure of the comparison and is accepted.
     */
    @Test
    void aBandOnAFigureNoOptionHasIsRefusedBeforeAnythingRuns() throws Exception {
        Path[] in = bannedWorldAndOptions();
        Path results = dir.resolve("refused");
        int code = chokepoint("compare", in[0].toString(), "--options", in[1].toString(), "--runs", "2",
                "--ticks", "80", "--quiet", "--out", results.toString(), "--band", "totals.downstreamOutputLos=:1");
        assertEquals(2, code);
        assertTrue(err.toString().startsWith(
                "compare: --band 'totals.downstreamOutputLos' is not a summary number of any option;"), err.toString());
        assertTrue(err.toString().contains("totals.downstreamOutputLoss"), err.toString());
        assertTrue(Files.notExists(results), "nothing written");

        err.getBuffer().setLength(0);
        code = chokepoint("compare", in[0].toString(), "--options", in[1].toString(), "--runs", "2",
                "--ticks", "80", "--quiet", "--out", results.toString(), "--band", "policy.b-floor.levyRevenue=0:");
        assertEquals(0, code, err.toString());
        JsonNode shares = Json.mapper().readTree(results.resolve("comparison.json").toFile()).get("bandShares");
        assertEquals(0, shares.get(0).get("n").asInt(), "no policy has no floor: its runs have no value");
        assertEquals(2, shares.get(0).get("missing").asInt());
        assertEquals(2, shares.get(1).get("n").asInt());
    }

    /**
     * A consortium that breaks the casebook's rules is measured against its compliant twin, and the harm it does
     * (harm.*) is a figure of that option's runs alone: a band on it is accepted, and the options without such a
     * consortium have no value, as runs.csv writes NA for them. Bands come band by band, then option by option.
     */
    @Test
    void aBandOnTheHarmOfARuleBreakingConsortiumCountsOnlyItsOption() throws Exception {
        Path results = dir.resolve("naphtha");
        int code = chokepoint("compare", "scenarios/naphtha-hormuz-2026.json", "--options",
                "scenarios/naphtha-hormuz-2026.options.json", "--runs", "2", "--ticks", "40", "--quiet",
                "--out", results.toString(), "--band", "harm.finalConsumerSurplusChange=:0",
                "--band", "harm.JP.resin.overcharge=0:");
        assertEquals(0, code, err.toString());
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(results.resolve("runs.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        long rowsWithHarm = rows.stream().filter(row -> !row.get("harm.finalConsumerSurplusChange").equals("NA"))
                .filter(row -> row.get("option").equals("non-compliant consortium")).count();
        assertEquals(2, rowsWithHarm, "both runs of the rule-breaking consortium have a harm figure");
        JsonNode shares = Json.mapper().readTree(results.resolve("comparison.json").toFile()).get("bandShares");
        // Four options (no policy, the two lawful consortia, the rule-breaking one) times two bands.
        assertEquals(8, shares.size(), shares.toString());
        for (int i = 0; i < 8; i++) {
            JsonNode s = shares.get(i);
            assertEquals(i < 4 ? "harm.finalConsumerSurplusChange" : "harm.JP.resin.overcharge",
                    s.get("column").asText(), s.toString());
            boolean breaksRules = s.get("option").asText().equals("non-compliant consortium");
            assertEquals(breaksRules, i % 4 == 3, s.toString());
            assertEquals(breaksRules ? 2 : 0, s.get("n").asInt(), s.toString());
            assertEquals(breaksRules ? 0 : 2, s.get("missing").asInt(), s.toString());
        }
        assertEquals("no policy", shares.get(0).get("option").asText());
        assertTrue(shares.get(0).get("share").isNull(), "no run with a value, no share");
        assertTrue(out.toString().contains("no policy: harm.finalConsumerSurplusChange <= 0: no run has a value,"
                + " 2 without a value"), out.toString());
    }
}
