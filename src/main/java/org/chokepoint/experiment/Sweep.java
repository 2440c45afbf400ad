package org.chokepoint.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chokepoint.model.Simulation;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.output.OutputFiles;
import org.chokepoint.output.ResultKind;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.PriceBase;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;

/**
 * A sweep: N replications at each point of a grid or of a Latin hypercube over scenario values addressed by
 * JSON pointers. Replication r has the same seed {@link Seeds#forRun(long, int) seed(S, r)} at every point
 * (common random numbers), so differences between points are the parameters' doing, not the noise's. Every
 * point is patched and validated before any run starts.
 *
 * <p>Writes {@code sweep.csv} (point, one column per pointer, run, seed, every flattened summary number; rows
 * by point, then run) and {@code sweep.json} (the design: pointers, points and their values, seeds).
 */
public final class Sweep {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final LoadedScenario base;
    private final List<String> pointers;
    private final List<List<ScenarioPatch.Assignment>> points;
    private final String design;
    private final int runs;
    private final long seed;
    private final int ticks;
    private final int threads;
    private List<LoadedScenario> scenarios;

    private Sweep(LoadedScenario base, List<String> pointers, List<List<ScenarioPatch.Assignment>> points,
                  String design, int runs, long seed, int ticks, int threads) {
        this.base = base;
        this.pointers = List.copyOf(pointers);
        this.points = points;
        this.design = design;
        this.runs = runs;
        this.seed = seed;
        this.ticks = ticks;
        this.threads = threads;
    }

    /** The full grid of the value lists; the first list varies slowest, the last fastest. */
    public static Sweep grid(LoadedScenario base, List<ScenarioPatch.ValueList> lists, int runs, long seed, int ticks,
                             int threads) throws ExperimentException {
        List<String> pointers = new ArrayList<>();
        for (ScenarioPatch.ValueList l : lists) {
            ScenarioPatch.pointerIn(base, l.pointer());
            pointers.add(l.pointer());
        }
        checkDistinct(pointers);
        long size = runs;
        for (ScenarioPatch.ValueList l : lists) {
            size *= l.values().size();
            checkSize(size);
        }
        List<List<ScenarioPatch.Assignment>> points = new ArrayList<>();
        points.add(List.of());
        for (ScenarioPatch.ValueList l : lists) {
            List<List<ScenarioPatch.Assignment>> next = new ArrayList<>();
            for (List<ScenarioPatch.Assignment> p : points) {
                for (JsonNode v : l.values()) {
                    List<ScenarioPatch.Assignment> q = new ArrayList<>(p);
                    q.add(new ScenarioPatch.Assignment(l.pointer(), v));
                    next.add(List.copyOf(q));
                }
            }
            points = next;
        }
        return new Sweep(base, pointers, points, "grid", runs, seed, ticks, threads);
    }

