package org.chokepoint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chokepoint.metrics.Summary;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.output.OutputFiles;
import org.chokepoint.output.ResultKind;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.PriceBase;
import org.chokepoint.scenario.Scenario;

/**
 * Writes one run's files into a folder: {@code timeseries.csv} and {@code flows.csv}, its bilateral trade by
 * lane ({@link FlowsCsv}) (unless the scenario sets {@code outputs.timeseries} to false),
 * {@code counterfactual.csv} (likewise, when the scenario has a shock and so a counterfactual was run: its series
 * in the same columns), {@code policies.csv} (likewise, when an instrument reports per-tick figures),
 * {@code summary.json}, {@code manifest.json} (whose {@code format}
 * marks the folder as a run's, {@link ResultKind#RUN}), {@code report.html} (charts, {@link RunReport}) and,
 * where consortia exist, {@code compliance.json}.
 * The folder is the hidden one a {@link org.chokepoint.output.ResultFolder} renames into place once every
 * file is written.
 */
public final class RunOutputs {

    public static final String TIMESERIES = "timeseries.csv";
    public static final String COUNTERFACTUAL = "counterfactual.csv";
    public static final String FLOWS = "flows.csv";
    public static final String SUMMARY = "summary.json";
    public static final String MANIFEST = ResultKind.RUN.descriptor();
    public static final String COMPLIANCE = "compliance.json";
    public static final String POLICIES = "policies.csv";

    static final String WALL_TIME_NOTE = "wallTimeMs is the only field expected to differ between two runs "
            + "of the same scenario, seed and ticks with the same build; every other field and the other files "
            + "are identical byte for byte";

    private RunOutputs() {
    }

    /**
     * @param dir        the folder to write into
     * @param wallTimeMs time from loading the scenario to the end of the simulation runs
     */
    public static void write(Path dir, LoadedScenario loaded, RunOutcome outcome, int seed, long wallTimeMs)
            throws IOException {
        if (loaded.scenario().outputs().timeseriesOrDefault()) {
            Path file = dir.resolve(TIMESERIES);
            OutputFiles.on(file, () -> {
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    TimeseriesCsv.write(outcome.model(), w);
                }
            });
            Path flows = dir.resolve(FLOWS);
            OutputFiles.on(flows, () -> {
                try (BufferedWriter w = Files.newBufferedWriter(flows, StandardCharsets.UTF_8)) {
                    FlowsCsv.write(outcome.model(), w);
                }
            });
            if (outcome.counterfactual() != null) {
                // the path report.html draws beside the run, in the same columns, so it can be read beside it
                Path cf = dir.resolve(COUNTERFACTUAL);
                OutputFiles.on(cf, () -> {
                    try (BufferedWriter w = Files.newBufferedWriter(cf, StandardCharsets.UTF_8)) {
                        TimeseriesCsv.write(outcome.counterfactual(), w);
                    }
                });
            }
        }
        java.util.List<org.chokepoint.policy.PolicySeries> series = PoliciesCsv.of(outcome.model());
        if (loaded.scenario().outputs().timeseriesOrDefault() && !series.isEmpty()) {
            Path file = dir.resolve(POLICIES);
            OutputFiles.on(file, () -> {
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    PoliciesCsv.write(series, w);
                }
            });
        }
        writeJson(dir.resolve(SUMMARY), summaryJson(outcome.summary()));
        writeJson(dir.resolve(MANIFEST), manifest(loaded, seed, outcome.model().horizon(), wallTimeMs,
                outcome.model().startNote()));
        Path report = dir.resolve(RunReport.HTML);
        OutputFiles.on(report, () -> Files.writeString(report, RunReport.html(loaded, outcome, seed),
                StandardCharsets.UTF_8));
        if (!outcome.model().consortia().isEmpty()) {
            java.util.Map<String, Object> compliance = new java.util.LinkedHashMap<>();
            java.util.List<java.util.Map<String, Object>> reports = new java.util.ArrayList<>();
            for (int i = 0; i < outcome.model().consortia().size(); i++) {
                java.util.Map<String, Object> r =
                        new java.util.LinkedHashMap<>(outcome.model().consortia().get(i).report());
                if (outcome.compliantTwin() != null && !outcome.model().consortia().get(i).violations().isEmpty()) {
                    Map<String, Object> harm = new java.util.LinkedHashMap<>();
                    harm.put("against", "the same scenario and seed with the consortium keeping the rules its"
                            + " declaration breaks");
                    harm.putAll(Json.mapper().convertValue(org.chokepoint.metrics.CoordinationHarm.of(outcome.model(),
                            outcome.compliantTwin(), outcome.model().consortia().get(i).productMarkets())
                            .scaled(outcome.summary().money().deflator()),
                            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
                    r.put("harm", harm);
                }
                reports.add(r);
            }
            compliance.put("consortia", reports);
            writeJson(dir.resolve(COMPLIANCE), compliance);
        }
    }

    private static void writeJson(Path file, Object value) throws IOException {
        OutputFiles.on(file, () -> Json.write(file, value));
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
            for (Map.Entry<String, JsonNode> f : o.properties()) {
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
        return manifest(loaded, seed, ticks, wallTimeMs, null);
    }

    /** The manifest, with {@code startNote} when the run could not start at its equilibrium as asked. */
    public static ObjectNode manifest(LoadedScenario loaded, int seed, int ticks, long wallTimeMs, String startNote) {
        BuildInfo build = BuildInfo.current();
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("format", ResultKind.RUN.format());
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
        m.set("money", money(PriceBase.of(loaded.scenario())));
        if (startNote != null) {
            m.put("startNote", startNote);
        }
        m.set("resolvedScenario", Json.mapper().valueToTree(resolved(loaded.scenario())));
        return m;
    }

    /**
     * The dollars the outputs' money is in: the scenario's price year, the base year and the CPI deflator
     * between them, with the index it comes from.
     */
    public static ObjectNode money(PriceBase p) {
        return p.json();
    }

    /**
     * The scenario with the defaults of its time settings written out, as the run used them, and, when some firm gives
     * its plant's capital cost (a prospect must; only those firms read them), those of the rate and life it is
     * recovered over.
     */
    static Scenario resolved(Scenario s) {
        Scenario.TimeSpec t = s.time();
        Scenario.TimeSpec time = new Scenario.TimeSpec(t.ticksPerYearOrDefault(), t.horizonTicks(),
                t.baselineWindowOrDefault(), t.warmupOrDefault(), t.startDate(), t.discountRateOrDefault(),
                t.startsAtEquilibrium() ? "equilibrium" : "initialPrices",
                s.decisionTick(), PriceBase.priceYear(s));
        org.chokepoint.scenario.BehaviourSpec behaviour = s.firms().stream().anyMatch(f -> f.capexPerAnnualUnit() != null)
                ? s.behaviour().withInvestment(s.behaviour().investment().withCapitalDefaults()) : s.behaviour();
        return new Scenario(s.meta(), time, s.regions(), s.commodities(), s.recipes(), s.routes(), behaviour,
                s.firms(), s.traders(), s.demand(), s.events(), s.policies(), s.consortia(), s.openingStocks(),
                s.stockists(), s.outputs());
    }
}
