package org.chokepoint.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.chokepoint.model.Simulation;
import org.chokepoint.output.OutputFiles;
import org.chokepoint.output.ResultKind;
import org.chokepoint.scenario.DecimalText;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;

/**
 * N replications of one scenario, seeds {@link Seeds#forRun(long, int) derived} from a base seed, run on a
 * fixed pool of threads, resumable, into a folder:
 *
 * <pre>
 * OUT/ensemble.json   the parameters (scenario hash, runs, seed, ticks, seed derivation)
 * OUT/runs/           one {@link RunRecord} per finished run, written atomically
 * OUT/runs.csv        one row per run in run order: run, seed, every flattened summary number
 * OUT/stats.json      per summary number: n, mean, sd, 95% CI, p5/p50/p95 ({@link Statistics}); the runs inside
 *                     each band asked for ({@link BandShare})
 * OUT/bands.csv       per tick, used market and band metric: p5, p50, p95 over the runs
 * OUT/counterfactual-bands.csv  the same for the runs' counterfactuals, when the scenario has any
 * </pre>
 *
 * <p><b>Why per-run files and aggregation at the end.</b> The three tables are computed only once every run
 * is on disk, by reading the run records in run-index order. So they depend on the set of runs and never on
 * the thread count, the order runs finished in, or whether the ensemble was interrupted and resumed: T = 1,
 * T = 2 and a resumed ensemble give the same bytes. The band quantiles are exact (no sketch, so no
 * approximation that could depend on insertion order): they are computed block by block — a range of ticks at
 * a time, the block sized so that its values from every run fit in {@link #bandBudgetBytes} — streaming over
 * the run files once per block. Memory is thus bounded whatever N: the reference scenario (520 ticks, 29
 * markets, 6 band metrics) at N = 10,000 keeps 3.8 GB of run records on disk, and at most the budget
 * (256 MB, or a quarter of the heap if smaller) of them in memory, plus N × columns doubles (17 MB) for the
 * summary statistics; it runs in a 1 GiB heap. The band series are kept as 32-bit floats (7 significant digits), and bands.csv
 * writes its quantiles at that precision.
 */
public final class Ensemble {

