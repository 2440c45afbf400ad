package org.chokepoint.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.experiment.MeanInterval;
import org.chokepoint.scenario.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The comparison's page: the cost of inaction in words; a compact table of what each option buys and costs,
 * and the options ranked by loss avoided, each against the next one down; the frontier of net fiscal cost against
 * avoided loss, points numbered; who gains and who loses, by actor and region; then small multiples, one chart
 * per option against "no policy", on calendar dates with the announcements (dashed) and starts (solid) marked;
 * every metric with its CI last, folded. Charts are JFreeChart drawn to inline SVG by JFreeSVG: one file, nothing
 * fetched.
 */
final class ComparisonPage {
    /** Three small multiples to a row of the page's 1,000 pixels. */
    static final int THIRD = 316;
    static final Color OPTION = new Color(0x1b7837);

    private ComparisonPage() {
    }

    static String html(Comparison c, List<ComparisonReport.Row> rows) {
        Scenario base = c.base().scenario();
        String label = c.money().label();
        Calendar cal = Calendar.of(base.time());
        int horizon = c.horizon();
        int from = c.firstTick();
        StringBuilder h = new StringBuilder(400_000);
        String title = "Policy options under the same shock: " + base.meta().name();
        ReportPage.head(h, title, List.of());
        // The small multiples' own width, three to a row.
        h.insert(h.indexOf("</style>"), ".third{width:" + THIRD + "px}.third p{margin:.2em 0;font-family:"
                + "sans-serif;font-size:.8em}details summary{cursor:pointer;font-family:sans-serif}\n"
                + ".compact td,.compact th{white-space:normal}.compact small{color:#555}.warning{color:#8a1c1c}\n");
        h.append("<h1>").append(ReportPage.esc(title)).append("</h1>\n");
        if (base.meta().description() != null) {
            h.append("<p>").append(ReportPage.esc(base.meta().description())).append("</p>\n");
        }
        TickUnit tick = TickUnit.of(base.time().ticksPerYearOrDefault());
        h.append("<p>Each option ran ").append(c.runs()).append(" times with the same ").append(c.runs())
                .append(" random seeds as \"no policy\" (common random numbers), over ").append(horizon).append(' ')
                .append(horizon == 1 ? tick.singular() : tick.plural())
                .append(" (").append(ReportPage.esc(cal.label(0))).append(" to ")
                .append(ReportPage.esc(cal.label(horizon - 1)))
                .append("). Differences are taken run by run; ranges are 95% confidence intervals of the mean. ")
                .append(ComparisonReport.moneyNote(c)).append("</p>\n");

        h.append("<h2>The cost of inaction</h2>\n<div class=\"lead\">").append(ComparisonReport.inaction(c, rows))
                .append("</div>\n");

        List<ComparisonReport.Effectiveness> eff = ComparisonReport.effectiveness(c);
        h.append("<h2>What each option buys and costs: present values, ").append(ReportPage.esc(label))
                .append("</h2>\n");
        results(h, c, rows, eff);
        SideBySide.append(h, c, eff);
        bands(h, c);

        h.append("<h2>Frontier: net fiscal cost against downstream loss avoided</h2>\n")
                .append("<p class=\"note\">").append(frontierNote(label)).append("</p>\n");
        h.append(ChartSvg.svg(frontier(eff, label), "frontier", ReportPage.WIDE, 440));

        h.append("<h2>Who gains and who loses: present values, ").append(ReportPage.esc(label))
                .append(", difference from no policy</h2>\n");
        incidence(h, c, rows);

        instruments(h, c);

        String harm = ComparisonReport.harm(c, rows);
        if (!harm.isEmpty()) {
            h.append("<h2>The harm of breaking the casebook's rules</h2>\n").append(harm);
        }

        List<Mark> baseMarks = ReportPage.marks(base, cal, horizon);
        h.append("<h2>Each option against no policy</h2>\n<p class=\"note\">One chart per option: the option in "
                + "green (median of the runs and the band from the 5th to the 95th percentile), no policy in grey "
                + "dashed (its median), on calendar dates.</p>\n");
        ReportPage.markList(h, withOptions(c, baseMarks, cal, horizon), cal);
        for (int k = 0; k < c.plotted().size(); k++) {
            Comparison.PlottedMarket m = c.plotted().get(k);
            int market = k;
            h.append("<h3>Price of ").append(ReportPage.esc(m.commodity())).append(" in ")
                    .append(ReportPage.esc(m.region())).append(" (")
                    .append(ReportPage.esc(m.priceUnit() == null ? "" : m.priceUnit())).append(")</h3>\n")
                    .append("<div class=\"grid\">\n");
            h.append(multiples(c, cal, from, baseMarks, "price-" + k, r -> r.prices()[market]));
            h.append("</div>\n");
        }
        h.append("<h3>Final demand rationed against the no-shock path: ").append(ReportPage.esc(label)).append(" per ")
                .append(tick.singular()).append(", at pre-shock prices</h3>\n<div class=\"grid\">\n")
                .append(multiples(c, cal, from, baseMarks, "shortage", Comparison.RunResult::shortage))
                .append("</div>\n");
        h.append("<h3>Downstream output lost in value added against the no-shock path: ").append(ReportPage.esc(label))
                .append(" per ").append(tick.singular()).append(" (").append(TotalLabels.NEGATIVE_IS_GAIN)
                .append(")</h3>\n<div class=\"grid\">\n")
                .append(multiples(c, cal, from, baseMarks, "output-loss", Comparison.RunResult::outputLoss))
                .append("</div>\n");

        // The tables above are in present values; these are the runs' undiscounted sums unless a row says
        // otherwise, so a reader does not take $2.71 bn here and $2.68 bn above for two measures of one thing.
        h.append("<h2>Every figure</h2>\n<details><summary>All key metrics, each option, with 95% confidence "
                + "intervals: money summed over the run, undiscounted, where a row does not say present value"
                + "</summary>\n");
        ComparisonReport.table(h, c, rows);
        h.append("</details>\n");
        ComparisonReport.howToRead(h, c, tick);
        h.append("</body></html>\n");
        return h.toString();
    }

