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
import org.chokepoint.metrics.Metric;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chokepoint equilibrium}, end to end: a scenario file to the four files of its equilibrium. */
class EquilibriumCommandTest extends CommandLineTest {

    private static final Path REFERENCE = Path.of("scenarios/naphtha-hormuz-2026.json");

    @TempDir
    Path dir;


    @Test
    void writesTidyMarketsLanesFirmsAndJson() throws Exception {
        Path target = dir.resolve("eq");
        int code = chokepoint("equilibrium", REFERENCE.toString(), "--out", target.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("wrote " + target), out.toString());
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(target.resolve("equilibrium.csv"))) {
            var csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            assertEquals(List.of("region", "commodity", "metric", "value"), csv.getHeaderNames());
            rows = csv.getRecords();
        }
        JsonNode json = Json.mapper().readTree(target.resolve("equilibrium.json").toFile());
        assertTrue(json.at("/convergence/converged").asBoolean());
        assertTrue(Files.readString(target.resolve("equilibrium.json")).endsWith("}\n"),
                "a JSON file ends with a newline, as line-reading tools expect");
        // The CSV and the JSON say the same: Japan's naphtha price.
        double csvPrice = rows.stream().filter(r -> r.get("region").equals("JP") && r.get("commodity").equals("naphtha")
                && r.get("metric").equals("price")).mapToDouble(r -> Double.parseDouble(r.get("value"))).findFirst()
                .orElseThrow();
        double jsonPrice = 0;
        for (JsonNode m : json.get("markets")) {
            if (m.get("region").asText().equals("JP") && m.get("commodity").asText().equals("naphtha")) {
                jsonPrice = m.get("price").asDouble();
            }
        }
        assertEquals(jsonPrice, csvPrice, 0.0);
        assertTrue(Files.readString(target.resolve("lanes.csv")).startsWith("trader,kind,commodity,from,to,via,flow"));
        assertTrue(Files.size(target.resolve("firms.csv")) > 0);
        assertEquals(4, Files.list(target).count(), "no leftovers beside the four files");

        assertEquals("chokepoint-equilibrium/1", json.get("format").asText(), "the folder says whose it is");

