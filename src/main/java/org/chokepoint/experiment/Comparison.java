package org.chokepoint.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chokepoint.metrics.CoordinationHarm;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.Summary;
import org.chokepoint.metrics.SummaryCalculator;
import org.chokepoint.model.Simulation;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.spec.ConsortiumSpec;
import org.chokepoint.scenario.spec.ImporterInstrumentSpec;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.world.Commodity;
import org.chokepoint.world.World;

/**
 * Policy options compared under common random numbers: every option (a JSON Merge Patch, RFC 7386, of the
 * scenario) runs the same N seeds, and "no policy" (the scenario as it is) always comes first. Each run is
 * summarised against the same no-shock counterfactual of its seed (the scenario's background events and
 * policies kept, its shocks and the options' instruments removed), which is run once per seed and shared by
 * options whose patches leave the economy and its background alone. The base scenario's background is in
 * every option's world too ({@link OptionRoles#keepBackground}).
 *
 * <p>Seeds: run i of base seed S gets {@link Seeds#forRun}, as an ensemble's and a sweep's runs do, so any run can
 * be redone alone and the thread count changes nothing.
 */
public final class Comparison {
    public static final String NO_POLICY = "no policy";

    /**
     * One named option: a merge patch of the scenario. An option swept over a grid is one option per level:
     * {@code family} names the option of the file, {@code level} the value at the grid's {@code pointer}.
     */
    public record Option(String name, String description, JsonNode patch, LoadedScenario scenario, String family,
                         String pointer, JsonNode level) {
        public Option(String name, String description, JsonNode patch, LoadedScenario scenario) {
            this(name, description, patch, scenario, name, null, null);
        }

        /** Whether the option is one level of an option swept over a grid. */
        public boolean onGrid() {
            return pointer != null;
        }
    }

    /**
     * An option swept over its level: every option of the file whose patch has a value at {@code pointer} (a
     * JSON pointer into the patch, say {@code /policies/1/floor}) runs once for each of {@code levels} instead.
     */
    public record Grid(String pointer, List<JsonNode> levels) {
        public Grid {
            levels = List.copyOf(levels);
        }

        /**
         * Reads {@code POINTER=v1,v2,...}; each value is JSON (a number, true/false, or a quoted string) or,
         * when it is not, a string.
         */
        public static Grid parse(String spec) throws ComparisonException {
            int eq = spec.indexOf('=');
            if (eq <= 0 || !spec.startsWith("/") || eq == spec.length() - 1) {
                throw new ComparisonException("--grid " + spec + ": expected POINTER=v1,v2,... with a JSON pointer"
                        + " into the options' patches, e.g. /policies/1/floor=60,80,100");
            }
            List<JsonNode> levels = new ArrayList<>();
            for (String v : spec.substring(eq + 1).split(",", -1)) {
                String t = v.strip();
                if (t.isEmpty()) {
                    throw new ComparisonException("--grid " + spec + ": an empty level");
                }
                String unclosed = ScenarioPatch.unclosedQuote(t);
                if (unclosed != null) {
                    throw new ComparisonException("--grid " + spec + ": " + unclosed);
                }
                JsonNode n;
                try {
                    n = org.chokepoint.scenario.Json.mapper().readTree(t);
                } catch (java.io.IOException e) {
                    n = com.fasterxml.jackson.databind.node.TextNode.valueOf(t);
                }
                JsonNode level = n == null ? com.fasterxml.jackson.databind.node.TextNode.valueOf(t) : n;
                String refused = ScenarioPatch.refusedFromList(t, level, levels, "level");
                if (refused != null) {
                    throw new ComparisonException("--grid " + spec + ": " + refused);
                }
                levels.add(level);
            }
            return new Grid(spec.substring(0, eq), levels);
        }

        /**
         * The name of {@code option}'s run at {@code level}: the option's own name, which may carry a value the
         * grid replaces, then what the grid set, as the command line says it: {@code floor $110 [--grid
         * /policies/1/floor = 60]}.
         */
        public String levelName(String option, JsonNode level) {
            return option + " " + setting(level);
        }