    /**
     * The note above the frontier. It said a point left of zero "earns the budget money and its cost falls on
     * buyers": the NdPr stockpile, the one such point, earns $60.0 m net and leaves Japan's consumers $531.3 m
     * better off; what an option costs whom is the table of who gains and who loses, whichever side of zero.
     */
    static String frontierNote(String label) {
        return "Each point is an option's mean over the runs, in present values, " + ReportPage.esc(label)
                + "; its number is the one in the table above. Levels of one option swept over a grid are joined by "
                + "a line. Up is more loss avoided, left is cheaper for the budget; a point left of zero earns the "
                + "budget money, one at zero costs it nothing, and who bears what instead is in the table of who "
                + "gains and who loses, below. A hollow point's loss avoided cannot be told from zero (its 95% "
                + "interval, in the table, holds zero).";
    }

    // ---- the compact table ------------------------------------------------------------------------------

    static void results(StringBuilder h, Comparison c, List<ComparisonReport.Row> rows,
                                List<ComparisonReport.Effectiveness> eff) {
        h.append("<table class=\"compact\"><tr><th>#</th><th>option</th><th>downstream loss avoided</th>")
                .append("<th>final demand shortage avoided</th><th>fiscal cost</th><th>net fiscal cost</th>")
                .append("<th>loss avoided per net fiscal $</th><th>net welfare gain</th></tr>\n");
        for (int i = 0; i < eff.size(); i++) {
            ComparisonReport.Effectiveness e = eff.get(i);
            ComparisonReport.Row dwl = find(rows, e.option().name(), "pv.deadweightLoss");
            h.append("<tr><td>").append(i + 1).append("</td><td>").append(ReportPage.esc(e.option().name()))
                    .append("</td><td>").append(withCi(e.avoidedLoss())).append("<br><small>")
                    .append(runsAvoiding(e)).append("</small></td><td>")
                    .append(withCi(e.avoidedShortage())).append("</td><td>").append(withCi(e.fiscalCost()))
                    .append("</td><td>").append(withCi(e.netFiscalCost()))
                    .append("</td><td>").append(perFiscalDollar(e))
                    .append("</td><td>").append(dwl == null ? "n/a" : welfareGain(dwl.difference()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">Fiscal cost: the instruments' outlays less their sales and "
                + "clawbacks; levies and tariffs collected are not in it (they are the taxpayers' rows of who gains "
                + "and who loses, below). Net fiscal cost: the same less "
                + "the public stocks held at the end, valued at the market price. A negative amount avoided is one the option adds. Loss avoided per net fiscal $: the "
                + "downstream loss avoided over the net fiscal cost, not over the fiscal cost. Net welfare gain: the fall in the net welfare loss against no "
                + "policy (consumers, producers, taxpayers, quota-rent holders, traders, and the private stocks and new plant held at "
                + "the end together, the rows of who gains and who loses, below). Ranges in brackets are "
                + "95% confidence intervals of the paired difference.</p>\n");
    }

    /**
     * In how many runs the option avoided any loss: the mean and its interval say what it avoids on average, not
     * whether it helps in most worlds or in a few with large effects.
     */
    static String runsAvoiding(ComparisonReport.Effectiveness e) {
        return "avoids loss in " + e.runsAvoidingLoss() + " of " + e.runsCompared() + " runs";
    }

    /**
     * How many of each option's runs lie in each band asked for ({@code --band}): whether an option meets a mark in
     * most worlds or in a few, which its mean cannot say.
     */
    private static void bands(StringBuilder h, Comparison c) {
        List<List<org.chokepoint.experiment.BandShare.Share>> shares = c.bandShares();
        if (shares.isEmpty()) {
            return;
        }
        h.append("<h2>Runs inside the bands asked for</h2>\n<p class=\"note\">Of each option's runs with a value,")
                .append(" how many lie within each band, bounds included (comparison.json, bandShares), with the 95%")
                .append(" Wilson interval of the share. Every option ran on the same seeds.</p>\n<table><tr>")
                .append("<th>figure</th><th>band</th><th>option</th><th>runs inside</th><th>share</th>")
                .append("<th>95% interval</th></tr>\n");
        for (List<org.chokepoint.experiment.BandShare.Share> byOption : shares) {
            for (int o = 0; o < byOption.size(); o++) {
                org.chokepoint.experiment.BandShare.Share s = byOption.get(o);
                h.append("<tr><td>").append(ReportPage.esc(s.band().column())).append("</td><td>")
                        .append(ReportPage.esc(s.band().interval())).append("</td><td>")
                        .append(ReportPage.esc(c.options().get(o).name())).append("</td>")
                        .append(EnsembleReport.shareCells(s)).append("</tr>\n");
            }
        }
        h.append("</table>\n");
    }

    /**
     * The loss avoided per net fiscal dollar; where there is no such dollar, whether the option costs the budget
     * nothing or earns it money (a stockpile that sells dearer than it bought), which "no net fiscal cost" would
     * hide.
     */
    private static String perFiscalDollar(ComparisonReport.Effectiveness e) {
        if (!Double.isNaN(e.avoidedLossPerFiscalDollar())) {
            // A ratio has no interval of its own here: without this, $0.76 on a loss avoided of -$0.6 bn to
            // $2.4 bn reads as better value than $0.48 on one of $2.4 bn to $4.3 bn; and a net fiscal cost of
            // $4 m whose interval runs from -$47.7 m to $55.7 m makes $155 a dollar of a ratio that may have no sign.
            boolean loss = withinNoise(e.avoidedLoss());
            boolean cost = withinNoise(e.netFiscalCost());
            String note = loss && cost ? "neither the loss avoided nor the net fiscal cost is told from zero"
                    : loss ? "the loss avoided is not told from zero"
                    : cost ? "the net fiscal cost is not told from zero" : null;
            return perDollar(e.avoidedLossPerFiscalDollar()) + (note == null ? "" : "<br><small>" + note + "</small>");
        }
        return e.netFiscalCost().mean() < 0 ? "none: it earns the budget money" : "no net fiscal cost";
    }

    /**
     * The net welfare gain, minus the change in the net welfare loss, with its interval turned round to match, so
     * that a gain within the runs' noise shows its interval as every other cell of the table does.
     */
    static String welfareGain(MeanInterval lossChange) {
        return ChartStyle.money(-lossChange.mean()) + "<br><small>[" + ChartStyle.money(-lossChange.ci95High())
                + ", " + ChartStyle.money(-lossChange.ci95Low()) + "]</small>";
    }

    /** Whether a 95% interval holds zero: an effect these runs cannot tell from none. */
    static boolean withinNoise(MeanInterval m) {
        return !(m.ci95Low() > 0 || m.ci95High() < 0);
    }

    static String withCi(MeanInterval m) {
        return ChartStyle.money(m.mean()) + "<br><small>[" + ChartStyle.money(m.ci95Low()) + ", "
                + ChartStyle.money(m.ci95High()) + "]</small>";
    }

    /** Dollars of loss avoided per fiscal dollar, with a minus sign where the option adds to the loss. */
    private static String perDollar(double v) {
        return (v < 0 ? "\u2212" : "") + String.format(Locale.ROOT, "$%.2f", Math.abs(v));
    }

    private static ComparisonReport.Row find(List<ComparisonReport.Row> rows, String option, String metric) {
        for (ComparisonReport.Row r : rows) {
            if (r.option().equals(option) && r.metric().equals(metric)) {
                return r;
            }
        }
        return null;
    }

    // ---- the frontier -----------------------------------------------------------------------------------

    static JFreeChart frontier(List<ComparisonReport.Effectiveness> eff, String label) {
        double max = 0;
        for (ComparisonReport.Effectiveness e : eff) {
            max = Math.max(max, Math.max(Math.abs(e.netFiscalCost().mean()), Math.abs(e.avoidedLoss().mean())));
        }
        double scale = max >= 1e7 ? 1e6 : max >= 1e4 ? 1e3 : 1;
        String unit = scale == 1e6 ? ", millions" : scale == 1e3 ? ", thousands" : "";
        Map<String, XYSeries> families = new LinkedHashMap<>();
        Map<String, List<Boolean>> hollow = new LinkedHashMap<>();
        for (ComparisonReport.Effectiveness e : eff) {
            families.computeIfAbsent(e.option().family(), f -> new XYSeries(f, false, true))
                    .add(e.netFiscalCost().mean() / scale, e.avoidedLoss().mean() / scale);
            hollow.computeIfAbsent(e.option().family(), f -> new ArrayList<>()).add(withinNoise(e.avoidedLoss()));
        }
        List<List<Boolean>> hollowBySeries = new ArrayList<>(hollow.values());
        XYSeriesCollection data = new XYSeriesCollection();
        families.values().forEach(data::addSeries);
        NumberAxis x = new NumberAxis("net fiscal cost, " + label + unit);
        NumberAxis y = new NumberAxis("downstream loss avoided, " + label + unit);
        ChartStyle.valueAxis(x, false);
        ChartStyle.valueAxis(y, false);
        double[] px = new double[eff.size()];
        double[] py = new double[eff.size()];
        double x0 = 0;
        double x1 = 0;
        double y0 = 0;
        double y1 = 0;
        for (int i = 0; i < eff.size(); i++) {
            px[i] = eff.get(i).netFiscalCost().mean() / scale;
            py[i] = eff.get(i).avoidedLoss().mean() / scale;
            x0 = Math.min(x0, px[i]);
            x1 = Math.max(x1, px[i]);
            y0 = Math.min(y0, py[i]);
            y1 = Math.max(y1, py[i]);
        }
        // Fixed ranges with room around the points for their numbers, so a label's place in pixels is known.
        double dx = x1 - x0 == 0 ? 1 : x1 - x0;
        double dy = y1 - y0 == 0 ? 1 : y1 - y0;
        x0 -= 0.06 * dx;
        x1 += 0.1 * dx;
        y0 -= 0.08 * dy;
        y1 += 0.12 * dy;
        x.setRange(x0, x1);
        y.setRange(y0, y1);
        // A point is where the means put it; one whose loss avoided cannot be told from zero is drawn hollow, so
        // the height a reader ranks the options by does not rest on noise the chart hides.
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true) {
            @Override
            public boolean getItemShapeFilled(int series, int item) {
                return !hollowBySeries.get(series).get(item);
            }
        };
        renderer.setDrawOutlines(true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Color.getHSBColor((i * 0.13f) % 1f, 0.7f, 0.6f));
            renderer.setSeriesStroke(i, ChartStyle.line(1.2f, false));
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ChartStyle.plot(plot);
        plot.addDomainMarker(new ValueMarker(0, ChartStyle.MARK, ChartStyle.line(1f, true)));
        plot.addRangeMarker(new ValueMarker(0, ChartStyle.MARK, ChartStyle.line(1f, true)));
        for (Label l : labels(px, py, x0, x1, y0, y1)) {
            XYTextAnnotation n = new XYTextAnnotation(l.text(), l.x(), l.y());
            n.setFont(ChartStyle.SMALL_FONT.deriveFont(java.awt.Font.BOLD));
            n.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            n.setPaint(Color.DARK_GRAY);
            plot.addAnnotation(n);
        }
        return ChartStyle.chart(plot, families.size() > 1);
    }

    /** A point's number (or the numbers of points drawn on top of each other), where it is written. */
    record Label(String text, double x, double y) { }

    /** The frontier's plot area in pixels, near enough to tell labels that would touch. */
    private static final double PLOT_W = ReportPage.WIDE - 90;
    private static final double PLOT_H = 440 - 90;
    private static final double CHAR_W = 7;
    private static final double LINE_H = 12;

    /**
     * Numbers for the points: points closer than a label's size share one label ("1, 4, 8"), and a label
     * that would cover one already placed moves up a line at a time, so none hides another.
     */
    static List<Label> labels(double[] x, double[] y, double x0, double x1, double y0, double y1) {
        double sx = PLOT_W / (x1 - x0);
        double sy = PLOT_H / (y1 - y0);
        List<double[]> anchors = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double ax = (x[i] - x0) * sx;
            double ay = (y[i] - y0) * sy;
            int near = -1;
            for (int k = 0; k < anchors.size() && near < 0; k++) {
                if (Math.abs(anchors.get(k)[0] - ax) < 2 * CHAR_W && Math.abs(anchors.get(k)[1] - ay) < LINE_H) {
                    near = k;
                }
            }
            if (near >= 0) {
                texts.get(near).append(", ").append(i + 1);
            } else {
                anchors.add(new double[] {ax, ay});
                texts.add(new StringBuilder(Integer.toString(i + 1)));
            }
        }
        List<double[]> placed = new ArrayList<>();
        List<Label> out = new ArrayList<>();
        for (int k = 0; k < anchors.size(); k++) {
            double left = anchors.get(k)[0] + 3;
            double bottom = anchors.get(k)[1] + 3;
            double width = CHAR_W * texts.get(k).length();
            boolean moved = true;
            for (int tries = 0; moved && tries < 20; tries++) {
                moved = false;
                for (double[] p : placed) {
                    boolean overlaps = left < p[0] + p[2] && p[0] < left + width
                            && bottom < p[1] + LINE_H && p[1] < bottom + LINE_H;
                    if (overlaps) {
                        bottom = p[1] + LINE_H;
                        moved = true;
                    }
                }
            }
            placed.add(new double[] {left, bottom, width});
            out.add(new Label(texts.get(k).toString(), x0 + left / sx, y0 + bottom / sy));
        }
        return out;
    }

