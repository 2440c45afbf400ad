package org.chokepoint.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.chokepoint.cli.Main;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ensembles: the same bytes whatever the thread count or interruptions, and statistics that check out. */
class EnsembleTest {

    static final Path MINIMAL = Path.of("src/test/resources/scenarios/minimal.json");
    static final int RUNS = 10;
    static final int TICKS = 60;
    static final String[] TABLES = {"runs.csv", "stats.json", "bands.csv"};

    @TempDir
    Path dir;

    private static final PrintStream SILENT = new PrintStream(java.io.OutputStream.nullOutputStream());

    private static Ensemble ensemble(int threads) throws Exception {
        return new Ensemble(ScenarioLoader.load(MINIMAL), RUNS, 42, TICKS, threads);
    }

    private static void assertSameTables(Path a, Path b) throws Exception {
        for (String f : TABLES) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBytes() throws Exception {
        Path one = dir.resolve("t1");
        Path two = dir.resolve("t2");
        assertTrue(ensemble(1).run(one, false, Progress.Mode.NONE, SILENT).complete());
        assertTrue(ensemble(2).run(two, false, Progress.Mode.NONE, SILENT).complete());
        assertSameTables(one, two);
        // and the replications do differ: the noise is there
        List<CSVRecord> rows = read(one.resolve("runs.csv"));
        assertEquals(RUNS, rows.size());
        assertFalse(rows.get(0).get("JP.magnet.peakPrice").equals(rows.get(1).get("JP.magnet.peakPrice")));
    }

    @Test
    void aKilledAndResumedEnsembleGivesTheSameFiles() throws Exception {
        Path whole = dir.resolve("whole");
        ensemble(2).run(whole, false, Progress.Mode.NONE, SILENT);

        Path broken = dir.resolve("broken");
        Ensemble.Outcome first = ensemble(2).run(broken, false, Progress.Mode.NONE, SILENT, 4);
        assertFalse(first.complete());
        assertFalse(Files.exists(broken.resolve("runs.csv")), "no tables before every run is done");
        // a run killed while writing leaves a temporary file, which a resume must ignore
        Files.writeString(broken.resolve("runs").resolve(RunRecord.fileName(7) + ".tmp"), "half a record");
        // a second interruption, after some more runs
        Ensemble.Outcome second = ensemble(1).run(broken, true, Progress.Mode.NONE, SILENT, 3);
        assertFalse(second.complete());
        assertEquals(4, second.resumed());

        Ensemble.Outcome last = ensemble(2).run(broken, true, Progress.Mode.NONE, SILENT);
        assertTrue(last.complete());
        assertEquals(7, last.resumed());
        assertEquals(3, last.ranNow());
        assertSameTables(whole, broken);
        try (var files = Files.list(broken.resolve("runs"))) {
            assertEquals(RUNS, files.count(), "one record per run, no duplicates or leftovers");
        }

        // resuming a finished ensemble runs nothing and rewrites the same tables
        Ensemble.Outcome again = ensemble(1).run(broken, true, Progress.Mode.NONE, SILENT);
        assertEquals(0, again.ranNow());
        assertSameTables(whole, broken);
    }

    /**
     * A resume removes what killed runs left half-written, the record temporaries of this runner and of a
     * cluster's task attempts, and nothing else: a file of the user's in runs/ is not a leftover because its
     * name ends in .tmp.
     */
    @Test
    void aResumeRemovesOnlyTheRunsOwnTemporaries() throws Exception {
        Path out = dir.resolve("e");
        assertFalse(ensemble(2).run(out, false, Progress.Mode.NONE, SILENT, 4).complete());
        Path runsDir = out.resolve("runs");
        Files.writeString(runsDir.resolve(RunRecord.fileName(7) + ".tmp"), "half a record");
        Files.writeString(runsDir.resolve(RunRecord.fileName(8) + ".12.tmp"), "half a task's record");
        Path users = runsDir.resolve("draft.tmp");
        Files.writeString(users, "the user's notes");

        assertTrue(ensemble(2).run(out, true, Progress.Mode.NONE, SILENT).complete());
        assertFalse(Files.exists(runsDir.resolve(RunRecord.fileName(7) + ".tmp")));
        assertFalse(Files.exists(runsDir.resolve(RunRecord.fileName(8) + ".12.tmp")));
        assertEquals("the user's notes", Files.readString(users));
    }

    /**
     * The tables written on a full disk (here runs.csv's temporary is the device /dev/full, on which every write fails
     * with "No space left on device"): the error names runs.csv, and none of the tables' temporaries is left behind.
     * The command line refuses such a link before it runs (chokepoint follows no link in its folder); the writing is
     * checked here, below it.
     */
    @Test
    void anEnsembleOnAFullDiskLeavesNoTemporariesAndNamesThePath() throws Exception {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.exists(devFull), "needs /dev/full, a device that is always full");
        Path out = dir.resolve("e");
        assertTrue(ensemble(1).run(out, false, Progress.Mode.NONE, SILENT).complete());
        Files.createSymbolicLink(out.resolve(".runs.csv.tmp"), devFull);

        IOException e = assertThrows(IOException.class,
                () -> ensemble(1).run(out, true, Progress.Mode.NONE, SILENT));

        assertTrue(e.getMessage().contains(out.resolve("runs.csv") + ": No space left on device"), e.getMessage());
        for (String tmp : List.of(".runs.csv.tmp", ".stats.json.tmp", ".bands.csv.tmp")) {
            assertFalse(Files.exists(out.resolve(tmp), LinkOption.NOFOLLOW_LINKS), tmp);
        }
    }

