package org.chokepoint.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chokepoint.experiment.BandShare;
import org.chokepoint.experiment.Count;
import org.chokepoint.metrics.SummaryCalculator;
import org.chokepoint.output.OutputFiles;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.Scenario;

/**
 * {@code report.html} of an ensemble, made from its finished tables ({@code runs.csv}, {@code bands.csv}), so
 * that every runner that writes those (local threads, Spark) writes the same page: each market's 5th–95th
 * percentile band and median over the runs, events and policies marked, and how each summary figure is
 * spread over the runs (a histogram with its median, and mean, confidence interval and percentiles in a
 * table). One self-contained page: inline SVG, inline CSS, no script.
 */
public final class EnsembleReport {

    public static final String HTML = "report.html";

    static final Color BAND = ChartStyle.SHOCKED;
    private static final int HIST_W = 310;
    private static final int HIST_H = 170;

    /** The per-market figures, in the order of the summary, with how to read them. */
    static final String[][] MARKET_FIGURES = {
        {"peakMultiple", "peak price / pre-shock price"},
        {"peakTick", "tick of the peak"},
        {"recoveryTick", "tick back within 10%"},
        {"firstTickAbove2x", "first tick above 2× pre-shock"},
        {"firstTickAbove5x", "first tick above 5× pre-shock"},
        {"cumulativeShortage", "unmet demand, total (quantity)"},
        {"daysOfCoverAtShock", "days of cover at the shock"},
        {"ticksToExhaustion", "ticks from the shock to exhaustion"},
        {"outputLoss", "output lost (quantity; " + TotalLabels.NEGATIVE_IS_GAIN + ")"},
        {"outputLossShare", "output lost, share (" + TotalLabels.NEGATIVE_IS_GAIN + ")"},
        {"baselinePrice", "pre-shock price"},
        {"peakPrice", "peak price"},
    };

    /** The market figures that are ticks, and what the table calls each when it gives them as dates. */
    static final Map<String, String> DATED_FIGURES = Map.of(
        "peakTick", "date of the peak",
        "recoveryTick", "date back within 10%",
        "firstTickAbove2x", "first date above 2× pre-shock",
        "firstTickAbove5x", "first date above 5× pre-shock");

    private EnsembleReport() {
    }

    /** Writes {@code out/report.html} from the tables in {@code out}, atomically ({@link OutputFiles#write}). */
    public static void write(Path out, LoadedScenario scenario) throws IOException {
        Table runs = Table.read(out.resolve("runs.csv"));
        Bands bands = Bands.read(out.resolve("bands.csv"));
        Path cf = out.resolve(org.chokepoint.experiment.Ensemble.COUNTERFACTUAL_BANDS);
        Bands counterfactual = Files.exists(cf) ? Bands.read(cf) : null;
        String html = html(scenario, runs, bands, counterfactual, bandsAsked(out.resolve("stats.json")));
        OutputFiles.write(out.resolve(HTML), file -> Files.writeString(file, html, StandardCharsets.UTF_8));
    }