    // ---- incidence --------------------------------------------------------------------------------------

    private static final String[][] ACTORS = {
        {"consumerSurplusChange", "consumers"},
        {"producerSurplusChange", "producers"},
        {"taxpayerChange", "taxpayers"},
        {"quotaRentChange", "quota-rent holders"},
        {"traderSurplusChange", "traders"},
        {"privateStockValueChange", "private stocks at the end"},
        {"plantValueChange", "plant left at the end"},
    };

    /**
     * What the instruments each option adds to the scenario did, over its runs: the NdPr purchase guarantee's
     * tonnes bought and dollars spent, the contract's payments, the quota's fill rate. The table of what each option
     * buys and costs gives the outcome; this gives the instrument's own account, which a policymaker checks the
     * outcome against (an option that avoids no loss because its guarantee never bought, or its quota never
     * filled). Instruments of the scenario itself, in every option, are left out; so is a section without any.
     */
    static void instruments(StringBuilder h, Comparison c) {
        java.util.Set<String> inBase = new java.util.HashSet<>();
        for (org.chokepoint.scenario.spec.PolicySpec p : c.base().scenario().policies()) {
            inBase.add(p.id());
        }
        StringBuilder t = new StringBuilder();
        for (int o = 1; o < c.options().size(); o++) {
            Scenario option = c.options().get(o).scenario().scenario();
            PolicyIndicatorLabels labels = new PolicyIndicatorLabels(option);
            for (org.chokepoint.scenario.spec.PolicySpec p : option.policies()) {
                if (inBase.contains(p.id())) {
                    continue;
                }
                String prefix = "policy." + p.id() + ".";
                for (String metric : c.result(o, 0).metrics().keySet()) {
                    if (!metric.startsWith(prefix)) {
                        continue;
                    }
                    org.chokepoint.experiment.Statistics s =
                            org.chokepoint.experiment.Statistics.of(c.values(o, metric));
                    boolean money = labels.money(metric);
                    t.append("<tr><td>").append(o).append("</td><td>").append(ReportPage.esc(c.options().get(o).name()))
                            .append("</td><td>").append(ReportPage.esc(labels.label(metric))).append("</td><td>")
                            .append(s.n).append("</td><td>").append(EnsembleReport.v(s.mean, money)).append("</td><td>")
                            .append(Double.isNaN(s.ci95Low) ? "n/a"
                                    : EnsembleReport.v(s.ci95Low, money) + " to " + EnsembleReport.v(s.ci95High, money))
                            .append("</td></tr>\n");
                }
            }
        }
        if (t.length() == 0) {
            return;
        }
        h.append("<h2>What each option's instruments did</h2>\n<p class=\"note\">The instruments each option adds "
                + "to the scenario, summed over the run, as docs/policies.md (Indicators) defines them, in the unit "
                + "each row names: volumes in the units of the commodities an instrument acts on, money in US "
                + "dollars of the scenario's price year, undiscounted and not restated. Mean over the option's runs "
                + "with its 95% confidence interval.</p>\n<table><tr><th>#</th><th>option</th><th>figure</th>"
                + "<th>runs with a value</th><th>mean</th><th>95% CI of the mean</th></tr>\n").append(t)
                .append("</table>\n");
    }

