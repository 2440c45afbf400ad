package org.chokepoint.experiment;

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
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chokepoint.model.Simulation;
import org.chokepoint.output.OutputFiles;
import org.chokepoint.output.ResultKind;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.PriceBase;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;

/**
 * Morris elementary effects (Morris 1991; mu* after Campolongo, Cariboni and Saltelli 2007) of k scenario
 * values on one flattened summary number.
 *
 * <p><b>Design.</b> Each value's range is mapped to [0, 1] and cut into an even number L of levels
 * {@code 0, 1/(L-1), ..., 1}; the step is {@code Δ = L / (2(L-1))} (2/3 for L = 4). A trajectory starts at a
 * random grid point x* with every coordinate at most 1 − Δ, draws a direction ±1 per parameter (a parameter
 * going down starts at x*+Δ) and a random order, and moves one parameter at a time by ±Δ: k + 1 points, one
 * elementary effect per parameter, {@code EE_i = (y(x + dΔ e_i) − y(x)) / (dΔ)} — the change in the output per
 * whole range of the parameter. R trajectories give R effects per parameter, summarised as
 * {@code mu} (mean), {@code muStar} (mean of |EE|) and {@code sigma} (sample standard deviation, divisor R − 1).
 * All draws come from the base seed; every model evaluation uses the one run seed {@code seed(S, 0)}, so a
 * parameter that changes nothing has every EE exactly 0.
 */
public final class Morris {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final LoadedScenario base;
    private final List<ScenarioPatch.Range> params;
    private final String output;
    private final int trajectories;
    private final int levels;
    private final long seed;
    private final int ticks;
    private final int threads;
    private final double delta;
    /** [trajectory][step 0..k][parameter] coordinates in [0, 1]. */
    private final double[][][] unit;
    /** [trajectory][step 1..k] the parameter moved at that step (index step - 1). */
    private final int[][] moved;
    private List<LoadedScenario> scenarios;

    public Morris(LoadedScenario base, List<ScenarioPatch.Range> params, String output, int trajectories, int levels,
                  long seed, int ticks, int threads) throws ExperimentException {
        if (params.isEmpty()) {
            throw new ExperimentException("give at least one --param /pointer=min:max");
        }
        if (trajectories < 2) {
            throw new ExperimentException("--trajectories must be at least 2 (sigma needs two effects), got "
                    + trajectories);
        }
        if (levels < 2 || levels % 2 != 0) {
            throw new ExperimentException("--levels must be even and at least 2 (so that the step L/(2(L-1)) "
                    + "keeps the design on the grid), got " + levels);
        }
        if ((long) trajectories * (params.size() + 1) > ParallelRuns.MAX_RUNS) {
            throw new ExperimentException("the design needs " + (long) trajectories * (params.size() + 1)
                    + " runs (--trajectories x (parameters + 1)); at most " + ParallelRuns.MAX_RUNS);
        }
        List<String> pointers = new ArrayList<>();
        List<ScenarioPatch.Range> drawn = new ArrayList<>();
        for (ScenarioPatch.Range r : params) {
            ScenarioPatch.pointerIn(base, r.pointer());
            pointers.add(r.pointer());
            drawn.add(r.over(base.json()));
        }
        Sweep.checkDistinct(pointers);
        this.base = base;
        this.params = List.copyOf(drawn);
        this.output = output;
        this.trajectories = trajectories;
        this.levels = levels;
        this.seed = seed;
        this.ticks = ticks;
        this.threads = threads;
        this.delta = levels / (2.0 * (levels - 1));
        int k = params.size();
        unit = new double[trajectories][k + 1][k];
        moved = new int[trajectories][k];
        Rng rng = new Rng(seed, 0x4D4FL); // "MO"
        int startLevels = levels / 2; // grid levels j/(L-1) with j/(L-1) + Δ <= 1
        // Δ is L/2 grid steps: the design moves on level numbers, and each point's values are its levels over L - 1,
        // so one level is one value wherever a trajectory reaches it. Moved by adding and taking Δ on the unit scale,
        // one level of 20:40 ran as 26.666666666666668 where a trajectory rose to it and 26.666666666666664 where one
        // came down to it.
        int step = levels / 2;
        for (int t = 0; t < trajectories; t++) {
            int[] level = new int[k];
            int[] dir = new int[k];
            for (int i = 0; i < k; i++) {
                int start = rng.nextInt(startLevels);
                dir[i] = rng.nextInt(2) == 0 ? 1 : -1;
                level[i] = dir[i] > 0 ? start : start + step;
            }
            int[] order = rng.permutation(k);
            unit[t][0] = onGrid(level);
            for (int s = 1; s <= k; s++) {
                int i = order[s - 1];
                level[i] += dir[i] * step;
                unit[t][s] = onGrid(level);
                moved[t][s - 1] = i;
            }
        }
    }

