package org.chokepoint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.experiment.MeanInterval;
import org.chokepoint.output.OutputFiles;
import org.chokepoint.output.ResultKind;
import org.chokepoint.scenario.Json;

/**
 * Writes a comparison's folder: {@code comparison.csv} (one row per option and metric: mean, sd, 95% CI and
 * the paired difference from "no policy" with its 95% CI), {@code comparison.json} (the same, with the
 * options, seeds and settings) and {@code report.html}, a page with inline SVG charts and no reference to
 * anything outside itself. The folder written into is the hidden one a
 * {@link org.chokepoint.output.ResultFolder} renames into place once every file is written.
 */
public final class ComparisonReport {
    public static final String CSV = "comparison.csv";
    public static final String JSON = ResultKind.COMPARISON.descriptor();
    public static final String HTML = "report.html";
    static final String[] COLOURS = {"#444444", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e",
        "#e6ab02", "#a6761d", "#1f78b4", "#b2182b", "#4d9221", "#8c510a"};

    /** The metrics the report's table and text use, with how to read them. */
    static final String[][] KEY_METRICS = {
        {"totals.downstreamOutputLoss", "Downstream output lost (US$, at pre-shock prices)"},
        {"totals.shortageValue", "Unmet demand in all markets (US$, at initial prices)"},
        {"totals.fiscalCost", "Fiscal cost, net of sales and clawbacks (US$)"},
        {"totals.levyRevenue", "Levy and tariff revenue (US$)"},
        {"totals.quotaRent", "Quota rents to licence holders (US$)"},
        {"totals.consumerSurplusChange", "Consumer surplus change (US$)"},
        {"totals.producerSurplusChange", "Producer surplus change (US$)"},
        {"totals.deadweightLoss", "Net welfare loss (US$; positive = loss)"},
        {"pv.fiscalCost", "Fiscal cost, present value (US$)"},
        {"pv.deadweightLoss", "Net welfare loss, present value (US$)"},
    };

    private ComparisonReport() {
    }

    /** Statistics of one metric for one option, and of its paired difference from "no policy". */
    public record Row(String option, String metric, MeanInterval level, MeanInterval difference) { }

    public static List<Row> rows(Comparison c) {
        List<Row> rows = new ArrayList<>();
        for (int o = 0; o < c.options().size(); o++) {
            for (String m : c.metricNames()) {
                double[] v = c.values(o, m);
                double[] d = MeanInterval.differences(v, c.values(0, m));
                rows.add(new Row(c.options().get(o).name(), m, MeanInterval.of(v), MeanInterval.of(d)));
            }
        }
        return rows;
    }

    /** Writes the three files into {@code dir}. */
    public static void write(Path dir, Comparison c, long wallMs) throws IOException {
        List<Row> rows = rows(c);
        Path csv = dir.resolve(CSV);
        OutputFiles.on(csv, () -> writeCsv(csv, rows));
        Path json = dir.resolve(JSON);
        OutputFiles.on(json, () -> Json.write(json, json(c, rows, wallMs)));
        Path html = dir.resolve(HTML);
        OutputFiles.on(html, () -> Files.writeString(html, html(c, rows), StandardCharsets.UTF_8));
    }

