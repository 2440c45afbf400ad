package org.chokepoint.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chokepoint.antitrust.ComplianceAuditor;
import org.chokepoint.antitrust.Consortium;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.Summary;
import org.chokepoint.metrics.SummaryCalculator;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.world.Commodity;
import org.chokepoint.world.World;

/**
 * {@code report.html} of one run: every market's price, production, consumption, trade, stock, days of cover
 * and unmet demand on calendar dates, the shocked run beside its counterfactual, events and policies marked,
 * and the summary's figures in tables. One self-contained page: inline SVG, inline CSS, no script.
 */
public final class RunReport {

    public static final String HTML = "report.html";

    static final Color LIGHT_SECOND = new Color(0x92c5de);

    private RunReport() {
    }

    public static String html(LoadedScenario loaded, RunOutcome outcome, int seed) {
        SupplyShockModel run = outcome.model();
        SupplyShockModel cf = outcome.counterfactual();
        Scenario scenario = loaded.scenario();
        World world = run.world();
        int horizon = run.horizon();
        Calendar cal = Calendar.of(scenario.time());
        List<Mark> marks = ReportPage.marks(scenario, cal, horizon);
        int shock = run.firstShockTick();
        SummaryCalculator.Window window = SummaryCalculator.window(scenario.time(), shock, horizon);
        int from = Math.min(ReportPage.firstShownTick(window.start(), marks, cal.ticksPerYear()), horizon - 1);
        Summary summary = outcome.summary();

        List<Integer> used = new ArrayList<>();
        List<ReportPage.MarketLabel> labels = new ArrayList<>();
        for (int m = 0; m < run.markets().count(); m++) {
            if (run.markets().used(m)) {
                Commodity c = world.commodity(world.commodityOfMarket(m));
                used.add(m);
                labels.add(new ReportPage.MarketLabel(world.region(world.regionOfMarket(m)).id(), c.id(),
                        c.quantityUnit(), c.priceUnit()));
            }
        }

        StringBuilder h = new StringBuilder(1 << 20);
        String title = scenario.meta().name() + ": one run, seed " + seed;
        ReportPage.head(h, title, labels);
        h.append("<h1>").append(ReportPage.esc(title)).append("</h1>\n");
        if (scenario.meta().description() != null) {
            h.append("<p>").append(ReportPage.esc(scenario.meta().description())).append("</p>\n");
        }
        h.append("<p>").append(horizon).append(" ticks (").append(ReportPage.esc(cal.label(0))).append(" to ")
                .append(ReportPage.esc(cal.label(horizon - 1))).append("); the charts start at ")
                .append(ReportPage.esc(cal.label(from)))
                .append(ReportPage.chartsStartWords(shock))
                .append(run.startedAtEquilibrium()
                        ? ", leaving out the weeks before (the run starts at the scenario's equilibrium, "
                                + "<code>time.startAt</code>, not at its initial prices). "
                        : ", leaving out the model's settling in from its initial prices. ");
        if (cf != null) {
            h.append("The run as specified is drawn in colour, its <b>counterfactual</b> (the same scenario and "
                    + "seed without its shocks, its background events and policies kept) in grey, dashed: the gap "
                    + "between them is the shocks' and the policies' doing.");
        } else {
            h.append("The scenario has no shock among its events and policies, so there is no counterfactual.");
        }
        h.append("</p>\n<h2>Events and policies</h2>\n");
        ReportPage.markList(h, marks, cal);

        if (cf != null) {
            totals(h, summary.totals(), summary.money().label());
            h.append("<p class=\"note\">Present values are discounted to ")
                    .append(ReportPage.esc(cal.label(summary.totals().decisionTick()))).append(", the decision date, at ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * summary.totals().discountRate()))
                    .append(" a year; public stocks held at the end are valued at the market price of the run's last tick.</p>\n");
            incidence(h, summary);
        }

        consortia(h, run, cal);

        h.append("<h2>Prices at a glance</h2>\n<p class=\"note\">Each market's price over its pre-shock level "
                + "(").append(ReportPage.esc(ReportPage.windowWords(scenario.time(), shock, window, cal))).append(")")
                .append(cf != null ? ", the counterfactual dashed" : "").append(".</p>\n<div class=\"grid\">\n");
        h.append(ReportPage.inOrder(used.size(), i -> {
            StringBuilder g = new StringBuilder();
            int m = used.get(i);
            Summary.MarketSummary ms = summary.markets().get(i);
            TimeChart c = new TimeChart(cal, from, horizon, "× pre-shock").small();
            c.line("run", relative(series(run, m, Metric.PRICE), ms.baselinePrice()), ChartStyle.SHOCKED, false);
            if (cf != null) {
                c.line("counterfactual", relative(series(cf, m, Metric.PRICE), ms.baselinePrice()),
                        ChartStyle.COUNTERFACTUAL, true);
            }
            c.marks(marks);
            g.append("<div class=\"small\"><p>").append(ReportPage.esc(labels.get(i).name())).append(": peak ×")
                    .append(ChartStyle.figure(ms.peakMultiple())).append("</p>")
                    .append(c.svg("glance-" + i, ReportPage.SMALL, 150)).append("</div>\n");
            return g.toString();
        }));
        h.append("</div>\n");

        h.append("<h2>Market by market</h2>\n<p class=\"note\">Choose a market; quantities are per tick (")
                .append(ReportPage.esc(ReportPage.tickWord(cal))).append(").</p>\n");
        ReportPage.selector(h, labels, mostShocked(summary));
        h.append(ReportPage.inOrder(used.size(), i -> {
            StringBuilder g = new StringBuilder();
            int m = used.get(i);
            ReportPage.MarketLabel label = labels.get(i);
            ReportPage.panelOpen(g, i, label);
            marketFigures(g, summary.markets().get(i), label, cal, shock);
            String q = label.quantityUnit() == null ? "" : " (" + label.quantityUnit() + ")";
            String p = label.priceUnit() == null ? "" : " (" + label.priceUnit() + ")";
            TimeChart price = pair(cal, from, horizon, "price" + p, run, cf, m, Metric.PRICE, marks);
            g.append("<p class=\"note\">Price").append(ReportPage.esc(p)).append("</p>")
                    .append(price.svg("price-" + i, ReportPage.WIDE, 300));
            g.append("<div class=\"grid\">\n");
            ReportPage.cell(g, "Production" + q, pair(cal, from, horizon, "production" + q, run, cf, m,
                    Metric.PRODUCTION, marks).svg("production-" + i, ReportPage.HALF, 250));
            ReportPage.cell(g, "Consumption (final and input use)" + q, pair(cal, from, horizon, "consumption" + q,
                    run, cf, m, Metric.CONSUMPTION, marks).svg("consumption-" + i, ReportPage.HALF, 250));
            TimeChart trade = new TimeChart(cal, from, horizon, "per tick" + q);
            trade.line("imports", series(run, m, Metric.IMPORTS), ChartStyle.SHOCKED, false);
            trade.line("exports", series(run, m, Metric.EXPORTS), ChartStyle.SECOND, false);
            if (cf != null) {
                trade.line("imports, counterfactual", series(cf, m, Metric.IMPORTS), ChartStyle.COUNTERFACTUAL, true);
                trade.line("exports, counterfactual", series(cf, m, Metric.EXPORTS), LIGHT_SECOND, true);
            }
            ReportPage.cell(g, "Imports and exports" + q, trade.marks(marks).svg("trade-" + i, ReportPage.HALF, 250));
            ReportPage.cell(g, "Unmet demand (shortage)" + q, pair(cal, from, horizon, "unmet demand" + q, run, cf,
                    m, Metric.UNMET_DEMAND, marks).svg("shortage-" + i, ReportPage.HALF, 250));
            ReportPage.cell(g, "Stock held in the region" + q, pair(cal, from, horizon, "stock" + q, run, cf, m,
                    Metric.STOCK, marks).svg("stock-" + i, ReportPage.HALF, 250));
            ReportPage.cell(g, "Days of cover (stock over daily use)", pair(cal, from, horizon, "days", run, cf, m,
                    Metric.INVENTORY_DAYS, marks).svg("cover-" + i, ReportPage.HALF, 250));
            g.append("</div>\n</section>\n");
            return g.toString();
        }));
        h.append("</div>\n");

        h.append("<h2>Every market's figures</h2>\n");
        marketTable(h, summary.markets(), labels, cal);
        h.append("<p class=\"note\">Definitions: docs/outputs.md. Exhaustion: the stock below ")
                .append(ChartStyle.figure(100 * scenario.outputs().exhaustionShareOrDefault()))
                .append("% of its pre-shock level (<code>outputs.exhaustionShare</code>). Written by chokepoint from ")
                .append(ReportPage.esc(loaded.source())).append(", seed ").append(seed).append(".</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The run's series in colour and the counterfactual's dashed grey beside it. */
    private static TimeChart pair(Calendar cal, int from, int to, String yLabel, SupplyShockModel run,
                                  SupplyShockModel cf, int m, Metric metric, List<Mark> marks) {
        TimeChart c = new TimeChart(cal, from, to, yLabel);
        c.line("run", series(run, m, metric), ChartStyle.SHOCKED, false);
        if (cf != null) {
            c.line("counterfactual", series(cf, m, metric), ChartStyle.COUNTERFACTUAL, true);
        }
        return c.marks(marks);
    }

    static double[] series(SupplyShockModel model, int m, Metric metric) {
        double[] v = new double[model.horizon()];
        for (int t = 0; t < v.length; t++) {
            v[t] = model.series().get(t, m, metric);
        }
        return v;
    }

    /**
     * Each value over {@code base}; all gaps (NaN) where there is no positive base to measure against: a market
     * whose pre-shock price was 0 (its summary's peak multiple is n/a) has no price "× pre-shock", and dividing
     * by the 0 drew its counterfactual at an infinite height, written into the page as {@code -Infinity}.
     */
    static double[] relative(double[] v, double base) {
        double[] out = new double[v.length];
        for (int t = 0; t < v.length; t++) {
            out[t] = base > 0 && Double.isFinite(base) ? v[t] / base : Double.NaN;
        }
        return out;
    }

    /** The market whose price rose most, shown first. */
    static int mostShocked(Summary s) {
        int best = 0;
        for (int i = 1; i < s.markets().size(); i++) {
            if (s.markets().get(i).peakMultiple() > s.markets().get(best).peakMultiple()) {
                best = i;
            }
        }
        return best;
    }

    private static void totals(StringBuilder h, Summary.Totals t, String money) {
        h.append("<h2>Against the counterfactual</h2>\n<table><tr><th>total, ").append(ReportPage.esc(money))
                .append("</th><th>sum</th><th>present value</th></tr>\n");
        Summary.PresentValues pv = t.presentValues();
        row(h, TotalLabels.of("downstreamOutputLoss"), t.downstreamOutputLoss(),
                pv.downstreamOutputLoss());
        row(h, TotalLabels.of("finalDemandShortage"), t.finalDemandShortage(), pv.finalDemandShortage());
        row(h, TotalLabels.of("consumerSurplusChange"), t.consumerSurplusChange(), pv.consumerSurplusChange());
        row(h, TotalLabels.of("producerSurplusChange"), t.producerSurplusChange(), pv.producerSurplusChange());
        row(h, TotalLabels.of("fiscalCost"), t.fiscalCost(), pv.fiscalCost());
        row(h, TotalLabels.of("publicStockValue"), t.publicStockValue(), pv.publicStockValue());
        row(h, TotalLabels.of("levyRevenue"), t.levyRevenue(), pv.levyRevenue());
        row(h, TotalLabels.of("quotaRent"), t.quotaRent(), pv.quotaRent());
        row(h, TotalLabels.of("traderSurplusChange"), t.traderSurplusChange(), pv.traderSurplusChange());
        row(h, TotalLabels.of("privateStockValueChange"), t.privateStockValueChange(),
                pv.privateStockValueChange());
        row(h, TotalLabels.of("plantValueChange"), t.plantValueChange(), pv.plantValueChange());
        row(h, TotalLabels.of("deadweightLoss"), t.deadweightLoss(), pv.deadweightLoss());
        h.append("</table>\n");
    }

    /**
     * What each joint-procurement consortium did and whether it kept the casebook's terms, from its compliance
     * record: the weeks it acted and on what basis, its members, and each violation with its dates and parties.
     * compliance.json holds the evidence; the page says where to find it.
     */
    private static void consortia(StringBuilder h, SupplyShockModel run, Calendar cal) {
        if (run.consortia().isEmpty()) {
            return;
        }
        h.append("<h2>Joint procurement</h2>\n");
        for (Consortium c : run.consortia()) {
            Map<String, Object> r = c.report();
            List<?> members = (List<?>) r.get("members");
            h.append("<h3>").append(ReportPage.esc(c.id())).append("</h3>\n<p>");
            @SuppressWarnings("unchecked")
            List<ComplianceAuditor.Period> periods = (List<ComplianceAuditor.Period>) r.get("activePeriods");
            if (periods.isEmpty()) {
                h.append("It never acted. ");
            } else {
                // In force with no member, it bought and allocated nothing: "acted with 0 members" read as a pool.
                h.append(members.isEmpty() ? "It stood in force " : "It acted ");
                for (int i = 0; i < periods.size(); i++) {
                    ComplianceAuditor.Period p = periods.get(i);
                    h.append(i == 0 ? "" : i == periods.size() - 1 ? " and " : ", ")
                            .append(ReportPage.esc(cal.label(p.from()))).append(" to ")
                            .append(ReportPage.esc(cal.label(p.to()))).append(" (")
                            .append(ReportPage.esc(p.basis())).append(")");
                }
                if (members.isEmpty()) {
                    h.append(", but no firm's stock ran low enough for it to join, so it bought and allocated nothing. ");
                } else {
                    h.append(", with ").append(members.size()).append(members.size() == 1 ? " member. " : " members. ");
                }
            }
            List<ComplianceAuditor.Violation> violations = c.violations();
            if (violations.isEmpty()) {
                h.append("It kept every term of the casebook the model checks.</p>\n");
                continue;
            }
            h.append(violations.size()).append(violations.size() == 1 ? " breach" : " breaches")
                    .append(" of the casebook's terms; compliance.json gives the evidence.</p>\n")
                    .append("<table><tr><th>rule</th><th>from</th><th>ticks</th><th>what happened</th>")
                    .append("<th>parties</th></tr>\n");
            for (ComplianceAuditor.Violation v : violations) {
                h.append("<tr><td>").append(ReportPage.esc(v.rule())).append("</td><td>")
                        .append(ReportPage.esc(cal.label(v.tick()))).append("</td><td>").append(v.ticks())
                        .append("</td><td>").append(ReportPage.esc(v.detail())).append("</td><td>")
                        .append(ReportPage.esc(String.join(", ", v.parties()))).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
    }

    /** Who gained and who lost, region by region; the rows add up to minus the net welfare loss. */
    private static void incidence(StringBuilder h, Summary s) {
        h.append("<h3>Who gains and who loses: present values, ").append(ReportPage.esc(s.money().label()))
                .append("</h3>\n<table><tr><th>region</th><th>consumers</th><th>producers</th><th>taxpayers</th>")
                .append("<th>quota-rent holders</th><th>traders</th><th>private stocks at the end</th>")
                .append("<th>plant left at the end</th><th>all</th></tr>\n");
        double total = 0;
        for (Summary.RegionSurplus r : s.regions()) {
            double all = r.welfareChangePv();
            total += all;
            h.append("<tr><td>").append(ReportPage.esc(r.region())).append("</td><td>")
                    .append(ChartStyle.money(r.consumerSurplusChangePv())).append("</td><td>")
                    .append(ChartStyle.money(r.producerSurplusChangePv())).append("</td><td>")
                    .append(ChartStyle.money(r.taxpayerChangePv())).append("</td><td>")
                    .append(ChartStyle.money(r.quotaRentChangePv())).append("</td><td>")
                    .append(ChartStyle.money(r.traderSurplusChangePv())).append("</td><td>")
                    .append(ChartStyle.money(r.privateStockValueChangePv())).append("</td><td>")
                    .append(ChartStyle.money(r.plantValueChangePv())).append("</td><td>")
                    .append(ChartStyle.money(all)).append("</td></tr>\n");
        }
        h.append("<tr><th>all</th><th></th><th></th><th></th><th></th><th></th><th></th><th></th><th>").append(ChartStyle.money(total))
                .append("</th></tr>\n</table>\n<p class=\"note\">").append(TotalLabels.TAXPAYERS).append(' ')
                .append(TotalLabels.TRADERS).append(' ').append(TotalLabels.PRIVATE_STOCKS).append(' ')
                .append(TotalLabels.PLANT).append(" The total is minus the net welfare loss's present value.</p>\n");
    }

    private static void row(StringBuilder h, String what, double sum, double pv) {
        h.append("<tr><td>").append(ReportPage.esc(what)).append("</td><td>").append(ChartStyle.money(sum))
                .append("</td><td>").append(ChartStyle.money(pv)).append("</td></tr>\n");
    }

    static String date(Calendar cal, Integer tick) {
        return tick == null ? "never" : cal.label(tick);
    }

    /**
     * The market's figures, in its units: the page says its quantities are per tick, which its charts are, so the
     * totals over the run say they are, and in what.
     */
    private static void marketFigures(StringBuilder h, Summary.MarketSummary m, ReportPage.MarketLabel label,
                                      Calendar cal, int shock) {
        String q = label.quantityUnit() == null ? "" : ", " + label.quantityUnit();
        String p = label.priceUnit() == null ? "" : " (" + label.priceUnit() + ")";
        TickUnit tick = TickUnit.of(cal.ticksPerYear());
        Integer exhausted = m.ticksToExhaustion();
        h.append("<table><tr><th>pre-shock price").append(ReportPage.esc(p))
                .append("</th><th>peak</th><th>peak on</th><th>back within 10%</th>")
                .append("<th>above 2×</th><th>above 5×</th><th>unmet demand (total over the run")
                .append(ReportPage.esc(q)).append(")</th><th>days of cover at shock</th>")
                .append("<th>stock exhausted after</th><th>output lost (total over the run").append(ReportPage.esc(q))
                .append("; ").append(TotalLabels.NEGATIVE_IS_GAIN).append(")</th></tr>\n<tr><td>")
                .append(ChartStyle.figure(m.baselinePrice())).append("</td><td>×")
                .append(ChartStyle.figure(m.peakMultiple())).append("</td><td>").append(cal.label(m.peakTick()))
                .append("</td><td>").append(date(cal, m.recoveryTick())).append("</td><td>")
                .append(date(cal, m.firstTickAbove2x())).append("</td><td>").append(date(cal, m.firstTickAbove5x()))
                .append("</td><td>").append(ChartStyle.figure(m.cumulativeShortage())).append("</td><td>")
                .append(m.daysOfCoverAtShock() == null ? "n/a" : ChartStyle.figure(m.daysOfCoverAtShock()))
                .append("</td><td>").append(exhausted == null ? "never"
                        : exhausted + " " + (exhausted == 1 ? tick.singular() : tick.plural()))
                .append("</td><td>").append(m.outputLoss() == null ? "n/a" : ChartStyle.figure(m.outputLoss())
                        + (m.outputLossShare() == null ? "" : " (" + ChartStyle.figure(100 * m.outputLossShare()) + "%)"))
                .append("</td></tr></table>\n");
    }

    /**
     * Every market's figures in one table, each column headed with its unit: the commodity's where every market
     * of the table has the same one, "in each commodity's unit" where they differ, each market's row then naming
     * its units beside it.
     */
    static void marketTable(StringBuilder h, List<Summary.MarketSummary> markets, List<ReportPage.MarketLabel> labels,
                            Calendar cal) {
        String q = sharedUnit(labels, ReportPage.MarketLabel::quantityUnit);
        String p = sharedUnit(labels, ReportPage.MarketLabel::priceUnit);
        boolean mixed = MIXED.equals(q) || MIXED.equals(p);
        TickUnit tick = TickUnit.of(cal.ticksPerYear());
        h.append("<table><tr><th>market</th><th>pre-shock price").append(ReportPage.esc(inParentheses(p)))
                .append("</th><th>peak ×</th><th>peak on</th>")
                .append("<th>back within 10%</th><th>above 2×</th><th>above 5×</th><th>unmet demand (total over the run")
                .append(ReportPage.esc(q == null ? "" : ", " + q)).append(")</th>")
                .append("<th>cover at shock (days)</th><th>exhausted after (").append(tick.plural())
                .append(")</th><th>output lost (total over the run").append(ReportPage.esc(q == null ? "" : ", " + q))
                .append("; ").append(TotalLabels.NEGATIVE_IS_GAIN).append(")</th><th>output lost, share (")
                .append(TotalLabels.NEGATIVE_IS_GAIN).append(")</th></tr>\n");
        for (int i = 0; i < markets.size(); i++) {
            Summary.MarketSummary m = markets.get(i);
            ReportPage.MarketLabel label = labels.get(i);
            String units = !mixed ? "" : " (" + (label.quantityUnit() == null ? "" : label.quantityUnit())
                    + (label.quantityUnit() != null && label.priceUnit() != null ? "; " : "")
                    + (label.priceUnit() == null ? "" : label.priceUnit()) + ")";
            h.append("<tr><td>").append(ReportPage.esc(m.region() + " " + m.commodity()
                            + (units.equals(" ()") ? "" : units))).append("</td><td>")
                    .append(ChartStyle.figure(m.baselinePrice())).append("</td><td>")
                    .append(ChartStyle.figure(m.peakMultiple())).append("</td><td>").append(cal.label(m.peakTick()))
                    .append("</td><td>").append(date(cal, m.recoveryTick())).append("</td><td>")
                    .append(date(cal, m.firstTickAbove2x())).append("</td><td>")
                    .append(date(cal, m.firstTickAbove5x())).append("</td><td>")
                    .append(ChartStyle.figure(m.cumulativeShortage())).append("</td><td>")
                    .append(m.daysOfCoverAtShock() == null ? "n/a" : ChartStyle.figure(m.daysOfCoverAtShock()))
                    .append("</td><td>").append(m.ticksToExhaustion() == null ? "never" : m.ticksToExhaustion())
                    .append("</td><td>").append(m.outputLoss() == null ? "n/a" : ChartStyle.figure(m.outputLoss()))
                    .append("</td><td>").append(m.outputLossShare() == null ? "n/a"
                            : ChartStyle.figure(100 * m.outputLossShare()) + "%")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static final String MIXED = "in each commodity's unit";

    /** The unit every market of the table shares, {@link #MIXED} where they differ, null where none has one. */
    static String sharedUnit(List<ReportPage.MarketLabel> labels,
                             java.util.function.Function<ReportPage.MarketLabel, String> unit) {
        java.util.Set<String> units = new java.util.HashSet<>();
        for (ReportPage.MarketLabel l : labels) {
            units.add(unit.apply(l));
        }
        if (units.size() > 1) {
            return MIXED;
        }
        return units.isEmpty() ? null : units.iterator().next();
    }

    private static String inParentheses(String unit) {
        return unit == null ? "" : " (" + unit + ")";
    }
}
