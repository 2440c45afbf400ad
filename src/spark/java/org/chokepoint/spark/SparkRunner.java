package org.chokepoint.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.chokepoint.experiment.Ensemble;
import org.chokepoint.experiment.RunRecord;
import org.chokepoint.experiment.Seeds;
import org.chokepoint.experiment.Sweep;
import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;
import scala.Tuple2;

/**
 * Runs an {@link Ensemble} or a {@link Sweep} on Spark: the same run specifications as the local runner (the
 * scenario's JSON text, or each sweep point's patched text, shipped once per executor as a broadcast; and per
 * run a small {@link RunSpec}: run index, point, replication, seed) become an RDD with, by default, one run per
 * task. Each task loads its scenario from the text with {@link ScenarioLoader#fromJson} (kept per executor
 * JVM, so a scenario is parsed and checked once per executor, not once per run), runs
 * {@link Simulation#run} and returns the run's {@link RunRecord} bytes (ensemble) or flattened summary
 * (sweep). The driver then writes the local runner's files with the local runner's own code
 * ({@link Ensemble#aggregate}, {@link Sweep#write}), so runs.csv, stats.json, bands.csv, sweep.csv and
 * sweep.json are byte-identical to a local run's; Parquet copies of the tables are written beside them.
 *
 * <p>The scenario (and every sweep point) is loaded and validated on the driver before any job starts, so
 * an invalid scenario fails with the messages {@code validate} prints and no task runs. A failed task is
 * retried by Spark ({@code spark.task.maxFailures}; in local mode the master {@code local[N,F]}); a run is a
 * pure function of its spec, so a retried run gives the same bytes.
 */
public final class SparkRunner {

    /** Where a run's record goes: collected to the driver, or written by the task itself. */
    public enum Gather {
        /** Tasks return record bytes; the driver writes them into OUT/runs, a wave of runs at a time. */
        DRIVER,
        /** Tasks write their records into OUT/runs themselves: OUT must be one shared file system path. */
        SHARED
    }

    /** One run: index in the experiment's run order, sweep point (0 for an ensemble), replication, seed. */
    public record RunSpec(int index, int point, int run, int seed) implements Serializable { }

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private int runsPerTask = 1;
    private int wave;
    private Gather gather = Gather.DRIVER;
    private String parquet;
    private boolean writeParquet = true;
    private PrintStream progress;
    private int failFirstAttemptOf = -1;