        // Written again into its own folder: left alone, unless asked to replace it.
        assertEquals(2, chokepoint("equilibrium", REFERENCE.toString(), "--at", "20", "--out", target.toString()));
        assertTrue(err.toString().contains("--overwrite"), err.toString());
        assertEquals(0, Json.mapper().readTree(target.resolve("equilibrium.json").toFile()).get("tick").asInt());
        assertEquals(0, chokepoint("equilibrium", REFERENCE.toString(), "--at", "20", "--out", target.toString(),
                "--overwrite"), err.toString());
        assertEquals(20, Json.mapper().readTree(target.resolve("equilibrium.json").toFile()).get("tick").asInt());
        assertEquals(4, Files.list(target).count(), "the earlier folder replaced whole");
    }

    /**
     * The line says how near the solve came in the digits a reader or a script expects, on a machine set to German
     * as on any other: it wrote "largest excess demand 1,2e-09" there.
     */
    @Test
    void itsLineIsTheSameInEveryLocale() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            Path target = dir.resolve("eq-de");
            assertEquals(0, chokepoint("equilibrium", "scenarios/gallium-2023.json", "--out", target.toString()),
                    err.toString());
            assertEquals("wrote " + target + " (tick 0; 8 rounds, 16 Newton steps; largest excess demand 1.2e-09 of a"
                    + " market's volume)", out.toString().strip());
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void neverWritesOverAFolderItDidNotWrite() throws Exception {
        Path target = dir.resolve("mine");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "keep me");
        int code = chokepoint("equilibrium", REFERENCE.toString(), "--out", target.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("notes.txt"), err.toString());
        assertEquals("keep me", Files.readString(target.resolve("notes.txt")));
        assertEquals(1, Files.list(target).count());
    }

    @Test
    void anInvalidScenarioIsReportedAsValidateReportsItAndNothingIsWritten() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"meta\": {\"name\": \"x\"},\n  \"time\": {\"horizonTicks\": -1},\n"
                + "  \"regions\": [],\n  \"commodities\": []\n}\n");
        Path target = dir.resolve("never");
        int code = chokepoint("equilibrium", bad.toString(), "--out", target.toString());
        assertEquals(2, code);
        assertTrue(err.toString().startsWith(bad + ":3:12: /time/horizonTicks:"), err.toString());
        assertFalse(Files.exists(target));
    }

    @Test
    void aTickOutsideTheHorizonIsAUsageError() {
        Path target = dir.resolve("never");
        int code = chokepoint("equilibrium", REFERENCE.toString(), "--at", "100000", "--out", target.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--at must be a tick of the scenario"), err.toString());
        assertFalse(Files.exists(target));
    }

    @Test
    void solvesForTheFirmsARunDrawsWithASeed() throws Exception {
        Path target = dir.resolve("seeded");
        int code = chokepoint("equilibrium", REFERENCE.toString(), "--seed", "3", "--out", target.toString());
        assertEquals(0, code, err.toString());
        JsonNode json = Json.mapper().readTree(target.resolve("equilibrium.json").toFile());
        assertEquals(3, json.get("seed").asInt());
        // One row per drawn firm: the scenario's populations, one firm each.
        int firms = 0;
        for (JsonNode f : Json.mapper().readTree(REFERENCE.toFile()).get("firms")) {
            firms += f.path("count").asInt(1);
        }
        assertEquals(firms, json.get("firms").size());
        assertEquals("drawn", json.get("populations").asText());
    }

    /**
     * In the gallium scenario (seed 1) Europe's idle primary plant restarts and Japan's grows as China's licensing
     * holds prices up. Solved as the run holds its firms at the start of week 300, each importer's primary
     * capacity is what the run itself reports at the end of week 299; solved for the firms it starts with,
     * Europe's is nothing.
     */
    @Test
    void solvesForTheFirmsARunHoldsWhenAskedAsRun() throws Exception {
        Path gallium = Path.of("scenarios/gallium-2023.json");
        Path target = dir.resolve("as-run");
        int code = chokepoint("equilibrium", gallium.toString(), "--seed", "1", "--as-run", "--at", "300",
                "--out", target.toString());
        assertEquals(0, code, err.toString());
        JsonNode json = Json.mapper().readTree(target.resolve("equilibrium.json").toFile());
        assertEquals("asRun", json.get("populations").asText());
        SupplyShockModel run = new SupplyShockModel(ScenarioLoader.load(gallium).scenario(), 1, -1);
        run.start();
        run.runToHorizon();
        run.finish();
        World w = run.world();
        int ga = w.commodityIndex("ga-primary");
        for (String region : new String[] {"JP", "EU", "ROW"}) {
            int m = w.market(w.regionIndex(region), ga);
            double reported = run.series().get(299, m, Metric.CAPACITY);
            assertEquals(reported, capacity(json, region), 1e-12 * reported, region);
        }
        assertTrue(capacity(json, "EU") > 0.7, "Europe's idle plant has restarted");

        Path drawn = dir.resolve("drawn");
        assertEquals(0, chokepoint("equilibrium", gallium.toString(), "--seed", "1", "--at", "300",
                "--out", drawn.toString()), err.toString());
        assertEquals(0.0, capacity(Json.mapper().readTree(drawn.resolve("equilibrium.json").toFile()), "EU"), 0.0);
    }

    @Test
    void asRunNeedsASeedAndATickAfterTheStart() {
        Path target = dir.resolve("never");
        int code = chokepoint("equilibrium", REFERENCE.toString(), "--as-run", "--at", "10", "--out", target.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--as-run needs --seed"), err.toString());
        assertFalse(Files.exists(target));

        code = chokepoint("equilibrium", REFERENCE.toString(), "--seed", "1", "--as-run", "--out", target.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--as-run at tick 0 is the firms the run draws"), err.toString());
        assertFalse(Files.exists(target));
    }

    /**
     * A firm without capacity makes nothing and has no utilisation: firms.csv says NA, not 0, which reads as a plant
     * standing idle (an exited or written-off plant solved as the run holds it, or one given no capacity).
     */
    @Test
    void aFirmWithoutCapacityHasNoUtilisation() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode world = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.mapper().readTree(Path.of("src/test/resources/scenarios/two-region.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) world.get("firms").get(0)).put("capacity", 0);
        Path scenario = dir.resolve("no-capacity.json");
        Json.mapper().writeValue(scenario.toFile(), world);
        Path target = dir.resolve("eq-no-capacity");
        assertEquals(0, chokepoint("equilibrium", scenario.toString(), "--out", target.toString()), err.toString());
        try (Reader r = Files.newBufferedReader(target.resolve("firms.csv"))) {
            List<CSVRecord> firms = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)
                    .getRecords();
            assertEquals("0.0", firms.get(0).get("output"));
            assertEquals("NA", firms.get(0).get("utilisation"), "a-mine has no plant to use");
            assertEquals(1.0, Double.parseDouble(firms.get(1).get("utilisation")), 1e-9, "b-mine runs flat out");
        }
    }

    private static double capacity(JsonNode json, String region) {
        for (JsonNode m : json.get("markets")) {
            if (m.get("region").asText().equals(region) && m.get("commodity").asText().equals("ga-primary")) {
                return m.get("capacity").asDouble();
            }
        }
        throw new AssertionError("no ga-primary market in " + region);
    }
}