        /** What the grid set at {@code level}: {@code [--grid /policies/1/floor = 60]}. */
        String setting(JsonNode level) {
            // A word as written; a number, an array or an object as JSON, as the outputs write them.
            return "[--grid " + pointer + " = " + (level.isTextual() ? level.asText() : Json.text(level)) + "]";
        }
    }

    /** What one run of one option came to, with the series the report draws. */
    public record RunResult(int seed, Map<String, Double> metrics, float[][] prices, float[] shortage,
                            float[] outputLoss) { }

    /** The most affected markets, whose price paths the report draws. */
    public record PlottedMarket(int index, String region, String commodity, String priceUnit, String quantityUnit) { }

    private final LoadedScenario base;
    private final List<Option> options;
    private final int runs;
    private final long baseSeed;
    private final int ticks;
    private final int[] seeds;
    private List<PlottedMarket> plotted = List.of();
    /** results[option][run]. */
    private RunResult[][] results;
    /** {@link #metricNames()}, made once the runs are done: every table asks for it, option by option. */
    private List<String> metricNames;
    private int horizon;
    private int firstTick;
    /** The bands whose share of each option's runs {@code comparison.json} gives ({@code --band}). */
    private List<BandShare> bands = List.of();

    private Comparison(LoadedScenario base, List<Option> options, int runs, long baseSeed, int ticks) {
        this.base = base;
        this.options = options;
        this.runs = runs;
        this.baseSeed = baseSeed;
        this.ticks = ticks;
        seeds = new int[runs];
        for (int i = 0; i < runs; i++) {
            seeds[i] = Seeds.forRun(baseSeed, i);
        }
    }

    /**
     * Reads the options file: {@code {"options": [{"name": ..., "description": ..., "patch": {...}}, ...]}}
     * and checks every patched scenario, so that nothing runs when one is invalid.
     */
    public static Comparison prepare(LoadedScenario base, JsonNode optionsFile, String optionsSource, int runs,
                                     long baseSeed, int ticks) throws ScenarioException, ComparisonException {
        return prepare(base, optionsFile, optionsSource, runs, baseSeed, ticks, List.of());
    }

    /**
     * As {@link #prepare(LoadedScenario, JsonNode, String, int, long, int)}, each option whose patch a grid
     * points into run once per level of the grid ({@link Grid}); a grid that points into no option's patch,
     * or two grids into one option, are errors.
     */
    public static Comparison prepare(LoadedScenario base, JsonNode optionsFile, String optionsSource, int runs,
                                     long baseSeed, int ticks, List<Grid> grids)
            throws ScenarioException, ComparisonException {
        List<Option> options = OptionsFile.read(base, optionsFile, optionsSource, ticks, grids);
        if (runs < 2) {
            throw new ComparisonException("--runs must be at least 2 for confidence intervals, got " + runs);
        }
        if ((long) options.size() * runs > ParallelRuns.MAX_RUNS) {
            throw new ComparisonException("the comparison needs " + (long) options.size() * runs + " runs ("
                    + options.size() + " options, \"no policy\" and grid levels included, x --runs " + runs
                    + "); at most " + ParallelRuns.MAX_RUNS + ", as for an ensemble or a sweep: lower --runs");
        }
        return new Comparison(base, options, runs, baseSeed, ticks);
    }

    /** Runs every option on every seed, on {@code threads} threads; results do not depend on the thread count. */
    public void run(int threads) throws Exception {
        run(threads, Progress.none(runs));
    }

    /**
     * Simulations one seed takes: each option, and each different counterfactual economy among them (options
     * that change only events or policies share one).
     */
    public int simulationsPerSeed() {
        Set<String> economies = new HashSet<>();
        for (Option o : options) {
            LoadedScenario s = o.scenario();
            if (s.scenario().hasShocks()) {
                economies.add(OptionRoles.economyKey(s.json()));
            }
        }
        int twins = 0;
        for (Option o : options) {
            twins += Simulation.compliantTwinOf(o.scenario().scenario()) == o.scenario().scenario() ? 0 : 1;
        }
        return options.size() + economies.size() + twins;
    }