    public static final String FORMAT = ResultKind.ENSEMBLE.format();

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final LoadedScenario scenario;
    private final int runs;
    private final long seed;
    private final int ticks;
    private final int threads;
    long bandBudgetBytes = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);
    /** The bands whose share of runs {@code stats.json} gives ({@code --band}). */
    private List<BandShare> bands = List.of();
    /** What the runs made of {@link #bands}, once the tables are written. */
    private List<BandShare.Share> shares = List.of();

    /**
     * @param ticks ticks per run, or below 1 for the scenario's {@code time.horizonTicks}
     */
    public Ensemble(LoadedScenario scenario, int runs, long seed, int ticks, int threads) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
        this.scenario = scenario;
        this.runs = runs;
        this.seed = seed;
        this.ticks = ticks >= 1 ? ticks : scenario.scenario().time().horizonTicks();
        this.threads = threads;
    }

    /** Reads the share of runs inside each of these bands into {@code stats.json} ({@link BandShare}). */
    public Ensemble bands(List<BandShare> bands) {
        this.bands = List.copyOf(bands);
        return this;
    }

    /** What the runs made of the bands, once {@link #run} has written the tables; empty before. */
    public List<BandShare.Share> shares() {
        return shares;
    }

    /**
     * The summary numbers a run of this scenario gives, the columns of {@code runs.csv} after its index and seed:
     * read from a run of one tick, since which numbers a summary holds follows from the scenario's markets,
     * regions, policies and entries, not from how long the run is or how it went. A band is checked against them
     * before any run, so a misspelt column is refused with nothing written.
     */
    public static java.util.Set<String> summaryColumns(LoadedScenario scenario) {
        return Simulation.run(scenario.scenario(), 1, 1).summary().flatten().keySet();
    }

    /** Refuses, before any run, a band on a number the runs of this scenario will not have. */
    public static void checkBands(LoadedScenario scenario, List<BandShare> bands) throws ExperimentException {
        if (bands.isEmpty()) {
            return;
        }
        BandShare.checkAll(bands, summaryColumns(scenario), "this scenario");
    }

    /** What {@link #run} did. */
    public record Outcome(int runs, int resumed, int ranNow, boolean complete) { }

    /** The parameters that identify the ensemble, as written to {@code ensemble.json}. */
    ObjectNode parameters() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT);
        o.put("scenario", scenario.source());
        o.put("scenarioSha256", scenario.sha256());
        o.put("runs", runs);
        o.put("seed", seed);
        o.put("ticks", ticks);
        o.put("seedDerivation", Seeds.DERIVATION);
        return o;
    }

    /** Runs (or resumes) the ensemble into {@code out} and writes its tables. */
    public Outcome run(Path out, boolean resume, Progress.Mode progressMode, java.io.PrintStream err)
            throws ExperimentException, Exception {
        return run(out, resume, progressMode, err, Integer.MAX_VALUE);
    }

    /**
     * As {@link #run(Path, boolean, Progress.Mode, java.io.PrintStream)}, but starts at most {@code limit} new
     * runs and, when that leaves runs undone, stops without writing the tables — as a killed process would.
     */
    Outcome run(Path out, boolean resume, Progress.Mode progressMode, java.io.PrintStream err, int limit)
            throws Exception {
        Path runsDir = out.resolve("runs");
        int[] indices = pending(out, resume);
        int resumed = runs - indices.length;
        List<Object> done;
        try (Progress progress = new Progress("ensemble", runs, resumed, err, progressMode)) {
            done = ParallelRuns.map(indices, threads, i -> {
                int s = Seeds.forRun(seed, i);
                RunRecord.write(runsDir, i, s, Simulation.run(scenario.scenario(), s, ticks));
                return Boolean.TRUE;
            }, progress, limit);
        }
        int ranNow = (int) done.stream().filter(d -> d != null).count();
        if (resumed + ranNow < runs) {
            return new Outcome(runs, resumed, ranNow, false);
        }
        aggregate(out, runsDir);
        return new Outcome(runs, resumed, ranNow, true);
    }

    /**
     * Prepares {@code out} as {@link #run} does — checks or writes {@code ensemble.json}, creates {@code runs/},
     * removes temporaries left by an interrupted run — and returns the indices of the runs not yet on disk, in
     * increasing order. Another runner (a cluster's) that writes those {@link RunRecord records} into
     * {@code out/runs} and then calls {@link #aggregate(Path)} produces the same files as {@link #run}.
     */
    public int[] pending(Path out, boolean resume) throws ExperimentException, IOException {
        Path runsDir = out.resolve("runs");
        prepare(out, resume);
        Files.createDirectories(runsDir);
        cleanTemporaries(runsDir);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (!Files.exists(runsDir.resolve(RunRecord.fileName(i)))) {
                todo.add(i);
            }
        }
        return todo.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The number of replications. */
    public int runs() {
        return runs;
    }

    /** The base seed the runs' seeds are derived from. */
    public long seed() {
        return seed;
    }

    /** Ticks per run (the scenario's horizon when none was given). */
    public int ticks() {
        return ticks;
    }

    /** Writes runs.csv, stats.json and bands.csv from the complete set of run records in {@code out/runs}. */
    public void aggregate(Path out) throws IOException {
        aggregate(out, out.resolve("runs"));
    }

    private void prepare(Path out, boolean resume) throws ExperimentException, IOException {
        Path params = out.resolve("ensemble.json");
        ObjectMapper mapper = Json.mapper();
        ObjectNode wanted = parameters();
        if (Files.exists(params)) {
            if (!resume) {
                throw new ExperimentException(out + " already holds an ensemble; add --resume to finish or "
                        + "re-aggregate it, or choose another --out");
            }
            JsonNode have = mapper.readTree(params.toFile());
            List<String> diffs = new ArrayList<>();
            for (String key : List.of("format", "scenarioSha256", "runs", "seed", "ticks", "seedDerivation")) {
                if (!wanted.path(key).asText().equals(have.path(key).asText())) { // as text: 42 read back is an int, not a long
                    diffs.add(key + " is " + have.path(key) + " there, " + wanted.path(key) + " here");
                }
            }
            if (!diffs.isEmpty()) {
                throw new ExperimentException("cannot resume into " + out + ": it was made with different "
                        + "parameters (" + String.join("; ", diffs) + ")");
            }
            return;
        }
        if (Files.isDirectory(out)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
                if (entries.iterator().hasNext()) {
                    throw new ExperimentException(out + " exists, is not empty and holds no ensemble.json; "
                            + "choose another --out");
                }
            }
        } else if (Files.exists(out)) {
            throw new ExperimentException(out + " exists and is not a folder");
        }
        OutputFiles.on(out, () -> Files.createDirectories(out));
        OutputFiles.write(params, file -> Json.write(file, wanted));
    }

    /**
     * A run record's temporary: {@code run-NNNNNN.bin.tmp}, or {@code run-NNNNNN.bin.ATTEMPT.tmp} as a cluster's
     * task writes it. Only these are a killed run's leftovers; any other name in {@code runs/} is not ours to
     * remove, whatever it ends in.
     */
    private static final java.util.regex.Pattern RECORD_TEMPORARY =
            java.util.regex.Pattern.compile("run-[0-9]{6,}\\.bin(\\.[0-9]+)?\\.tmp");

    private static void cleanTemporaries(Path runsDir) throws IOException {
        try (DirectoryStream<Path> tmps = Files.newDirectoryStream(runsDir, "*.tmp")) {
            for (Path p : tmps) {
                if (RECORD_TEMPORARY.matcher(p.getFileName().toString()).matches()
                        && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Writes runs.csv, stats.json, bands.csv and, when the runs have counterfactuals, counterfactual-bands.csv
     * from the run records, in run-index order. The tables appear together when all are written; a failure (a full disk) leaves none of them half-written and no
     * temporary behind.
     */
    void aggregate(Path out, Path runsDir) throws IOException {
        Path[] files = new Path[runs];
        RunRecord.Header[] headers = new RunRecord.Header[runs];
        RunRecord.Header first = null;
        double[][] byColumn = null;
        for (int i = 0; i < runs; i++) {
            files[i] = runsDir.resolve(RunRecord.fileName(i));
            RunRecord.Header h = RunRecord.readHeader(files[i]);
            if (h.index() != i || h.seed() != Seeds.forRun(seed, i)) {
                throw new IOException(files[i] + ": holds run " + h.index() + " with seed " + h.seed()
                        + ", expected run " + i + " with seed " + Seeds.forRun(seed, i));
            }
            if (first == null) {
                first = h;
                byColumn = new double[h.columns().size()][runs];
            } else if (!first.sameLayout(h)) {
                throw new IOException(files[i] + ": its columns or markets differ from run 0's");
            }
            for (int c = 0; c < h.values().length; c++) {
                byColumn[c][i] = h.values()[c];
            }
            // keep only what the band passes need
            headers[i] = new RunRecord.Header(h.index(), h.seed(), first.columns(), null, h.ticks(),
                    first.marketRegions(), first.marketCommodities(), first.bandMetrics(), h.bandOffset(),
                    first.counterfactual());
        }
        RunRecord.Header layout = first;
        List<BandShare.Share> found = new ArrayList<>();
        for (BandShare band : bands) {
            int c = layout.columns().indexOf(band.column());
            if (c < 0) {
                throw new IOException("the runs have no summary number " + band.column() + " to read --band against");
            }
            found.add(band.of(byColumn[c]));
        }
        shares = List.copyOf(found);
        double[][] values = byColumn;
        List<Path> tables = new ArrayList<>(List.of(out.resolve("runs.csv"), out.resolve("stats.json"),
                out.resolve("bands.csv")));
        List<OutputFiles.FileWriting> writers = new ArrayList<>(List.of(
                file -> writeRuns(file, layout, values),
                file -> Json.write(file, stats(layout, values)),
                file -> writeBands(file, files, headers, layout, false)));
        if (layout.counterfactual()) {
            tables.add(out.resolve(COUNTERFACTUAL_BANDS));
            writers.add(file -> writeBands(file, files, headers, layout, true));
        }
        OutputFiles.writeTogether(tables, writers);
    }

    /** One row per run: its index, its seed and every summary number. */
    private void writeRuns(Path file, RunRecord.Header layout, double[][] byColumn) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSV)) {
            List<String> header = new ArrayList<>();
            header.add("run");
            header.add("seed");
            header.addAll(layout.columns());
            csv.printRecord(header);
            for (int i = 0; i < runs; i++) {
                List<String> row = new ArrayList<>(byColumn.length + 2);
                row.add(Integer.toString(i));
                row.add(Integer.toString(Seeds.forRun(seed, i)));
                for (double[] column : byColumn) {
                    row.add(format(column[i]));
                }
                csv.printRecord(row);
            }
        }
    }

    private ObjectNode stats(RunRecord.Header layout, double[][] byColumn) {
        ObjectNode stats = JsonNodeFactory.instance.objectNode();
        stats.put("runs", runs);
        stats.put("seed", seed);
        stats.put("ticks", ticks);
        stats.put("scenarioSha256", scenario.sha256());
        stats.put("confidenceLevel", 0.95);
        stats.put("quantileDefinition", Statistics.QUANTILE_DEFINITION);
        stats.put("missingValues", "NA values of runs.csv are left out; n counts the values used; a statistic that"
                + " cannot be computed (sd and the interval with fewer than two values, anything with none) is null");
        stats.set("money", org.chokepoint.scenario.PriceBase.of(scenario.scenario()).json());
        ObjectNode metrics = stats.putObject("metrics");
        for (int c = 0; c < layout.columns().size(); c++) {
            metrics.set(layout.columns().get(c), Statistics.of(byColumn[c]).toJson());
        }
        if (!shares.isEmpty()) {
            stats.put("bandShareDefinition", BandShare.DEFINITION);
            com.fasterxml.jackson.databind.node.ArrayNode list = stats.putArray("bandShares");
            for (BandShare.Share share : shares) {
                list.add(share.toJson());
            }
        }
        return stats;
    }

    /** The counterfactual's bands, when the scenario has events or policies: the same layout as bands.csv. */
    public static final String COUNTERFACTUAL_BANDS = "counterfactual-bands.csv";

    private void writeBands(Path target, Path[] files, RunRecord.Header[] headers, RunRecord.Header layout,
                            boolean counterfactual) throws IOException {
        int cellsPerTick = layout.cellsPerTick();
        int totalTicks = layout.ticks();
        long bytesPerTick = 4L * cellsPerTick * runs;
        int ticksPerBlock = (int) Math.max(1, Math.min(totalTicks, bandBudgetBytes / Math.max(1, bytesPerTick)));
        int markets = layout.marketRegions().size();
        int k = layout.bandMetrics().size();
        float[] block = new float[ticksPerBlock * cellsPerTick * runs]; // [cell][run]
        float[] scratch = new float[ticksPerBlock * cellsPerTick];
        double[] cell = new double[runs];
        Percentile percentile = Statistics.percentile();
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSV)) {
            csv.printRecord("tick", "region", "commodity", "metric", "p5", "p50", "p95");
            for (int from = 0; from < totalTicks; from += ticksPerBlock) {
                int to = Math.min(totalTicks, from + ticksPerBlock);
                int cells = (to - from) * cellsPerTick;
                for (int r = 0; r < runs; r++) {
                    RunRecord.readBands(files[r], headers[r], counterfactual, from, to, scratch, 0);
                    for (int c = 0; c < cells; c++) {
                        block[c * runs + r] = scratch[c];
                    }
                }
                for (int t = from; t < to; t++) {
                    String tick = Integer.toString(t);
                    for (int m = 0; m < markets; m++) {
                        for (int j = 0; j < k; j++) {
                            int c = ((t - from) * markets + m) * k + j;
                            int n = 0;
                            for (int r = 0; r < runs; r++) {
                                float v = block[c * runs + r];
                                if (!Float.isNaN(v)) {
                                    cell[n++] = v;
                                }
                            }
                            String p5 = "NA";
                            String p50 = "NA";
                            String p95 = "NA";
                            if (n > 0) {
                                percentile.setData(cell, 0, n);
                                p5 = DecimalText.of((float) percentile.evaluate(5));
                                p50 = DecimalText.of((float) percentile.evaluate(50));
                                p95 = DecimalText.of((float) percentile.evaluate(95));
                            }
                            csv.printRecord(tick, layout.marketRegions().get(m), layout.marketCommodities().get(m),
                                    layout.bandMetrics().get(j), p5, p50, p95);
                        }
                    }
                }
            }
        }
    }

    static String format(double v) {
        return Double.isNaN(v) ? "NA" : DecimalText.of(v);
    }
}
