package org.chokepoint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chokepoint.equilibrium.EquilibriumResult;
import org.chokepoint.output.OutputFiles;
import org.chokepoint.output.ResultKind;
import org.chokepoint.scenario.DecimalText;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;

/**
 * Writes a scenario's equilibrium into a folder: {@code equilibrium.csv} (tidy,
 * {@code region,commodity,metric,value}), {@code lanes.csv} (one row per arc), {@code firms.csv} (one row
 * per firm or population) and {@code equilibrium.json} (all of it, the instruments' fiscal figures and the
 * solver's convergence; its {@code format} marks the folder as an equilibrium's, {@link ResultKind#EQUILIBRIUM}).
 * The folder is the hidden one a {@link org.chokepoint.output.ResultFolder} renames into place once every
 * file is written.
 */
public final class EquilibriumOutputs {
    public static final String MARKETS = "equilibrium.csv";
    public static final String LANES = "lanes.csv";
    public static final String FIRMS = "firms.csv";
    public static final String JSON = ResultKind.EQUILIBRIUM.descriptor();

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private EquilibriumOutputs() { }

    /**
     * Writes the four files into {@code dir}.
     *
     * @param seed the seed whose draws were solved for, or null for the populations at their expected parameters
     * @param asRun whether the firms and traders were those a run with the seed holds at the result's tick,
     *              rather than those it starts with
     */
    public static void write(Path dir, LoadedScenario loaded, EquilibriumResult result, Integer seed, boolean asRun)
            throws IOException {
        Path markets = dir.resolve(MARKETS);
        OutputFiles.on(markets, () -> {
            try (BufferedWriter w = Files.newBufferedWriter(markets, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, FORMAT.builder().setHeader("region", "commodity", "metric", "value").get())) {
                for (EquilibriumResult.MarketResult m : result.markets()) {
                    row(csv, m, "price", m.price());
                    row(csv, m, "production", m.production());
                    row(csv, m, "consumption", m.consumption());
                    row(csv, m, "finalConsumption", m.finalConsumption());
                    row(csv, m, "intermediateUse", m.intermediateUse());
                    row(csv, m, "imports", m.imports());
                    row(csv, m, "exports", m.exports());
                    row(csv, m, "offtake", m.offtake());
                    row(csv, m, "rationed", m.rationed());
                    row(csv, m, "capacity", m.capacity());
                    row(csv, m, "levyRevenue", m.levyRevenue());
                    row(csv, m, "quotaRent", m.quotaRent());
                    row(csv, m, "fiscalCost", m.fiscalCost());
                }
            }
        });
        Path lanes = dir.resolve(LANES);
        OutputFiles.on(lanes, () -> {
            try (BufferedWriter w = Files.newBufferedWriter(lanes, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, FORMAT.builder().setHeader("trader", "kind", "commodity", "from",
                         "to", "via", "flow", "bound", "gap", "wedge", "rent").get())) {
                for (EquilibriumResult.LaneResult l : result.lanes()) {
                    csv.printRecord(text(l.trader()), l.kind(), l.commodity(), l.from(), text(l.to()), text(l.via()),
                            number(l.flow()), number(l.bound()), number(l.gap()), number(l.wedge()), number(l.rent()));
                }
            }
        });
        Path firms = dir.resolve(FIRMS);
        OutputFiles.on(firms, () -> {
            try (BufferedWriter w = Files.newBufferedWriter(firms, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, FORMAT.builder().setHeader("firm", "type", "region", "commodity",
                         "count", "capacity", "output", "utilisation", "netPrice").get())) {
                for (EquilibriumResult.FirmResult f : result.firms()) {
                    csv.printRecord(f.id(), f.type(), f.region(), f.commodity(), number(f.count()),
                            number(f.capacity()), number(f.output()), number(f.utilisation()), number(f.netPrice()));
                }
            }
        });
        Path json = dir.resolve(JSON);
        OutputFiles.on(json, () -> Json.write(json, json(loaded, result, seed, asRun)));
    }

    private static ObjectNode json(LoadedScenario loaded, EquilibriumResult result, Integer seed, boolean asRun) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", ResultKind.EQUILIBRIUM.format());
        root.put("scenario", loaded.source());
        root.put("scenarioSha256", loaded.sha256());
        root.put("tick", result.tick());
        if (seed != null) {
            root.put("seed", seed);
            root.put("populations", asRun ? "asRun" : "drawn");
        }
        BuildInfo build = BuildInfo.current();
        root.put("version", build.version());
        root.put("gitCommit", build.gitCommit());
        root.set("convergence", Json.mapper().valueToTree(result.convergence()));
        root.set("markets", Json.mapper().valueToTree(result.markets()));
        root.set("lanes", Json.mapper().valueToTree(result.lanes()));
        ArrayNode instruments = root.putArray("instruments");
        for (EquilibriumResult.InstrumentResult i : result.instruments()) {
            ObjectNode o = instruments.addObject();
            o.put("id", i.id());
            o.put("type", i.type());
            ObjectNode figures = o.putObject("figures");
            i.figures().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> figures.put(e.getKey(), e.getValue()));
        }
        root.set("firms", Json.mapper().valueToTree(result.firms()));
        return (ObjectNode) RunOutputs.nanToNull(root);
    }

    private static void row(CSVPrinter csv, EquilibriumResult.MarketResult m, String metric, double value)
            throws IOException {
        csv.printRecord(m.region(), m.commodity(), metric, number(value));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "NA" : DecimalText.of(v);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
