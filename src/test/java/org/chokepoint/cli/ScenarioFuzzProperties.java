package org.chokepoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chokepoint.antitrust.Consortium;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.ScenarioProblem;
import org.chokepoint.world.World;

/**
 * The promise of validation, tried on thousands of broken scenarios: every shipped scenario, mutated one to
 * three times — keys dropped or added, settings the files leave at their defaults set to the edges of
 * their bounds, values of the wrong type, special and huge numbers, ids duplicated
 * or left dangling, lists emptied, elements removed or repeated, the text cut short, bytes that are no
 * UTF-8 — is checked as {@code validate} checks a file, which must accept it or name every problem as one
 * {@code file:line:col: pointer: message} line, and never fail otherwise. Every mutant it accepts must
 * then {@code run} 30 ticks with exit code 0, write only finite numbers (NA only for days of cover, which
 * are undefined without any use) and strict JSON, and balance every market on every tick to within a
 * billionth, as {@code MassBalanceTest} checks the reference scenarios.
 *
 * <p>The seed is fixed, so CI tries the same {@value #CI_TRIES} mutants every time. A longer run:
 * {@code mvn -B test -Dtest=ScenarioFuzzProperties -Dchokepoint.fuzz.tries=20000
 * [-Dchokepoint.fuzz.seed=N]}; the counts are printed at the end.
 */
class ScenarioFuzzProperties {

    static final int CI_TRIES = 2000;
    static final String TRIES = "chokepoint.fuzz.tries";
    static final String SEED = "chokepoint.fuzz.seed";
    static final String CI_SEED = "20260513";
    static final int TICKS = 30;

    /** The shipped scenarios; the scale series beyond 1,000 firms is the same generator's output, larger. */
    static final List<Path> SCENARIOS = shipped();
    static final List<String> TEXTS = SCENARIOS.stream().map(ScenarioFuzzProperties::read).toList();

    /** One accepted mutant in this many also goes through the run command itself, files and all. */
    static final int CLI_EVERY = 32;