    static void incidence(StringBuilder h, Comparison c, List<ComparisonReport.Row> rows) {
        List<String> regions = new ArrayList<>();
        for (Scenario.RegionSpec r : c.base().scenario().regions()) {
            regions.add(r.id());
        }
        int n = c.options().size();
        h.append("<table><tr><th>region</th><th>who</th>");
        for (int o = 1; o < n; o++) {
            h.append("<th>").append(o).append("</th>");
        }
        h.append("</tr>\n");
        double[] total = new double[n];
        java.util.Set<String> shown = new java.util.HashSet<>();
        boolean leftOut = false;
        for (String region : regions) {
            for (String[] actor : ACTORS) {
                String metric = "region." + region + ".pv." + actor[0];
                double[] v = new double[n];
                boolean any = false;
                for (int o = 1; o < n; o++) {
                    ComparisonReport.Row r = find(rows, c.options().get(o).name(), metric);
                    v[o] = r == null ? Double.NaN : r.difference().mean();
                    any |= !Double.isNaN(v[o]) && Math.abs(v[o]) >= 0.5;
                    total[o] += Double.isNaN(v[o]) ? 0 : v[o];
                }
                if (!any) {
                    leftOut = true;
                    continue;
                }
                shown.add(actor[0]);
                h.append("<tr><td>").append(ReportPage.esc(region)).append("</td><td>").append(actor[1])
                        .append("</td>");
                for (int o = 1; o < n; o++) {
                    h.append("<td>").append(ChartStyle.money(v[o])).append("</td>");
                }
                h.append("</tr>\n");
            }
        }
        h.append("<tr><th>all</th><th>welfare change</th>");
        for (int o = 1; o < n; o++) {
            h.append("<th>").append(ChartStyle.money(total[o])).append("</th>");
        }
        h.append("</tr>\n</table>\n<p class=\"note\">").append(incidenceNote(shown, leftOut)).append("</p>\n");
    }