    /**
     * A Latin hypercube of {@code k} points over the ranges: each range is cut into k equal strata, each
     * stratum is used by exactly one point, with a uniform position inside it; the pairing of strata across
     * parameters is a random permutation per parameter. Drawn from {@code seed} alone.
     */
    public static Sweep latinHypercube(LoadedScenario base, List<ScenarioPatch.Range> ranges, int k, int runs,
                                       long seed, int ticks, int threads) throws ExperimentException {
        if (k < 1) {
            throw new ExperimentException("--lhs must be at least 1, got " + k);
        }
        checkSize((long) k * runs);
        List<String> pointers = new ArrayList<>();
        List<ScenarioPatch.Range> drawn = new ArrayList<>();
        for (ScenarioPatch.Range r : ranges) {
            ScenarioPatch.pointerIn(base, r.pointer());
            pointers.add(r.pointer());
            drawn.add(r.over(base.json()));
        }
        checkDistinct(pointers);
        Rng rng = new Rng(seed, 0x4C48L); // "LH"
        int[][] strata = new int[ranges.size()][];
        double[][] offsets = new double[ranges.size()][k];
        for (int j = 0; j < ranges.size(); j++) {
            strata[j] = rng.permutation(k);
            for (int i = 0; i < k; i++) {
                offsets[j][i] = rng.nextDouble();
            }
        }
        List<List<ScenarioPatch.Assignment>> points = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<ScenarioPatch.Assignment> p = new ArrayList<>();
            for (int j = 0; j < ranges.size(); j++) {
                double u = (strata[j][i] + offsets[j][i]) / k;
                p.add(new ScenarioPatch.Assignment(drawn.get(j).pointer(), drawn.get(j).stratified(u)));
            }
            points.add(List.copyOf(p));
        }
        return new Sweep(base, pointers, points, "latin-hypercube", runs, seed, ticks, threads);
    }

    private static void checkSize(long runs) throws ExperimentException {
        if (runs > ParallelRuns.MAX_RUNS) {
            throw new ExperimentException("the sweep needs more than " + ParallelRuns.MAX_RUNS + " runs (points x"
                    + " --runs); make the grid or --runs smaller");
        }
    }

    /**
     * Refuses a pointer given twice, or one inside another's value ({@code /firms/1/capacity/min} beside
     * {@code /firms/1/capacity}): whichever is applied last decides what the run sees, so the other's column
     * would name a value no run had.
     */
    static void checkDistinct(List<String> pointers) throws ExperimentException {
        if (new LinkedHashSet<>(pointers).size() != pointers.size()) {
            throw new ExperimentException("the same pointer is set twice: " + pointers);
        }
        for (String outer : pointers) {
            for (String inner : pointers) {
                if (inner.startsWith(outer + "/")) {
                    throw new ExperimentException("pointer " + inner + " lies inside " + outer + ", which is set"
                            + " as a whole: the one applied last would undo the other; set either the value or"
                            + " the parts inside it");
                }
            }
        }
        if (pointers.isEmpty()) {
            throw new ExperimentException("nothing to sweep: give at least one --set");
        }
    }

    public List<List<ScenarioPatch.Assignment>> points() {
        return points;
    }

    static String label(int point, List<ScenarioPatch.Assignment> assignments) {
        StringBuilder s = new StringBuilder("point ").append(point);
        for (ScenarioPatch.Assignment a : assignments) {
            s.append(s.indexOf(":") < 0 ? ": " : ", ").append(a.pointer()).append('=').append(a.text());
        }
        return s.toString();
    }

    /** Patches and validates every point; the first point with problems is reported. */
    public void validate() throws ExperimentException, ScenarioException {
        List<LoadedScenario> list = new ArrayList<>(points.size());
        for (int p = 0; p < points.size(); p++) {
            LoadedScenario point = ScenarioPatch.load(base, points.get(p), label(p, points.get(p)));
            if (ticks >= 1) {
                ScenarioLoader.checkRunLength(point, ticks);
            }
            list.add(point);
        }
        scenarios = list;
    }

    /** Runs every point and replication and writes sweep.csv and sweep.json into {@code out}. */
    public int run(Path out, Progress.Mode mode, PrintStream err) throws Exception {
        if (scenarios == null) {
            validate();
        }
        int total = Math.multiplyExact(points.size(), runs);
        int[] indices = new int[total];
        for (int i = 0; i < total; i++) {
            indices[i] = i;
        }
        RunNumbers.Names names = new RunNumbers.Names();
        List<RunNumbers> rows;
        try (Progress progress = new Progress("sweep", total, 0, err, mode)) {
            rows = ParallelRuns.map(indices, threads, i -> {
                int r = i % runs;
                return names.of(Simulation.run(scenarios.get(i / runs).scenario(), Seeds.forRun(seed, r), ticks)
                        .summary().flatten());
            }, progress);
        }
        writeRows(out, rows);
        return total;
    }

    /**
     * Writes sweep.csv and sweep.json into {@code out} from every run's flattened summary, indexed by
     * {@code point * runs + run} — what {@link #run} does once the runs are done, so that another runner (a
     * cluster's) that computes the same summaries writes the same bytes. Needs {@link #validate()} first.
     */
    public void write(Path out, List<LinkedHashMap<String, Double>> rows) throws IOException {
        RunNumbers.Names names = new RunNumbers.Names();
        List<RunNumbers> numbers = new ArrayList<>(rows.size());
        for (LinkedHashMap<String, Double> row : rows) {
            numbers.add(names.of(row));
        }
        writeRows(out, numbers);
    }

    private void writeRows(Path out, List<RunNumbers> rows) throws IOException {
        int total = Math.multiplyExact(points.size(), runs);
        if (rows.size() != total) {
            throw new IllegalArgumentException(rows.size() + " rows for " + total + " runs");
        }
        LinkedHashSet<String> union = new LinkedHashSet<>();
        IdentityHashMap<List<String>, Boolean> seen = new IdentityHashMap<>();
        for (RunNumbers row : rows) {
            if (seen.put(row.names(), Boolean.TRUE) == null) {
                union.addAll(row.names());
            }
        }
        List<String> columns = List.copyOf(union);
        OutputFiles.on(out, () -> Files.createDirectories(out));
        OutputFiles.writeTogether(List.of(out.resolve("sweep.csv"), out.resolve(ResultKind.SWEEP.descriptor())),
                List.of(file -> writeCsv(file, rows, columns, total),
                        file -> Json.write(file, describe())));
    }

    private void writeCsv(Path file, List<RunNumbers> rows, List<String> columns, int total) throws IOException {
        IdentityHashMap<List<String>, int[]> positions = new IdentityHashMap<>();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSV)) {
            List<String> header = new ArrayList<>();
            header.add("point");
            header.addAll(pointers);
            header.add("run");
            header.add("seed");
            header.addAll(columns);
            csv.printRecord(header);
            for (int i = 0; i < total; i++) {
                int p = i / runs;
                int r = i % runs;
                List<String> row = new ArrayList<>(header.size());
                row.add(Integer.toString(p));
                for (ScenarioPatch.Assignment a : points.get(p)) {
                    row.add(a.text());
                }
                row.add(Integer.toString(r));
                row.add(Integer.toString(Seeds.forRun(seed, r)));
                RunNumbers numbers = rows.get(i);
                int[] at = positions.computeIfAbsent(numbers.names(), n -> RunNumbers.positions(columns, n));
                for (int position : at) {
                    row.add(Ensemble.format(numbers.at(position)));
                }
                csv.printRecord(row);
            }
        }
    }

    /** The validated scenario of every point, in point order ({@link #validate()} first). */
    public List<LoadedScenario> scenarios() {
        if (scenarios == null) {
            throw new IllegalStateException("validate() first");
        }
        return scenarios;
    }

    /** Replications per point. */
    public int runs() {
        return runs;
    }

    /** The base seed; replication r has seed {@link Seeds#forRun(long, int) seed(S, r)} at every point. */
    public long seed() {
        return seed;
    }

    /** Ticks per run as given, below 1 for each scenario's {@code time.horizonTicks}. */
    public int ticks() {
        return ticks;
    }

    /**
     * The number of ticks every run of {@code scenarios} lasts: {@code ticks} when given (1 or more), otherwise
     * their {@code time.horizonTicks} if they all have the same, or null when points set it differently (a
     * pointer to {@code /time/horizonTicks}), so that a design file does not give the base scenario's horizon
     * for runs that lasted another.
     */
    static Integer commonTicks(int ticks, List<LoadedScenario> scenarios) {
        if (ticks >= 1) {
            return ticks;
        }
        Integer first = scenarios.get(0).scenario().time().horizonTicks();
        for (LoadedScenario s : scenarios) {
            if (!java.util.Objects.equals(first, s.scenario().time().horizonTicks())) {
                return null;
            }
        }
        return first;
    }

    /**
     * The dollars every point states its money in ({@code money}, as {@code stats.json} records it), or null when
     * points state it differently (a pointer to {@code /outputs/priceBaseYear}, {@code /time/priceYear}, or
     * {@code /time/startDate} where the scenario gives no price year), so that a design file says in what dollars each
     * point's figures are.
     */
    static PriceBase commonMoney(List<LoadedScenario> scenarios) {
        PriceBase first = PriceBase.of(scenarios.get(0).scenario());
        for (LoadedScenario s : scenarios) {
            if (!first.equals(PriceBase.of(s.scenario()))) {
                return null;
            }
        }
        return first;
    }

    /**
     * What differs between {@code worlds} beyond the values set, in words, or null when nothing does: points whose
     * runs last different numbers of ticks (a pointer to {@code /time/horizonTicks} and no --ticks), or whose money
     * is in different dollars. Either way a table of the runs, which has no column for it, compares figures over
     * different spans or in different dollars: {@code table} is that table, {@code file} where each point's own
     * are written.
     */
    public static String differences(int ticks, List<LoadedScenario> worlds, String table, String file) {
        boolean clock = commonTicks(ticks, worlds) == null;
        java.util.TreeSet<String> dollars = new java.util.TreeSet<>();
        java.util.TreeSet<Integer> lengths = new java.util.TreeSet<>();
        for (LoadedScenario w : worlds) {
            dollars.add(PriceBase.of(w.scenario()).label());
            lengths.add(w.scenario().time().horizonTicks());
        }
        // price years that differ but are all deflated to one base year leave the money in one unit
        boolean money = dollars.size() > 1;
        if (!clock && !money) {
            return null;
        }
        String spans = "run for different numbers of ticks (" + join(lengths) + "), so figures over a run cover"
                + " different spans";
        String units = "state money in different dollars (" + String.join(", ", dollars) + "), so money figures are"
                + " not in one unit";
        return "the points " + (clock && money ? spans + ", and " + units : clock ? spans : units) + "; " + table
                + " does not say so, " + file + " gives each point's own "
                + (clock && money ? "ticks and money" : clock ? "ticks" : "money");
    }

    /**
     * A warning when {@code worlds} take different amounts of the run seed's random numbers while their firms and
     * traders are drawn (a population's {@code count}, or a parameter drawn at one point and fixed at another), or
     * null when they all take the same: the demand noise and the policies' draws are seeded from the same generator
     * after them, so one seed then gives those points other noise, not the common random numbers the seeds
     * promise. Each world is asked what its model would seed those streams with under {@code runSeed}
     * ({@link SupplyShockModel#streamSeeds}), so the answer is the model's own, not a reading of its draw order.
     * Worlds with demand noise whose numbers of demand entries differ (a comparison's option may list its own) are
     * warned of too: every entry draws its noise from one stream each tick, in the order of the entries, so an entry
     * more shifts every other entry's noise.
     *
     * @param what what the worlds are called in the warning: "points", "options"
     * @param whose what the differences between them should be the doing of: "the parameters'", "the options'"
     */
    public static String randomDraws(List<LoadedScenario> worlds, int runSeed, int ticks, String what, String whose) {
        int[] first = new SupplyShockModel(worlds.get(0).scenario(), runSeed, ticks).streamSeeds();
        String alone = ": differences between " + what + " are not " + whose + " doing alone";
        for (LoadedScenario w : worlds.subList(1, worlds.size())) {
            if (!java.util.Arrays.equals(first, new SupplyShockModel(w.scenario(), runSeed, ticks).streamSeeds())) {
                return "the " + what + " draw different numbers of firms' or traders' random values (a count, or a"
                        + " parameter that is a number at one point and a range at another), so one seed gives them"
                        + " different demand noise and policy draws too" + alone;
            }
        }
        java.util.TreeSet<Integer> entries = new java.util.TreeSet<>();
        boolean noise = false;
        for (LoadedScenario w : worlds) {
            entries.add(w.scenario().demand().size());
            noise |= w.scenario().behaviour().demandNoise() > 0;
        }
        if (noise && entries.size() > 1) {
            return "the " + what + " have different numbers of demand entries (" + join(entries) + "), whose noise is"
                    + " drawn from one stream in their order, so one seed gives them different demand noise" + alone;
        }
        return null;
    }

    /**
     * A warning when points of the design have one set of values, or null: a hypercube's integer ranges are
     * rounded, and a range of fewer whole numbers than points gives some points the same values, which then run
     * the same scenario again (and weigh that value more in any average over the points).
     */
    public String repeatedPoints() {
        LinkedHashMap<List<ScenarioPatch.Assignment>, List<Integer>> byValues = new LinkedHashMap<>();
        for (int p = 0; p < points.size(); p++) {
            byValues.computeIfAbsent(points.get(p), v -> new ArrayList<>()).add(p);
        }
        StringBuilder same = new StringBuilder();
        for (var e : byValues.entrySet()) {
            if (e.getValue().size() > 1) {
                same.append(same.length() == 0 ? "" : "; ").append("points ").append(join(e.getValue()))
                        .append(" (").append(label(e.getValue().get(0), e.getKey()).replaceFirst("^point \\d+: ", ""))
                        .append(")");
            }
        }
        if (same.length() == 0) {
            return null;
        }
        return "rounding to whole numbers gives points the same values: " + same + "; they repeat one another's"
                + " runs, so an average over the points weighs their values more (a range holding at least as many"
                + " whole numbers as points, or fewer points, avoids it)";
    }

    private static String join(java.util.Collection<?> values) {
        StringBuilder s = new StringBuilder();
        for (Object v : values) {
            s.append(s.length() == 0 ? "" : ", ").append(v);
        }
        return s.toString();
    }

    ObjectNode describe() throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", ResultKind.SWEEP.format());
        o.put("scenario", base.source());
        o.put("scenarioSha256", base.sha256());
        o.put("design", design);
        o.put("runsPerPoint", runs);
        o.put("seed", seed);
        Integer common = commonTicks(ticks, scenarios);
        if (common != null) {
            o.put("ticks", common);
        }
        PriceBase money = commonMoney(scenarios);
        if (money != null) {
            o.set("money", money.json());
        }
        o.put("seedDerivation", Seeds.DERIVATION);
        ArrayNode seeds = o.putArray("runSeeds");
        for (int r = 0; r < runs; r++) {
            seeds.add(Seeds.forRun(seed, r));
        }
        ArrayNode ps = o.putArray("pointers");
        pointers.forEach(ps::add);
        ArrayNode pts = o.putArray("points");
        for (int p = 0; p < points.size(); p++) {
            ObjectNode pt = pts.addObject();
            pt.put("point", p);
            ObjectNode values = pt.putObject("values");
            for (ScenarioPatch.Assignment a : points.get(p)) {
                values.set(a.pointer(), a.value());
            }
            pt.put("scenarioSha256", scenarios.get(p).sha256());
            if (common == null) {
                pt.put("ticks", scenarios.get(p).scenario().time().horizonTicks());
            }
            if (money == null) {
                pt.set("money", PriceBase.of(scenarios.get(p).scenario()).json());
            }
        }
        return o;
    }
}