    private static final AtomicLong TRIED = new AtomicLong();
    private static final AtomicLong CLI_RUNS = new AtomicLong();
    private static final AtomicLong ACCEPTED = new AtomicLong();
    private static final AtomicLong REJECTED = new AtomicLong();
    private static final Map<Kind, AtomicLong> ACCEPTED_BY_KIND = new java.util.EnumMap<>(Kind.class);
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-run");
        t.setDaemon(true);
        return t;
    });

    static {
        for (Kind k : Kind.values()) {
            ACCEPTED_BY_KIND.put(k, new AtomicLong());
        }
    }

    @Property(seed = CI_SEED, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Size.class)
    void whatValidateAcceptsRunsAndWhatItRefusesItNames(@ForAll("mutants") Mutant mutant) throws Exception {
        Path dir = Files.createTempDirectory("chokepoint-fuzz");
        try {
            Path file = dir.resolve("mutant.json");
            Files.write(file, mutant.bytes());
            TRIED.incrementAndGet();
            LoadedScenario loaded;
            try {
                loaded = ScenarioLoader.load(file); // what validate does with each file, and run before it runs
            } catch (ScenarioException e) {
                REJECTED.incrementAndGet();
                assertNamedProblems(mutant, file, e.problems());
                return;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("validate failed instead of naming a problem: " + e + "\nmutant: " + mutant, e);
            }
            long accepted = ACCEPTED.incrementAndGet();
            mutant.ops.stream().map(Op::kind).distinct().forEach(k -> ACCEPTED_BY_KIND.get(k).incrementAndGet());
            RunOutcome outcome = within(mutant, () -> Simulation.run(loaded.scenario(), mutant.seed(), TICKS));
            checkRun(mutant, "the run", outcome.model());
            if (outcome.counterfactual() != null) {
                checkRun(mutant, "its counterfactual", outcome.counterfactual());
            }
            outcome.summary().flatten().forEach((k, v) -> check(v == null || !Double.isInfinite(v), mutant,
                    "summary " + k + " is " + v));
            for (Consortium c : outcome.model().consortia()) {
                checkFinite(mutant, "compliance.json", Json.mapper().valueToTree(c.report()), "");
            }
            if (accepted % CLI_EVERY == 1) {
                Path out = dir.resolve("out");
                Result ran = within(mutant, () -> run(file.toString(), "--ticks", Integer.toString(TICKS),
                        "--seed", Integer.toString(mutant.seed()), "--out", out.toString()));
                check(ran.code == 0, mutant, "validate accepted it, and run exited " + ran.code + ":\n" + ran.err);
                checkOutputs(mutant, out);
                CLI_RUNS.incrementAndGet();
            }
        } finally {
            deleteTree(dir);
        }
    }

    // ---- what is checked ---------------------------------------------------------------------------

    /**
     * Every line of a refusal is {@code file[:line[:col]]: pointer: message}, or {@code file: message} for a
     * problem with the file itself, before there is any JSON to point into (one that cannot be read).
     */
    private static void assertNamedProblems(Mutant m, Path file, List<ScenarioProblem> problems) {
        check(!problems.isEmpty(), m, "refused without a word");
        for (ScenarioProblem p : problems) {
            String line = p.toString();
            check(line.lines().count() == 1, m, "a problem on more than one line: " + line);
            check(line.startsWith(file + ":"), m, "a problem line that does not start with the file: " + line);
            if (p.pointer() == null) {
                check(p.line() == null && !p.message().isBlank(), m, "a problem with neither pointer nor file-wide"
                        + " message: " + line);
                continue;
            }
            String rest = line.substring(file.toString().length() + 1).replaceFirst("^([0-9]+:([0-9]+:)?)? ", "");
            check(rest.startsWith("/") || rest.startsWith("(document): "), m, "no pointer in: " + line);
            check(rest.indexOf(": ") > 0 && rest.length() > rest.indexOf(": ") + 2, m, "no message in: " + line);
        }
    }

    private static final double RELATIVE = 1e-9;
    private static final double ABSOLUTE = 1e-12;

    /**
     * Every number the run records is finite (days of cover are undefined, NaN, where a market used nothing),
     * and in every market, on every tick, production less use less exports plus imports is the change in
     * stock, to within a billionth of the largest of them, as MassBalanceTest has it.
     */
    private static void checkRun(Mutant m, String which, SupplyShockModel model) {
        SeriesRecorder s = model.series();
        World world = model.world();
        for (int mk = 0; mk < world.marketCount(); mk++) {
            String market = world.region(world.regionOfMarket(mk)).id() + "/"
                    + world.commodity(world.commodityOfMarket(mk)).id();
            for (int t = 0; t < s.ticks(); t++) {
                for (Metric metric : Metric.ALL) {
                    double v = s.get(t, mk, metric);
                    check(Double.isFinite(v) || (metric == Metric.INVENTORY_DAYS && Double.isNaN(v)), m,
                            which + ": " + metric.label() + " of " + market + " at tick " + t + " is " + v);
                }
                if (t == 0) {
                    continue;
                }
                double production = s.get(t, mk, Metric.PRODUCTION);
                double consumption = s.get(t, mk, Metric.CONSUMPTION);
                double stock = s.get(t, mk, Metric.STOCK);
                double before = s.get(t - 1, mk, Metric.STOCK);
                double exports = s.get(t, mk, Metric.EXPORTS);
                double imports = s.get(t, mk, Metric.IMPORTS);
                double residual = production - consumption - (stock - before) - exports + imports;
                double scale = Math.max(Math.max(Math.max(Math.abs(production), Math.abs(consumption)),
                        Math.max(Math.abs(stock), Math.abs(before))), Math.max(Math.abs(exports), Math.abs(imports)));
                check(Math.abs(residual) <= RELATIVE * scale + ABSOLUTE, m, which + ": " + market + " at tick " + t
                        + " does not balance: residual " + residual + " (production " + production + ", consumption "
                        + consumption + ", stock " + before + " -> " + stock + ", exports " + exports + ", imports "
                        + imports + ")");
            }
        }
    }

    /** What run wrote: strict JSON with finite numbers, and a time series of finite numbers or NA days. */
    private static void checkOutputs(Mutant m, Path out) throws IOException {
        check(Files.isRegularFile(out.resolve("report.html")), m, "run wrote no report.html");
        for (String name : List.of("summary.json", "manifest.json", "compliance.json")) {
            Path f = out.resolve(name);
            if (Files.exists(f)) {
                JsonNode n;
                try {
                    n = Json.mapper().readTree(f.toFile());
                } catch (IOException e) {
                    throw new AssertionError(m + "\n" + name + " is not strict JSON: " + e.getMessage(), e);
                }
                checkFinite(m, name, n, "");
            }
        }
        Path series = out.resolve("timeseries.csv");
        if (Files.exists(series)) {
            try (Stream<String> lines = Files.lines(series, StandardCharsets.UTF_8)) {
                lines.skip(1).forEach(line -> {
                    String[] f = line.split(",", -1);
                    check(f.length == 5, m, "timeseries.csv: " + line);
                    check(f[4].equals("NA") ? f[3].equals("inventoryDays") : Double.isFinite(Double.parseDouble(f[4])),
                            m, "timeseries.csv: " + line);
                });
            }
        }
    }

    private static void checkFinite(Mutant m, String file, JsonNode n, String at) {
        if (n.isNumber()) {
            check(Double.isFinite(n.doubleValue()), m, file + at + " is " + n);
        }
        for (Map.Entry<String, JsonNode> f : n.properties()) {
            checkFinite(m, file, f.getValue(), at + "/" + f.getKey());
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                checkFinite(m, file, n.get(i), at + "/" + i);
            }
        }
    }

    private static void check(boolean ok, Mutant m, String what) {
        if (!ok) {
            throw new AssertionError(what + "\nmutant: " + m);
        }
    }

    // ---- the commands ------------------------------------------------------------------------------

    record Result(int code, String err) { }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        var cmd = new picocli.CommandLine(new RunCommand());
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Result(code, err.toString());
    }

    /** A run that does not end is a failure too, not a build that hangs. */
    private static <T> T within(Mutant m, java.util.concurrent.Callable<T> work) throws Exception {
        Future<T> f = RUNNER.submit(work);
        try {
            return f.get(5, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("a run took more than five minutes\nmutant: " + m, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("validate accepted it, and the run failed: " + e.getCause() + "\nmutant: " + m,
                    e.getCause());
        }
    }

    // ---- the mutants -------------------------------------------------------------------------------

    /** What a mutation does. */
    enum Kind {
        NUMBER, DROP_KEY, ADD_KEY, SETTING, WRONG_TYPE, COPY_VALUE, DUPLICATE_ELEMENT, DUPLICATE_ID,
        DANGLING_REFERENCE, RENAME_ID, EMPTY_LIST, REMOVE_ELEMENT, LONE_SURROGATE, TRUNCATE, BAD_BYTES;

        boolean onText() {
            return this == TRUNCATE || this == BAD_BYTES;
        }
    }

    /** One mutation; its three numbers choose where and what, whatever the document's size. */
    record Op(Kind kind, long a, long b, long c) { }

    record Mutant(int scenario, List<Op> ops, int seed) {
        byte[] bytes() {
            return Mutator.apply(TEXTS.get(scenario), ops);
        }

        @Override
        public String toString() {
            return SCENARIOS.get(scenario) + " " + ops + " seed " + seed;
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(30, Kind.NUMBER), Tuple.of(8, Kind.DROP_KEY), Tuple.of(5, Kind.ADD_KEY), Tuple.of(8, Kind.SETTING),
                Tuple.of(6, Kind.WRONG_TYPE), Tuple.of(5, Kind.COPY_VALUE), Tuple.of(5, Kind.DUPLICATE_ELEMENT),
                Tuple.of(5, Kind.DUPLICATE_ID), Tuple.of(6, Kind.DANGLING_REFERENCE), Tuple.of(3, Kind.RENAME_ID),
                Tuple.of(5, Kind.EMPTY_LIST), Tuple.of(8, Kind.REMOVE_ELEMENT), Tuple.of(3, Kind.LONE_SURROGATE),
                Tuple.of(5, Kind.TRUNCATE), Tuple.of(5, Kind.BAD_BYTES));
        Arbitrary<Long> any = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<Op> op = Combinators.combine(kinds, any, any, any).as(Op::new);
        // Mostly one mutation, so that many mutants pass and run; sometimes two or three at once.
        Arbitrary<List<Op>> ops = Arbitraries.frequency(Tuple.of(6, 1), Tuple.of(3, 2), Tuple.of(1, 3))
                .flatMap(n -> op.list().ofSize(n));
        return Combinators.combine(Arbitraries.integers().between(0, SCENARIOS.size() - 1), ops,
                Arbitraries.integers().between(1, 1000)).as(Mutant::new);
    }

    /** Applies mutations to a scenario's text: first those on its JSON tree, then those on its bytes. */
    static final class Mutator {
        private static final double[] SPECIAL = {0, -1, 1, 0.5, 2, 1e-6, 1e-9, 1e6, 1e9, 1e12, 1e13, 1e16, 1e300,
            1e308, -1e308, Double.MAX_VALUE, Double.MIN_VALUE, 2147483647, 2147483648.0, -2147483648};
        private static final String[] RAW = {"1e309", "-1e309", "1e-400", "-0", "NaN", "Infinity",
            "123456789012345678901234567890", "9007199254740993", "1.0e2", "0.1e1"};
        private static final double[] FACTORS = {1e-12, 1e-9, 1e-6, 1e-3, 0.1, 10, 1e3, 1e6, 1e9, 1e12};
        private static final byte[][] BYTES = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0x80}, {0}, {(byte) 0xEF,
            (byte) 0xBB, (byte) 0xBF}, {0x7F}, {0x1B}, {'\t'}, {'"'}, {'{'}, {']'}, {','}, {(byte) 0xED, (byte) 0xA0,
            (byte) 0x80}};
        private static final JsonNodeFactory F = JsonNodeFactory.instance;
        /** Every number of {@code behaviour} and {@code outputs} the schema knows, with its bounds. */
        static final List<Setting> SETTINGS = settings();

        /**
         * A numeric setting by its path of keys, and the values at and just beyond its bounds: the least value
         * above an exclusive minimum of 0 is the smallest double, the sharpest test of a division by it.
         */
        record Setting(List<String> path, boolean integer, double[] edges) { }

        private static List<Setting> settings() {
            JsonNode schema;
            try {
                schema = Json.mapper().readTree(Path.of("scenarios/schema/scenario.schema.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Setting> out = new ArrayList<>();
            for (String section : List.of("behaviour", "outputs")) {
                collectSettings(schema, schema.at("/properties/" + section), List.of(section), out);
            }
            return List.copyOf(out);
        }

        private static void collectSettings(JsonNode schema, JsonNode node, List<String> path, List<Setting> out) {
            if (node.has("$ref")) {
                node = schema.at(node.get("$ref").asText().substring(1));
            }
            if (node.has("properties")) {
                for (Map.Entry<String, JsonNode> f : node.get("properties").properties()) {
                    List<String> p = new ArrayList<>(path);
                    p.add(f.getKey());
                    collectSettings(schema, f.getValue(), p, out);
                }
                return;
            }
            String type = node.path("type").asText();
            if (!type.equals("number") && !type.equals("integer")) {
                return;
            }
            boolean integer = type.equals("integer");
            List<Double> edges = new ArrayList<>();
            if (node.has("minimum")) {
                double min = node.get("minimum").asDouble();
                edges.add(min);
                edges.add(integer ? min - 1 : Math.nextDown(min));
            }
            if (node.has("exclusiveMinimum")) {
                double min = node.get("exclusiveMinimum").asDouble();
                edges.add(Math.nextUp(min));
                edges.add(min);
            }
            if (node.has("maximum")) {
                double max = node.get("maximum").asDouble();
                edges.add(max);
                edges.add(integer ? max + 1 : Math.nextUp(max));
            }
            if (node.has("exclusiveMaximum")) {
                double max = node.get("exclusiveMaximum").asDouble();
                edges.add(Math.nextDown(max));
                edges.add(max);
            }
            out.add(new Setting(List.copyOf(path), integer,
                    edges.stream().mapToDouble(Double::doubleValue).toArray()));
        }

        /** A place in the tree: a member of an object or an element of an array. */
        private record Slot(JsonNode parent, String key, int index) {
            JsonNode value() {
                return key != null ? parent.get(key) : parent.get(index);
            }

            void set(JsonNode v) {
                if (key != null) {
                    ((ObjectNode) parent).set(key, v);
                } else {
                    ((ArrayNode) parent).set(index, v);
                }
            }
        }

        static byte[] apply(String text, List<Op> ops) {
            ObjectNode tree;
            try {
                tree = (ObjectNode) Json.mapper().readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> raw = new ArrayList<>();
            for (Op op : ops) {
                if (!op.kind().onText()) {
                    mutate(tree, op, raw);
                }
            }
            String out;
            try {
                out = Json.mapper().writeValueAsString(tree);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < raw.size(); i++) {
                out = out.replace("\"@@raw" + i + "@@\"", raw.get(i));
            }
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            for (Op op : ops) {
                if (op.kind().onText()) {
                    bytes = mutate(bytes, op);
                }
            }
            return bytes;
        }

        private static void mutate(ObjectNode tree, Op op, List<String> raw) {
            List<Slot> slots = new ArrayList<>();
            collect(tree, slots);
            switch (op.kind()) {
                case NUMBER -> {
                    List<Slot> numbers = slots.stream().filter(s -> s.value().isNumber()).toList();
                    if (numbers.isEmpty()) {
                        return;
                    }
                    Slot s = pick(numbers, op.a());
                    long choice = op.b() % 3;
                    if (choice == 0) {
                        s.set(F.numberNode(SPECIAL[(int) (op.c() % SPECIAL.length)]));
                    } else if (choice == 1) {
                        raw.add(RAW[(int) (op.c() % RAW.length)]);
                        s.set(TextNode.valueOf("@@raw" + (raw.size() - 1) + "@@"));
                    } else {
                        double factor = FACTORS[(int) (op.c() % FACTORS.length)];
                        JsonNode v = s.value();
                        if (v.isIntegralNumber() && factor >= 1) {
                            s.set(LongNode.valueOf((long) Math.min(Long.MAX_VALUE / 2.0, v.longValue() * factor)));
                        } else {
                            s.set(DoubleNode.valueOf(v.doubleValue() * factor));
                        }
                    }
                }
                case DROP_KEY -> {
                    List<Slot> members = slots.stream().filter(s -> s.key() != null).toList();
                    if (!members.isEmpty()) {
                        Slot s = pick(members, op.a());
                        ((ObjectNode) s.parent()).remove(s.key());
                    }
                }
                case ADD_KEY -> {
                    List<Slot> objects = slots.stream().filter(s -> s.value().isObject()).toList();
                    List<String> names = slots.stream().filter(s -> s.key() != null).map(Slot::key).distinct().toList();
                    if (objects.isEmpty()) {
                        return;
                    }
                    ObjectNode target = (ObjectNode) pick(objects, op.a()).value();
                    String name = op.b() % 4 == 0 ? "unexpected" : names.get((int) (op.b() % names.size()));
                    target.set(name, pick(slots, op.c()).value().deepCopy());
                }
                case SETTING -> {
                    // A setting the shipped files leave at its default: the new ones reach the run only this way.
                    Setting setting = pick(SETTINGS, op.a());
                    ObjectNode at = tree;
                    for (int i = 0; i < setting.path().size() - 1; i++) {
                        JsonNode next = at.get(setting.path().get(i));
                        at = next instanceof ObjectNode o ? o : at.putObject(setting.path().get(i));
                    }
                    String name = setting.path().get(setting.path().size() - 1);
                    double[] edges = setting.edges();
                    if (op.b() % 4 == 0) {
                        at.set(name, F.numberNode(SPECIAL[(int) (op.c() % SPECIAL.length)]));
                    } else {
                        double v = edges[(int) (op.c() % edges.length)];
                        at.set(name, setting.integer() && v == Math.rint(v) ? LongNode.valueOf((long) v)
                                : DoubleNode.valueOf(v));
                    }
                }
                case WRONG_TYPE -> {
                    if (slots.isEmpty()) {
                        return;
                    }
                    JsonNode[] others = {TextNode.valueOf("text"), BooleanNode.TRUE, NullNode.instance,
                        F.arrayNode(), F.objectNode(), F.numberNode(7), TextNode.valueOf("CN"), TextNode.valueOf("")};
                    pick(slots, op.a()).set(others[(int) (op.b() % others.length)]);
                }
                case COPY_VALUE -> {
                    if (!slots.isEmpty()) {
                        pick(slots, op.a()).set(pick(slots, op.b()).value().deepCopy());
                    }
                }
                case DUPLICATE_ELEMENT -> {
                    List<Slot> arrays = slots.stream().filter(s -> s.value().isArray() && !s.value().isEmpty())
                            .toList();
                    if (!arrays.isEmpty()) {
                        ArrayNode a = (ArrayNode) pick(arrays, op.a()).value();
                        a.add(a.get((int) (op.b() % a.size())).deepCopy());
                    }
                }
                case DUPLICATE_ID -> {
                    List<Slot> arrays = slots.stream().filter(s -> s.value().isArray() && s.value().size() >= 2
                            && s.value().get(0).has("id")).toList();
                    if (!arrays.isEmpty()) {
                        ArrayNode a = (ArrayNode) pick(arrays, op.a()).value();
                        JsonNode from = a.get((int) (op.b() % a.size()));
                        JsonNode to = a.get((int) (op.c() % a.size()));
                        if (to.isObject() && from.has("id")) {
                            ((ObjectNode) to).set("id", from.get("id").deepCopy());
                        }
                    }
                }
                case DANGLING_REFERENCE -> {
                    Set<String> ids = definedIds(tree);
                    List<Slot> references = slots.stream().filter(s -> s.value().isTextual()
                            && ids.contains(s.value().textValue()) && !"id".equals(s.key())).toList();
                    if (!references.isEmpty()) {
                        Slot s = pick(references, op.a());
                        s.set(TextNode.valueOf("ghost-" + s.value().textValue()));
                    }
                }
                case RENAME_ID -> {
                    List<Slot> ids = slots.stream().filter(s -> "id".equals(s.key())).toList();
                    if (!ids.isEmpty()) {
                        pick(ids, op.a()).set(TextNode.valueOf("renamed"));
                    }
                }
                case EMPTY_LIST -> {
                    List<Slot> arrays = slots.stream().filter(s -> s.value().isArray()).toList();
                    if (!arrays.isEmpty()) {
                        ((ArrayNode) pick(arrays, op.a()).value()).removeAll();
                    }
                }
                case REMOVE_ELEMENT -> {
                    List<Slot> arrays = slots.stream().filter(s -> s.value().isArray() && !s.value().isEmpty())
                            .toList();
                    if (!arrays.isEmpty()) {
                        ArrayNode a = (ArrayNode) pick(arrays, op.a()).value();
                        a.remove((int) (op.b() % a.size()));
                    }
                }
                case LONE_SURROGATE -> {
                    List<Slot> strings = slots.stream().filter(s -> s.value().isTextual()).toList();
                    if (!strings.isEmpty()) {
                        Slot s = pick(strings, op.a());
                        raw.add("\"" + s.value().textValue().replace("\\", "\\\\").replace("\"", "\\\"")
                                + (op.b() % 2 == 0 ? "\\ud800" : "\\udfff") + "\"");
                        s.set(TextNode.valueOf("@@raw" + (raw.size() - 1) + "@@"));
                    }
                }
                default -> throw new IllegalStateException(op.kind() + " works on text");
            }
        }

        private static byte[] mutate(byte[] bytes, Op op) {
            if (bytes.length == 0) {
                return bytes;
            }
            int at = (int) (op.a() % bytes.length);
            if (op.kind() == Kind.TRUNCATE) {
                return Arrays.copyOf(bytes, at);
            }
            byte[] insert = BYTES[(int) (op.b() % BYTES.length)];
            boolean replace = op.c() % 2 == 0;
            int tail = replace ? Math.min(bytes.length, at + 1) : at;
            byte[] out = new byte[at + insert.length + bytes.length - tail];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(insert, 0, out, at, insert.length);
            System.arraycopy(bytes, tail, out, at + insert.length, bytes.length - tail);
            return out;
        }

        private static void collect(JsonNode node, List<Slot> slots) {
            if (node.isObject()) {
                Iterator<String> names = node.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    slots.add(new Slot(node, name, -1));
                    collect(node.get(name), slots);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    slots.add(new Slot(node, null, i));
                    collect(node.get(i), slots);
                }
            }
        }

        private static Set<String> definedIds(JsonNode tree) {
            Set<String> ids = new LinkedHashSet<>();
            for (String list : List.of("regions", "commodities", "recipes")) {
                tree.path(list).forEach(e -> ids.add(e.path("id").asText()));
            }
            return ids;
        }

        private static <T> T pick(List<T> list, long r) {
            return list.get((int) (r % list.size()));
        }
    }

    // ---- size and report ---------------------------------------------------------------------------

    /** {@value #TRIES} and {@value #SEED} as system properties make the run longer, or another. */
    public static final class Size implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger(TRIES, CI_TRIES));
            context.attributes().setSeed(System.getProperty(SEED, CI_SEED));
            return property.execute();
        }
    }

    @AfterContainer
    static void report() {
        StringBuilder kinds = new StringBuilder();
        ACCEPTED_BY_KIND.forEach((k, n) -> kinds.append(' ').append(k.name().toLowerCase()).append('=').append(n));
        System.out.println("scenario fuzz: " + TRIED + " mutants tried (seed " + System.getProperty(SEED, CI_SEED)
                + "), " + ACCEPTED + " accepted and run " + TICKS + " ticks, " + REJECTED + " rejected; accepted by"
                + " mutation:" + kinds + "; " + CLI_RUNS + " of the runs by the run command");
    }

    // ---- files -------------------------------------------------------------------------------------

    private static List<Path> shipped() {
        try (Stream<Path> s = Stream.of("scenarios", "scenarios/counterexamples").flatMap(d -> list(Path.of(d)))) {
            List<Path> out = new ArrayList<>(s.filter(p -> p.toString().endsWith(".json")
                    && !p.toString().endsWith(".options.json")).sorted().toList());
            out.add(Path.of("scenarios/scale/scale-1000.json"));
            return List.copyOf(out);
        }
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
