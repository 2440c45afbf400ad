package org.chokepoint.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.chokepoint.cli.Main;
import org.chokepoint.experiment.Ensemble;
import org.chokepoint.experiment.Progress;
import org.chokepoint.experiment.RunRecord;
import org.chokepoint.experiment.ScenarioPatch;
import org.chokepoint.experiment.Sweep;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Spark runner in local mode against the local runner: the same files, byte for byte, for an ensemble and
 * a sweep, also when a task fails once and is retried; an invalid scenario stops on the driver.
 */
class SparkRunnerTest {

    static final Path MINIMAL = Path.of("src/test/resources/scenarios/minimal.json");
    static final Path LINEAR = Path.of("src/test/resources/scenarios/one-market-linear.json");
    static final PrintStream SILENT = new PrintStream(java.io.OutputStream.nullOutputStream());

    static SparkSession spark;
    static final AtomicInteger TASKS_STARTED = new AtomicInteger();
    static final AtomicInteger TASKS_FAILED = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        // local[2,3]: two worker threads, a task may be tried three times (plain local[2] never retries)
        spark = SparkSession.builder().master("local[2,3]").appName("chokepoint-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskStart(SparkListenerTaskStart e) {
                TASKS_STARTED.incrementAndGet();
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd e) {
                if (e.taskInfo().failed()) {
                    TASKS_FAILED.incrementAndGet();
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @BeforeEach
    void quiet() throws Exception {
        settle();
        TASKS_STARTED.set(0);
        TASKS_FAILED.set(0);
    }

    /** Waits until the listeners have seen every event so far. */
    static void settle() throws Exception {
        spark.sparkContext().listenerBus().waitUntilEmpty();
    }

    static void assertSameFiles(Path a, Path b, String... names) throws Exception {
        for (String f : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    private void ensembleMatchesLocal(int failRun) throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(MINIMAL);
        int runs = 7;
        Path local = dir.resolve("local");
        new Ensemble(loaded, runs, 42, 40, 2).run(local, false, Progress.Mode.NONE, SILENT);
        Path onSpark = dir.resolve("spark");
        SparkRunner runner = new SparkRunner(spark).wave(4); // two waves
        if (failRun >= 0) {
            // no Parquet, so that every task counted is a run's
            runner.failFirstAttemptOf(failRun).parquet(null, false);
        }
        Ensemble.Outcome o = runner.ensemble(loaded, runs, 42, 40, onSpark, false);
        assertEquals(new Ensemble.Outcome(runs, 0, runs, true), o);
        assertSameFiles(local, onSpark, "ensemble.json", "runs.csv", "stats.json", "bands.csv");
        for (int i = 0; i < runs; i++) {
            assertSameFiles(local.resolve("runs"), onSpark.resolve("runs"), RunRecord.fileName(i));
        }
        if (failRun < 0) {
            assertEquals(runs, spark.read().parquet(onSpark.resolve("runs.parquet").toString()).count());
            assertEquals(Files.readAllLines(local.resolve("bands.csv")).size() - 1,
                    spark.read().parquet(onSpark.resolve("bands.parquet").toString()).count());
        }
    }

    @Test
    void anEnsembleWritesTheLocalRunnersFilesByteForByte() throws Exception {
        ensembleMatchesLocal(-1);
        settle();
        assertEquals(0, TASKS_FAILED.get());
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheFilesAreStillTheSame() throws Exception {
        ensembleMatchesLocal(5);
        settle();
        assertEquals(1, TASKS_FAILED.get(), "run 5's first attempt failed");
        assertEquals(7 + 1, TASKS_STARTED.get(), "one task per run, and run 5's again");
    }

    @Test
    void tasksMayWriteTheRunRecordsIntoASharedFolder() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(MINIMAL);
        Path local = dir.resolve("local");
        new Ensemble(loaded, 5, 7, 30, 1).run(local, false, Progress.Mode.NONE, SILENT);
        Path onSpark = dir.resolve("spark");
        new SparkRunner(spark).gather(SparkRunner.Gather.SHARED).runsPerTask(2).parquet(null, false)
                .ensemble(loaded, 5, 7, 30, onSpark, false);
        assertSameFiles(local, onSpark, "runs.csv", "stats.json", "bands.csv");
        assertFalse(Files.exists(onSpark.resolve("runs.parquet")));
        try (var s = Files.list(onSpark.resolve("runs"))) {
            assertEquals(5, s.count(), "no temporaries left");
        }
    }

    private Sweep grid(LoadedScenario loaded, int threads) throws Exception {
        Sweep s = Sweep.grid(loaded, List.of(
                ScenarioPatch.parseValueList("/firms/0/capacity=8,12"),
                ScenarioPatch.parseValueList("/behaviour/demandNoise=0.01,0.05")), 3, 11, 40, threads);
        s.validate();
        return s;
    }

    @Test
    void aSweepWritesTheLocalRunnersFilesByteForByte() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(LINEAR);
        Path local = dir.resolve("local");
        grid(loaded, 2).run(local, Progress.Mode.NONE, SILENT);
        Path onSpark = dir.resolve("spark");
        assertEquals(12, new SparkRunner(spark).failFirstAttemptOf(4).sweep(grid(loaded, 1), onSpark));
        assertSameFiles(local, onSpark, "sweep.csv", "sweep.json");
        assertEquals(12, spark.read().parquet(onSpark.resolve("sweep.parquet").toString()).count());
        settle();
        assertEquals(1, TASKS_FAILED.get());
    }

    @Test
    void anInvalidScenarioFailsOnTheDriverWithValidatesMessagesBeforeAnyTask() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(MINIMAL).replace("\"horizonTicks\": 52", "\"horizonTicks\": -3"));
        StringWriter validateErr = new StringWriter();
        CommandLine validate = Main.commandLine();
        validate.setOut(new PrintWriter(new StringWriter()));
        validate.setErr(new PrintWriter(validateErr));
        assertEquals(2, validate.execute("validate", bad.toString()));
        assertFalse(validateErr.toString().isBlank());

        StringWriter sparkErr = new StringWriter();
        CommandLine onSpark = new CommandLine(new SparkMain());
        onSpark.setOut(new PrintWriter(new StringWriter()));
        onSpark.setErr(new PrintWriter(sparkErr));
        Path out = dir.resolve("out");
        assertEquals(2, onSpark.execute("ensemble", bad.toString(), "--runs", "4", "--out", out.toString()));
        assertEquals(validateErr.toString(), sparkErr.toString());
        assertFalse(Files.exists(out), "nothing written");

        StringWriter sweepErr = new StringWriter();
        onSpark.setErr(new PrintWriter(sweepErr));
        assertEquals(2, new CommandLine(new SparkMain()).setErr(new PrintWriter(sweepErr))
                .setOut(new PrintWriter(new StringWriter()))
                .execute("sweep", LINEAR.toString(), "--set", "/firms/0/capacity=8,-1", "--out", out.toString()));
        assertTrue(sweepErr.toString().contains("point 1"), sweepErr.toString());
        settle();
        assertEquals(0, TASKS_STARTED.get(), "no task started");
    }

