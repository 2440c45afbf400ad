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
 * {@code ensemble --band}: the share of runs whose summary number lies in a band, read off runs.csv as a user would
 * count it, in stats.json and on the terminal; a band the runs cannot have is refused before anything runs.
 */
class EnsembleBandTest extends CommandLineTest {
    private static final String SCENARIO = "src/test/resources/scenarios/minimal.json";

    @TempDir
    Path dir;

    @Test
    void theShareOfRunsInsideIsWhatRunsCsvCounts() throws Exception {
        Path results = dir.resolve("ens");
        // The minimal world's magnet price peaks at some multiple of its start in each run; the band is read
        // round the median of the runs' peaks so that some lie inside and some do not.
        int code = chokepoint("ensemble", SCENARIO, "--runs", "6", "--seed", "3", "--quiet", "--out",
                results.toString());
        assertEquals(0, code, err.toString());
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(results.resolve("runs.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        String column = rows.get(0).getParser().getHeaderNames().stream().filter(c -> c.endsWith(".peakPrice"))
                .findFirst().orElseThrow();
        double[] peaks = rows.stream().mapToDouble(row -> Double.parseDouble(row.get(column))).sorted().toArray();
        double low = peaks[1];
        double high = peaks[3];
        // By count: the second to the fourth smallest of six, bounds included, unless runs tie.
        long inside = rows.stream().map(row -> Double.parseDouble(row.get(column)))
                .filter(v -> v >= low && v <= high).count();
        assertTrue(inside >= 3, "the band holds the runs at its bounds: " + inside);

        code = chokepoint("ensemble", SCENARIO, "--runs", "6", "--seed", "3", "--quiet", "--out", results.toString(),
                "--overwrite", "--band", column + "=" + low + ":" + high, "--band", column + "=" + high + ":");
        assertEquals(0, code, err.toString());
        JsonNode shares = Json.mapper().readTree(results.resolve("stats.json").toFile()).get("bandShares");
        assertEquals(2, shares.size(), shares.toString());
        assertEquals(column, shares.get(0).get("column").asText());
        assertEquals(6, shares.get(0).get("n").asInt());
        assertEquals(inside, shares.get(0).get("inside").asLong());
        assertEquals(inside / 6.0, shares.get(0).get("share").asDouble(), 1e-15);
        long atOrAboveHigh = rows.stream().filter(row -> Double.parseDouble(row.get(column)) >= high).count();
        assertEquals(atOrAboveHigh, shares.get(1).get("inside").asLong());
        assertTrue(shares.get(1).get("high").isNull());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(lines.size() - 2).startsWith(column + " in [") && lines.get(lines.size() - 2)
                .contains(": " + inside + " of 6 runs ("), out.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith(column + " >= " + high + ": " + atOrAboveHigh + " of 6 runs"), out.toString());
        String page = Files.readString(results.resolve("report.html"));
        assertTrue(page.contains("<h2>Runs inside the bands asked for</h2>"), "the report's table of bands");
        assertTrue(page.contains("<td>" + column + "</td><td>[" + low + ", " + high + "]</td><td>" + inside
                + " of 6</td>"), "the report counts the runs inside as stats.json does");
    }

    @Test
    void withoutABandStatsJsonIsAsBefore() throws Exception {
        Path results = dir.resolve("plain");
        assertEquals(0, chokepoint("ensemble", SCENARIO, "--runs", "2", "--quiet", "--out", results.toString()),
                err.toString());
        JsonNode stats = Json.mapper().readTree(results.resolve("stats.json").toFile());
        assertFalse(stats.has("bandShares"));
        assertFalse(stats.has("bandShareDefinition"));
        assertFalse(Files.readString(results.resolve("report.html")).contains("Runs inside the bands"));
        assertEquals(1, out.toString().lines().count(), out.toString());
    }

    @Test
    void aMisspeltColumnIsRefusedWithTheNearestBeforeAnythingRuns() {
        assertRefused("totals.downstreamOutputLos=0:", "--band 'totals.downstreamOutputLos' is not a summary number"
                + " of this scenario; the nearest it has: totals.downstreamOutputLoss");
    }

    @Test
    void aBandWithoutBoundsIsRefusedWithTheForm() {
        assertRefused("totals.fiscalCost=:", "--band 'totals.fiscalCost=:' gives neither bound");
    }

    /** The ensemble with this band exits 2, says {@code message} and writes nothing. */
    private void assertRefused(String band, String message) {
        Path results = dir.resolve("never");
        int code = chokepoint("ensemble", SCENARIO, "--runs", "2", "--quiet", "--out", results.toString(),
                "--band", band);
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(message), err.toString());
        assertFalse(Files.exists(results), "nothing written");
    }
}
