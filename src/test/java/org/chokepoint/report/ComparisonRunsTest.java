package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A comparison's runs.csv is what comparison.csv is computed from. In the two-region world, B's importers face
 * a variable levy up to a floor price from tick 40, at 11 under one option and at 13 under the other, each
 * on the same three seeds as "no policy". Averaging runs.csv's rows of an option gives comparison.csv's mean
 * for every figure, and averaging, run by run, an option's row less "no policy"'s row of the same run (the
 * same seed) gives its diffMean: a reader needs nothing else to check an interval.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparisonRunsTest {
    static final String OPTIONS = """
            {"options": [
              {"name": "floor 11", "patch": {"policies": [{"type": "tariffFloor", "id": "b-floor", "region": "B",
                "commodity": "metal", "floor": 11, "start": 40}]}},
              {"name": "floor 13", "patch": {"policies": [{"type": "tariffFloor", "id": "b-floor", "region": "B",
                "commodity": "metal", "floor": 13, "start": 40}]}}]}""";
    static final int RUNS = 3;

    Path oneThread;
    Path twoThreads;
    Comparison compared;

    @BeforeAll
    void compare(@TempDir Path dir) throws Exception {
        oneThread = dir.resolve("t1");
        twoThreads = dir.resolve("t2");
        compared = written(oneThread, 1);
        written(twoThreads, 2);
    }

    private Comparison written(Path out, int threads) throws Exception {
        Comparison c = Comparison.prepare(ScenarioLoader.load(Path.of(getClass().getResource(
                "/scenarios/two-region.json").toURI())), Json.mapper().readTree(OPTIONS), "test", RUNS, 5, 80);
        c.run(threads);
        Files.createDirectories(out);
        ComparisonReport.write(out, c, 0);
        return c;
    }

    @Test
    void oneRowPerOptionAndRunEachRunOnTheSameSeedUnderEveryOption() throws Exception {
        List<CSVRecord> rows = read(oneThread.resolve(ComparisonRuns.CSV));
        assertEquals(3 * RUNS, rows.size(), "no policy and the two floors, three runs each");
        List<String> options = List.of(Comparison.NO_POLICY, "floor 11", "floor 13");
        int[] seeds = compared.seeds();
        for (int k = 0; k < rows.size(); k++) {
            CSVRecord r = rows.get(k);
            assertEquals(options.get(k / RUNS), r.get("option"), "option by option, no policy first");
            assertEquals(k % RUNS, Integer.parseInt(r.get("run")));
            assertEquals(seeds[k % RUNS], Integer.parseInt(r.get("seed")), "run i has seed i under every option");
        }
    }

    @Test
    void averagingAnOptionsRunsGivesComparisonCsvsMeanAndItsPairedDifferencesItsDiffMean() throws Exception {
        Map<String, double[][]> runs = byMetric(oneThread.resolve(ComparisonRuns.CSV));
        List<CSVRecord> summary = read(oneThread.resolve(ComparisonReport.CSV));
        List<String> options = List.of(Comparison.NO_POLICY, "floor 11", "floor 13");
        assertEquals(compared.metricNames(), new ArrayList<>(runs.keySet()), "comparison.csv's metrics, in order");
        int checked = 0;
        for (CSVRecord s : summary) {
            int o = options.indexOf(s.get("option"));
            double[] level = runs.get(s.get("metric"))[o];
            double[] none = runs.get(s.get("metric"))[0];
            double[] difference = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                difference[i] = level[i] - none[i];
            }
            close(s.get("mean"), level, s.get("option") + " " + s.get("metric"));
            close(s.get("diffMean"), difference, s.get("option") + " " + s.get("metric") + " against no policy");
            checked++;
        }
        assertEquals(3 * runs.size(), checked, "every option and metric of comparison.csv");
    }

    /**
     * head-to-head.csv sets the floor of 11 against the floor of 13, the one pair without no policy: its loss
     * avoided more is, run by run, the floor of 13's downstream loss less the floor of 11's, averaged; its net fiscal
     * cost more is the same of their fiscal costs less the public stocks they hold (none here: a levy costs the
     * budget nothing); and its tallies count the runs each lost less in.
     */
    @Test
    void headToHeadIsTheRunByRunDifferenceOfTheTwoOptionsRunsCsvRows() throws Exception {
        Map<String, double[][]> runs = byMetric(oneThread.resolve(ComparisonRuns.CSV));
        double[][] loss = runs.get("pv.downstreamOutputLoss");
        double[] more = new double[RUNS];
        int ahead = 0;
        int behind = 0;
        for (int i = 0; i < RUNS; i++) {
            more[i] = loss[2][i] - loss[1][i];
            ahead += more[i] > 0 ? 1 : 0;
            behind += more[i] < 0 ? 1 : 0;
        }
        List<CSVRecord> rows = read(oneThread.resolve(HeadToHead.CSV));
        assertEquals(1, rows.size(), "two options, one pair");
        CSVRecord r = rows.get(0);
        assertEquals("floor 11", r.get("option"));
        assertEquals("floor 13", r.get("versus"));
        close(r.get("avoidedLossPvMore"), more, "floor 11's loss avoided over floor 13's");
        assertEquals("0.0", r.get("netFiscalCostPvMore"), "levies cost the budget nothing");
        assertEquals(ahead, Integer.parseInt(r.get("runsOptionAvoidsMore")));
        assertEquals(behind, Integer.parseInt(r.get("runsVersusAvoidsMore")));
        assertEquals(RUNS, Integer.parseInt(r.get("runs")));
        assertTrue(ahead + behind > 0, "the floors differ in some run");

        // comparison.json's headToHead holds the same pair, the differences with their intervals.
        JsonNode pair = Json.mapper().readTree(oneThread.resolve("comparison.json").toFile()).path("headToHead");
        assertEquals(1, pair.size(), "one pair");
        assertEquals("floor 11", pair.get(0).path("option").asText());
        assertEquals("floor 13", pair.get(0).path("versus").asText());
        assertEquals(Double.parseDouble(r.get("avoidedLossPvMore")),
                pair.get(0).path("avoidedDownstreamLossPvMore").path("mean").asDouble());
        assertEquals(Double.parseDouble(r.get("avoidedLossPvMoreCi95Low")),
                pair.get(0).path("avoidedDownstreamLossPvMore").path("ci95Low").asDouble());
        assertEquals(0.0, pair.get(0).path("netFiscalCostPvMore").path("mean").asDouble());
        assertEquals(ahead, pair.get(0).path("runsOptionAvoidsMore").asInt());
        assertEquals(behind, pair.get(0).path("runsVersusAvoidsMore").asInt());
        assertEquals(RUNS, pair.get(0).path("runs").asInt());

        // The page ranks the two by the loss each avoids on average and sets the first against the second.
        double sum = 0;
        for (double m : more) {
            sum += m;
        }
        // Each with its number in the table above and on the frontier: the floor of 11 is the first option.
        String first = sum >= 0 ? "floor 11 <small>(#1)</small>" : "floor 13 <small>(#2)</small>";
        String second = sum >= 0 ? "floor 13 <small>(#2)</small>" : "floor 11 <small>(#1)</small>";
        String page = Files.readString(oneThread.resolve("report.html"));
        assertTrue(page.contains("<h2>Options side by side: each against the next one down</h2>"), "the section");
        assertTrue(page.contains("<tr><td>1</td><td>" + first + "</td><td>" + second + "</td><td>"
                + ChartStyle.money(Math.abs(sum) / RUNS)), page);
        assertTrue(page.contains("<tr><td>2</td><td>" + second + "</td><td>none below it</td>"), page);
    }

    /**
     * The floor's own figures are not figures of "no policy", which has no floor: NA there, not zero, and
     * comparison.csv counts no run of them (n = 0); a floor's levy is collected in every run of its own.
     */
    @Test
    void aFigureAnOptionDoesNotHaveIsNaNotZero() throws Exception {
        Map<String, double[][]> runs = byMetric(oneThread.resolve(ComparisonRuns.CSV));
        double[][] levy = runs.get("policy.b-floor.levyRevenue");
        for (int i = 0; i < RUNS; i++) {
            assertTrue(Double.isNaN(levy[0][i]), "no policy has no floor: NA");
            assertTrue(levy[1][i] > 0 && levy[2][i] > levy[1][i], "the higher floor collects more, run by run");
        }
        for (CSVRecord s : read(oneThread.resolve(ComparisonReport.CSV))) {
            if (s.get("metric").equals("policy.b-floor.levyRevenue")) {
                assertEquals(s.get("option").equals(Comparison.NO_POLICY) ? "0" : "3", s.get("n"));
            }
        }
        // The totals are every option's: no policy collects no levy, a true zero, written 0.0 in every run.
        assertArrayEquals(new double[RUNS], runs.get("totals.levyRevenue")[0]);
    }

    /**
     * The page gives each option's own instrument its account, read off the same runs: the floor of 11 collects a
     * levy in each of its three runs, and the page's row is their mean as money, beside the runs that have it; "no
     * policy", without a floor, has no row.
     */
    @Test
    void thePageGivesWhatEachOptionsInstrumentDidAsItsRunsRecordIt() throws Exception {
        Map<String, double[][]> runs = byMetric(oneThread.resolve(ComparisonRuns.CSV));
        double[] levy = runs.get("policy.b-floor.levyRevenue")[1];
        double mean = (levy[0] + levy[1] + levy[2]) / 3;
        String page = Files.readString(oneThread.resolve("report.html"));
        assertTrue(page.contains("<h2>What each option's instruments did</h2>"), "the section");
        assertTrue(page.contains("<tr><td>1</td><td>floor 11</td><td>b-floor: levy collected, US$ "
                + "(policy.b-floor.levyRevenue)</td><td>3</td><td>" + ChartStyle.money(mean) + "</td>"), page);
        assertTrue(page.contains("<tr><td>2</td><td>floor 13</td><td>b-floor: volume that paid the levy"), page);
        assertFalse(page.contains("<td>no policy</td><td>b-floor"), "no policy has no floor to account for");
    }

    @Test
    void theThreadCountChangesNoByte() throws Exception {
        for (String file : List.of(ComparisonRuns.CSV, ComparisonReport.CSV, HeadToHead.CSV)) {
            assertArrayEquals(Files.readAllBytes(oneThread.resolve(file)), Files.readAllBytes(twoThreads.resolve(file)),
                    file);
        }
    }

    /** {@code expected} (a figure of comparison.csv) is the mean of {@code values}, NA left out, to 1e-12. */
    private static void close(String expected, double[] values, String what) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            assertEquals("NA", expected, what);
            return;
        }
        double mean = sum / n;
        double want = Double.parseDouble(expected);
        assertTrue(Math.abs(mean - want) <= 1e-12 * Math.max(Math.abs(want), Double.MIN_NORMAL), what + ": " + mean
                + " from the runs, " + want + " in comparison.csv");
    }

    /** runs.csv as metric -> [option][run], NA as NaN: its columns after option, run and seed. */
    private static Map<String, double[][]> byMetric(Path file) throws IOException {
        Map<String, double[][]> out = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> header = p.getHeaderNames();
            assertEquals(List.of("option", "run", "seed"), header.subList(0, 3));
            List<CSVRecord> rows = p.getRecords();
            for (String m : header.subList(3, header.size())) {
                double[][] v = new double[rows.size() / RUNS][RUNS];
                for (int k = 0; k < rows.size(); k++) {
                    String s = rows.get(k).get(m);
                    v[k / RUNS][k % RUNS] = "NA".equals(s) ? Double.NaN : Double.parseDouble(s);
                }
                out.put(m, v);
            }
        }
        return out;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.getRecords();
        }
    }
}