    private double[] onGrid(int[] level) {
        double[] u = new double[level.length];
        for (int i = 0; i < level.length; i++) {
            u[i] = level[i] / (double) (levels - 1);
        }
        return u;
    }

    private List<ScenarioPatch.Assignment> assignments(double[] u) {
        List<ScenarioPatch.Assignment> a = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            ScenarioPatch.Range r = params.get(i);
            a.add(new ScenarioPatch.Assignment(r.pointer(), r.at(u[i])));
        }
        return a;
    }

    /**
     * Where a parameter stands at grid value {@code u}, as a share of its range, once the value written is rounded
     * (an integer range over an integer field).
     */
    static double applied(ScenarioPatch.Range r, double u) {
        return (r.at(u).asDouble() - r.min()) / (r.max() - r.min());
    }

    /** Patches and validates every design point. */
    public void validate() throws ExperimentException, ScenarioException {
        List<LoadedScenario> list = new ArrayList<>();
        for (int t = 0; t < trajectories; t++) {
            for (int s = 0; s < unit[t].length; s++) {
                List<ScenarioPatch.Assignment> a = assignments(unit[t][s]);
                // numbered within the trajectory, 0 to k, as morris.json's design numbers its points
                LoadedScenario point = ScenarioPatch.load(base, a, "trajectory " + t + ", " + Sweep.label(s, a));
                if (ticks >= 1) {
                    ScenarioLoader.checkRunLength(point, ticks);
                }
                list.add(point);
            }
        }
        scenarios = list;
    }

    /** The validated scenario of every design point, in run order ({@link #validate()} first). */
    public List<LoadedScenario> scenarios() {
        if (scenarios == null) {
            throw new IllegalStateException("validate() first");
        }
        return scenarios;
    }

    /**
     * The summary numbers nearest a name that is not one: those sharing the most of its leading dot-separated
     * parts (a misspelt field of the right market lists that market's fields), or all when none shares even the
     * first part, closest in spelling first (edit distance; file order among equals), at most twenty: a scenario
     * has hundreds, too many for one line.
     */
    static String nearest(String output, java.util.Collection<String> names) {
        String[] parts = output.split("\\.", -1);
        int best = 0;
        List<String> near = new ArrayList<>();
        for (String name : names) {
            String[] other = name.split("\\.", -1);
            int shared = 0;
            while (shared < parts.length && shared < other.length && parts[shared].equals(other[shared])) {
                shared++;
            }
            if (shared > best) {
                best = shared;
                near.clear();
            }
            if (shared == best) {
                near.add(name);
            }
        }
        // Closest spelling first: a market has a dozen figures, and the one a typo meant came fourth in file order.
        org.apache.commons.text.similarity.LevenshteinDistance distance =
                org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        near.sort(java.util.Comparator.comparingInt(name -> distance.apply(output, name)));
        int shown = Math.min(20, near.size());
        String more = near.size() > shown ? " and " + (near.size() - shown) + " more" : "";
        return (best > 0 ? "the nearest it has: " : "it has, among others: ")
                + String.join(", ", near.subList(0, shown)) + more;
    }

    /** Per-parameter results. */
    public record Effect(String pointer, double min, double max, int r, double mu, double muStar, double sigma) { }

    /**
     * Runs the design and writes morris.csv and morris.json into {@code out}. The output metric is checked on
     * the first evaluation, before the others run.
     */
    public List<Effect> run(Path out, Progress.Mode mode, PrintStream err) throws Exception {
        if (scenarios == null) {
            validate();
        }
        int k = params.size();
        int total = scenarios.size();
        int runSeed = Seeds.forRun(seed, 0);
        double[] y = new double[total];
        try (Progress progress = new Progress("sensitivity", total, 0, err, mode)) {
            LinkedHashMap<String, Double> first = Simulation.run(scenarios.get(0).scenario(), runSeed, ticks)
                    .summary().flatten();
            if (!first.containsKey(output)) {
                throw new ExperimentException(base.source() + ": --output '" + output + "' is not a summary number"
                        + " of this scenario; "
                        + nearest(output, first.keySet()));
            }
            progress.runDone();
            y[0] = first.get(output);
            int[] rest = new int[total - 1];
            for (int i = 1; i < total; i++) {
                rest[i - 1] = i;
            }
            List<Double> ys = ParallelRuns.map(rest, threads, i -> {
                Double v = Simulation.run(scenarios.get(i).scenario(), runSeed, ticks).summary().flatten().get(output);
                return v == null ? Double.NaN : v;
            }, progress);
            for (int i = 1; i < total; i++) {
                y[i] = ys.get(i - 1);
            }
        }
        double[][] ee = new double[k][trajectories];
        for (int t = 0; t < trajectories; t++) {
            for (int s = 1; s <= k; s++) {
                int i = moved[t][s - 1];
                // The step the parameter actually took: an integer range rounds its values, so a step of the grid
                // may move it by more or less than delta, or not at all (no effect to measure then).
                ScenarioPatch.Range r = params.get(i);
                double step = applied(r, unit[t][s][i]) - applied(r, unit[t][s - 1][i]);
                double a = y[t * (k + 1) + s - 1];
                double b = y[t * (k + 1) + s];
                ee[i][t] = step == 0 ? Double.NaN : (b - a) / step + 0.0; // + 0.0: no negative zero
            }
        }
        List<Effect> effects = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] x = Statistics.finite(ee[i]);
            double mu = Double.NaN;
            double muStar = Double.NaN;
            double sigma = Double.NaN;
            if (x.length > 0) {
                double sum = 0;
                double abs = 0;
                for (double v : x) {
                    sum += v;
                    abs += Math.abs(v);
                }
                mu = sum / x.length + 0.0;
                muStar = abs / x.length;
                if (x.length > 1) {
                    double ss = 0;
                    for (double v : x) {
                        ss += (v - mu) * (v - mu);
                    }
                    sigma = Math.sqrt(ss / (x.length - 1));
                }
            }
            ScenarioPatch.Range r = params.get(i);
            effects.add(new Effect(r.pointer(), r.min(), r.max(), x.length, mu, muStar, sigma));
        }
        write(out, effects, y, ee, runSeed);
        return effects;
    }

    private void write(Path out, List<Effect> effects, double[] y, double[][] ee, int runSeed) throws Exception {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", ResultKind.SENSITIVITY.format());
        o.put("scenario", base.source());
        o.put("scenarioSha256", base.sha256());
        o.put("output", output);
        o.put("method", "Morris elementary effects, trajectory design");
        o.put("trajectories", trajectories);
        o.put("levels", levels);
        o.put("delta", delta);
        o.put("seed", seed);
        o.put("runSeed", runSeed);
        Integer common = Sweep.commonTicks(ticks, scenarios);
        if (common != null) {
            o.put("ticks", common);
        }
        PriceBase money = Sweep.commonMoney(scenarios);
        if (money != null) {
            o.set("money", money.json());
        }
        o.put("effectUnit", "output change per whole range (max - min) of the parameter");
        ArrayNode ps = o.putArray("parameters");
        for (Effect e : effects) {
            ObjectNode p = ps.addObject();
            p.put("pointer", e.pointer());
            p.put("min", e.min());
            p.put("max", e.max());
            p.put("r", e.r());
            Statistics.put(p, "mu", e.mu());
            Statistics.put(p, "muStar", e.muStar());
            Statistics.put(p, "sigma", e.sigma());
            ArrayNode effectsOf = p.putArray("elementaryEffects");
            for (double v : ee[effects.indexOf(e)]) {
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    effectsOf.addNull();
                } else {
                    effectsOf.add(v);
                }
            }
        }
        ArrayNode ts = o.putArray("design");
        int k = params.size();
        for (int t = 0; t < trajectories; t++) {
            ObjectNode tr = ts.addObject();
            tr.put("trajectory", t);
            ArrayNode order = tr.putArray("moved");
            for (int s = 0; s < k; s++) {
                order.add(params.get(moved[t][s]).pointer());
            }
            ArrayNode pts = tr.putArray("points");
            for (int s = 0; s <= k; s++) {
                ObjectNode pt = pts.addObject();
                ObjectNode values = pt.putObject("values");
                for (ScenarioPatch.Assignment a : assignments(unit[t][s])) {
                    values.set(a.pointer(), a.value());
                }
                Statistics.put(pt, "output", y[t * (k + 1) + s]);
                if (common == null) {
                    pt.put("ticks", scenarios.get(t * (k + 1) + s).scenario().time().horizonTicks());
                }
                if (money == null) {
                    pt.set("money", PriceBase.of(scenarios.get(t * (k + 1) + s).scenario()).json());
                }
            }
        }
        OutputFiles.on(out, () -> Files.createDirectories(out));
        OutputFiles.writeTogether(List.of(out.resolve("morris.csv"), out.resolve(ResultKind.SENSITIVITY.descriptor())),
                List.of(file -> writeCsv(file, effects),
                        file -> Json.write(file, o)));
    }

    private static void writeCsv(Path file, List<Effect> effects) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSV)) {
            csv.printRecord("parameter", "min", "max", "r", "mu", "muStar", "sigma");
            for (Effect e : effects) {
                csv.printRecord(e.pointer(), Ensemble.format(e.min()), Ensemble.format(e.max()), e.r(),
                        Ensemble.format(e.mu()), Ensemble.format(e.muStar()), Ensemble.format(e.sigma()));
            }
        }
    }
}