    /** runs.csv as columns of doubles (NA as NaN). */
    record Table(List<String> columns, Map<String, double[]> values, int runs) {
        static Table read(Path file) throws IOException {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                List<String> columns = new ArrayList<>(p.getHeaderNames());
                List<CSVRecord> rows = p.getRecords();
                Map<String, double[]> values = new LinkedHashMap<>();
                for (String c : columns) {
                    double[] v = new double[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        String s = rows.get(i).get(c);
                        v[i] = "NA".equals(s) ? Double.NaN : Double.parseDouble(s);
                    }
                    values.put(c, v);
                }
                return new Table(columns, values, rows.size());
            }
        }
    }

    /** bands.csv: per market (in file order) and metric, the p5, p50 and p95 series over ticks. */
    record Bands(List<String[]> markets, Map<String, double[][]> series, int ticks) {
        static Bands read(Path file) throws IOException {
            List<String[]> markets = new ArrayList<>();
            Map<String, List<double[]>> rows = new HashMap<>();
            int ticks = 0;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                for (CSVRecord rec : p) {
                    int tick = Integer.parseInt(rec.get("tick"));
                    ticks = Math.max(ticks, tick + 1);
                    String market = rec.get("region") + "\u0000" + rec.get("commodity");
                    if (tick == 0 && rows.keySet().stream().noneMatch(k -> k.startsWith(market + "\u0000"))) {
                        markets.add(new String[] {rec.get("region"), rec.get("commodity")});
                    }
                    rows.computeIfAbsent(market + "\u0000" + rec.get("metric"), k -> new ArrayList<>())
                            .add(new double[] {tick, num(rec.get("p5")), num(rec.get("p50")), num(rec.get("p95"))});
                }
            }
            Map<String, double[][]> series = new HashMap<>();
            for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
                double[][] s = new double[3][ticks];
                for (double[] row : e.getValue()) {
                    for (int q = 0; q < 3; q++) {
                        s[q][(int) row[0]] = row[q + 1];
                    }
                }
                series.put(e.getKey(), s);
            }
            return new Bands(markets, series, ticks);
        }

        double[][] get(String region, String commodity, String metric) {
            return series.get(region + "\u0000" + commodity + "\u0000" + metric);
        }

        private static double num(String s) {
            return "NA".equals(s) ? Double.NaN : Double.parseDouble(s);
        }
    }

    /** The bands {@code ensemble --band} asked for, as {@code stats.json} records them; none without it. */
    static List<BandShare> bandsAsked(Path stats) throws IOException {
        List<BandShare> asked = new ArrayList<>();
        for (JsonNode b : Json.mapper().readTree(stats.toFile()).path("bandShares")) {
            asked.add(new BandShare(b.get("column").asText(),
                    b.get("low").isNull() ? Double.NEGATIVE_INFINITY : b.get("low").asDouble(),
                    b.get("high").isNull() ? Double.POSITIVE_INFINITY : b.get("high").asDouble()));
        }
        return asked;
    }

    /** @param counterfactual the counterfactuals' bands, or null when the scenario has none */
    static String html(LoadedScenario loaded, Table runs, Bands bands, Bands counterfactual) {
        return html(loaded, runs, bands, counterfactual, List.of());
    }

    /** @param asked the bands whose share of runs the page gives ({@code ensemble --band}) */
    static String html(LoadedScenario loaded, Table runs, Bands bands, Bands counterfactual, List<BandShare> asked) {
        Scenario scenario = loaded.scenario();
        int horizon = bands.ticks();
        Calendar cal = Calendar.of(scenario.time());
        List<Mark> marks = ReportPage.marks(scenario, cal, horizon);
        SummaryCalculator.Window window = SummaryCalculator.window(scenario.time(), firstShockTick(scenario), horizon);
        int from = Math.min(ReportPage.firstShownTick(window.start(), marks, cal.ticksPerYear()), horizon - 1);
        Map<String, Scenario.CommoditySpec> commodities = new HashMap<>();
        for (Scenario.CommoditySpec c : scenario.commodities()) {
            commodities.put(c.id(), c);
        }
        List<ReportPage.MarketLabel> labels = new ArrayList<>();
        for (String[] m : bands.markets()) {
            Scenario.CommoditySpec c = commodities.get(m[1]);
            labels.add(new ReportPage.MarketLabel(m[0], m[1], c == null ? null : c.quantityUnit(),
                    c == null ? null : c.priceUnit()));
        }

        StringBuilder h = new StringBuilder(1 << 20);
        String title = scenario.meta().name() + ": ensemble of " + Count.of(runs.runs(), "run");
        ReportPage.head(h, title, labels);
        h.append("<h1>").append(ReportPage.esc(title)).append("</h1>\n");
        if (scenario.meta().description() != null) {
            h.append("<p>").append(ReportPage.esc(scenario.meta().description())).append("</p>\n");
        }
        h.append("<p>").append(Count.of(runs.runs(), "replication")).append(" of ").append(Count.of(horizon, "tick"))
                .append(" (")
                .append(ReportPage.esc(cal.label(0))).append(" to ").append(ReportPage.esc(cal.label(horizon - 1)))
                .append("), each with its own seed (runs.csv). Charts show the median over the runs and the band "
                        + "from the 5th to the 95th percentile, tick by tick (bands.csv), from ")
                .append(ReportPage.esc(cal.label(from))).append(ReportPage.chartsStartWords(firstShockTick(scenario)))
                .append(counterfactual == null ? "" : "; beside them in grey, dashed, the same for the runs' "
                        + "counterfactuals, each the same seed without its shocks, its background kept "
                        + "(counterfactual-bands.csv)")
                .append(counterfactual == null ? ". The scenario has no shock among its events and policies, so "
                        + "there is no counterfactual, and every figure that would compare with one is 0.</p>\n"
                        : ". Figures of the tables that compare are differences against each run's own "
                        + "counterfactual.</p>\n");
        h.append("<h2>Events and policies</h2>\n");
        ReportPage.markList(h, marks, cal);
        if (!asked.isEmpty()) {
            bandTable(h, runs, asked);
        }

        org.chokepoint.scenario.PriceBase money = org.chokepoint.scenario.PriceBase.of(scenario);
        String currency = money.label();
        h.append("<h2>Totals over the runs (").append(ReportPage.esc(currency)).append(")</h2>\n<p class=\"note\">")
                .append("Money is in ").append(ReportPage.esc(currency))
                .append(money.index() == null ? "" : ", restated from the scenario's " + money.priceYear()
                        + " dollars with the " + ReportPage.esc(money.index()))
                .append("; present values (pv.) are discounted to ")
                .append(ReportPage.esc(cal.label(scenario.decisionTick())))
                .append(".</p>\n");
        List<String> totals = new ArrayList<>();
        for (String c : runs.columns()) {
            if (c.startsWith("totals.") || c.startsWith("pv.")) {
                totals.add(c);
            }
        }
        figureTable(h, runs, totals, EnsembleReport::total, true);
        histograms(h, runs, totals, EnsembleReport::total, "totals", true, currency);

        h.append("<h2>Prices at a glance</h2>\n<p class=\"note\">Each market's median price and its 5th–95th "
                + "percentile band, in its price unit; the caption gives the median peak over the pre-shock price.</p>\n<div class=\"grid\">\n");
        h.append(ReportPage.inOrder(labels.size(), i -> {
            StringBuilder g = new StringBuilder();
            ReportPage.MarketLabel m = labels.get(i);
            double[][] p = bands.get(m.region(), m.commodity(), "price");
            TimeChart c = new TimeChart(cal, from, horizon, m.priceUnit() == null ? "price" : m.priceUnit())
                    .small().band("p5–p95", p[0], p[1], p[2], BAND).marks(marks);
            if (counterfactual != null) {
                double[][] q = counterfactual.get(m.region(), m.commodity(), "price");
                c.line("counterfactual, median", q[1], ChartStyle.COUNTERFACTUAL, true);
            }
            double[] peak = runs.values().get(m.region() + "." + m.commodity() + ".peakMultiple");
            g.append("<div class=\"small\"><p>").append(ReportPage.esc(m.name()))
                    .append(m.priceUnit() == null ? "" : " (" + ReportPage.esc(m.priceUnit()) + ")").append(": peak ×")
                    .append(peak == null ? "n/a" : ChartStyle.figure(median(peak))).append("</p>")
                    .append(c.svg("glance-" + i, ReportPage.SMALL, 150)).append("</div>\n");
            return g.toString();
        }));
        h.append("</div>\n");

        h.append("<h2>Market by market</h2>\n<p class=\"note\">Choose a market; quantities are per tick (")
                .append(ReportPage.esc(ReportPage.tickWord(cal))).append(").</p>\n");
        ReportPage.selector(h, labels, mostShocked(runs, labels));
        h.append(ReportPage.inOrder(labels.size(), i -> {
            StringBuilder g = new StringBuilder();
            ReportPage.MarketLabel m = labels.get(i);
            ReportPage.panelOpen(g, i, m);
            String prefix = m.region() + "." + m.commodity() + ".";
            List<String> figures = new ArrayList<>();
            for (String[] f : MARKET_FIGURES) {
                if (runs.values().containsKey(prefix + f[0])) {
                    figures.add(prefix + f[0]);
                }
            }
            figureTable(g, runs, figures, c -> describe(c.substring(prefix.length()), m, cal, false), false, cal);
            String q = m.quantityUnit() == null ? "" : " (" + m.quantityUnit() + ")";
            String p = m.priceUnit() == null ? "" : " (" + m.priceUnit() + ")";
            g.append("<p class=\"note\">Price").append(ReportPage.esc(p)).append("</p>")
                    .append(band(cal, from, horizon, "price" + p, bands, counterfactual, m, "price", marks)
                            .svg("price-" + i, ReportPage.WIDE, 300));
            g.append("<div class=\"grid\">\n");
            String[][] charts = {
                {"production", "Production" + q, "production" + q},
                {"consumption", "Consumption (final and input use)" + q, "consumption" + q},
                {"unmetDemand", "Unmet demand (shortage)" + q, "unmet demand" + q},
                {"stock", "Stock held in the region" + q, "stock" + q},
                {"inventoryDays", "Days of cover (stock over daily use)", "days"},
            };
            for (String[] c : charts) {
                if (bands.get(m.region(), m.commodity(), c[0]) != null) {
                    ReportPage.cell(g, c[1], band(cal, from, horizon, c[2], bands, counterfactual, m, c[0], marks)
                            .svg(c[0] + "-" + i, ReportPage.HALF, 250));
                }
            }
            g.append("</div>\n<p class=\"note\">How the market's figures spread over the runs:</p>\n");
            histograms(g, runs, figures, c -> describe(c.substring(prefix.length()), m, cal, true), "hist-" + i, false,
                    currency);
            g.append("</section>\n");
            return g.toString();
        }));
        h.append("</div>\n");

        List<String> regions = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        for (String c : runs.columns()) {
            if (c.startsWith("region.")) {
                regions.add(c);
            } else if (c.startsWith("policy.")) {
                policies.add(c);
            }
        }
        if (!regions.isEmpty()) {
            h.append("<h2>Who gains and who loses, region by region (").append(ReportPage.esc(currency))
                    .append(")</h2>\n<p class=\"note\">").append(REGIONS_NOTE).append("</p>\n");
            figureTable(h, runs, regions, EnsembleReport::regional, true);
            histograms(h, runs, regions, EnsembleReport::regional, "region", true, currency);
        }
        if (!policies.isEmpty()) {
            h.append("<h2>What each policy did</h2>\n<p class=\"note\">").append(POLICIES_NOTE).append("</p>\n");
            PolicyIndicatorLabels indicators = new PolicyIndicatorLabels(scenario);
            figureTable(h, runs, policies, indicators::label, indicators::money, null);
            // Each label names its own unit: the page's currency, restated to a base year, is not the indicators'.
            histograms(h, runs, policies, indicators::label, "other", false, currency);
        }
        h.append("<p class=\"note\">Definitions: docs/outputs.md and docs/experiments.md. Percentiles are "
                + "Hyndman and Fan's type 7, as in stats.json. Written by chokepoint from ")
                .append(ReportPage.esc(loaded.source())).append(".</p>\n</body></html>\n");
        return h.toString();
    }

    /** The first shock's tick, as the summary takes it ({@link Scenario#firstShockTick()}). */
    static int firstShockTick(Scenario s) {
        return s.firstShockTick();
    }

    private static TimeChart band(Calendar cal, int from, int to, String yLabel, Bands bands, Bands counterfactual,
                                  ReportPage.MarketLabel m, String metric, List<Mark> marks) {
        double[][] b = bands.get(m.region(), m.commodity(), metric);
        TimeChart c = new TimeChart(cal, from, to, yLabel).band("median, 5th–95th percentile", b[0], b[1], b[2], BAND);
        if (counterfactual != null) {
            double[][] q = counterfactual.get(m.region(), m.commodity(), metric);
            c.band("counterfactual", q[0], q[1], q[2], ChartStyle.COUNTERFACTUAL, true);
        }
        return c.marks(marks);
    }

    /**
     * A total in words, undiscounted or in present value, with the column of runs.csv and stats.json it
     * is: "Net welfare loss (positive = loss), present value (pv.deadweightLoss)", not the column's name alone.
     */
    static String total(String column) {
        boolean pv = column.startsWith("pv.");
        String field = column.substring(column.indexOf('.') + 1);
        String words = TotalLabels.of(field);
        return words == null ? column : words + (pv ? ", present value" : ", undiscounted") + " (" + column + ")";
    }

    /** What the table of regions says of its rows, above it. */
    static final String REGIONS_NOTE = "Each region's part of the totals above, in the same money: a positive surplus "
            + "change is a gain to those it names, a positive output lost a loss (" + TotalLabels.NEGATIVE_IS_GAIN
            + "). " + TotalLabels.TAXPAYERS + " Over the regions, every row but output lost adds up to minus the net "
            + "welfare loss, and output lost to the downstream output lost of the totals.";

    /** What the table of policies' indicators says of its rows, above it. */
    static final String POLICIES_NOTE = "Each instrument's indicators, summed over the run, in the unit each row "
            + "names, as docs/policies.md (Indicators) defines them, and docs/scenario-format.md and docs/outputs.md "
            + "an exporter's: volumes in the units of the commodities the instrument acts on (added together where it "
            + "acts on several), and money in US dollars of the scenario's price year, undiscounted and not restated.";

    /** The incidence's fields the totals do not have, in the words the pages of who gains give them. */
    private static final Map<String, String> REGIONAL_LABELS = Map.of(
        "taxpayerChange", "Taxpayers' surplus change",
        "quotaRentChange", "Quota rents to licence holders: change");

    /**
     * A region's figure in words, undiscounted or in present value, with its column of runs.csv and stats.json:
     * "JP: Downstream output lost, in value added (at pre-shock prices; negative = gain), undiscounted
     * (region.JP.downstreamOutputLoss)", not the column's name alone.
     */
    static String regional(String column) {
        if (!column.startsWith("region.")) {
            return column;
        }
        String rest = column.substring("region.".length());
        int dot = rest.indexOf('.');
        if (dot <= 0) {
            return column;
        }
        String field = rest.substring(dot + 1);
        boolean pv = field.startsWith("pv.");
        if (pv) {
            field = field.substring("pv.".length());
        }
        String words = REGIONAL_LABELS.containsKey(field) ? REGIONAL_LABELS.get(field) : TotalLabels.of(field);
        return words == null ? column
                : rest.substring(0, dot) + ": " + words + (pv ? ", present value" : ", undiscounted") + " (" + column
                        + ")";
    }

    /**
     * A market's figure with the market's units: "unmet demand, total (kt)" of naphtha, not "(quantity)", and its
     * prices in USD/t.
     */
    static String describe(String field, ReportPage.MarketLabel m) {
        String d = describe(field);
        if (m.quantityUnit() != null) {
            d = d.replace("(quantity", "(" + m.quantityUnit());
        }
        if (m.priceUnit() != null && (field.equals("baselinePrice") || field.equals("peakPrice"))) {
            d += " (" + m.priceUnit() + ")";
        }
        return d;
    }

    /**
     * A market's figure with its units and the run's ticks in the calendar's words: in a weekly run "week of the
     * peak" and "weeks from the shock to exhaustion", not "tick". On a histogram's axis, which counts them from the
     * run's first tick, a tick figure also says which date that is: "week of the peak (week 0: 2009-01-05)".
     */
    static String describe(String field, ReportPage.MarketLabel m, Calendar cal, boolean axis) {
        String d = describe(field, m);
        TickUnit tick = TickUnit.of(cal.ticksPerYear());
        if (!d.contains("tick") || tick.singular().equals("tick")) {
            return d;
        }
        d = d.replace("ticks", tick.plural()).replace("tick", tick.singular());
        return axis && cal.dated() && DATED_FIGURES.containsKey(field)
                ? d + " (" + tick.singular() + " 0: " + cal.label(0) + ")" : d;
    }

    static String describe(String field) {
        for (String[] f : MARKET_FIGURES) {
            if (f[0].equals(field)) {
                return f[1];
            }
        }
        return field;
    }

    static int mostShocked(Table runs, List<ReportPage.MarketLabel> labels) {
        int best = 0;
        double bestPeak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < labels.size(); i++) {
            double[] v = runs.values().get(labels.get(i).region() + "." + labels.get(i).commodity() + ".peakMultiple");
            double p = v == null ? Double.NaN : median(v);
            if (p > bestPeak) {
                bestPeak = p;
                best = i;
            }
        }
        return best;
    }

    static double median(double[] v) {
        double[] x = java.util.Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (x.length == 0) {
            return Double.NaN;
        }
        double hpos = (x.length - 1) * 0.5;
        int lo = (int) Math.floor(hpos);
        int hi = Math.min(x.length - 1, lo + 1);
        return x[lo] + (hpos - lo) * (x[hi] - x[lo]);
    }

    /**
     * Whether a column of runs.csv is money, in a table of money figures: not a share, and not a policy's
     * indicator (volumes, ticks and rates in the scenario's own units, never restated in base-year dollars).
     */
    static boolean isMoney(String column, boolean money) {
        return money && !column.endsWith("Share") && !column.startsWith("policy.");
    }

    /** How many runs lie in each band asked for, read from runs.csv as stats.json's {@code bandShares} are. */
    private static void bandTable(StringBuilder h, Table runs, List<BandShare> asked) {
        h.append("<h2>Runs inside the bands asked for</h2>\n<p class=\"note\">Of the runs with a value, how many lie")
                .append(" within each band, bounds included (stats.json, bandShares), with the 95% Wilson interval")
                .append(" of the share.</p>\n<table><tr><th>figure</th><th>band</th><th>runs inside</th>")
                .append("<th>share</th><th>95% interval</th></tr>\n");
        for (BandShare band : asked) {
            h.append("<tr><td>").append(ReportPage.esc(band.column())).append("</td><td>")
                    .append(ReportPage.esc(band.interval())).append("</td>")
                    .append(shareCells(band.of(runs.values().get(band.column())))).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** A band's runs inside, share and interval as three cells of a table row, as ensemble and compare pages give them. */
    static String shareCells(BandShare.Share s) {
        return "<td>" + s.inside() + " of " + s.n() + (s.missing() > 0 ? " (" + s.missing() + " without a value)" : "")
                + "</td><td>" + (s.n() > 0 ? s.percent() + "%" : "n/a")
                + "</td><td>" + (s.n() > 0 ? String.format(java.util.Locale.ROOT, "%.0f%% to %.0f%%",
                        100 * s.ci95Low(), 100 * s.ci95High()) : "n/a") + "</td>";
    }

    static void figureTable(StringBuilder h, Table runs, List<String> columns,
                            java.util.function.UnaryOperator<String> name, boolean money) {
        figureTable(h, runs, columns, name, money, null);
    }

    /**
     * @param cal the calendar in which a market's ticks ({@link #DATED_FIGURES}) read as dates, as the run's page
     *            gives them, or null (and without a start date) to give them as ticks
     */
    static void figureTable(StringBuilder h, Table runs, List<String> columns,
                            java.util.function.UnaryOperator<String> name, boolean money, Calendar cal) {
        figureTable(h, runs, columns, name, c -> isMoney(c, money), cal);
    }

    /** @param money whether a column is an amount of money, whose cells are written as money */
    static void figureTable(StringBuilder h, Table runs, List<String> columns,
                            java.util.function.UnaryOperator<String> name,
                            java.util.function.Predicate<String> money, Calendar cal) {
        h.append("<table><tr><th>figure</th><th>runs with a value</th><th>mean</th><th>95% CI of the mean</th>")
                .append("<th>5th pct</th><th>median</th><th>95th pct</th></tr>\n");
        for (String c : columns) {
            org.chokepoint.experiment.Statistics s = org.chokepoint.experiment.Statistics.of(runs.values().get(c));
            boolean usd = money.test(c);
            String dated = cal != null && cal.dated() ? DATED_FIGURES.get(c.substring(c.lastIndexOf('.') + 1)) : null;
            java.util.function.DoubleFunction<String> cell = dated != null
                    ? cal::label : x -> v(x, usd);
            h.append("<tr><td>").append(ReportPage.esc(dated != null ? dated : name.apply(c))).append("</td><td>")
                    .append(s.n).append("</td><td>").append(cell.apply(s.mean)).append("</td><td>")
                    .append(Double.isNaN(s.ci95Low) ? "n/a" : cell.apply(s.ci95Low) + " to " + cell.apply(s.ci95High))
                    .append("</td><td>").append(cell.apply(s.p5)).append("</td><td>").append(cell.apply(s.p50))
                    .append("</td><td>").append(cell.apply(s.p95)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** A figure as the pages write it: as money where it is an amount of money. */
    static String v(double x, boolean usd) {
        return usd ? ChartStyle.money(x) : ChartStyle.figure(x);
    }

    static void histograms(StringBuilder h, Table runs, List<String> columns,
                           java.util.function.UnaryOperator<String> name, String idPrefix, boolean money,
                           String currency) {
        List<String> flat = new ArrayList<>();
        h.append("<div class=\"grid\">\n");
        for (int k = 0; k < columns.size(); k++) {
            String c = columns.get(k);
            double[] v = runs.values().get(c);
            if (!HistogramChart.drawable(v)) {
                flat.add(name.apply(c));
                continue;
            }
            String label = name.apply(c) + (isMoney(c, money) ? ", " + currency : "");
            h.append("<div class=\"small\" style=\"width:").append(HIST_W).append("px\"><p>")
                    .append(ReportPage.esc(label)).append("</p>")
                    .append(HistogramChart.svg(idPrefix + "-" + k, HIST_W, HIST_H, null, v, median(v),
                            ChartStyle.SECOND))
                    .append("</div>\n");
        }
        h.append("</div>\n");
        if (flat.size() < columns.size()) {
            h.append("<p class=\"note\">Each histogram counts the runs by the figure's value; the dashed line is "
                    + "the median over the runs.</p>\n");
        }
        if (!flat.isEmpty()) {
            h.append("<p class=\"note\">The same in every run, or undefined in all but one: ")
                    .append(ReportPage.esc(String.join("; ", flat))).append(".</p>\n");
        }
    }
}