    @Test
    void resumeRefusesAFolderMadeWithOtherParameters() throws Exception {
        Path out = dir.resolve("e");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "ensemble", MINIMAL.toString(), "--runs", "3", "--ticks", "20", "--quiet",
                "--out", out.toString()));
        assertEquals(2, cli(err, "ensemble", MINIMAL.toString(), "--runs", "4", "--ticks", "20", "--quiet",
                "--resume", "--out", out.toString()));
        assertTrue(err.toString().contains("runs is 3 there, 4 here"), err.toString());
        assertEquals(2, cli(err, "ensemble", MINIMAL.toString(), "--runs", "3", "--ticks", "20", "--quiet",
                "--out", out.toString()), "no --resume into an existing ensemble");
        assertEquals(0, cli(err, "ensemble", MINIMAL.toString(), "--runs", "3", "--ticks", "20", "--quiet",
                "--resume", "--out", out.toString()));

        // run records of a version that wrote another format are not added to
        Path params = out.resolve("ensemble.json");
        Files.writeString(params, Files.readString(params).replace("chokepoint-ensemble/2", "chokepoint-ensemble/1"));
        assertEquals(2, cli(err, "ensemble", MINIMAL.toString(), "--runs", "3", "--ticks", "20", "--quiet",
                "--resume", "--out", out.toString()));
        assertTrue(err.toString().contains("format is \"chokepoint-ensemble/1\" there, \"chokepoint-ensemble/2\""
                + " here"), err.toString());
    }

    @Test
    void aDamagedRunRecordIsNamedWithWhatToDoAboutIt() throws Exception {
        // A record is written under a temporary name and renamed, so only something outside chokepoint cuts
        // one short: here run 1's record loses its end, then all but its first 100 bytes, then everything.
        Path out = dir.resolve("e");
        StringWriter err = new StringWriter();
        String[] resume = {"ensemble", MINIMAL.toString(), "--runs", "3", "--ticks", "20", "--quiet", "--resume",
                "--out", out.toString()};
        assertEquals(0, cli(err, resume));
        Path record = out.resolve("runs").resolve(RunRecord.fileName(1));
        byte[] whole = Files.readAllBytes(record);
        // and last, overwritten by text: not a record of another version, a damaged one, whose run is redone alone
        byte[] text = "not a run record\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (byte[] bytes : new byte[][] {java.util.Arrays.copyOf(whole, whole.length - 4),
                java.util.Arrays.copyOf(whole, 100), new byte[0], text}) {
            Files.write(record, bytes);
            StringWriter e = new StringWriter();
            assertEquals(1, cli(e, resume));
            assertTrue(e.toString().contains(record + ": a damaged run record"), e.toString());
            assertTrue(e.toString().contains("delete it and give the same command with --resume"), e.toString());
            assertFalse(e.toString().contains("Exception"), e.toString());
        }
        // doing what the message says gives the ensemble back as it was
        byte[] runsCsv = Files.readAllBytes(out.resolve("runs.csv"));
        Files.delete(record);
        assertEquals(0, cli(err, resume));
        assertArrayEquals(whole, Files.readAllBytes(record));
        assertArrayEquals(runsCsv, Files.readAllBytes(out.resolve("runs.csv")));
    }

    @Test
    void statsJsonMatchesAnIndependentComputationFromRunsCsv() throws Exception {
        Path out = dir.resolve("s");
        ensemble(2).run(out, false, Progress.Mode.NONE, SILENT);
        List<CSVRecord> rows = read(out.resolve("runs.csv"));
        JsonNode metrics = Json.mapper().readTree(out.resolve("stats.json").toFile()).get("metrics");
        List<String> columns = rows.get(0).getParser().getHeaderNames();
        assertEquals(columns.size() - 2, metrics.size());
        int checked = 0;
        for (String column : columns.subList(2, columns.size())) {
            List<Double> values = new ArrayList<>();
            for (CSVRecord r : rows) {
                if (!r.get(column).equals("NA")) {
                    values.add(Double.parseDouble(r.get(column)));
                }
            }
            JsonNode s = metrics.get(column);
            assertEquals(values.size(), s.get("n").asInt(), column);
            if (values.size() < 2) {
                continue;
            }
            double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
            double mean = new Mean().evaluate(x);
            double sd = new StandardDeviation().evaluate(x);
            double half = new TDistribution(null, x.length - 1).inverseCumulativeProbability(0.975) * sd
                    / Math.sqrt(x.length);
            assertEquals(mean, s.get("mean").asDouble(), 0.0, column);
            assertEquals(sd, s.get("sd").asDouble(), 0.0, column);
            assertEquals(mean - half, s.get("ci95Low").asDouble(), 0.0, column);
            assertEquals(mean + half, s.get("ci95High").asDouble(), 0.0, column);
            double[] sorted = x.clone();
            java.util.Arrays.sort(sorted);
            assertEquals(type7(sorted, 0.5), s.get("p50").asDouble(), 1e-12 * Math.abs(type7(sorted, 0.5)), column);
            assertEquals(type7(sorted, 0.05), s.get("p5").asDouble(), 1e-12 * Math.abs(type7(sorted, 0.05)), column);
            checked++;
        }
        assertTrue(checked > 5);
    }

    /** Hyndman and Fan type 7, as R's quantile() computes it. */
    private static double type7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    @Test
    void bandsHaveOneRowPerTickMarketAndBandMetricInOrder() throws Exception {
        Path out = dir.resolve("b");
        Ensemble e = ensemble(2);
        e.bandBudgetBytes = 4L * 7 * 10 * RUNS; // a few ticks per block: several passes over the run files
        e.run(out, false, Progress.Mode.NONE, SILENT);
        Path whole = dir.resolve("b1");
        ensemble(1).run(whole, false, Progress.Mode.NONE, SILENT);
        assertSameTables(out, whole); // block size does not change a byte
        List<CSVRecord> rows = read(out.resolve("bands.csv"));
        LoadedScenario s = ScenarioLoader.load(MINIMAL);
        int markets = rows.stream().filter(r -> r.get("tick").equals("0")).map(r -> r.get("region") + r.get("commodity"))
                .distinct().toList().size();
        assertEquals(TICKS * markets * RunRecord.BAND_METRICS.length, rows.size());
        // Each cell's bands are type-7 quantiles of the ten runs' values of it, at single precision, the runs that
        // left it undefined left out: worked here from the runs themselves, each on its seed.
        List<org.chokepoint.model.SupplyShockModel> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(org.chokepoint.model.Simulation.run(s.scenario(), Seeds.forRun(42, i), TICKS).model());
        }
        var world = runs.get(0).world();
        int checked = 0;
        for (CSVRecord r : rows) {
            int m = world.market(world.regionIndex(r.get("region")), world.commodityIndex(r.get("commodity")));
            org.chokepoint.metrics.Metric metric = java.util.Arrays.stream(RunRecord.BAND_METRICS)
                    .filter(x -> x.label().equals(r.get("metric"))).findFirst().orElseThrow();
            double[] values = runs.stream().mapToDouble(run -> (float) run.series().get(Integer.parseInt(r.get("tick")),
                    m, metric)).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (values.length == 0) {
                assertEquals("NA", r.get("p50"), r.toString());
                continue;
            }
            for (String band : List.of("p5", "p50", "p95")) {
                double expected = (float) type7(values, Integer.parseInt(band.substring(1)) / 100.0);
                assertEquals(expected, Double.parseDouble(r.get(band)), 1e-6 * Math.max(1, Math.abs(expected)),
                        band + " of " + r);
            }
            checked++;
        }
        assertEquals(TICKS * 3 * 6, checked, "every cell of the minimal world's three markets defined: 60 x 3 x 6");
    }

    @Test
    void counterfactualBandsAreTheCounterfactualsOwnSeries() throws Exception {
        // One run: each percentile of a cell is that run's value, so the counterfactual's bands must be its
        // counterfactual's series, at single precision; and the run's bands its own series.
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.chokepoint.scenario.Json.mapper().readTree(Path.of("src/test/resources/scenarios/two-region.json")
                        .toFile());
        json.putArray("policies").addObject().put("type", "tariffFloor").put("region", "B").put("commodity", "metal")
                .put("floor", 11).put("start", 40);
        LoadedScenario shocked = ScenarioLoader.fromText(json.toString(), "two-region with a floor");
        Path out = dir.resolve("cf");
        new Ensemble(shocked, 1, 42, 80, 1).run(out, false, Progress.Mode.NONE, SILENT);
        org.chokepoint.model.RunOutcome o = org.chokepoint.model.Simulation.run(shocked.scenario(),
                Seeds.forRun(42, 0), 80);
        var world = o.model().world();
        int checked = 0;
        for (String file : List.of("bands.csv", Ensemble.COUNTERFACTUAL_BANDS)) {
            org.chokepoint.model.SupplyShockModel model = file.equals("bands.csv") ? o.model() : o.counterfactual();
            for (CSVRecord r : read(out.resolve(file))) {
                if (!r.get("metric").equals("price") && !r.get("metric").equals("stock")) {
                    continue;
                }
                int m = world.market(world.regionIndex(r.get("region")), world.commodityIndex(r.get("commodity")));
                float expected = (float) model.series().get(Integer.parseInt(r.get("tick")), m,
                        r.get("metric").equals("price") ? org.chokepoint.metrics.Metric.PRICE
                                : org.chokepoint.metrics.Metric.STOCK);
                assertEquals(Float.toString(expected), r.get("p50"), file + " " + r);
                checked++;
            }
        }
        assertEquals(80 * 2 * 2 * 2, checked, "80 ticks of price and stock in A and B, in both files");
        assertTrue(!Files.exists(dir.resolve("none").resolve(Ensemble.COUNTERFACTUAL_BANDS)));
        ensemble(1).run(dir.resolve("none"), false, Progress.Mode.NONE, SILENT);
        assertTrue(!Files.exists(dir.resolve("none").resolve(Ensemble.COUNTERFACTUAL_BANDS)),
                "a scenario without events and policies has no counterfactual and no such file");
    }

    /**
     * One run is allowed: its mean and percentiles are the run's values, and the sample sd and the interval, which
     * one value does not have, are null in stats.json (NA where a table would hold them), never NaN.
     */
    @Test
    void aSingleRunHasNoSdOrIntervalAndSaysSoWithoutNaN() throws Exception {
        Path out = dir.resolve("one");
        assertTrue(new Ensemble(ScenarioLoader.load(MINIMAL), 1, 42, TICKS, 1)
                .run(out, false, Progress.Mode.NONE, SILENT).complete());
        JsonNode stats = Json.mapper().readTree(out.resolve("stats.json").toFile());
        JsonNode price = stats.get("metrics").elements().next();
        assertEquals(1, price.get("n").asInt());
        assertTrue(price.get("mean").isNumber(), price.toString());
        assertTrue(price.get("sd").isNull() && price.get("ci95Low").isNull() && price.get("ci95High").isNull(),
                price.toString());
        assertEquals("NA values of runs.csv are left out; n counts the values used; a statistic that cannot be"
                + " computed (sd and the interval with fewer than two values, anything with none) is null",
                stats.get("missingValues").asText());
        try (var files = Files.list(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains("NaN"), f.getFileName() + " writes no NaN");
            }
        }
    }

    @Test
    void seedsAreSplittableRandomsUpperHalves() {
        for (long base : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            SplittableRandom r = new SplittableRandom(base);
            for (int i = 0; i < 50; i++) {
                assertEquals((int) (r.nextLong() >>> 32), Seeds.forRun(base, i));
            }
        }
    }

    static int cli(StringWriter err, String... args) {
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.getRecords();
        }
    }
}