    /**
     * As {@link #run(int)}, telling {@code progress} as each simulation is done: {@code runs} times
     * {@link #simulationsPerSeed()} in all.
     */
    public void run(int threads, Progress progress) throws Exception {
        // The markets to draw: the highest peak price multiples in the first run without policy.
        RunOutcomeLite pilot = runOption(options.get(0).scenario(), seeds[0], ticks, new HashMap<>(),
                Progress.none(0));
        horizon = pilot.model.horizon();
        firstTick = Math.min(horizon - 1, Math.max(0, base.scenario().time().warmupOrDefault()
                - base.scenario().time().baselineWindowOrDefault()));
        plotted = pickMarkets(pilot.model, pilot.summary, options);
        results = new RunResult[options.size()][runs];
        metricNames = null;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "chokepoint-compare");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult[]>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                int seed = seeds[i];
                futures.add(pool.submit(() -> {
                    return runSeed(seed, progress);
                }));
            }
            for (int i = 0; i < runs; i++) {
                RunResult[] r;
                try {
                    r = futures.get(i).get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
                for (int o = 0; o < options.size(); o++) {
                    results[o][i] = r[o];
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record RunOutcomeLite(SupplyShockModel model, SupplyShockModel cf, Summary summary,
                                  CoordinationHarm harm) { }

    private RunResult[] runSeed(int seed, Progress progress) {
        Map<String, SupplyShockModel> counterfactuals = new HashMap<>();
        RunResult[] out = new RunResult[options.size()];
        for (int o = 0; o < options.size(); o++) {
            RunOutcomeLite r = runOption(options.get(o).scenario(), seed, ticks, counterfactuals, progress);
            out[o] = result(seed, r.model, r.cf, r.summary, r.harm);
        }
        return out;
    }

    private RunOutcomeLite runOption(LoadedScenario s, int seed, int length,
                                     Map<String, SupplyShockModel> counterfactuals, Progress progress) {
        SupplyShockModel model = new SupplyShockModel(s.scenario(), seed, length);
        model.start();
        model.runToHorizon();
        progress.runDone();
        SupplyShockModel cf = counterfactual(s, model, seed, length, counterfactuals, progress);
        return new RunOutcomeLite(model, cf, SummaryCalculator.compute(model, cf),
                harm(s, seed, length, model, progress));
    }

    /**
     * When a consortium of the option breaks a rule by its declaration, the harm against its compliant twin run
     * with the same seed (see {@link Simulation#compliantTwinOf}); otherwise null.
     */
    private CoordinationHarm harm(LoadedScenario s, int seed, int length, SupplyShockModel model,
                                  Progress progress) {
        org.chokepoint.scenario.Scenario twin = Simulation.compliantTwinOf(s.scenario());
        if (twin == s.scenario()) {
            return null;
        }
        SupplyShockModel compliant = new SupplyShockModel(twin, seed, length);
        compliant.start();
        compliant.runToHorizon();
        progress.runDone();
        int[] markets = model.consortia().stream().flatMapToInt(c -> java.util.Arrays.stream(c.productMarkets()))
                .distinct().sorted().toArray();
        return CoordinationHarm.of(model, compliant, markets);
    }

    private SupplyShockModel counterfactual(LoadedScenario s, SupplyShockModel model, int seed, int length,
                                            Map<String, SupplyShockModel> cache, Progress progress) {
        if (!s.scenario().hasShocks()) {
            return null;
        }
        return cache.computeIfAbsent(OptionRoles.economyKey(s.json()), k -> {
            SupplyShockModel cf = new SupplyShockModel(Simulation.counterfactualOf(s.scenario()), seed, length);
            if (Simulation.nothingInForceAtStart(s.scenario())) {
                cf.reuseStart(model);
            }
            cf.start();
            cf.runToHorizon();
            progress.runDone();
            return cf;
        });
    }

    /**
     * The base scenario's shocks (events and policies whose role is not background) that an option's patch left
     * out, by list ({@code events}, {@code policies}) and id: a merge patch replaces an array whole, so an
     * option that lists its own policies without repeating the scenario's shocks runs without them, and the
     * loss it "avoids" is then the shocks' own. Empty for an option that keeps every shock.
     */
    public Map<String, List<String>> droppedShocks(Option o) {
        return OptionRoles.droppedShocks(base.json(), o.scenario().json());
    }

    /**
     * One sentence saying which of the scenario's shocks an option's patch drops and how to keep them, for the
     * warning on standard error and for the report beside the option; null when it drops none.
     */
    public String droppedShocksNote(Option o) {
        Map<String, List<String>> dropped = droppedShocks(o);
        if (dropped.isEmpty()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        dropped.values().forEach(ids::addAll);
        String lists = String.join(" and ", dropped.keySet().stream().map(l -> "\"" + l + "\"").toList());
        String them = ids.size() == 1 ? "it" : "them";
        return "option '" + o.family() + "': its patch replaces " + lists + " and leaves out the scenario's "
                + (ids.size() == 1 ? "shock " : "shocks ") + and(ids) + ", so the option runs without "
                + them + " and the loss it avoids includes " + (ids.size() == 1 ? "that shock's" : "those shocks'")
                + " own cost; to keep " + them + ", repeat " + them + " in the patch's " + lists + ".";
    }

    private static String and(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private RunResult result(int seed, SupplyShockModel model, SupplyShockModel cf, Summary summary,
                             CoordinationHarm harm) {
        World world = model.world();
        int h = model.horizon();
        float[][] prices = new float[plotted.size()][h];
        for (int k = 0; k < plotted.size(); k++) {
            for (int t = 0; t < h; t++) {
                prices[k][t] = (float) model.series().get(t, plotted.get(k).index(), Metric.PRICE);
            }
        }
        float[] shortage = new float[h];
        float[] loss = new float[h];
        if (cf != null) {
            double[] l = SummaryCalculator.downstreamOutputLossByTick(model, cf, 0);
            double[] s = SummaryCalculator.finalDemandShortageByTick(model, cf, 0);
            double k = summary.money().deflator();
            for (int t = 0; t < h; t++) {
                loss[t] = (float) (k * l[t]);
                shortage[t] = (float) (k * s[t]);
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>(summary.flatten());
        if (harm != null) {
            metrics.putAll(harm.scaled(summary.money().deflator()).flatten());
        }
        return new RunResult(seed, metrics, prices, shortage, loss);
    }

    /**
     * The two markets with the highest peak price multiple, then the markets the options' instruments act on
     * (their region and commodity), and those their consortia buy in and allocate from (the region's market of
     * the input they procure, then of the product their key allocates), at most six in all.
     */
    private static List<PlottedMarket> pickMarkets(SupplyShockModel model, Summary summary, List<Option> options) {
        List<PlottedMarket> top = topMarkets(model, summary);
        List<PlottedMarket> out = new ArrayList<>(top);
        Set<Integer> seen = new HashSet<>();
        top.forEach(m -> seen.add(m.index()));
        for (Option o : options) {
            for (PolicySpec p : o.scenario().scenario().policies()) {
                // An importer instrument on one commodity acts on one market of its own.
                if (!(p instanceof ImporterInstrumentSpec i) || i.commodity() == null) {
                    continue;
                }
                plot(model, i.region(), i.commodity(), out, seen);
            }
            for (ConsortiumSpec spec : o.scenario().scenario().consortia()) {
                if (spec instanceof JointProcurementSpec j) {
                    plot(model, j.region(), j.input(), out, seen);
                    if (j.allocation() != null) {
                        plot(model, j.region(), j.allocation().product(), out, seen);
                    }
                }
            }
        }
        return out;
    }

    /** Adds the region's market of the commodity to those drawn, unless drawn already, unused, or six are. */
    private static void plot(SupplyShockModel model, String region, String commodity, List<PlottedMarket> out,
                             Set<Integer> seen) {
        World world = model.world();
        int r = world.regionIndex(region);
        int c = world.commodityIndex(commodity);
        int m = world.market(r, c);
        if (out.size() < 6 && model.markets().used(m) && seen.add(m)) {
            Commodity com = world.commodity(c);
            out.add(new PlottedMarket(m, world.region(r).id(), com.id(), com.priceUnit(), com.quantityUnit()));
        }
    }

    private static List<PlottedMarket> topMarkets(SupplyShockModel model, Summary summary) {
        World world = model.world();
        List<Summary.MarketSummary> ms = new ArrayList<>(summary.markets());
        ms.removeIf(m -> Double.isNaN(m.peakMultiple()));
        ms.sort((a, b) -> Double.compare(b.peakMultiple(), a.peakMultiple()));
        List<PlottedMarket> out = new ArrayList<>();
        for (int k = 0; k < Math.min(2, ms.size()); k++) {
            Summary.MarketSummary m = ms.get(k);
            int r = world.regionIndex(m.region());
            int c = world.commodityIndex(m.commodity());
            Commodity com = world.commodity(c);
            out.add(new PlottedMarket(world.market(r, c), m.region(), m.commodity(), com.priceUnit(),
                    com.quantityUnit()));
        }
        return out;
    }

    /**
     * Metric names in the order of the first run without policy, then any that only options, or only later
     * runs, have: the union over every run, so that a figure run 0 happens to lack is still reported.
     */
    public List<String> metricNames() {
        if (metricNames == null) {
            metricNames = metricNames(results);
        }
        return metricNames;
    }

    /** The union of {@code results[option][run]}'s metric names, option by option and run by run. */
    static List<String> metricNames(RunResult[][] results) {
        LinkedHashMap<String, Boolean> names = new LinkedHashMap<>();
        for (RunResult[] option : results) {
            for (RunResult run : option) {
                for (String k : run.metrics().keySet()) {
                    names.put(k, true);
                }
            }
        }
        return List.copyOf(names.keySet());
    }

    /** One metric's values over the runs of an option (NaN where the option has no such metric). */
    public double[] values(int option, String metric) {
        double[] v = new double[runs];
        for (int i = 0; i < runs; i++) {
            Double d = results[option][i].metrics().get(metric);
            v[i] = d == null ? Double.NaN : d;
        }
        return v;
    }

    /**
     * Reads the share of each option's runs inside each of these bands into {@code comparison.json}: a mean says
     * what an option does on average, the share whether it meets a mark in most worlds or in a few.
     */
    public Comparison bands(List<BandShare> asked) {
        this.bands = List.copyOf(asked);
        return this;
    }

    /**
     * Refuses, before any run, a band on a number no option's runs will have. Which numbers a run gives follows
     * from its scenario, not from how long it runs (see {@link Ensemble#summaryColumns}), so each option is run
     * for one tick, with its counterfactual and, where a consortium of it breaks a rule, its compliant twin, whose
     * harm figures are numbers of its runs too.
     */
    public void checkBands() throws ExperimentException {
        if (bands.isEmpty()) {
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        for (Option o : options) {
            RunOutcomeLite r = runOption(o.scenario(), seeds[0], 1, new HashMap<>(), Progress.none(0));
            columns.addAll(result(seeds[0], r.model, r.cf, r.summary, r.harm).metrics().keySet());
        }
        BandShare.checkAll(bands, columns, "any option");
    }

    /** What each option's runs made of each band, band by band and option by option, once the runs are done. */
    public List<List<BandShare.Share>> bandShares() {
        List<List<BandShare.Share>> out = new ArrayList<>();
        for (BandShare band : bands) {
            List<BandShare.Share> byOption = new ArrayList<>();
            for (int o = 0; o < options.size(); o++) {
                byOption.add(band.of(values(o, band.column())));
            }
            out.add(byOption);
        }
        return out;
    }

    public List<Option> options() { return options; }
    public int runs() { return runs; }
    public long baseSeed() { return baseSeed; }
    public int[] seeds() { return seeds.clone(); }
    public int horizon() { return horizon; }
    public int firstTick() { return firstTick; }
    public List<PlottedMarket> plotted() { return plotted; }
    public RunResult result(int option, int run) { return results[option][run]; }
    public LoadedScenario base() { return base; }

    /** The dollars every option's money is stated in: the base scenario's. */
    public org.chokepoint.scenario.PriceBase money() {
        return org.chokepoint.scenario.PriceBase.of(base.scenario());
    }
}
