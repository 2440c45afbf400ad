package org.chokepoint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chokepoint.equilibrium.EquilibriumResult;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;

/**
 * Writes a scenario's equilibrium into a folder: {@code equilibrium.csv} (tidy,
 * {@code region,commodity,metric,value}), {@code lanes.csv} (one row per arc), {@code firms.csv} (one row
 * per firm or population) and {@code equilibrium.json} (all of it, the instruments' fiscal figures and the
 * solver's convergence). The files are written into a hidden sibling folder renamed into place at the end.
 * An existing folder is replaced only when it holds nothing but these files; anything else in it was not
 * written here and is left alone, and the write refused.
 */
public final class EquilibriumOutputs {
    public static final String MARKETS = "equilibrium.csv";
    public static final String LANES = "lanes.csv";
    public static final String FIRMS = "firms.csv";
    public static final String JSON = "equilibrium.json";
    private static final Set<String> OURS = Set.of(MARKETS, LANES, FIRMS, JSON);

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private EquilibriumOutputs() { }

    /** Why {@code out} may not be written, or null when it may: absent, or a folder of this command's files. */
    public static String refusal(Path out) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return out + " exists and is not a folder; choose another --out";
        }
        try (Stream<Path> files = Files.list(out)) {
            List<String> foreign = files.map(p -> p.getFileName().toString()).filter(n -> !OURS.contains(n))
                    .sorted().toList();
            if (!foreign.isEmpty()) {
                return out + " holds files this command did not write (" + String.join(", ", foreign)
                        + "); choose another --out";
            }
        }
        return null;
    }

    public static void write(Path out, LoadedScenario loaded, EquilibriumResult result, Integer seed)
            throws IOException {
        String refused = refusal(out);
        if (refused != null) {
            throw new IOException(refused);
        }
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path temp = sibling(target, "partial");
        Files.createDirectory(temp);
        try {
            try (BufferedWriter w = Files.newBufferedWriter(temp.resolve(MARKETS), StandardCharsets.UTF_8);
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
            try (BufferedWriter w = Files.newBufferedWriter(temp.resolve(LANES), StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, FORMAT.builder().setHeader("trader", "kind", "commodity", "from",
                         "to", "via", "flow", "bound", "gap", "wedge", "rent").get())) {
                for (EquilibriumResult.LaneResult l : result.lanes()) {
                    csv.printRecord(text(l.trader()), l.kind(), l.commodity(), l.from(), text(l.to()), text(l.via()),
                            number(l.flow()), number(l.bound()), number(l.gap()), number(l.wedge()), number(l.rent()));
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(temp.resolve(FIRMS), StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, FORMAT.builder().setHeader("firm", "type", "region", "commodity",
                         "count", "capacity", "output", "utilisation", "netPrice").get())) {
                for (EquilibriumResult.FirmResult f : result.firms()) {
                    csv.printRecord(f.id(), f.type(), f.region(), f.commodity(), number(f.count()),
                            number(f.capacity()), number(f.output()), number(f.utilisation()), number(f.netPrice()));
                }
            }
            Json.write(temp.resolve(JSON), json(loaded, result, seed));
            moveIntoPlace(temp, target);
        } catch (IOException | RuntimeException e) {
            RunOutputs.deleteTree(temp);
            throw e;
        }
    }

    private static ObjectNode json(LoadedScenario loaded, EquilibriumResult result, Integer seed) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("scenario", loaded.source());
        root.put("scenarioSha256", loaded.sha256());
        root.put("tick", result.tick());
        if (seed != null) {
            root.put("seed", seed);
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
        return Double.isNaN(v) ? "NA" : Double.toString(v);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = sibling(target, "old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        RunOutputs.deleteTree(old);
    }

    private static Path sibling(Path target, String kind) {
        String base = "." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid() + "-";
        for (int i = 0; ; i++) {
            Path p = target.resolveSibling(base + i);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
    }
}
