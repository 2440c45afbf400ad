package org.chokepoint.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.experiment.MeanInterval;

/**
 * The comparison page's ranking, each option set against the next one down run by run ({@link HeadToHead}). A
 * ministry reading the table of what each option buys asks which is ahead; the options' own intervals against no
 * policy answer it badly, overlapping where the paired difference between two options is clear of zero.
 */
final class SideBySide {
    private SideBySide() {
    }

    /**
     * The options but no policy, by the downstream loss each avoids on average, most first; an option whose runs
     * have no such figure last, and options that avoid the same in the order of the options file. An option is
     * named by its place in the comparison, no policy 0, as {@code eff} holds the others in order from 1.
     */
    static List<Integer> ranked(List<ComparisonReport.Effectiveness> eff) {
        List<Integer> order = new ArrayList<>();
        for (int o = 1; o <= eff.size(); o++) {
            order.add(o);
        }
        Comparator<Integer> byAvoided = Comparator.comparingDouble(o -> {
            double m = eff.get(o - 1).avoidedLoss().mean();
            return Double.isNaN(m) ? Double.POSITIVE_INFINITY : -m;
        });
        order.sort(byAvoided);
        return order;
    }

    static void append(StringBuilder h, Comparison c, List<ComparisonReport.Effectiveness> eff) {
        if (c.options().size() < 3) {
            return;
        }
        List<Integer> order = ranked(eff);
        h.append("<h2>Options side by side: each against the next one down</h2>\n<p class=\"note\">The options in ")
                .append("order of the downstream loss each avoids on average, each set against the one below it run ")
                .append("by run on the same seeds, in present values. Two options' own intervals against no policy ")
                .append("may overlap while the difference between them stands clear of zero: both carry each run's ")
                .append("shock, and their difference leaves it out. Where its interval holds zero these runs cannot ")
                .append("tell the two apart. Every pair is in head-to-head.csv, once: the option listed first in ")
                .append("the options file against the other, so that a pair ranked the other way round has its ")
                .append("signs turned there. Each verdict rests on its own 95% interval: over many pairs one ")
                .append("in twenty may be called ahead by chance, so a narrow one is read with its runs. The ")
                .append("number after a name is its row in the table above and its point on the frontier.</p>\n")
                .append("<table class=\"compact\"><tr><th>rank</th><th>option</th><th>against</th>")
                .append("<th>loss avoided, more</th><th>runs in which it avoids more</th>")
                .append("<th>net fiscal cost, more</th></tr>\n");
        for (int k = 0; k < order.size(); k++) {
            int a = order.get(k);
            h.append("<tr><td>").append(k + 1).append("</td><td>").append(named(c, a)).append("</td>");
            if (k + 1 == order.size()) {
                h.append("<td>none below it</td><td></td><td></td><td></td></tr>\n");
                continue;
            }
            HeadToHead p = HeadToHead.of(c, a, order.get(k + 1));
            h.append("<td>").append(named(c, order.get(k + 1))).append("</td><td>")
                    .append(ComparisonPage.withCi(p.avoidedLoss()))
                    .append("<br><small>").append(verdict(p.avoidedLoss())).append("</small></td><td>")
                    .append(p.optionAhead()).append(" of ").append(p.runsCompared());
            if (p.versusAhead() + p.optionAhead() < p.runsCompared()) {
                h.append("<br><small>").append(p.runsCompared() - p.optionAhead() - p.versusAhead())
                        .append(" the same</small>");
            }
            h.append("</td><td>").append(ComparisonPage.withCi(p.netFiscalCost())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * An option's name with its number in the table of what each option buys and on the frontier, which count the
     * options in the file's order: "rank 1" beside "#1" read as one option where they were two.
     */
    private static String named(Comparison c, int option) {
        return ReportPage.esc(c.options().get(option).name()) + " <small>(#" + option + ")</small>";
    }

    /** Whether the runs tell the option ahead from the one below it. */
    static String verdict(MeanInterval more) {
        if (more.n() < 2 || Double.isNaN(more.ci95Low())) {
            return "too few runs to tell";
        }
        return ComparisonPage.withinNoise(more) ? "not told apart" : more.ci95Low() > 0 ? "ahead" : "behind";
    }
}
