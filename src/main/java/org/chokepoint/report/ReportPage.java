package org.chokepoint.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.metrics.SummaryCalculator;
import org.chokepoint.scenario.Scenario;

/**
 * What the run and ensemble pages share: the page's head and style, the list of marked events and policies,
 * and a market selector made of radio buttons and CSS alone, so the page needs no script and no network.
 * Only the selected market's panel is shown; every panel is in the file.
 */
final class ReportPage {

    static final int WIDE = 960;
    static final int HALF = 474;
    static final int SMALL = 232;

    private ReportPage() {
    }

    /** One market on the page. */
    record MarketLabel(String region, String commodity, String quantityUnit, String priceUnit) {
        String name() {
            return region + " " + commodity;
        }
    }

    static void head(StringBuilder h, String title, List<MarketLabel> markets) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:Georgia,serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em}h3{font-size:1.1em}\n")
                .append("table{border-collapse:collapse;font-size:.85em;margin:.5em 0}")
                .append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right;white-space:nowrap}")
                .append("th:first-child,td:first-child{text-align:left}th{background:#f4f4ef}\n")
                .append("svg{display:block;max-width:100%;height:auto;border:1px solid #ddd;background:#fff}\n")
                .append(".grid{display:flex;flex-wrap:wrap;gap:8px}.cell{width:").append(HALF).append("px}")
                .append(".small{width:").append(SMALL).append("px;font-size:.8em}\n")
                .append(".cell p,.small p{margin:.2em 0;font-family:sans-serif;font-size:.85em}\n")
                .append(".note{font-size:.9em;color:#444}.lead{background:#f4f4ef;padding:.6em 1em;border-left:4px solid #888}\n")
                .append(".markets>input{position:absolute;opacity:0;pointer-events:none}\n")
                .append(".markets nav{font-family:sans-serif;font-size:.85em;line-height:2}\n")
                .append(".markets nav label{border:1px solid #bbb;border-radius:3px;padding:1px 6px;margin-right:3px;")
                .append("cursor:pointer;white-space:nowrap}\n.markets .panel{display:none}\n");
        for (int i = 0; i < markets.size(); i++) {
            h.append("#m").append(i).append(":checked~#p").append(i).append("{display:block}")
                    .append("#m").append(i).append(":checked~nav label[for=m").append(i)
                    .append("]{background:#333;color:#fff}\n");
        }
        h.append("</style></head><body>\n");
    }

    /** The selector's radio buttons and its navigation; {@code selected} is checked. Panels follow. */
    static void selector(StringBuilder h, List<MarketLabel> markets, int selected) {
        h.append("<div class=\"markets\">\n");
        for (int i = 0; i < markets.size(); i++) {
            h.append("<input type=\"radio\" name=\"market\" id=\"m").append(i).append('"')
                    .append(i == selected ? " checked" : "").append(">");
        }
        h.append("\n<nav>");
        String region = null;
        for (int i = 0; i < markets.size(); i++) {
            MarketLabel m = markets.get(i);
            if (!m.region().equals(region)) {
                h.append(region == null ? "" : "<br>").append("<b>").append(esc(m.region())).append("</b> ");
                region = m.region();
            }
            h.append("<label for=\"m").append(i).append("\">").append(esc(m.commodity())).append("</label>");
        }
        h.append("</nav>\n");
    }

    /**
     * The parts {@code 0..n-1} made on the common pool's threads and joined in index order: charts are
     * drawn in parallel and the page is the same bytes whatever the number of threads.
     */
    static String inOrder(int n, java.util.function.IntFunction<String> part) {
        return java.util.stream.IntStream.range(0, n).parallel().mapToObj(part)
                .collect(java.util.stream.Collectors.joining());
    }

    static void panelOpen(StringBuilder h, int i, MarketLabel m) {
        h.append("<section class=\"panel\" id=\"p").append(i).append("\">\n<h3>")
                .append(esc(m.commodity())).append(" in ").append(esc(m.region())).append("</h3>\n");
    }

    static void cell(StringBuilder h, String caption, String svg) {
        h.append("<div class=\"cell\"><p>").append(esc(caption)).append("</p>").append(svg).append("</div>\n");
    }

    /**
     * The scenario's events and policies as marks, numbered in the order of the file (events first): each
     * announcement (when it comes before the start), start and end.
     */
    static List<Mark> marks(Scenario s, Calendar cal, int horizon) {
        List<Mark> marks = new ArrayList<>();
        int key = 1;
        // Read as the file spells them (type, id, region, ...), whatever record each type is bound to.
        for (Object event : s.events()) {
            JsonNode e = org.chokepoint.scenario.Json.mapper().valueToTree(event);
            String type = e.path("type").asText();
            String what = e.path("id").asText(type) + " (" + type + where(e.path("region").asText(null),
                    e.path("commodity").asText(null), e.path("from").asText(null), e.path("to").asText(null),
                    e.path("chokepoint").asText(null)) + ")";
            String k = Integer.toString(key++);
            marks.add(new Mark(e.path("start").asInt(), k, Mark.Kind.STARTS, what));
            if (e.hasNonNull("end") && e.get("end").asInt() < horizon) {
                marks.add(new Mark(e.get("end").asInt(), k, Mark.Kind.ENDS, what));
            }
        }
        for (Object policy : s.policies()) {
            JsonNode p = org.chokepoint.scenario.Json.mapper().valueToTree(policy);
            String type = p.path("type").asText();
            String id = p.path("id").asText(type);
            List<String> named = org.chokepoint.scenario.spec.PolicySpec.commoditiesNamed(p);
            String commodities = named.isEmpty() ? null : String.join(", ", named);
            String what = id + " (" + type + where(p.path("region").asText(null), commodities, null, null, null) + ")";
            String k = Integer.toString(key++);
            int start = p.path("start").asInt(0);
            if (p.hasNonNull("announce") && p.get("announce").asInt() < start) {
                marks.add(new Mark(p.get("announce").asInt(), k, Mark.Kind.ANNOUNCED, what));
            }
            marks.add(new Mark(start, k, Mark.Kind.STARTS, what));
            if (p.hasNonNull("end") && p.get("end").asInt() < horizon) {
                marks.add(new Mark(p.get("end").asInt(), k, Mark.Kind.ENDS, what));
            }
        }
        return marks;
    }

    private static String where(String region, String commodity, String from, String to, String chokepoint) {
        StringBuilder w = new StringBuilder();
        if (region != null) {
            w.append(", ").append(region);
        }
        if (commodity != null) {
            w.append(", ").append(commodity);
        }
        if (from != null && to != null) {
            w.append(", ").append(from).append(" to ").append(to);
        }
        if (chokepoint != null) {
            w.append(", ").append(chokepoint);
        }
        return w.toString();
    }

    /** The list that explains the numbers on the charts' vertical lines. */
    static void markList(StringBuilder h, List<Mark> marks, Calendar cal) {
        if (marks.isEmpty()) {
            h.append("<p>The scenario has no events and no policies: nothing is marked, and there is no "
                    + "counterfactual.</p>\n");
            return;
        }
        h.append("<p class=\"note\">Vertical lines on the charts: solid where an event or policy starts, dashed where "
                + "a policy is announced before it starts, dotted where one ends; the number names it.</p>\n<ol>");
        String open = null;
        for (Mark m : marks) {
            if (!m.key().equals(open)) {
                if (open != null) {
                    h.append("</li>");
                }
                h.append("<li value=\"").append(m.key()).append("\">").append(esc(m.what())).append(": ");
                open = m.key();
            } else {
                h.append("; ");
            }
            h.append(m.kind().words()).append(' ').append(esc(cal.label(m.tick())));
        }
        h.append("</li></ol>\n");
    }

    /**
     * The first tick charts show: the pre-shock window's start, or a quarter-year before the first mark
     * after tick 0 when that comes earlier (an announcement before the first event), so the charts show
     * what came before the shock without the model's settling in from its initial prices.
     */
    static int firstShownTick(int windowStart, List<Mark> marks, int ticksPerYear) {
        int first = windowStart;
        for (Mark m : marks) {
            if (m.tick() >= 1) {
                first = Math.min(first, m.tick() - ticksPerYear / 4);
            }
        }
        return Math.max(0, first);
    }

    /**
     * Where the charts start, after its date: "before the shock" only where there is one to start before. The
     * pre-shock window ends at the first shock event or export measure; a scenario without one (no shock at all,
     * or importers' instruments alone, which never move the window) has the window at the end of its warm-up.
     */
    static String chartsStartWords(int firstShock) {
        return firstShock >= 1 ? ", before the shock" : "";
    }

    /**
     * What a market's pre-shock level is the mean over, as {@link SummaryCalculator#window} takes it: the ticks
     * before the first shock, or, without a shock to measure from, the ticks it does take, dated, since "before
     * the first shock" would then describe ticks the summary never read (after a tariff that began in the
     * warm-up, say, or in a world with no shock at all).
     */
    static String windowWords(Scenario.TimeSpec time, int firstShock, SummaryCalculator.Window window, Calendar cal) {
        String ticks = org.chokepoint.experiment.Count.of(window.length(), "tick");
        if (firstShock >= 1) {
            return "the mean over the " + ticks + " before the first shock";
        }
        String dates = window.length() == 1 ? cal.label(window.start())
                : cal.label(window.start()) + " to " + cal.label(window.end() - 1);
        int warmup = time.warmupOrDefault();
        String where = warmup == 0 ? "the tick the run starts at, having no warm-up"
                : window.end() < warmup ? "the run's last, which ends before its warm-up does"
                : "the end of the warm-up";
        return "the mean over " + ticks + ", " + dates + ", " + where
                + ": no event or export measure of the scenario is a shock to measure from";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** What a tick is, as a page says it beside "per tick": "a week", "a month", or "a tick is 1/N of a year". */
    static String tickWord(Calendar cal) {
        TickUnit unit = TickUnit.of(cal.ticksPerYear());
        return unit.singular().equals("tick") ? "a tick is 1/" + cal.ticksPerYear() + " of a year"
                : "a " + unit.singular();
    }
}
