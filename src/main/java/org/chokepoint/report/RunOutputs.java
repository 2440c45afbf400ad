package org.chokepoint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.chokepoint.metrics.Summary;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.Scenario;

/**
 * Writes one run's folder: {@code timeseries.csv} (unless the scenario sets {@code outputs.timeseries} to
 * false), {@code summary.json}, {@code manifest.json} and {@code report.html} (charts, {@link RunReport}). The
 * files are written into a hidden sibling folder that is renamed into place at the end, replacing an
 * earlier folder of the same name, so an interrupted or failed run leaves no half-written folder behind.
 */
public final class RunOutputs {

    public static final String TIMESERIES = "timeseries.csv";
    public static final String SUMMARY = "summary.json";
    public static final String MANIFEST = "manifest.json";
    public static final String COMPLIANCE = "compliance.json";

    static final String WALL_TIME_NOTE = "wallTimeMs is the only field expected to differ between two runs "
            + "of the same scenario, seed and ticks with the same build; every other field and the other files "
            + "are identical byte for byte";

    private RunOutputs() {
    }

    /**
     * @param wallTimeMs time from loading the scenario to the end of the simulation runs
     */
    public static void write(Path out, LoadedScenario loaded, RunOutcome outcome, int seed, long wallTimeMs)
            throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = freshSibling(target, "partial");
        Files.createDirectory(temp);
        try {
            if (loaded.scenario().outputs().timeseriesOrDefault()) {
                try (BufferedWriter w = Files.newBufferedWriter(temp.resolve(TIMESERIES), StandardCharsets.UTF_8)) {
                    TimeseriesCsv.write(outcome.model(), w);
                }
            }
            Json.write(temp.resolve(SUMMARY), summaryJson(outcome.summary()));
            Json.write(temp.resolve(MANIFEST),
                    manifest(loaded, seed, outcome.model().horizon(), wallTimeMs));
            Files.writeString(temp.resolve(RunReport.HTML), RunReport.html(loaded, outcome, seed), StandardCharsets.UTF_8);
            if (!outcome.model().consortia().isEmpty()) {
                java.util.Map<String, Object> compliance = new java.util.LinkedHashMap<>();
                compliance.put("consortia", outcome.model().consortia().stream()
                        .map(org.chokepoint.antitrust.Consortium::report).toList());
                Json.write(temp.resolve(COMPLIANCE), compliance);
            }
            moveIntoPlace(temp, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        // A folder cannot be renamed over a non-empty one: set the old one aside first, then drop it.
        Path old = freshSibling(target, "old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    /**
     * A hidden name beside the target that nothing uses yet. Not {@code Files.createTempDirectory}: that
     * makes the folder private to the user, and the renamed results folder would stay so.
     */
    private static Path freshSibling(Path target, String kind) {
        String base = "." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid() + "-";
        for (int i = 0; ; i++) {
            Path p = target.resolveSibling(base + i);
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * {@code {"markets": [...], "totals": {...}}}. JSON has no NaN: a number the run could not define (a
     * baseline over an empty window, say) is written as null, like a missing recovery.
     */
    public static JsonNode summaryJson(Summary summary) {
        return nanToNull(Json.mapper().valueToTree(summary));
    }

    static JsonNode nanToNull(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                f.setValue(nanToNull(f.getValue()));
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, nanToNull(a.get(i)));
            }
            return a;
        }
        if (node.isNumber() && (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return JsonNodeFactory.instance.nullNode();
        }
        return node;
    }

    /** What a run was made from, so that it can be made again. */
    public static ObjectNode manifest(LoadedScenario loaded, int seed, int ticks, long wallTimeMs) {
        BuildInfo build = BuildInfo.current();
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("scenario", loaded.source());
        m.put("scenarioSha256", loaded.sha256());
        m.put("seed", seed);
        m.put("ticks", ticks);
        m.put("version", build.version());
        m.put("gitCommit", build.gitCommit());
        m.put("gitDirty", build.gitDirty());
        ObjectNode jvm = m.putObject("jvm");
        jvm.put("version", System.getProperty("java.version"));
        jvm.put("vmName", System.getProperty("java.vm.name"));
        jvm.put("vendor", System.getProperty("java.vendor"));
        m.put("wallTimeMs", wallTimeMs);
        m.put("note", WALL_TIME_NOTE);
        m.set("resolvedScenario", Json.mapper().valueToTree(resolved(loaded.scenario())));
        return m;
    }

    /** The scenario with the defaults of its time settings written out, as the run used them. */
    static Scenario resolved(Scenario s) {
        Scenario.TimeSpec t = s.time();
        Scenario.TimeSpec time = new Scenario.TimeSpec(t.ticksPerYearOrDefault(), t.horizonTicks(),
                t.baselineWindowOrDefault(), t.warmupOrDefault(), t.startDate(), t.discountRateOrDefault(),
                t.startsAtEquilibrium() ? "equilibrium" : "initialPrices");
        return new Scenario(s.meta(), time, s.regions(), s.commodities(), s.recipes(), s.routes(), s.behaviour(),
                s.firms(), s.traders(), s.demand(), s.events(), s.policies(), s.consortia(), s.outputs());
    }
}