    /**
     * The note under the table of who gains: the definitions of the rows it shows, in their order, and whether any
     * row was left out for being below half a dollar in every option.
     *
     * @param shown the {@link #ACTORS} fields with a row in the table, in any region
     */
    static String incidenceNote(java.util.Set<String> shown, boolean leftOut) {
        StringBuilder note = new StringBuilder("Columns are the options numbered as in the table above.");
        for (String[] actor : ACTORS) {
            String words = TotalLabels.ACTORS.get(actor[0]);
            if (words != null && shown.contains(actor[0])) {
                note.append(' ').append(words);
            }
        }
        note.append(leftOut ? " Rows whose every entry is below half a dollar are left out; the welfare change row "
                + "adds up every row, shown or not, and is minus the change in the net welfare loss."
                : " The welfare change row adds up every row and is minus the change in the net welfare loss.");
        return note.toString();
    }

    // ---- small multiples --------------------------------------------------------------------------------

    /** The base scenario's marks, and each option's own measures after them, numbered on. */
    private static List<Mark> withOptions(Comparison c, List<Mark> baseMarks, Calendar cal, int horizon) {
        List<Mark> all = new ArrayList<>(baseMarks);
        for (Comparison.Option o : c.options().subList(1, c.options().size())) {
            all.addAll(ownMarks(o, baseMarks, cal, horizon, all));
        }
        return all;
    }