    /**
     * {@code --band} on Spark reads the same runs as the local ensemble does, so its stats.json, bands included, is
     * the local one's bytes; a column the runs will not have is refused before any task, with the local words.
     */
    @Test
    void anEnsembleWithBandsWritesTheLocalStatsByteForByte() throws Exception {
        String[] bands = {"--band", "totals.fiscalCost=:0", "--band", "totals.downstreamOutputLoss=1:"};
        Path local = dir.resolve("local-bands");
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        StringWriter localErr = new StringWriter();
        cl.setErr(new PrintWriter(localErr));
        String[] common = {"ensemble", MINIMAL.toString(), "--runs", "3", "--ticks", "20", "--quiet"};
        assertEquals(0, cl.execute(concat(common, new String[] {"--out", local.toString()}, bands)),
                localErr.toString());
        Path onSpark = dir.resolve("spark-bands");
        StringWriter err = new StringWriter();
        assertEquals(0, sparkCommand(err, concat(common, new String[] {"--out", onSpark.toString(), "--no-parquet"},
                bands)), err.toString());
        assertSameFiles(local, onSpark, "runs.csv", "stats.json");
        assertTrue(Files.readString(onSpark.resolve("stats.json")).contains("\"bandShares\""));

        Path never = dir.resolve("never-bands");
        StringWriter refused = new StringWriter();
        assertEquals(2, sparkCommand(refused, concat(common, new String[] {"--out", never.toString()},
                new String[] {"--band", "totals.fiscalCosts=:0"})));
        assertTrue(refused.toString().contains("--band 'totals.fiscalCosts' is not a summary number"),
                refused.toString());
        assertFalse(Files.exists(never), "nothing written");
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    /** A hypercube of no points is refused on the command line, with the words the local sweep uses. */
    @Test
    void aHypercubeOfNoPointsIsRefusedAsTheLocalSweepRefusesIt() throws Exception {
        Path out = dir.resolve("lhs-out");
        String[] args = {"sweep", LINEAR.toString(), "--lhs", "0", "--set", "/firms/0/capacity=8.0:13.0", "--out",
                out.toString()};
        StringWriter sparkErr = new StringWriter();
        assertEquals(2, sparkCommand(sparkErr, args));
        StringWriter localErr = new StringWriter();
        CommandLine local = Main.commandLine();
        local.setOut(new PrintWriter(new StringWriter()));
        local.setErr(new PrintWriter(localErr));
        assertEquals(2, local.execute(args));
        String refusal = "--lhs must be between 1 and";
        assertTrue(sparkErr.toString().contains(refusal), sparkErr.toString());
        assertTrue(localErr.toString().contains(refusal), localErr.toString());
        assertFalse(Files.exists(out), "nothing written");
    }

    private static int sparkCommand(StringWriter err, String... args) {
        return new CommandLine(new SparkMain()).setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(err)).execute(args);
    }

