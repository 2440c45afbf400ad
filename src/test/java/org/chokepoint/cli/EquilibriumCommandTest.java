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
import org.chokepoint.equilibrium.ExporterInstrumentsEquilibriumTest;
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
    void aTickBeforeTheStartOrNoTickAtAllIsAUsageErrorAndTheHelpSaysWhichTicksAre() {
        Path target = dir.resolve("never");
        assertEquals(2, chokepoint("equilibrium", REFERENCE.toString(), "--at", "-1", "--out", target.toString()));
        assertTrue(err.toString().contains("--at must be a tick of the scenario, from 0 to 155, got -1"), err.toString());
        assertEquals(2, chokepoint("equilibrium", REFERENCE.toString(), "--at", "week9", "--out", target.toString()));
        assertTrue(err.toString().contains("'week9' is not a whole number"), err.toString());
        assertFalse(Files.exists(target));
        // The refusal of a word sends the reader to --help for the option's own limits: the help gives them.
        assertEquals(0, chokepoint("equilibrium", "--help"));
        assertTrue(out.toString().replaceAll("\\s+", " ").contains("from 0 to the scenario's horizonTicks less one"),
                out.toString());
    }

    @Test
    void aScenarioFileThatIsNotThereIsAUsageError() {
        Path target = dir.resolve("never");
        Path missing = dir.resolve("no-such-scenario.json");
        assertEquals(2, chokepoint("equilibrium", missing.toString(), "--out", target.toString()));
        assertEquals(missing + ": no such file", err.toString().strip());
        assertFalse(Files.exists(target));
    }

    /**
     * An export subsidy of all but a millionth of the exporter's price, where its lane alone sets that price
     * (docs/equilibrium.md, "Rounds that crawl"): the solver cannot settle it, and the command says so, with how far
     * each attempt got, exits 1 and writes nothing, rather than an equilibrium it did not find.
     */
    @Test
    void aWorldTheSolverCannotSettleExitsOneAndWritesNothing() throws Exception {
        Path scenario = dir.resolve("subsidy-near-one.json");
        // The exporter world of the instruments' closed forms, its lane widened to carry all X would sell.
        Files.writeString(scenario, ExporterInstrumentsEquilibriumTest.linearText("{\"type\": \"exportSubsidy\", "
                + "\"id\": \"rebate\", \"region\": \"X\", \"commodities\": [\"metal\"], \"rate\": 0.999999}")
                .replace("\"capacityPerTick\": 8,", "\"capacityPerTick\": 80,"));
        Path target = dir.resolve("never");
        assertEquals(1, chokepoint("equilibrium", scenario.toString(), "--out", target.toString()));
        assertTrue(err.toString().startsWith("equilibrium: " + scenario + ": the equilibrium did not converge in 200"
                + " Newton steps: "), err.toString());
        assertTrue(err.toString().contains("complementarity gap"), err.toString());
        assertEquals("", out.toString());
        assertFalse(Files.exists(target));
    }

    /**
     * Two regions, one metal priced in USD/kg and counted in tonnes (1,000 dollars a unit), linear on both sides: A's
     * mines supply {@code 30 (p - 2)} and its households buy {@code 200 - 10 p}; B's mines supply {@code 5 (p - 6)} and
     * its households buy {@code 400 - 20 p}; freight from A to B is 1 USD/kg, and A taxes its exports at 10% of its
     * price from week 10 to 20. In week 15 a lane that trades has {@code p_B = 1.1 p_A + 1}, and A's excess supply
     * {@code 40 p_A - 260} equals B's import demand {@code 430 - 25 p_B}: {@code p_A = 665 / 67.5 = 9.8519},
     * {@code p_B = 11.8370}, exports {@code 134.07} t a week and the tax {@code 0.1 p_A} a kg on them, 132,088 dollars
     * a week. Each file gives these in its own units: prices, gaps and wedges in USD/kg, quantities in tonnes a week,
     * money in dollars a week.
     */
    @Test
    void anExportTaxWorkedByHandReadsTheSameInEveryFile() throws Exception {
        Path scenario = dir.resolve("taxed-exporter.json");
        Files.writeString(scenario, """
                {"meta": {"name": "taxed-exporter"},
                 "time": {"ticksPerYear": 52, "horizonTicks": 52},
                 "regions": [{"id": "A"}, {"id": "B"}],
                 "commodities": [{"id": "metal", "stage": "final", "initialPrice": 10.0, "valuePerUnit": 1000,
                                  "quantityUnit": "t", "priceUnit": "USD/kg"}],
                 "routes": [{"from": "A", "to": "B", "transitTicks": 1, "costPerUnit": 1.0}],
                 "firms": [
                   {"id": "a-mine", "type": "producer", "region": "A", "commodity": "metal", "count": 10, "capacity": 30,
                    "cost": {"base": 2.0, "slope": 10.0, "exponent": 1}},
                   {"id": "b-mine", "type": "producer", "region": "B", "commodity": "metal", "count": 5, "capacity": 10,
                    "cost": {"base": 6.0, "slope": 10.0, "exponent": 1}}],
                 "traders": [{"id": "a-to-b", "commodity": "metal", "from": "A", "to": "B", "count": 1,
                              "capacityPerTick": 1000, "minMargin": 0}],
                 "demand": [
                   {"region": "A", "commodity": "metal", "baseQuantity": 100, "referencePrice": 10.0, "elasticity": -1.0,
                    "form": "linear"},
                   {"region": "B", "commodity": "metal", "baseQuantity": 200, "referencePrice": 10.0, "elasticity": -1.0,
                    "form": "linear"}],
                 "policies": [{"id": "a-tax", "type": "exportTax", "region": "A", "start": 10, "end": 20,
                               "commodities": ["metal"], "rate": 0.1}],
                 "behaviour": {"demandNoise": 0.0}}
                """);
        Path target = dir.resolve("taxed");
        assertEquals(0, chokepoint("equilibrium", scenario.toString(), "--at", "15", "--out", target.toString()),
                err.toString());
        double pA = 665 / 67.5;
        double pB = 1.1 * pA + 1;
        double exports = 40 * pA - 260;
        double revenue = 0.1 * pA * exports * 1000;

        List<CSVRecord> markets = records(target.resolve("equilibrium.csv"));
        close(pA, metric(markets, "A", "price"), "A's price, USD/kg");
        close(pB, metric(markets, "B", "price"), "B's price, USD/kg");
        close(30 * (pA - 2), metric(markets, "A", "production"), "A's output, t a week");
        close(200 - 10 * pA, metric(markets, "A", "consumption"), "A's households, t a week");
        close(exports, metric(markets, "A", "exports"), "A's exports");
        close(exports, metric(markets, "B", "imports"), "B's imports");
        close(5 * (pB - 6) + exports, metric(markets, "B", "consumption"), "B's households: its mines and imports");
        close(revenue, metric(markets, "A", "levyRevenue"), "the tax, dollars a week, booked in the exporter's market");
        assertEquals(0.0, metric(markets, "B", "levyRevenue"));

        CSVRecord lane = records(target.resolve("lanes.csv")).get(0);
        assertEquals("a-to-b", lane.get("trader"));
        assertEquals("direct", lane.get("kind"));
        close(exports, Double.parseDouble(lane.get("flow")), "the lane's flow, t a week");
        close(1000, Double.parseDouble(lane.get("bound")), "its traders' capacity, t a week");
        close(0.1 * pA + 1, Double.parseDouble(lane.get("gap")), "p_B - p_A, USD/kg");
        close(0.1 * pA + 1, Double.parseDouble(lane.get("wedge")), "the tax on A's price and the freight, USD/kg");
        assertEquals(0, Double.parseDouble(lane.get("rent")), 1e-6, "no limit binds");

        CSVRecord mine = records(target.resolve("firms.csv")).get(0);
        assertEquals("a-mine", mine.get("firm"));
        assertEquals(10.0, Double.parseDouble(mine.get("count")));
        close(3 * (pA - 2), Double.parseDouble(mine.get("output")), "each of A's ten mines, t a week");
        close((pA - 2) / 10, Double.parseDouble(mine.get("utilisation")), "its output over its 30");
        close(pA, Double.parseDouble(mine.get("netPrice")), "a producer plans on its market's price, USD/kg");

        JsonNode tax = Json.mapper().readTree(target.resolve("equilibrium.json").toFile()).at("/instruments/0");
        assertEquals("a-tax", tax.get("id").asText());
        close(revenue, tax.at("/figures/revenue").asDouble(), "the instrument's revenue, dollars a week");
        close(exports, tax.at("/figures/volume").asDouble(), "the volume taxed, t a week");
    }

    private static List<CSVRecord> records(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static double metric(List<CSVRecord> rows, String region, String metric) {
        return rows.stream().filter(r -> r.get("region").equals(region) && r.get("metric").equals(metric))
                .mapToDouble(r -> Double.parseDouble(r.get("value"))).findFirst().orElseThrow();
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-6 * Math.abs(expected), what);
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