    /** Marks of what an option adds to the base scenario, keyed after those already {@code taken}. */
    private static List<Mark> ownMarks(Comparison.Option o, List<Mark> baseMarks, Calendar cal, int horizon,
                                       List<Mark> taken) {
        java.util.Set<String> known = new java.util.HashSet<>();
        baseMarks.forEach(m -> known.add(m.what()));
        Map<String, String> keys = new LinkedHashMap<>();
        for (Mark m : taken) {
            keys.put(m.what(), m.key());
        }
        int next = taken.stream().mapToInt(m -> Integer.parseInt(m.key())).max().orElse(0) + 1;
        List<Mark> out = new ArrayList<>();
        for (Mark m : ReportPage.marks(o.scenario().scenario(), cal, horizon)) {
            if (known.contains(m.what())) {
                continue;
            }
            String key = keys.get(m.what());
            if (key == null) {
                key = Integer.toString(next++);
                keys.put(m.what(), key);
            }
            Mark mark = new Mark(m.tick(), key, m.kind(), m.what());
            if (taken.stream().noneMatch(t -> t.equals(mark))) {
                out.add(mark);
            }
        }
        return out;
    }

    private static String multiples(Comparison c, Calendar cal, int from, List<Mark> baseMarks, String id,
                                    java.util.function.Function<Comparison.RunResult, float[]> series) {
        int n = c.options().size();
        int to = c.horizon();
        double[][] none = quantiles(c, 0, from, to, series);
        List<Mark> all = withOptions(c, baseMarks, cal, to);
        return ReportPage.inOrder(n - 1, i -> {
            int o = i + 1;
            double[][] q = quantiles(c, o, from, to, series);
            List<Mark> marks = new ArrayList<>(baseMarks);
            for (Mark m : ReportPage.marks(c.options().get(o).scenario().scenario(), cal, to)) {
                for (Mark a : all) {
                    if (a.what().equals(m.what()) && a.tick() == m.tick() && a.kind() == m.kind()
                            && !marks.contains(a)) {
                        marks.add(a);
                    }
                }
            }
            TimeChart chart = new TimeChart(cal, from, to, null).small()
                    .band(c.options().get(o).name(), q[0], q[1], q[2], OPTION)
                    .line(Comparison.NO_POLICY, none[1], ChartStyle.COUNTERFACTUAL, true)
                    .marks(marks);
            return "<div class=\"third\"><p>" + o + ". " + ReportPage.esc(c.options().get(o).name()) + "</p>"
                    + chart.svg(id + "-" + o, THIRD, 200) + "</div>\n";
        });
    }

    /** Per tick, the 5th, 50th and 95th percentile over an option's runs (R's type 7). */
    private static double[][] quantiles(Comparison c, int option, int from, int to,
                                        java.util.function.Function<Comparison.RunResult, float[]> series) {
        double[][] q = new double[3][to];
        double[] col = new double[c.runs()];
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (int t = 0; t < to; t++) {
            if (t < from) {
                q[0][t] = q[1][t] = q[2][t] = Double.NaN;
                continue;
            }
            for (int i = 0; i < c.runs(); i++) {
                col[i] = series.apply(c.result(option, i))[t];
            }
            percentile.setData(col);
            q[0][t] = percentile.evaluate(5);
            q[1][t] = percentile.evaluate(50);
            q[2][t] = percentile.evaluate(95);
        }
        return q;
    }
}
