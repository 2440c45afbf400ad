package org.chokepoint.report;

import static org.chokepoint.report.ChartStyle.money;

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
import org.chokepoint.experiment.BandShare;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.experiment.Count;
import org.chokepoint.experiment.MeanInterval;
import org.chokepoint.experiment.Seeds;
import org.chokepoint.output.OutputFiles;
import org.chokepoint.output.ResultKind;
import org.chokepoint.scenario.DecimalText;
import org.chokepoint.scenario.Json;

/**
 * Writes a comparison's folder: {@code comparison.csv} (one row per option and metric: mean, sd, 95% CI and
 * the paired difference from "no policy" with its 95% CI), {@code comparison.json} (the same, with the
 * options, seeds and settings), {@code runs.csv} (every run's figures: {@link ComparisonRuns}),
 * {@code cost-effectiveness.csv} and {@code report.html}, a page with inline SVG charts and no reference to
 * anything outside itself. The folder written into is the hidden one a
 * {@link org.chokepoint.output.ResultFolder} renames into place once every file is written.
 */
public final class ComparisonReport {
    public static final String CSV = "comparison.csv";
    public static final String JSON = ResultKind.COMPARISON.descriptor();
    public static final String HTML = "report.html";

    /** The metrics the report's table and text use, with how to read them. */
    static final String[][] KEY_METRICS = {
        {"totals.downstreamOutputLoss", "Downstream output lost, in value added (US$, at pre-shock prices; "
                + TotalLabels.NEGATIVE_IS_GAIN + ")"},
        {"totals.finalDemandShortage", "Final demand rationed (US$, at pre-shock prices)"},
        {"totals.fiscalCost", "Fiscal cost, net of sales and clawbacks (US$)"},
        {"totals.publicStockValue", "Public stocks held at the end, at the market price (US$)"},
        {"totals.levyRevenue", "Levy and tariff revenue (US$)"},
        {"totals.quotaRent", "Quota rents to licence holders (US$)"},
        {"totals.traderSurplusChange", "Traders' surplus change (US$)"},
        {"totals.privateStockValueChange", "Private stocks held at the end, at the market price: change (US$)"},
        {"totals.plantValueChange", "New plant's value left at the end: change (US$)"},
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

    public static final String EFFECTIVENESS_CSV = "cost-effectiveness.csv";

    /**
     * What an option buys per fiscal dollar, in present values at the decision tick and in base-year dollars,
     * each a paired difference from "no policy" run by run: the net fiscal cost (outlays less receipts less the
     * public stocks held at the end, at the market price), the downstream loss (in value added) and the final
     * demand shortage it avoids, and the avoided loss per net fiscal dollar (the gross outlays less receipts,
     * without the stocks, beside them): the ratio of the two means,
     * undefined (NaN) when the option costs the budget nothing or earns it money.
     */
    /**
     * @param runsAvoidingLoss runs in which the option's downstream loss was below "no policy"'s on the same seed
     * @param runsCompared     runs with both figures
     */
    public record Effectiveness(Comparison.Option option, MeanInterval fiscalCost, MeanInterval netFiscalCost,
                                MeanInterval avoidedLoss, MeanInterval avoidedShortage,
                                double avoidedLossPerFiscalDollar, int runsAvoidingLoss, int runsCompared) { }

    public static List<Effectiveness> effectiveness(Comparison c) {
        List<Effectiveness> out = new ArrayList<>();
        double[] noFiscal = netFiscal(c, 0);
        double[] noLoss = c.values(0, HeadToHead.LOSS);
        double[] noShortage = c.values(0, "pv.finalDemandShortage");
        double[] noGross = c.values(0, "pv.fiscalCost");
        for (int o = 1; o < c.options().size(); o++) {
            MeanInterval gross = MeanInterval.of(MeanInterval.differences(c.values(o, "pv.fiscalCost"), noGross));
            // What an option buys is its head-to-head with no policy.
            HeadToHead p = HeadToHead.of(c.options().get(o).name(), Comparison.NO_POLICY,
                    c.values(o, HeadToHead.LOSS), noLoss, netFiscal(c, o), noFiscal);
            MeanInterval fiscal = p.netFiscalCost();
            MeanInterval loss = p.avoidedLoss();
            MeanInterval shortage = MeanInterval.of(MeanInterval.differences(noShortage,
                    c.values(o, "pv.finalDemandShortage")));
            double ratio = fiscal.mean() > 0 ? loss.mean() / fiscal.mean() : Double.NaN;
            out.add(new Effectiveness(c.options().get(o), gross, fiscal, loss, shortage, ratio, p.optionAhead(),
                    p.runsCompared()));
        }
        return out;
    }

    /** Each run's fiscal cost less the public stocks held at the end, present values. */
    static double[] netFiscal(Comparison c, int option) {
        double[] fiscal = c.values(option, "pv.fiscalCost");
        double[] stock = c.values(option, "pv.publicStockValue");
        double[] out = new double[fiscal.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fiscal[i] - stock[i];
        }
        return out;
    }

    static void writeEffectivenessCsv(Path file, List<Effectiveness> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(
                     "option", "family", "gridPointer", "gridLevel", "fiscalCostPv", "netFiscalCostPv",
                     "netFiscalCostPvCi95Low",
                     "netFiscalCostPvCi95High", "avoidedLossPv", "avoidedLossPvCi95Low", "avoidedLossPvCi95High",
                     "avoidedShortagePv", "avoidedShortagePvCi95Low", "avoidedShortagePvCi95High",
                     "avoidedLossPerFiscalDollar", "runsAvoidingLoss", "runs").get())) {
            for (Effectiveness e : rows) {
                Comparison.Option o = e.option();
                p.printRecord(o.name(), o.family(), o.pointer() == null ? "NA" : o.pointer(),
                        o.level() == null ? "NA" : o.level().isTextual() ? o.level().asText() : Json.text(o.level()),
                        num(e.fiscalCost().mean()),
                        num(e.netFiscalCost().mean()),
                        num(e.netFiscalCost().ci95Low()), num(e.netFiscalCost().ci95High()),
                        num(e.avoidedLoss().mean()), num(e.avoidedLoss().ci95Low()), num(e.avoidedLoss().ci95High()),
                        num(e.avoidedShortage().mean()), num(e.avoidedShortage().ci95Low()),
                        num(e.avoidedShortage().ci95High()), num(e.avoidedLossPerFiscalDollar()),
                        e.runsAvoidingLoss(), e.runsCompared());
            }
        }
    }

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

    /** Writes the comparison's files ({@link ResultKind#COMPARISON}'s) into {@code dir}. */
    public static void write(Path dir, Comparison c, long wallMs) throws IOException {
        List<Row> rows = rows(c);
        Path csv = dir.resolve(CSV);
        OutputFiles.on(csv, () -> writeCsv(csv, rows));
        Path json = dir.resolve(JSON);
        OutputFiles.on(json, () -> Json.write(json, json(c, rows, wallMs)));
        Path runs = dir.resolve(ComparisonRuns.CSV);
        OutputFiles.on(runs, () -> ComparisonRuns.write(runs, c));
        Path effectiveness = dir.resolve(EFFECTIVENESS_CSV);
        OutputFiles.on(effectiveness, () -> writeEffectivenessCsv(effectiveness, effectiveness(c)));
        Path pairs = dir.resolve(HeadToHead.CSV);
        OutputFiles.on(pairs, () -> HeadToHead.writeCsv(pairs, HeadToHead.of(c)));
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
        return Double.isNaN(v) || Double.isInfinite(v) ? "NA" : DecimalText.of(v);
    }

    static ObjectNode json(Comparison c, List<Row> rows, long wallMs) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", ResultKind.COMPARISON.format());
        root.put("scenario", c.base().source());
        root.put("scenarioSha256", c.base().sha256());
        root.put("runs", c.runs());
        root.put("baseSeed", c.baseSeed());
        root.put("seedDerivation", Seeds.DERIVATION);
        ArrayNode seeds = root.putArray("seeds");
        for (int s : c.seeds()) {
            seeds.add(s);
        }
        root.put("ticks", c.horizon());
        root.set("money", RunOutputs.money(c.money()));
        root.put("pairedDifference", "option minus \"no policy\", run by run on the same seed");
        root.put("confidenceInterval", "mean ± t(0.975; n-1)·sd/√n (Commons Math TDistribution)");
        ArrayNode options = root.putArray("options");
        for (Comparison.Option o : c.options()) {
            ObjectNode on = options.addObject();
            on.put("name", o.name());
            on.put("description", o.description());
            on.set("patch", o.patch());
            if (o.onGrid()) {
                on.put("family", o.family());
                on.put("gridPointer", o.pointer());
                on.set("gridLevel", o.level());
            }
        }
        ArrayNode effectiveness = root.putArray("costEffectiveness");
        for (Effectiveness e : effectiveness(c)) {
            ObjectNode n = effectiveness.addObject();
            n.put("option", e.option().name());
            n.put("family", e.option().family());
            if (e.option().onGrid()) {
                n.put("gridPointer", e.option().pointer());
                n.set("gridLevel", e.option().level());
            }
            stats(n.putObject("fiscalCostPv"), e.fiscalCost());
            stats(n.putObject("netFiscalCostPv"), e.netFiscalCost());
            stats(n.putObject("avoidedDownstreamLossPv"), e.avoidedLoss());
            stats(n.putObject("avoidedFinalDemandShortagePv"), e.avoidedShortage());
            put(n, "avoidedLossPerFiscalDollar", e.avoidedLossPerFiscalDollar());
            n.put("runsAvoidingLoss", e.runsAvoidingLoss());
            n.put("runs", e.runsCompared());
        }
        root.put("costEffectivenessNote", "present values at the decision tick, in the base year's dollars, each the"
                + " option minus \"no policy\" run by run; net fiscal cost = outlays - receipts - public stocks held"
                + " at the end at the market price; avoidedLossPerFiscalDollar = mean avoided downstream loss (value"
                + " added) / mean net fiscal cost, null when the option costs the budget nothing or earns it money;"
                + " runsAvoidingLoss = the runs, of runs, in which the option's downstream loss was below no policy's"
                + " on the same seed");
        ArrayNode pairs = root.putArray("headToHead");
        for (HeadToHead p : HeadToHead.of(c)) {
            ObjectNode n = pairs.addObject();
            n.put("option", p.option());
            n.put("versus", p.versus());
            stats(n.putObject("avoidedDownstreamLossPvMore"), p.avoidedLoss());
            stats(n.putObject("netFiscalCostPvMore"), p.netFiscalCost());
            n.put("runsOptionAvoidsMore", p.optionAhead()).put("runsVersusAvoidsMore", p.versusAhead())
                    .put("runs", p.runsCompared());
        }
        root.put("headToHeadNote", "every option but no policy against each listed after it, run by run on the same"
                + " seed, present values at the decision tick in the base year's dollars: avoidedDownstreamLossPvMore ="
                + " versus's downstream loss - option's; netFiscalCostPvMore = option's net fiscal cost - versus's;"
                + " runsOptionAvoidsMore and runsVersusAvoidsMore = the runs in which option's loss was below versus's,"
                + " and above it (ties in neither)");
        List<List<BandShare.Share>> shares = c.bandShares();
        if (!shares.isEmpty()) {
            root.put("bandShareDefinition", BandShare.DEFINITION);
            ArrayNode list = root.putArray("bandShares");
            for (List<BandShare.Share> byOption : shares) {
                for (int o = 0; o < byOption.size(); o++) {
                    ObjectNode n = list.addObject().put("option", c.options().get(o).name());
                    n.setAll(byOption.get(o).toJson());
                }
            }
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
        return ComparisonPage.html(c, rows);
    }

    /** How to read the page's figures, and what each option is. */
    static void howToRead(StringBuilder h, Comparison c, TickUnit tick) {
        h.append("<h2>How to read this</h2>\n<ul>")
                .append("<li>Every figure is against the same economy without the shocks and without any option's ")
                .append("instrument, its background events and policies kept, run on the same seed; an option's ")
                .append("difference from \"no policy\" is the option's own effect.</li>")
                .append("<li>A shortage is counted once: final demand rationed at the market price, valued at ")
                .append("pre-shock prices; firms' unmet input demand is not added to it, since what it cost shows ")
                .append("as their lost output. Downstream output lost counts, in value added (output less the ")
                .append("inputs of its recipe, at pre-shock prices), every fall in component and ")
                .append("final-good output against the economy without shocks, given the background.</li>")
                .append("<li>Net welfare loss = ").append(esc(org.chokepoint.metrics.Summary.Totals.DEFINITION))
                .append(". Positive numbers are losses.</li>")
                .append("<li>Present values discount each ").append(tick.singular())
                .append(" at the scenario's yearly rate (")
                .append(String.format(Locale.ROOT, "%.1f%%", 100 * c.base().scenario().time().discountRateOrDefault()))
                .append(") to the decision date; money is in ").append(esc(c.money().label()))
                .append(".</li><li>Options:<ul>");
        for (Comparison.Option o : c.options()) {
            h.append("<li><b>").append(esc(o.name())).append("</b>: ").append(esc(o.description()));
            droppedShocks(h, c, o);
            h.append("</li>");
        }
        h.append("</ul></li></ul>\n");
    }

    /** Which dollars the page's money is in, and the date present values are discounted to. */
    static String moneyNote(Comparison c) {
        org.chokepoint.scenario.PriceBase p = c.money();
        StringBuilder s = new StringBuilder("Money is in ").append(esc(p.label()));
        if (p.index() != null) {
            s.append(", restated from the scenario's ").append(p.priceYear()).append(" dollars with the ")
                    .append(esc(p.index()));
        }
        int decision = c.base().scenario().decisionTick();
        s.append("; present values are discounted to ")
                .append(esc(Calendar.of(c.base().scenario().time()).label(decision))).append('.');
        return s.toString();
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
        Row none = find(rows, Comparison.NO_POLICY, "pv.downstreamOutputLoss");
        StringBuilder s = new StringBuilder();
        // The table below is in present values; sums in the words above it would read as the same figures.
        s.append("<p>In present values, as in the table below: without any policy, the shocks (the scenario's "
                + "events and policies whose role is \"shock\"; its background is in every world, the one without "
                + "shocks included) ");
        double inaction = none.level().mean();
        if (inaction >= 0) {
            s.append("cost downstream industry <b>").append(money(inaction)).append("</b> of lost value added (95% CI ")
                    .append(money(none.level().ci95Low())).append(" to ").append(money(none.level().ci95High()));
        } else {
            // A shock that leaves downstream industry making more (buyers turning to it from a dearer import) is no
            // negative cost: said as the gain it is, with its interval turned round.
            s.append("cost downstream industry nothing on average: it made <b>").append(money(-inaction))
                    .append("</b> more value added than without them (95% CI ").append(money(-none.level().ci95High()))
                    .append(" to ").append(money(-none.level().ci95Low()));
        }
        s.append(") over the ")
                .append(yearsModelled(c.horizon(), c.base().scenario().time().ticksPerYearOrDefault()))
                .append(" modelled.</p><ul>");
        for (int o = 1; o < c.options().size(); o++) {
            String name = c.options().get(o).name();
            Row loss = find(rows, name, "pv.downstreamOutputLoss");
            Row fiscal = find(rows, name, "pv.fiscalCost");
            Row dwl = find(rows, name, "pv.deadweightLoss");
            double avoided = -loss.difference().mean();
            double avoidedLow = -loss.difference().ci95High();
            double avoidedHigh = -loss.difference().ci95Low();
            s.append("<li><b>").append(esc(name)).append("</b> ");
            if (ComparisonPage.withinNoise(loss.difference())) {
                // A minister's office reads "avoids $0.8 m" alone as an effect, and "makes no difference" as an
                // effect measured to be nil: an interval across zero is neither. What the runs do say, the mean,
                // follows the verdict, with the interval after it (six runs of the NdPr diversification option
                // avoided $835.7 m on average, five of them some, with an interval from -$14.0 m).
                s.append("has an effect on ").append(inaction >= 0 ? "that loss" : "downstream industry's output")
                        .append(" that these runs cannot tell from zero");
                if (!money(Math.abs(avoided)).equals(money(0))) {
                    s.append(": on average it ").append(inaction >= 0
                            ? (avoided > 0 ? "avoids " + money(avoided) + " of it" : "adds " + money(-avoided) + " to it")
                            : (avoided > 0 ? "adds " + money(avoided) + " of value added to it"
                                    : "takes " + money(-avoided) + " of value added from it"));
                }
            } else if (avoided < 0) {
                // Where the shocks left downstream industry making more, "that" is a gain, and "adds to that"
                // would read as more of it.
                s.append(inaction >= 0 ? "adds " + money(-avoided) + " to that"
                        : "takes from downstream industry's output: " + money(-avoided)
                                + " of value added against no policy");
            } else if (avoided <= inaction) {
                s.append("avoids ").append(money(avoided)).append(" of that");
            } else {
                // More than the shocks took: downstream industry makes more under the option than in the world
                // without the shocks. "Avoids $309.7 m of that" a loss of $0 reads as a part of a whole.
                s.append(inaction > 0 ? "avoids all of that and more: " : "adds to downstream industry's output: ")
                        .append(money(avoided)).append(" of value added against no policy");
            }
            if (avoided < 0 && !ComparisonPage.withinNoise(loss.difference())) {
                // The interval of what the words say it adds or takes, turned round as the gain of no policy's is:
                // "adds $80.0 m to that (95% CI of the amount avoided: -$80.8 m to -$79.2 m)" read as two signs.
                s.append(" (95% CI ").append(money(-avoidedHigh)).append(" to ").append(money(-avoidedLow));
            } else {
                s.append(" (95% CI of the amount avoided: ").append(money(avoidedLow)).append(" to ")
                        .append(money(avoidedHigh));
            }
            s.append(") at a fiscal cost of ")
                    .append(money(fiscal.difference().mean()));
            // The table beside the words ranks on the net fiscal cost: a stockpile that spent $24.8 m and holds
            // $85 m of stock at the end "costs $24.8 m" here and "earns the budget money" there, unless said.
            Row stock = find(rows, name, "pv.publicStockValue");
            if (stock != null && stock.difference().mean() != 0) {
                double net = fiscal.difference().mean() - stock.difference().mean();
                s.append(" (").append(net < 0 ? "a gain of " + money(-net) : money(net))
                        .append(" net of the public stocks it holds at the end)");
            }
            // The fiscal cost leaves levies and tariffs out: a tariff floor "at a fiscal cost of $0" that collects
            // $16.2 m read as neutral to the budget, its receipts only in the taxpayers' row further down.
            Row levy = find(rows, name, "pv.levyRevenue");
            if (levy != null && Math.abs(levy.difference().mean()) >= 0.5) {
                s.append(levy.difference().mean() > 0 ? ", collecting " + money(levy.difference().mean())
                        : ", forgoing " + money(-levy.difference().mean())).append(" in levies and tariffs");
            }
            s.append("; the net welfare loss ").append(dwl.difference().mean() <= 0 ? "falls by " : "rises by ")
                    .append(money(Math.abs(dwl.difference().mean())));
            if (ComparisonPage.withinNoise(dwl.difference())) {
                s.append(", a change within the runs' noise");
            }
            s.append('.');
            droppedShocks(s, c, c.options().get(o));
            s.append("</li>");
        }
        s.append("</ul>");
        return s.toString();
    }

    /**
     * The run's length in years as the words say it: "1 year", "6 years", and to a tenth where the ticks make
     * no whole number of years ("3.8 years" for 200 weeks), so that a shortened run is not called longer.
     */
    static String yearsModelled(int ticks, int ticksPerYear) {
        double years = Math.round(10.0 * ticks / ticksPerYear) / 10.0;
        if (years == 0) {
            return String.format(Locale.ROOT, "%.2f years", (double) ticks / ticksPerYear);
        }
        if (years == Math.rint(years)) {
            long whole = (long) years;
            return Count.of(whole, "year");
        }
        return String.format(Locale.ROOT, "%.1f years", years);
    }

    /** The warning that an option's patch drops some of the scenario's shocks, as a paragraph, when it does. */
    static void droppedShocks(StringBuilder h, Comparison c, Comparison.Option o) {
        String note = c.droppedShocksNote(o);
        if (note != null) {
            h.append(" <span class=\"warning\">Warning: ").append(esc(note)).append("</span>");
        }
    }

    /**
     * The harm of each option whose consortium breaks the casebook's rules, against its compliant twin (the same
     * consortium keeping them, run on the same seeds): for each market its members sell in, the price over the
     * run, what buyers paid beyond the twin's prices and the output lost, and the change in the surplus of the
     * final consumers of the members' region; empty where no option breaks a rule. These are the figures
     * comparison.csv gives as {@code harm.*}, undiscounted sums over the run.
     */
    static String harm(Comparison c, List<Row> rows) {
        StringBuilder h = new StringBuilder();
        for (Comparison.Option o : c.options()) {
            List<Row> own = new ArrayList<>();
            for (Row r : rows) {
                if (r.option().equals(o.name()) && r.metric().startsWith("harm.") && r.level().n() > 0) {
                    own.add(r);
                }
            }
            if (own.isEmpty()) {
                continue;
            }
            h.append("<p><b>").append(esc(o.name())).append("</b>, against the same consortium keeping the "
                    + "casebook's rules, run on the same seeds (mean over the runs, 95% confidence interval):</p>\n"
                    + "<table><tr><th>figure</th><th>mean</th><th>95% CI</th></tr>\n");
            for (Row r : own) {
                String[] parts = r.metric().split("\\.");
                String what;
                boolean usd;
                boolean share = false;
                if (r.metric().equals("harm.finalConsumerSurplusChange")) {
                    what = "Final consumers' surplus in the members' region: change (US$, summed over the run)";
                    usd = true;
                } else {
                    String market = parts[1] + " " + parts[2];
                    String figure = parts[3];
                    usd = figure.equals("paidBeyondTwinPrices");
                    share = !usd;
                    what = switch (figure) {
                        case "overcharge" -> market + ": mean price over the run above the compliant consortium's";
                        case "paidBeyondTwinPrices" -> market + ": paid by its buyers beyond the compliant "
                                + "consortium's prices (US$, summed over the run)";
                        case "outputLostShare" -> market + ": output below the compliant consortium's";
                        default -> r.metric();
                    };
                }
                MeanInterval l = r.level();
                h.append("<tr><td>").append(esc(what.replace("US$", c.money().label()))).append("</td><td>")
                        .append(share ? percent(l.mean()) : v(l.mean(), usd)).append("</td><td>")
                        .append(share ? percent(l.ci95Low()) : v(l.ci95Low(), usd)).append(" to ")
                        .append(share ? percent(l.ci95High()) : v(l.ci95High(), usd)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.toString();
    }

    private static String percent(double share) {
        if (!Double.isFinite(share)) {
            return "n/a";
        }
        String f = String.format(Locale.ROOT, "%.1f%%", 100 * share);
        return ChartStyle.minusSign(f);
    }

    static void table(StringBuilder h, Comparison c, List<Row> rows) {
        List<String[]> metrics = new ArrayList<>(Arrays.asList(KEY_METRICS));
        for (Comparison.PlottedMarket m : c.plotted()) {
            String p = m.region() + "." + m.commodity() + ".";
            metrics.add(new String[] {p + "peakPrice", "Peak price, " + m.region() + " " + m.commodity()
                    + (m.priceUnit() == null ? "" : " (" + m.priceUnit() + ")")});
            metrics.add(new String[] {p + "peakMultiple", "Peak price / pre-shock price, " + m.region() + " "
                    + m.commodity()});
            metrics.add(new String[] {p + "cumulativeShortage", "Cumulative unmet demand, " + m.region() + " "
                    + m.commodity() + " (" + (m.quantityUnit() == null ? "quantity" : m.quantityUnit()) + ")"});
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
                double s = scale(rows, c, m[0]);
                h.append("<tr><td>").append(esc(m[1].replace("US$", c.money().label()))).append("</td><td>")
                        .append(esc(o.name())).append("</td><td>")
                        .append(v(r.level().mean(), usd, s)).append("</td><td>")
                        .append(v(r.level().ci95Low(), usd, s))
                        .append(" to ").append(v(r.level().ci95High(), usd, s)).append("</td><td>")
                        .append(v(r.difference().mean(), usd, s)).append("</td><td>")
                        .append(v(r.difference().ci95Low(), usd, s)).append(" to ")
                        .append(v(r.difference().ci95High(), usd, s)).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        if (!c.plotted().isEmpty()) {
            h.append("<p class=\"note\">").append(PEAK_NOTE).append("</p>\n");
        }
    }

    /**
     * Under the table of every figure: a peak's multiple is over its own world's pre-shock price. In the NdPr
     * comparison the US purchase guarantee, buying US output from July 2025, leaves the US price before the 2028
     * licensing at $2.39/kg, so its peak of $68.5/kg reads as 34 times that, against no policy's 4.6 times from
     * $40/kg to $184/kg: read alone, the guarantee seemed to make the US peak far worse.
     */
    static final String PEAK_NOTE = "A peak price over its pre-shock price divides by the pre-shock price of the "
            + "same option's runs, which an option's instruments, in force before the shock, may move (n/a where "
            + "they leave it at zero): read it beside the peak price itself, above it.";

    /** The largest level, in size, any option's runs give the metric: what its rounding error is measured by. */
    private static double scale(List<Row> rows, Comparison c, String metric) {
        double s = 0;
        for (Comparison.Option o : c.options()) {
            Row r = find(rows, o.name(), metric);
            if (r != null) {
                for (double x : new double[] {r.level().mean(), r.level().ci95Low(), r.level().ci95High()}) {
                    if (Double.isFinite(x)) {
                        s = Math.max(s, Math.abs(x));
                    }
                }
            }
        }
        return s;
    }

    /** A figure of the table; "n/a" where comparison.csv says NA. */
    static String v(double x, boolean usd) {
        return v(x, usd, 0);
    }

    /**
     * A figure of a row whose levels reach {@code scale} in size: a figure within a billionth of that is the
     * rounding error of sums that are the same, and reads 0 (not "-3.55e-15" of a shortage no option moves); a
     * negative one has the minus sign the money figures have. Three significant figures, written out in full
     * (2,024 kt of resin unmet, not "2.02e+03"; 0.0000412, not "4.12e-05").
     */
    static String v(double x, boolean usd, double scale) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "n/a";
        }
        if (Math.abs(x) <= 1e-9 * scale) {
            x = 0;
        }
        if (usd) {
            return money(x);
        }
        double a = Math.abs(x);
        String f = a >= 1000 ? String.format(Locale.ROOT, "%,.0f", x)
                : a != 0 && a < 1e-4 ? new java.math.BigDecimal(x).round(new java.math.MathContext(3)).toPlainString()
                : String.format(Locale.ROOT, "%.3g", x);
        return ChartStyle.minusSign(f);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