    public SparkRunner(SparkSession spark) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.wave = Math.max(64, 8 * jsc.defaultParallelism());
    }

    /** Runs per task (default 1: one model per task, the finest load balancing). */
    public SparkRunner runsPerTask(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("runs per task must be at least 1, got " + n);
        }
        this.runsPerTask = n;
        return this;
    }

    /**
     * With {@link Gather#DRIVER}, runs per job: the records of one wave are held on the driver at once
     * (about 24 bytes per tick and market each: six band series as 32-bit floats). Default max(64, 8 x default parallelism).
     */
    public SparkRunner wave(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("wave must be at least 1, got " + n);
        }
        this.wave = n;
        return this;
    }

    public SparkRunner gather(Gather g) {
        this.gather = g;
        return this;
    }

    /**
     * Where the Parquet tables go (a Hadoop URI such as hdfs://... or s3a://...; default the output folder),
     * or null for none.
     */
    public SparkRunner parquet(String uri, boolean write) {
        this.parquet = uri;
        this.writeParquet = write;
        return this;
    }

    /** Progress lines (one per wave or job), or null for none. */
    public SparkRunner progress(PrintStream p) {
        this.progress = p;
        return this;
    }

    /** Test hook: the first attempt of run {@code index}'s task throws, to exercise Spark's retry. */
    SparkRunner failFirstAttemptOf(int index) {
        this.failFirstAttemptOf = index;
        return this;
    }

    /**
     * Runs (or resumes) an ensemble into {@code out}: the same folder as {@code chokepoint ensemble} writes,
     * plus runs.parquet and bands.parquet.
     */
    public Ensemble.Outcome ensemble(LoadedScenario loaded, int runs, long seed, int ticks, Path out,
                                     boolean resume) throws Exception {
        return ensemble(new Ensemble(loaded, runs, seed, ticks, 1), loaded, out, resume);
    }

    /** As above, for an ensemble set up by the caller (its bands, {@link Ensemble#bands}). */
    public Ensemble.Outcome ensemble(Ensemble ensemble, LoadedScenario loaded, Path out, boolean resume)
            throws Exception {
        int runs = ensemble.runs();
        long seed = ensemble.seed();
        int[] pending = ensemble.pending(out, resume);
        Path runsDir = out.resolve("runs");
        Task task = new Task(jsc.broadcast(List.of(text(loaded))), loaded.source(), ensemble.ticks(),
                failFirstAttemptOf, runsDir.toAbsolutePath().toString());
        List<RunSpec> specs = new ArrayList<>(pending.length);
        for (int i : pending) {
            specs.add(new RunSpec(i, 0, i, Seeds.forRun(seed, i)));
        }
        try {
            if (gather == Gather.SHARED) {
                jsc.setJobDescription("chokepoint ensemble: " + specs.size() + " runs");
                jsc.parallelize(specs, slices(specs.size())).foreach(task::writeRecord);
                report("ensemble", pending.length, pending.length);
            } else {
                for (int from = 0; from < specs.size(); from += wave) {
                    List<RunSpec> part = specs.subList(from, Math.min(specs.size(), from + wave));
                    jsc.setJobDescription("chokepoint ensemble: runs " + part.get(0).index() + ".."
                            + part.get(part.size() - 1).index());
                    List<Tuple2<Integer, byte[]>> records =
                            jsc.parallelize(new ArrayList<>(part), slices(part.size())).map(task::record).collect();
                    for (Tuple2<Integer, byte[]> r : records) {
                        RunRecord.write(runsDir, r._1(), r._2());
                    }
                    report("ensemble", from + part.size(), pending.length);
                }
            }
        } finally {
            task.scenarios.destroy();
        }
        ensemble.aggregate(out);
        if (parquetWanted(gather == Gather.SHARED)) {
            String base = parquetBase(out);
            writeParquet(out.resolve("runs.csv"), base + "runs.parquet", 2, "run", "seed");
            writeParquet(out.resolve("bands.csv"), base + "bands.parquet", 1, "tick");
        }
        return new Ensemble.Outcome(runs, runs - pending.length, pending.length, true);
    }

    /**
     * Runs every point and replication of a validated sweep into {@code out}: sweep.csv and sweep.json as
     * {@code chokepoint sweep} writes them, plus sweep.parquet.
     */
    public int sweep(Sweep sweep, Path out) throws Exception {
        List<LoadedScenario> scenarios = sweep.scenarios();
        List<String> texts = new ArrayList<>(scenarios.size());
        for (LoadedScenario s : scenarios) {
            texts.add(text(s));
        }
        int runs = sweep.runs();
        int total = Math.multiplyExact(scenarios.size(), runs);
        List<RunSpec> specs = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            specs.add(new RunSpec(i, i / runs, i % runs, Seeds.forRun(sweep.seed(), i % runs)));
        }
        Task task = new Task(jsc.broadcast(texts), scenarios.get(0).source(), sweep.ticks(), failFirstAttemptOf,
                null);
        List<Tuple2<Integer, LinkedHashMap<String, Double>>> collected;
        try {
            jsc.setJobDescription("chokepoint sweep: " + scenarios.size() + " points x " + runs + " runs");
            collected = jsc.parallelize(specs, slices(total)).map(task::summary).collect();
        } finally {
            task.scenarios.destroy();
        }
        List<LinkedHashMap<String, Double>> rows = new ArrayList<>(Arrays.asList(newRows(total)));
        for (Tuple2<Integer, LinkedHashMap<String, Double>> r : collected) {
            rows.set(r._1(), r._2());
        }
        report("sweep", total, total);
        Files.createDirectories(out);
        sweep.write(out, rows);
        if (parquetWanted(false)) {
            writeParquet(out.resolve("sweep.csv"), parquetBase(out) + "sweep.parquet",
                    1, "point"); // the pointer columns (value texts) stay strings, see writeParquet
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, Double>[] newRows(int n) {
        return (LinkedHashMap<String, Double>[]) new LinkedHashMap<?, ?>[n];
    }

    private int slices(int n) {
        return Math.max(1, (n + runsPerTask - 1) / runsPerTask);
    }

    private void report(String what, int done, int total) {
        if (progress != null) {
            progress.println(what + ": " + done + "/" + total + " runs");
            progress.flush();
        }
    }

    private static String text(LoadedScenario s) throws IOException {
        return Json.mapper().copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(s.json());
    }

    /**
     * Parquet is written by the executors: into the output folder only when they share it with the driver
     * (local mode, or records written from the tasks into a shared folder); on a cluster otherwise only to a
     * given {@link #parquet} URI, never silently onto the executors' own disks.
     */
    private boolean parquetWanted(boolean outShared) {
        if (!writeParquet) {
            return false;
        }
        if (parquet == null && !jsc.isLocal() && !outShared) {
            System.err.println("no Parquet tables written: on a cluster they need --parquet URI (a path every "
                    + "executor can write, e.g. hdfs:// or s3a://)");
            return false;
        }
        return true;
    }

    private String parquetBase(Path out) {
        String base = parquet != null ? parquet : out.toAbsolutePath().toUri().toString();
        return base.endsWith("/") ? base : base + "/";
    }

    /**
     * Copies a table just written as CSV into Parquet: the leading {@code ints} columns as integers, the
     * columns named in {@code ints} too, text columns ({@code region}, {@code commodity}, {@code metric}, the
     * sweep's pointer values) as strings, every other column as a double; NA becomes null. Read on the driver
     * and written by Spark, so {@code uri} must be reachable from the executors (shared storage on a cluster).
     */
    private void writeParquet(Path csv, String uri, int leadingInts, String... intColumns) throws IOException {
        List<String> header;
        List<Row> rows = new ArrayList<>();
        List<String> ints = List.of(intColumns);
        DataType[] types;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            header = p.getHeaderNames();
            types = new DataType[header.size()];
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                if (c < leadingInts || ints.contains(h)) {
                    types[c] = DataTypes.IntegerType;
                } else if (h.startsWith("/") || h.equals("region") || h.equals("commodity") || h.equals("metric")) {
                    types[c] = DataTypes.StringType;
                } else {
                    types[c] = DataTypes.DoubleType;
                }
            }
            for (CSVRecord rec : p) {
                Object[] values = new Object[header.size()];
                for (int c = 0; c < header.size(); c++) {
                    String v = rec.get(c);
                    if (types[c] == DataTypes.StringType) {
                        values[c] = v;
                    } else if (v.equals("NA")) {
                        values[c] = null;
                    } else if (types[c] == DataTypes.IntegerType) {
                        values[c] = Integer.parseInt(v);
                    } else {
                        values[c] = Double.parseDouble(v);
                    }
                }
                rows.add(RowFactory.create(values));
            }
        }
        StructField[] fields = new StructField[header.size()];
        for (int c = 0; c < fields.length; c++) {
            fields[c] = DataTypes.createStructField(header.get(c), types[c], types[c] != DataTypes.IntegerType);
        }
        jsc.setJobDescription("chokepoint: " + uri);
        spark.createDataFrame(rows, new StructType(fields)).coalesce(1).write().mode(SaveMode.Overwrite).parquet(uri);
    }

    /** What a task needs besides its spec; serialised into every task, so small (the texts are broadcast). */
    static final class Task implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Per executor JVM: scenario text to checked scenario. */
        private static final Map<String, Scenario> CACHE = new ConcurrentHashMap<>();

        final Broadcast<List<String>> scenarios;
        final String source;
        final int ticks;
        final int failFirstAttemptOf;
        final String runsDir;

        Task(Broadcast<List<String>> scenarios, String source, int ticks, int failFirstAttemptOf, String runsDir) {
            this.scenarios = scenarios;
            this.source = source;
            this.ticks = ticks;
            this.failFirstAttemptOf = failFirstAttemptOf;
            this.runsDir = runsDir;
        }

        Scenario scenario(int point) throws ScenarioException, IOException {
            String text = scenarios.value().get(point);
            Scenario s = CACHE.get(text);
            if (s == null) {
                if (CACHE.size() >= 64) {
                    CACHE.clear();
                }
                s = ScenarioLoader.fromJson(Json.mapper().readTree(text), source + " [point " + point + "]")
                        .scenario();
                CACHE.put(text, s);
            }
            return s;
        }

        private org.chokepoint.model.RunOutcome run(RunSpec spec) throws Exception {
            TaskContext context = TaskContext.get();
            if (spec.index() == failFirstAttemptOf && context != null && context.attemptNumber() == 0) {
                throw new IllegalStateException("forced failure of run " + spec.index() + ", first attempt");
            }
            return Simulation.run(scenario(spec.point()), spec.seed(), ticks);
        }

        Tuple2<Integer, byte[]> record(RunSpec spec) throws Exception {
            return new Tuple2<>(spec.index(), RunRecord.toBytes(spec.index(), spec.seed(), run(spec)));
        }

        void writeRecord(RunSpec spec) throws Exception {
            byte[] bytes = RunRecord.toBytes(spec.index(), spec.seed(), run(spec));
            Path dir = Path.of(runsDir);
            // per attempt, so that a speculative or retried attempt never writes into another's temporary
            TaskContext context = TaskContext.get();
            long attempt = context == null ? 0 : context.taskAttemptId();
            Path tmp = dir.resolve(RunRecord.fileName(spec.index()) + "." + attempt + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, dir.resolve(RunRecord.fileName(spec.index())), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }

        Tuple2<Integer, LinkedHashMap<String, Double>> summary(RunSpec spec) throws Exception {
            return new Tuple2<>(spec.index(), run(spec).summary().flatten());
        }
    }
}
