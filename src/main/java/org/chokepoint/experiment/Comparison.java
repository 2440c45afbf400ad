package org.chokepoint.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonpatch.JsonPatchException;
import com.github.fge.jsonpatch.mergepatch.JsonMergePatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.ScenarioProblem;
import org.chokepoint.scenario.spec.ImporterInstrumentSpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.Role;
import org.chokepoint.world.Commodity;
import org.chokepoint.world.World;

/**
 * Policy options compared under common random numbers: every option (a JSON Merge Patch, RFC 7386, of the
 * scenario) runs the same N seeds, and "no policy" (the scenario as it is) always comes first. Each run is
 * summarised against the same no-shock counterfactual of its seed (the scenario's background events and
 * policies kept, its shocks and the options' instruments removed), which is run once per seed and shared by
 * options whose patches leave the economy and its background alone. The base scenario's background is in
 * every option's world too ({@link #keepBackground}).
 *
 * <p>Seeds: run i of base seed S gets {@code (int) (mix64(S + (i + 1) * 0x9E3779B97F4A7C15L) >>> 32)}, mix64
 * being SplitMix64's finaliser, so any run can be redone alone and the thread count changes nothing.
 */
public final class Comparison {
    public static final String NO_POLICY = "no policy";
    public static final String SEED_DERIVATION = "seed(S, i) = (int) (mix64(S + (i + 1) * 0x9E3779B97F4A7C15L) >>> 32),"
            + " mix64 = SplitMix64's finaliser; i = 0-based run index";

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
    public record PlottedMarket(int index, String region, String commodity, String priceUnit) { }

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
            seeds[i] = seed(baseSeed, i);
        }
    }

    /** The seed of run {@code i} of base seed {@code s}. */
    public static int seed(long s, int i) {
        long z = s + (i + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) ((z ^ (z >>> 31)) >>> 32);
    }

    /** The members an options file and each of its options may have. */
    private static final List<String> FILE_MEMBERS = List.of("$schema", "description", "options");
    private static final List<String> OPTION_MEMBERS = List.of("name", "description", "patch");

    private static void onlyMembers(JsonNode node, String at, List<String> allowed) throws ComparisonException {
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new ComparisonException(at + "/" + field.replace("~", "~0").replace("/", "~1")
                        + ": unknown field '" + field + "'; allowed fields: " + String.join(", ", allowed));
            }
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
        JsonNode list = optionsFile.path("options");
        if (!list.isArray() && (optionsFile.has("regions") || optionsFile.has("commodities"))) {
            // The scenario given twice, or the two files swapped: say so rather than list its members as unknown.
            throw new ComparisonException(optionsSource + ": a scenario, not an options file: give the scenario"
                    + " first and the options with --options, a file {\"options\": [{\"name\": ..., \"patch\": {...}}]}");
        }
        // Every problem of the file, each where it was found, so that it is mended in one pass, not one problem a run.
        Refusals refusals = new Refusals();
        try {
            // A misspelt member would otherwise be dropped without a word, as the scenario's own fields never are.
            onlyMembers(optionsFile, optionsSource + ": ", FILE_MEMBERS);
        } catch (ComparisonException e) {
            refusals.add(e);
        }
        if (!list.isArray()) {
            refusals.add(new ComparisonException(optionsSource + ": /options: expected an array of options,"
                    + " {\"options\": [{\"name\": ..., \"patch\": {...}}]}, got " + (list.isMissingNode() ? "nothing"
                    : list.getNodeType().toString().toLowerCase(Locale.ROOT))));
        } else if (list.isEmpty()) {
            refusals.add(new ComparisonException(optionsSource + ": /options: no options to compare with"
                    + " \"no policy\": give at least one {\"name\": ..., \"patch\": {...}}"));
        }
        if (!list.isArray() || list.isEmpty()) {
            // No option to read: what is wrong with the file itself is all there is to say.
            refusals.throwIfAny();
        }
        List<Option> options = new ArrayList<>();
        options.add(new Option(NO_POLICY, "the scenario as it is, without any of the options' changes",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), base));
        Set<String> names = new HashSet<>();
        names.add(NO_POLICY);
        for (int i = 0; i < list.size(); i++) {
            try {
                readOption(base, list.get(i), i, optionsSource, ticks, grids, names, options, refusals);
            } catch (ComparisonException e) {
                refusals.add(e);
            }
        }
        // Read from every patch, mended or not: an option refused for a misspelt member still has the grid's value.
        for (Grid g : grids) {
            if (!pointsIntoAnOption(list, g)) {
                refusals.add(new ComparisonException("--grid " + g.pointer() + ": no option's patch has a value there"
                        + " (a pointer into a patch, e.g. /policies/1/floor for the second policy an option lists)"));
            }
        }
        refusals.throwIfAny();
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

    /**
     * Reads option {@code i} of the file into {@code options}, one option per level of the grid that points into its
     * patch. A problem with the option itself (a member, its name, its patch, a level's name) is thrown; a level whose
     * scenario is bad is added to {@code refusals} and the other levels are read all the same.
     */
    private static void readOption(LoadedScenario base, JsonNode o, int i, String optionsSource, int ticks,
                                   List<Grid> grids, Set<String> names, List<Option> options, Refusals refusals)
            throws ComparisonException {
        String at = optionsSource + ": /options/" + i;
        if (!o.isObject()) {
            throw new ComparisonException(at + ": expected an option, {\"name\": ..., \"patch\": {...}}, got "
                    + o.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        onlyMembers(o, at, OPTION_MEMBERS);
        for (String text : List.of("name", "description")) {
            if (o.has(text) && !o.get(text).isTextual()) {
                throw new ComparisonException(at + "/" + text + ": must be a string, got " + Json.text(o.get(text)));
            }
        }
        String name = o.path("name").asText("");
        if (name.isBlank()) {
            throw new ComparisonException(at + "/name: every option needs a name");
        }
        if (!names.add(name)) {
            throw new ComparisonException(at + "/name: '" + name + "' is used twice"
                    + (NO_POLICY.equals(name) ? " (\"no policy\" is always included)" : ""));
        }
        JsonNode patch = o.get("patch");
        if (patch == null || !patch.isObject()) {
            throw new ComparisonException(at + "/patch: expected a JSON Merge Patch object");
        }
        Grid grid = null;
        for (Grid g : grids) {
            if (!patch.at(g.pointer()).isMissingNode()) {
                if (grid != null) {
                    throw new ComparisonException(at + "/patch: both --grid " + grid.pointer() + " and --grid "
                            + g.pointer() + " point into it; sweep one level of an option at a time");
                }
                grid = g;
            }
        }
        String description = o.path("description").asText("");
        String patchAt = "/options/" + i + "/patch";
        if (grid == null) {
            try {
                options.add(new Option(name, description, patch,
                        option(base, patch, name, at, optionsSource, patchAt, ticks)));
            } catch (ScenarioException e) {
                refusals.add(e);
            }
            return;
        }
        for (JsonNode level : grid.levels()) {
            ObjectNode leveled = patch.deepCopy();
            set(leveled, grid.pointer(), level);
            String levelName = grid.levelName(name, level);
            if (!names.add(levelName)) {
                throw new ComparisonException(at + "/name: '" + levelName + "' is used twice");
            }
            // A level's problems name the file as its scenario problems do, the grid's setting beside the file and
            // the pointer whole: set between the option's pointer and the rest of it, the level read as part of the
            // pointer ("o.json: /options/0 at /policies/0/rate = 0.1/patch/time/discountRate").
            String levelSource = optionsSource + " " + grid.setting(level);
            try {
                options.add(new Option(levelName, description, leveled,
                        option(base, leveled, levelName, levelSource + ": /options/" + i, levelSource, patchAt,
                                ticks),
                        name, grid.pointer(), level));
            } catch (ScenarioException e) {
                refusals.add(e);
            } catch (ComparisonException e) {
                refusals.add(e);
            }
        }
    }

    /** Whether some option's patch has a value at the grid's pointer, whatever else is wrong with the option. */
    private static boolean pointsIntoAnOption(JsonNode list, Grid grid) {
        for (JsonNode o : list) {
            JsonNode patch = o.path("patch");
            if (patch.isObject() && !patch.at(grid.pointer()).isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Everything found wrong with an options file, in the order found, so that the user mends it in one pass: each
     * option's scenario problems, at their pointers in the file, and the comparison's own (a member, a name, a
     * patch that changes the money or the clock, a grid), each a line as it would be printed alone.
     */
    private static final class Refusals {
        private final Set<ScenarioProblem> problems = new LinkedHashSet<>();
        private final Set<String> lines = new LinkedHashSet<>();
        /** Whether a problem is the comparison's own, which no scenario problem can carry. */
        private boolean ownProblem;

        void add(ScenarioException e) {
            for (ScenarioProblem p : e.problems()) {
                problems.add(p);
                lines.add(p.toString());
            }
        }

        void add(ComparisonException e) {
            ownProblem = true;
            lines.add(e.getMessage());
        }

        /**
         * Throws what was found: only scenario problems as a {@link ScenarioException}, printed as {@code validate}
         * prints them; any of the comparison's own with them as one {@link ComparisonException}, a line each.
         */
        void throwIfAny() throws ScenarioException, ComparisonException {
            if (ownProblem) {
                throw new ComparisonException(String.join("\n", lines));
            }
            if (!problems.isEmpty()) {
                throw new ScenarioException(List.copyOf(problems));
            }
        }
    }

    /**
     * The option's scenario, checked. A problem with a value the option's patch wrote is reported in the options
     * file ({@code optionsFile}) at its pointer there ({@code patchAt} and the pointer inside the patch), where
     * the user wrote it; any other, at the merged scenario's pointer, naming the option.
     */
    private static LoadedScenario option(LoadedScenario base, JsonNode patch, String name, String at,
                                         String optionsFile, String patchAt, int ticks)
            throws ScenarioException, ComparisonException {
        JsonNode patched;
        try {
            patched = keepBackground(base.json(), JsonMergePatch.fromJson(patch).apply(base.json()));
        } catch (JsonPatchException e) {
            throw new ComparisonException(at + "/patch: " + e.getMessage());
        }
        LoadedScenario s;
        try {
            s = ScenarioLoader.fromJson(patched, base.source() + " [option '" + name + "']");
        } catch (ScenarioException e) {
            List<ScenarioProblem> problems = new ArrayList<>();
            for (ScenarioProblem p : e.problems()) {
                String inPatch = p.pointer() == null ? null : patchPointer(base.json(), patch, patched, p.pointer());
                problems.add(inPatch == null ? p
                        : new ScenarioProblem(optionsFile, null, null, patchAt + inPatch, p.message()));
            }
            throw new ScenarioException(problems);
        }
        sameRoles(base.json(), patch, at);
        s = sameAccounts(base, s, patched, patch, at);
        if (ticks >= 1) {
            ScenarioLoader.checkRunLength(s, ticks);
        }
        return s;
    }

    /**
     * Refuses a patch that gives one of the scenario's events or policies (the same type and id, which stands in for
     * the scenario's: {@link #sameEntry}) another role than the scenario does. Every option is differenced run by run
     * against no policy, each against its world without shocks: a background entry given without its role is a shock in
     * the option's world only, so its world without shocks lacks it and the option is credited with what the entry
     * does, though both worlds run the same; a shock marked background is in the option's world without shocks too, so
     * the loss it causes drops out of the option's figures and reads as loss avoided.
     */
    private static void sameRoles(JsonNode base, JsonNode patch, String at) throws ComparisonException {
        for (String list : BACKGROUND_LISTS) {
            JsonNode own = patch.path(list);
            for (int k = 0; k < own.size(); k++) {
                JsonNode e = own.get(k);
                JsonNode entries = base.path(list);
                for (int i = 0; i < entries.size(); i++) {
                    JsonNode b = entries.get(i);
                    if (!sameEntry(list, e, b)) {
                        continue;
                    }
                    boolean background = Role.isBackground(b.path("role").asText(null));
                    if (background == Role.isBackground(e.path("role").asText(null))) {
                        break;
                    }
                    String kind = list.equals("events") ? "event" : "policy";
                    String what = e.hasNonNull("id")
                            ? kind + " '" + e.get("id").asText() + "' (" + e.path("type").asText() + ")"
                            : "the scenario's " + kind + " /" + list + "/" + i + " (" + e.path("type").asText()
                            + ", without an id)";
                    throw new ComparisonException(at + "/patch/" + list + "/" + k + ": " + what + (background
                            ? " is background in the scenario, in every world the comparison runs, those without"
                            + " shocks included; without \"role\": \"background\" it is a shock here, so this"
                            + " option's world without shocks would lack it and the option be credited with what it"
                            + " does: give it \"role\": \"background\" as the scenario does, or another id to add"
                            + " an instrument of the option's own"
                            : " is a shock in the scenario; marked \"role\": \"background\" here it would be in this"
                            + " option's world without shocks too, so the loss it causes would drop out of the"
                            + " option's figures and read as loss avoided: leave its role out as the scenario does, or"
                            + " leave it out of the patch to compare a world without it"));
                }
            }
        }
    }

    /** The dollars a price base states money in, in words: "2015 dollars restated in 2024 dollars". */
    private static String dollars(org.chokepoint.scenario.PriceBase p) {
        if (p.priceYear() == null && p.baseYear() == null) {
            return "in dollars of no stated year";
        }
        return p.baseYear().equals(p.priceYear()) ? "in " + p.baseYear() + " dollars"
                : "in " + p.priceYear() + " dollars restated in " + p.baseYear() + " dollars";
    }

    /**
     * The option's scenario stating its money as the base scenario does: a comparison reports every option in
     * the base's dollars and present values at the base's decision tick and rate, and takes differences run by
     * run, so an option counted in other dollars, or discounted at another rate, would show the change of units
     * as its effect. A patch that sets those is refused; an option whose decision tick moves only because its
     * patch leaves out the scenario's first shock (which runs, with a warning) is discounted to the base's.
     */
    private static LoadedScenario sameAccounts(LoadedScenario base, LoadedScenario s, JsonNode patched,
                                               JsonNode patch, String at)
            throws ScenarioException, ComparisonException {
        org.chokepoint.scenario.PriceBase money = org.chokepoint.scenario.PriceBase.of(base.scenario());
        org.chokepoint.scenario.PriceBase own = org.chokepoint.scenario.PriceBase.of(s.scenario());
        if (!money.equals(own)) {
            throw new ComparisonException(at + "/patch: the option's money would be " + dollars(own)
                    + ", the scenario's is " + dollars(money) + ": every option is reported in the scenario's"
                    + " dollars, so a patch may not change time.priceYear, the year of time.startDate or"
                    + " outputs.priceBaseYear (set outputs.priceBaseYear in the scenario to restate them all)");
        }
        sameClock(base.scenario().time(), s.scenario().time(), at);
        double rate = base.scenario().time().discountRateOrDefault();
        if (s.scenario().time().discountRateOrDefault() != rate) {
            throw new ComparisonException(at + "/patch/time/discountRate: every option's present values are"
                    + " discounted at the scenario's rate, " + rate + ", got " + s.scenario().time()
                    .discountRateOrDefault() + ": change it in the scenario, or sweep it (sweep --set"
                    + " /time/discountRate=...)");
        }
        int decision = base.scenario().decisionTick();
        if (s.scenario().decisionTick() == decision) {
            return s;
        }
        if (!patch.at("/time/decisionTick").isMissingNode()) {
            throw new ComparisonException(at + "/patch/time/decisionTick: every option's present values are"
                    + " discounted to the scenario's decision tick, " + decision + ", got "
                    + s.scenario().decisionTick() + ": change it in the scenario");
        }
        ObjectNode pinned = patched.deepCopy();
        JsonNode time = pinned.get("time");
        ObjectNode t = time instanceof ObjectNode o ? o : pinned.putObject("time");
        t.put("decisionTick", decision);
        return ScenarioLoader.fromJson(pinned, s.source());
    }

    /**
     * Refuses an option whose run would keep another clock than the scenario's: its figures are differenced tick by
     * tick and run by run against no policy's. A shorter horizon left the comparison reading ticks the option never
     * ran (the run failed); a longer one added weeks no policy has to its totals; other ticks a year made each of its
     * ticks another span of time, so its present values and every yearly rate differed from no policy's by the
     * change of unit.
     */
    private static void sameClock(org.chokepoint.scenario.Scenario.TimeSpec base,
                                  org.chokepoint.scenario.Scenario.TimeSpec own, String at)
            throws ComparisonException {
        if (own.ticksPerYearOrDefault() != base.ticksPerYearOrDefault()) {
            throw new ComparisonException(at + "/patch/time/ticksPerYear: every option's ticks are the scenario's, "
                    + base.ticksPerYearOrDefault() + " a year, got " + own.ticksPerYearOrDefault()
                    + ": change it in the scenario");
        }
        if (!own.horizonTicks().equals(base.horizonTicks())) {
            throw new ComparisonException(at + "/patch/time/horizonTicks: every option runs the scenario's "
                    + base.horizonTicks() + " ticks, got " + own.horizonTicks() + ": change it in the scenario, or"
                    + " run every option fewer ticks with --ticks");
        }
    }

    /**
     * Where in {@code patch} the value at {@code pointer} of the merged scenario was written, as a pointer into
     * the patch; null when it was not written there: it is the base scenario's, a background entry put back, or
     * an object the patch only merged members into (a problem with the object itself, such as a member that
     * neither gives, belongs to both).
     */
    static String patchPointer(JsonNode base, JsonNode patch, JsonNode merged, String pointer) {
        if (pointer.isEmpty() || !pointer.startsWith("/")) {
            return null;
        }
        String[] steps = pointer.substring(1).split("/", -1);
        JsonNode p = patch;
        JsonNode b = base;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < steps.length; k++) {
            if (!p.isObject()) {
                // an array or a value the patch wrote whole: everything below it is the patch's
                for (int j = k; j < steps.length; j++) {
                    out.append('/').append(steps[j]);
                }
                return out.toString();
            }
            String name = steps[k].replace("~1", "/").replace("~0", "~");
            JsonNode child = p.get(name);
            if (child == null || child.isNull()) {
                return null;
            }
            out.append('/').append(steps[k]);
            if (k == 0 && BACKGROUND_LISTS.contains(name) && child.isArray() && k + 1 < steps.length) {
                // the base's background entries the patch left out come first in the merged list
                int offset = merged.path(name).size() - child.size();
                int i;
                try {
                    i = Integer.parseInt(steps[k + 1]);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (i < offset || i - offset >= child.size()) {
                    return null;
                }
                out.append('/').append(i - offset);
                for (int j = k + 2; j < steps.length; j++) {
                    out.append('/').append(steps[j]);
                }
                return out.toString();
            }
            p = child;
            b = b == null ? null : b.get(name);
        }
        // an object the patch named: its own only if the base had none there to merge it into
        return p.isObject() && b != null && b.isObject() ? null : out.toString();
    }

    /** Puts {@code value} at {@code pointer} of a patch, whose parent the pointer must reach. */
    private static void set(ObjectNode patch, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? patch : patch.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode obj) {
            obj.set(last, value);
        } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode arr) {
            arr.set(Integer.parseInt(last), value);
        }
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
                economies.add(economyKey(s.json()));
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
        return cache.computeIfAbsent(economyKey(s.json()), k -> {
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
     * The scenario without what the counterfactual drops (shock events and policies) and what runs never read
     * (meta): options with the same key share one counterfactual.
     */
    private static String economyKey(JsonNode json) {
        ObjectNode copy = json.deepCopy();
        for (String list : BACKGROUND_LISTS) {
            com.fasterxml.jackson.databind.node.ArrayNode kept = copy.arrayNode();
            copy.path(list).forEach(e -> {
                if (Role.isBackground(e.path("role").asText(null))) {
                    kept.add(e);
                }
            });
            copy.set(list, kept);
        }
        copy.remove("meta");
        return copy.toString();
    }

    /** The lists whose entries have a role. */
    private static final List<String> BACKGROUND_LISTS = List.of("events", "policies");

    /**
     * The patched scenario with the base scenario's background entries that the patch left out put back: a
     * merge patch replaces an array whole, and an option that lists its own policies must not take the world's
     * background away. An entry the option gives itself, under the same type and id, stands in for the base's.
     */
    static JsonNode keepBackground(JsonNode base, JsonNode patched) {
        ObjectNode out = patched.deepCopy();
        for (String list : BACKGROUND_LISTS) {
            com.fasterxml.jackson.databind.node.ArrayNode merged = out.arrayNode();
            JsonNode own = out.path(list);
            if (!own.isMissingNode() && !own.isArray()) {
                // Not a list (a lone policy without its brackets, a number): left as the patch wrote it, so that
                // the scenario's check refuses it at its pointer, rather than its values read as entries or a
                // scalar dropped and the option run on the background alone.
                continue;
            }
            for (JsonNode e : base.path(list)) {
                if (Role.isBackground(e.path("role").asText(null)) && !listed(list, own, e)) {
                    merged.add(e);
                }
            }
            if (merged.isEmpty()) {
                continue;
            }
            own.forEach(merged::add);
            out.set(list, merged);
        }
        return out;
    }

    /**
     * The base scenario's shocks (events and policies whose role is not background) that an option's patch left
     * out, by list ({@code events}, {@code policies}) and id: a merge patch replaces an array whole, so an
     * option that lists its own policies without repeating the scenario's shocks runs without them, and the
     * loss it "avoids" is then the shocks' own. Empty for an option that keeps every shock.
     */
    public Map<String, List<String>> droppedShocks(Option o) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        JsonNode patched = o.scenario().json();
        for (String list : BACKGROUND_LISTS) {
            JsonNode entries = base.json().path(list);
            for (int i = 0; i < entries.size(); i++) {
                JsonNode e = entries.get(i);
                if (!Role.isBackground(e.path("role").asText(null)) && !listed(list, patched.path(list), e)) {
                    out.computeIfAbsent(list, k -> new ArrayList<>())
                            .add(e.hasNonNull("id") ? e.get("id").asText() : "/" + list + "/" + i);
                }
            }
        }
        return out;
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

    private static boolean listed(String list, JsonNode entries, JsonNode entry) {
        for (JsonNode e : entries) {
            if (e.equals(entry) || sameEntry(list, e, entry)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an option's entry stands in for one of the scenario's: the same type and id. A policy without an id
     * goes by its type, as the scenario's check and the outputs name it (two such of one type are refused); an
     * event without one, which nothing names, is the scenario's when it says the same but for its role. Matched
     * only when identical node for node (the patch's numbers are decimals, so hardly ever), a background entry
     * repeated, with its role or without, ran twice in the option's world (the scenario's put back beside the
     * option's), and a shock repeated as background was taken for one the option leaves out while the option ran
     * it in its world without shocks.
     */
    private static boolean sameEntry(String list, JsonNode a, JsonNode b) {
        if (!a.path("type").equals(b.path("type"))) {
            return false;
        }
        if (list.equals("policies")) {
            return label(a).equals(label(b));
        }
        if (a.hasNonNull("id") || b.hasNonNull("id")) {
            return a.path("id").equals(b.path("id"));
        }
        return a.isObject() && b.isObject() && withoutRole(a).equals(SAME_VALUE, withoutRole(b));
    }

    /**
     * Numbers equal by value: the merge patch hands back the option's numbers as decimals where the scenario's
     * are doubles, and an event repeated as it stands must still be the scenario's.
     */
    private static final java.util.Comparator<JsonNode> SAME_VALUE = (x, y) ->
            x.isNumber() && y.isNumber() ? Double.compare(x.doubleValue(), y.doubleValue()) : x.equals(y) ? 0 : 1;

    private static String label(JsonNode policy) {
        return policy.path("id").isTextual() ? policy.get("id").textValue() : policy.path("type").asText();
    }

    private static JsonNode withoutRole(JsonNode entry) {
        ObjectNode copy = ((ObjectNode) entry).deepCopy();
        copy.remove("role");
        return copy;
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
     * (their region and commodity), at most six in all.
     */
    private static List<PlottedMarket> pickMarkets(SupplyShockModel model, Summary summary, List<Option> options) {
        World world = model.world();
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
                int r = world.regionIndex(i.region());
                int c = world.commodityIndex(i.commodity());
                int m = world.market(r, c);
                if (out.size() < 6 && model.markets().used(m) && seen.add(m)) {
                    out.add(new PlottedMarket(m, world.region(r).id(), world.commodity(c).id(),
                            world.commodity(c).priceUnit()));
                }
            }
        }
        return out;
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
            out.add(new PlottedMarket(world.market(r, c), m.region(), m.commodity(), com.priceUnit()));
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