    /**
     * The Spark commands claim their folder as the local ones do: a folder holding a file of the user's is
     * never written into, an earlier results folder is replaced only with --overwrite, and what they write
     * (report.html of the ensemble included) is recognised as theirs the next time.
     */
    @Test
    void theSparkCommandsNeverWriteOverWhatTheyDidNotWrite() throws Exception {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        StringWriter err = new StringWriter();
        assertEquals(2, sparkCommand(err, "ensemble", MINIMAL.toString(), "--runs", "2", "--ticks", "20",
                "--no-parquet", "--quiet", "--out", mine.toString(), "--overwrite"));
        assertTrue(err.toString().contains("notes.txt"), err.toString());
        assertEquals(2, sparkCommand(err, "sweep", LINEAR.toString(), "--set", "/firms/0/capacity=8,12",
                "--ticks", "20", "--no-parquet", "--quiet", "--out", mine.toString(), "--overwrite"));
        try (var s = Files.list(mine)) {
            assertEquals(List.of(mine.resolve("notes.txt")), s.toList());
        }
        assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));

        Path ensemble = dir.resolve("ensemble");
        String[] ensembleArgs = {"ensemble", MINIMAL.toString(), "--runs", "2", "--ticks", "20", "--no-parquet",
            "--quiet", "--out", ensemble.toString()};
        assertEquals(0, sparkCommand(err, ensembleArgs), err.toString());
        assertTrue(Files.isRegularFile(ensemble.resolve("report.html")));
        StringWriter again = new StringWriter();
        assertEquals(2, sparkCommand(again, ensembleArgs));
        assertTrue(again.toString().contains("--overwrite"), again.toString());
        String[] replace = java.util.Arrays.copyOf(ensembleArgs, ensembleArgs.length + 1);
        replace[ensembleArgs.length] = "--overwrite";
        assertEquals(0, sparkCommand(err, replace), err.toString());

        Path sweep = dir.resolve("sweep");
        String[] sweepArgs = {"sweep", LINEAR.toString(), "--set", "/firms/0/capacity=8,12", "--ticks", "20",
            "--no-parquet", "--quiet", "--out", sweep.toString()};
        assertEquals(0, sparkCommand(err, sweepArgs), err.toString());
        StringWriter sweepAgain = new StringWriter();
        assertEquals(2, sparkCommand(sweepAgain, sweepArgs));
        assertTrue(sweepAgain.toString().contains("--overwrite"), sweepAgain.toString());
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no hidden leftovers");
        }
    }

    /**
     * The Parquet tables an ensemble and a sweep write into their folders hold only the names Spark gives its files,
     * so --overwrite replaces them; a note of the user's put in one keeps the folder and is never deleted.
     */
    @Test
    void theParquetTablesInAFolderAreReplacedWithItButNeverANoteBesideThem() throws Exception {
        StringWriter err = new StringWriter();
        Path ensemble = dir.resolve("with-tables");
        String[] ensembleArgs = {"ensemble", MINIMAL.toString(), "--runs", "2", "--ticks", "20", "--quiet",
            "--out", ensemble.toString(), "--overwrite"};
        assertEquals(0, sparkCommand(err, ensembleArgs), err.toString());
        assertTrue(Files.isDirectory(ensemble.resolve("runs.parquet")));
        assertEquals(0, sparkCommand(err, ensembleArgs), err.toString());
        Files.writeString(ensemble.resolve("bands.parquet").resolve("notes.txt"), "keep me");
        StringWriter refused = new StringWriter();
        assertEquals(2, sparkCommand(refused, ensembleArgs));
        assertTrue(refused.toString().contains("bands.parquet/"), refused.toString());
        assertEquals("keep me", Files.readString(ensemble.resolve("bands.parquet").resolve("notes.txt")));

        Path sweep = dir.resolve("sweep-with-table");
        String[] sweepArgs = {"sweep", LINEAR.toString(), "--set", "/firms/0/capacity=8,12", "--ticks", "20",
            "--quiet", "--out", sweep.toString(), "--overwrite"};
        assertEquals(0, sparkCommand(err, sweepArgs), err.toString());
        assertTrue(Files.isDirectory(sweep.resolve("sweep.parquet")));
        assertEquals(0, sparkCommand(err, sweepArgs), err.toString());
    }
}