    static void writeCsv(Path file, List<Row> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(
                     "option", "metric", "n", "mean", "sd", "ci95Low", "ci95High", "diffMean", "diffSd",
                     "diffCi95Low", "diffCi95High").get())) {
            for (Row r : rows) {
                p.printRecord(r.option(), r.metric(), r.level().n(), num(r.level().mean()), num(r.level().sd()),
                        num(r.level().ci95Low()), num(r.level().ci95High()), num(r.difference().mean()),
                        num(r.difference().sd()), num(r.difference().ci95Low()), num(r.difference().ci95High()));
            }
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "NA" : Double.toString(v);
    }

    static ObjectNode json(Comparison c, List<Row> rows, long wallMs) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", ResultKind.COMPARISON.format());
        root.put("scenario", c.base().source());
        root.put("scenarioSha256", c.base().sha256());
        root.put("runs", c.runs());
        root.put("baseSeed", c.baseSeed());
        root.put("seedDerivation", Comparison.SEED_DERIVATION);
        ArrayNode seeds = root.putArray("seeds");
        for (int s : c.seeds()) {
            seeds.add(s);
        }
        root.put("ticks", c.horizon());
        root.put("pairedDifference", "option minus \"no policy\", run by run on the same seed");
        root.put("confidenceInterval", "mean ± t(0.975; n-1)·sd/√n (Commons Math TDistribution)");
        ArrayNode options = root.putArray("options");
        for (Comparison.Option o : c.options()) {
            ObjectNode on = options.addObject();
            on.put("name", o.name());
            on.put("description", o.description());
            on.set("patch", o.patch());
        }
        ArrayNode markets = root.putArray("plottedMarkets");
        for (Comparison.PlottedMarket m : c.plotted()) {
            markets.addObject().put("region", m.region()).put("commodity", m.commodity());
        }
        ObjectNode results = root.putObject("results");
        for (Row r : rows) {
            ObjectNode byOption = results.has(r.option()) ? (ObjectNode) results.get(r.option())
                    : results.putObject(r.option());
            ObjectNode m = byOption.putObject(r.metric());
            stats(m.putObject("level"), r.level());
            stats(m.putObject("differenceFromNoPolicy"), r.difference());
        }
        root.put("wallTimeMs", wallMs);
        return root;
    }

    private static void stats(ObjectNode o, MeanInterval s) {
        o.put("n", s.n());
        put(o, "mean", s.mean());
        put(o, "sd", s.sd());
        put(o, "ci95Low", s.ci95Low());
        put(o, "ci95High", s.ci95High());
    }

    private static void put(ObjectNode o, String k, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }

    // ---- the HTML page -----------------------------------------------------------------------------------

    static String html(Comparison c, List<Row> rows) {
        StringBuilder h = new StringBuilder(200_000);
        String title = "Policy options under the same shock: " + c.base().scenario().meta().name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>")
                .append("body{font-family:Georgia,serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}")
                .append("h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em}")
                .append("table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:3px 6px;")
                .append("text-align:right}th:first-child,td:first-child{text-align:left}")
                .append(".lead{font-size:1.1em;background:#f4f4ef;padding:1em;border-left:4px solid #888}")
                .append(".legend span{display:inline-block;margin-right:1em}.sw{display:inline-block;width:1em;")
                .append("height:.6em;margin-right:.3em}svg{background:#fff;border:1px solid #ddd}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p>").append(esc(c.base().scenario().meta().description() == null ? ""
                : c.base().scenario().meta().description())).append("</p>\n");
        TickUnit tick = TickUnit.of(c.base().scenario().time().ticksPerYearOrDefault());
        h.append("<p>Each option ran ").append(c.runs()).append(" times with the same ").append(c.runs())
                .append(" random seeds as \"no policy\" (common random numbers), over ").append(c.horizon())
                .append(' ').append(tick.plural())
                .append(". Differences are taken run by run; ranges are 95% confidence intervals of the mean.</p>\n");
        h.append("<h2>The cost of inaction</h2>\n<div class=\"lead\">").append(inaction(c, rows)).append("</div>\n");
        legend(h, c);
        for (int k = 0; k < c.plotted().size(); k++) {
            Comparison.PlottedMarket m = c.plotted().get(k);
            h.append("<h2>Price of ").append(esc(m.commodity())).append(" in ").append(esc(m.region()))
                    .append(" (").append(esc(m.priceUnit() == null ? "" : m.priceUnit()))
                    .append("): median and 5th–95th percentile band of the runs</h2>\n");
            h.append(priceChart(c, k));
        }
        h.append("<h2>Unmet demand over time, all markets (US$ per ").append(tick.singular())
                .append(" at initial prices, mean of runs)</h2>\n");
        h.append(lineChart(c, "shortage", r -> r.shortage()));
        h.append("<h2>Downstream output lost against the no-shock path (US$ per ").append(tick.singular())
                .append(", mean of runs)</h2>\n");
        h.append(lineChart(c, "output-loss", r -> r.outputLoss()));
        h.append("<h2>Fiscal cost against shortage avoided (each option's mean; bars: 95% CI of the shortage avoided)</h2>\n");
        h.append(scatter(c, rows));
        h.append("<h2>Results with 95% confidence intervals</h2>\n");
        table(h, c, rows);
        h.append("<h2>How to read this</h2>\n<ul>")
                .append("<li>Every figure is against the same economy without the shock and without any policy, ")
                .append("run on the same seed; an option's difference from \"no policy\" is the option's own effect.</li>")
                .append("<li>Unmet demand counts final demand rationed at the market price and inputs that ")
                .append("manufacturers planned for and could not buy; a support that makes a firm plan more output ")
                .append("can therefore raise it. Downstream output lost counts every fall in component and ")
                .append("final-good output against the economy without shocks, the oversupply's as well as the ")
                .append("restriction's.</li>")
                .append("<li>Net welfare loss = −(consumer surplus change + producer surplus change − fiscal cost + ")
                .append("levy revenue + quota rents). Positive numbers are losses.</li>")
                .append("<li>Present values discount each ").append(tick.singular())
                .append(" at the scenario's yearly rate (")
                .append(String.format(Locale.ROOT, "%.1f%%", 100 * c.base().scenario().time().discountRateOrDefault()))
                .append(").</li><li>Options:<ul>");
        for (Comparison.Option o : c.options()) {
            h.append("<li><b>").append(esc(o.name())).append("</b>: ").append(esc(o.description())).append("</li>");
        }
        h.append("</ul></li></ul>\n</body></html>\n");
        return h.toString();
    }

    private static Row find(List<Row> rows, String option, String metric) {
        for (Row r : rows) {
            if (r.option().equals(option) && r.metric().equals(metric)) {
                return r;
            }
        }
        return null;
    }

    static String inaction(Comparison c, List<Row> rows) {
        Row none = find(rows, Comparison.NO_POLICY, "totals.downstreamOutputLoss");
        StringBuilder s = new StringBuilder();
        int years = Math.max(1, Math.round(c.horizon() / (float) c.base().scenario().time().ticksPerYearOrDefault()));
        s.append("<p>Without any policy, the shock (every event and export restriction of the scenario) costs "
                + "downstream industry <b>").append(money(none.level().mean()))
                .append("</b> of lost output (95% CI ").append(money(none.level().ci95Low())).append(" to ")
                .append(money(none.level().ci95High())).append(") over the ").append(years).append(" years modelled.</p><ul>");
        for (int o = 1; o < c.options().size(); o++) {
            String name = c.options().get(o).name();
            Row loss = find(rows, name, "totals.downstreamOutputLoss");
            Row fiscal = find(rows, name, "totals.fiscalCost");
            Row dwl = find(rows, name, "totals.deadweightLoss");
            double avoided = -loss.difference().mean();
            double avoidedLow = -loss.difference().ci95High();
            double avoidedHigh = -loss.difference().ci95Low();
            s.append("<li><b>").append(esc(name)).append("</b> ");
            if (avoidedLow <= 0 && avoidedHigh >= 0) {
                // A minister's office reads "avoids $0.8 m" as an effect; an interval across zero is none.
                s.append("makes no difference to that loss that these runs can tell from zero");
            } else {
                s.append(avoided >= 0 ? "avoids " + money(avoided) + " of that"
                        : "adds " + money(-avoided) + " to that");
            }
            s.append(" (95% CI of the amount avoided: ").append(money(avoidedLow))
                    .append(" to ").append(money(avoidedHigh)).append(") at a fiscal cost of ")
                    .append(money(fiscal.level().mean()))
                    .append("; the net welfare loss ").append(dwl.difference().mean() <= 0 ? "falls by " : "rises by ")
                    .append(money(Math.abs(dwl.difference().mean())));
            if (dwl.difference().ci95Low() <= 0 && dwl.difference().ci95High() >= 0) {
                s.append(", a change within the runs' noise");
            }
            s.append(".</li>");
        }
        s.append("</ul>");
        return s.toString();
    }

    static String money(double usd) {
        if (Double.isNaN(usd)) {
            return "n/a";
        }
        double a = Math.abs(usd);
        String sign = usd < 0 ? "−" : "";
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%s$%.2f bn", sign, a / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%s$%.1f m", sign, a / 1e6);
        }
        return String.format(Locale.ROOT, "%s$%,.0f", sign, a);
    }

    private static void legend(StringBuilder h, Comparison c) {
        h.append("<p class=\"legend\">");
        for (int o = 0; o < c.options().size(); o++) {
            h.append("<span><i class=\"sw\" style=\"background:").append(colour(o)).append("\"></i>")
                    .append(esc(c.options().get(o).name())).append("</span>");
        }
        h.append("</p>\n");
    }

    static String colour(int o) {
        return COLOURS[o % COLOURS.length];
    }

    // ---- SVG ----

    private static final int W = 900;
    private static final int H = 320;
    private static final int L = 80;
    private static final int R = 20;
    private static final int T = 15;
    private static final int B = 40;

    private static final class Frame {
        final double x0;
        final double x1;
        final double y0;
        final double y1;

        Frame(double x0, double x1, double y0, double y1) {
            if (y1 <= y0) {
                y1 = y0 + (y0 == 0 ? 1 : Math.abs(y0) * 0.1);
            }
            this.x0 = x0;
            this.x1 = x1;
            this.y0 = y0;
            this.y1 = y1;
        }

        double x(double v) {
            return L + (v - x0) / (x1 - x0 == 0 ? 1 : x1 - x0) * (W - L - R);
        }

        double y(double v) {
            return H - B - (v - y0) / (y1 - y0) * (H - T - B);
        }
    }

    private static void axes(StringBuilder s, Frame f, Comparison c, boolean ticksAsYears, String xLabel) {
        s.append("<line x1=\"").append(L).append("\" y1=\"").append(H - B).append("\" x2=\"").append(W - R)
                .append("\" y2=\"").append(H - B).append("\" stroke=\"#888\"/>");
        s.append("<line x1=\"").append(L).append("\" y1=\"").append(T).append("\" x2=\"").append(L)
                .append("\" y2=\"").append(H - B).append("\" stroke=\"#888\"/>");
        for (int i = 0; i <= 4; i++) {
            double v = f.y0 + (f.y1 - f.y0) * i / 4;
            s.append("<text x=\"").append(L - 5).append("\" y=\"").append(fmt(f.y(v) + 4))
                    .append("\" font-size=\"11\" text-anchor=\"end\">").append(esc(axisLabel(v))).append("</text>");
        }
        for (int i = 0; i <= 5; i++) {
            double v = f.x0 + (f.x1 - f.x0) * i / 5;
            String label = ticksAsYears ? yearLabel(c, v) : axisLabel(v);
            s.append("<text x=\"").append(fmt(f.x(v))).append("\" y=\"").append(H - B + 16)
                    .append("\" font-size=\"11\" text-anchor=\"middle\">").append(esc(label)).append("</text>");
        }
        s.append("<text x=\"").append((L + W - R) / 2).append("\" y=\"").append(H - 5)
                .append("\" font-size=\"11\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>");
    }

    private static String yearLabel(Comparison c, double tick) {
        int tpy = c.base().scenario().time().ticksPerYearOrDefault();
        String start = c.base().scenario().time().startDate();
        if (start != null && start.length() >= 4) {
            try {
                int y0 = Integer.parseInt(start.substring(0, 4));
                return String.format(Locale.ROOT, "%.1f", y0 + tick / tpy);
            } catch (NumberFormatException e) {
                // fall through to years from the start
            }
        }
        return String.format(Locale.ROOT, "yr %.1f", tick / tpy);
    }

    static String axisLabel(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.1fbn", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fm", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : "%.2f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String priceChart(Comparison c, int k) {
        int from = c.firstTick();
        int to = c.horizon();
        int n = c.options().size();
        double[][][] q = new double[n][3][to];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] col = new double[c.runs()];
        // R's default (type 7): linear between the order statistics around (runs - 1) p.
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (int o = 0; o < n; o++) {
            for (int t = from; t < to; t++) {
                for (int i = 0; i < c.runs(); i++) {
                    col[i] = c.result(o, i).prices()[k][t];
                }
                percentile.setData(col);
                q[o][0][t] = percentile.evaluate(5);
                q[o][1][t] = percentile.evaluate(50);
                q[o][2][t] = percentile.evaluate(95);
                lo = Math.min(lo, q[o][0][t]);
                hi = Math.max(hi, q[o][2][t]);
            }
        }
        Frame f = new Frame(from, to - 1, Math.min(0, lo), hi * 1.05);
        StringBuilder s = svgOpen("price-" + k);
        axes(s, f, c, true, "year");
        for (int o = 0; o < n; o++) {
            StringBuilder band = new StringBuilder();
            for (int t = from; t < to; t++) {
                band.append(fmt(f.x(t))).append(',').append(fmt(f.y(q[o][2][t]))).append(' ');
            }
            for (int t = to - 1; t >= from; t--) {
                band.append(fmt(f.x(t))).append(',').append(fmt(f.y(q[o][0][t]))).append(' ');
            }
            s.append("<polygon class=\"band\" points=\"").append(band.toString().trim()).append("\" fill=\"")
                    .append(colour(o)).append("\" fill-opacity=\"0.12\" stroke=\"none\"/>");
        }
        for (int o = 0; o < n; o++) {
            s.append(path(f, q[o][1], from, to, colour(o)));
        }
        return s.append("</svg>\n").toString();
    }

    private static String path(Frame f, double[] y, int from, int to, String colour) {
        StringBuilder d = new StringBuilder();
        for (int t = from; t < to; t++) {
            d.append(t == from ? "M" : "L").append(fmt(f.x(t))).append(',').append(fmt(f.y(y[t])));
        }
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\"/>";
    }

    private static StringBuilder svgOpen(String id) {
        return new StringBuilder("<svg id=\"" + id + "\" width=\"" + W + "\" height=\"" + H + "\" viewBox=\"0 0 "
                + W + " " + H + "\" role=\"img\">");
    }

    static String lineChart(Comparison c, String id, java.util.function.Function<Comparison.RunResult, float[]> series) {
        int from = c.firstTick();
        int to = c.horizon();
        int n = c.options().size();
        double[][] mean = new double[n][to];
        double lo = 0;
        double hi = 0;
        for (int o = 0; o < n; o++) {
            for (int i = 0; i < c.runs(); i++) {
                float[] x = series.apply(c.result(o, i));
                for (int t = from; t < to; t++) {
                    mean[o][t] += x[t] / c.runs();
                }
            }
            for (int t = from; t < to; t++) {
                lo = Math.min(lo, mean[o][t]);
                hi = Math.max(hi, mean[o][t]);
            }
        }
        Frame f = new Frame(from, to - 1, lo, hi * 1.05);
        StringBuilder s = svgOpen(id);
        axes(s, f, c, true, "year");
        for (int o = 0; o < n; o++) {
            s.append(path(f, mean[o], from, to, colour(o)));
        }
        return s.append("</svg>\n").toString();
    }

    static String scatter(Comparison c, List<Row> rows) {
        int n = c.options().size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] ylo = new double[n];
        double[] yhi = new double[n];
        double xmin = 0;
        double xmax = 0;
        double ymin = 0;
        double ymax = 0;
        for (int o = 0; o < n; o++) {
            String name = c.options().get(o).name();
            Row fiscal = find(rows, name, "totals.fiscalCost");
            Row shortage = find(rows, name, "totals.shortageValue");
            x[o] = fiscal.level().mean();
            y[o] = -shortage.difference().mean();
            ylo[o] = Double.isNaN(shortage.difference().ci95High()) ? y[o] : -shortage.difference().ci95High();
            yhi[o] = Double.isNaN(shortage.difference().ci95Low()) ? y[o] : -shortage.difference().ci95Low();
            xmin = Math.min(xmin, x[o]);
            xmax = Math.max(xmax, x[o]);
            ymin = Math.min(ymin, ylo[o]);
            ymax = Math.max(ymax, yhi[o]);
        }
        double padX = (xmax - xmin) * 0.08 + 1;
        double padY = (ymax - ymin) * 0.08 + 1;
        Frame f = new Frame(xmin - padX, xmax + padX, ymin - padY, ymax + padY);
        StringBuilder s = svgOpen("scatter");
        axes(s, f, c, false, "fiscal cost, US$ (net of sales and clawbacks)");
        s.append("<line x1=\"").append(L).append("\" x2=\"").append(W - R).append("\" y1=\"").append(fmt(f.y(0)))
                .append("\" y2=\"").append(fmt(f.y(0))).append("\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>");
        s.append("<text x=\"").append(L + 4).append("\" y=\"").append(T + 10)
                .append("\" font-size=\"11\">shortage avoided against no policy, US$</text>");
        for (int o = 0; o < n; o++) {
            s.append("<line x1=\"").append(fmt(f.x(x[o]))).append("\" x2=\"").append(fmt(f.x(x[o])))
                    .append("\" y1=\"").append(fmt(f.y(ylo[o]))).append("\" y2=\"").append(fmt(f.y(yhi[o])))
                    .append("\" stroke=\"").append(colour(o)).append("\"/>");
            s.append("<circle cx=\"").append(fmt(f.x(x[o]))).append("\" cy=\"").append(fmt(f.y(y[o])))
                    .append("\" r=\"5\" fill=\"").append(colour(o)).append("\"><title>")
                    .append(esc(c.options().get(o).name())).append("</title></circle>");
            s.append("<text x=\"").append(fmt(f.x(x[o]) + 7)).append("\" y=\"").append(fmt(f.y(y[o]) - 6))
                    .append("\" font-size=\"11\">").append(esc(c.options().get(o).name())).append("</text>");
        }
        return s.append("</svg>\n").toString();
    }

    private static void table(StringBuilder h, Comparison c, List<Row> rows) {
        List<String[]> metrics = new ArrayList<>(Arrays.asList(KEY_METRICS));
        for (Comparison.PlottedMarket m : c.plotted()) {
            String p = m.region() + "." + m.commodity() + ".";
            metrics.add(new String[] {p + "peakMultiple", "Peak price / pre-shock price, " + m.region() + " "
                    + m.commodity()});
            metrics.add(new String[] {p + "cumulativeShortage", "Cumulative unmet demand, " + m.region() + " "
                    + m.commodity() + " (quantity)"});
        }
        h.append("<table><tr><th>metric</th><th>option</th><th>mean</th><th>95% CI</th>")
                .append("<th>difference from no policy</th><th>95% CI of the difference</th></tr>\n");
        for (String[] m : metrics) {
            for (Comparison.Option o : c.options()) {
                Row r = find(rows, o.name(), m[0]);
                if (r == null) {
                    continue;
                }
                boolean usd = m[1].contains("US$");
                h.append("<tr><td>").append(esc(m[1])).append("</td><td>").append(esc(o.name())).append("</td><td>")
                        .append(v(r.level().mean(), usd)).append("</td><td>").append(v(r.level().ci95Low(), usd))
                        .append(" to ").append(v(r.level().ci95High(), usd)).append("</td><td>")
                        .append(v(r.difference().mean(), usd)).append("</td><td>")
                        .append(v(r.difference().ci95Low(), usd)).append(" to ")
                        .append(v(r.difference().ci95High(), usd)).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static String v(double x, boolean usd) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        return usd ? money(x) : String.format(Locale.ROOT, "%.3g", x);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
