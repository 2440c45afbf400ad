package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chokepoint.experiment.Ensemble;
import org.chokepoint.experiment.Progress;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report.html of a run and of an ensemble of the 2010 rare-earth episode in headless Chromium:
 * every chart is there and drawn with data, no text runs past the edge of its chart or covers another text,
 * and loading the page fetches nothing. A screenshot of each page is kept in
 * {@code target/report-screenshots/} for a person to look at. Skipped only where no chromium binary exists;
 * .ci/run installs Debian's chromium so CI never skips it.
 */
class ReportsChromiumTest {

    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    static final int TICKS = 260;

    /**
     * Shows every market's panel and, once laid out, writes what it measured into the page: the number of
     * charts, each text that is not inside its chart's box, each pair of texts in one chart that overlap.
     */
    static final String MEASURE = "<style>.markets .panel{display:block!important}</style><script>\n"
            + "(function(){var out=[],overlap=[],charts=0,texts=0;\n"
            + "document.querySelectorAll('svg').forEach(function(svg){charts++;var r=svg.getBoundingClientRect();\n"
            + " var boxes=[];svg.querySelectorAll('text').forEach(function(t){var b=t.getBoundingClientRect();\n"
            + "  if(b.width===0)return;texts++;\n"
            + "  if(b.left<r.left-0.5||b.right>r.right+0.5||b.top<r.top-0.5||b.bottom>r.bottom+0.5)\n"
            + "   out.push(svg.id+': '+t.textContent);\n"
            + "  boxes.forEach(function(o){var w=Math.min(b.right,o.b.right)-Math.max(b.left,o.b.left),\n"
            + "   h=Math.min(b.bottom,o.b.bottom)-Math.max(b.top,o.b.top);\n"
            + "   if(w>1&&h>1)overlap.push(svg.id+': '+o.t+' / '+t.textContent);});\n"
            + "  boxes.push({b:b,t:t.textContent});});});\n"
            + "var pre=document.createElement('pre');pre.id='measured';\n"
            + "pre.textContent=JSON.stringify({charts:charts,texts:texts,outside:out,overlap:overlap});\n"
            + "document.body.appendChild(pre);})();\n</script>";

    @Test
    void runReportDrawsEveryMarketAndKeepsItsTextInside(@TempDir Path dir) throws Exception {
        String browser = browser();
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios", "rare-earth-2010.json"));
        RunOutcome outcome = Simulation.run(loaded.scenario(), 1, TICKS, 1);
        Path out = Files.createDirectories(dir.resolve("run"));
        RunOutputs.write(out, loaded, outcome, 1, 0);
        Path html = out.resolve(RunReport.HTML);
        int markets = outcome.summary().markets().size();

        // The same run gives the same page, byte for byte.
        assertEquals(Files.readString(html), RunReport.html(loaded, outcome, 1));
        JsonNode measured = check(browser, dir, html, "run");
        // per market: a small price chart, the price and six more charts in its panel
        assertEquals(markets * 8, measured.get("charts").asInt(), "charts on the page");
        String page = Files.readString(html);
        for (String chart : List.of("glance-0", "price-0", "production-0", "consumption-0", "trade-0",
                "shortage-0", "stock-0", "cover-0")) {
            assertTrue(drawnPoints(page, chart) >= TICKS / 2, chart + " draws a line over the run");
        }
        assertTrue(page.contains("halt-to-japan-2010 (exportBan"), "the policies are listed");
        assertTrue(page.contains(">2011</text>") && page.contains(">2012</text>"), "years on the time axis");
        assertFalse(Pattern.compile(">(19|20)\\d\\d\\.\\d+</text>").matcher(page).find(), "no fractional years on an axis");
        screenshot(browser, dir, html, "run-report.png");
    }

    @Test
    void ensembleReportDrawsBandsAndDistributions(@TempDir Path dir) throws Exception {
        String browser = browser();
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios", "rare-earth-2010.json"));
        Path out = dir.resolve("ensemble");
        new Ensemble(loaded, 6, 7, TICKS, 2).run(out, false, Progress.Mode.NONE, System.err);
        EnsembleReport.write(out, loaded);
        Path html = out.resolve(EnsembleReport.HTML);
        String page = Files.readString(html);

        JsonNode measured = check(browser, dir, html, "ensemble");
        int panels = count(page, "<section class=\"panel\"");
        assertTrue(panels >= 20, "a panel per market: " + panels);
        assertTrue(measured.get("charts").asInt() > panels * 7, "band charts and histograms: " + measured);
        assertTrue(drawnPoints(page, "price-0") >= TICKS / 2, "the median is drawn over the run");
        assertTrue(page.contains("id='totals-0'"), "the distribution of the first total is drawn");
        assertTrue(page.contains("id='hist-0-0'"), "the distribution of a market's peak multiple is drawn");
        int start = page.indexOf("<svg id='price-0'");
        assertTrue(page.substring(start, page.indexOf("</svg>", start)).contains(">counterfactual</text>"),
                "the counterfactuals' band is drawn beside the runs' and named in the legend");
        screenshot(browser, dir, html, "ensemble-report.png");
    }

    static String browser() {
        String browser = ComparisonReportChromiumTest.chromium();
        if (browser == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run this check: .ci/run installs Debian's chromium");
        }
        assumeTrue(browser != null, "no chromium binary");
        return browser;
    }

    /** The page's own checks, then Chromium's: nothing fetched, nothing outside a chart, nothing overlapping. */
    static JsonNode check(String browser, Path dir, Path html, String name) throws Exception {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("(?i)https?://").matcher(page).find(), "the page names no outside address");
        assertFalse(Pattern.compile("(?i)<(script|link|img|iframe|object|embed)\\b").matcher(page).find(),
                "the page loads no script, stylesheet or image");

        ComparisonReportChromiumTest.load(browser, dir, html, name);
        assertTrue(ComparisonReportChromiumTest.pageRequests(dir, name).isEmpty(),
                "network requests made by the page: " + ComparisonReportChromiumTest.pageRequests(dir, name));

        Path measuring = dir.resolve(name + "-measured.html");
        Files.writeString(measuring, page.replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);
        String dom = ComparisonReportChromiumTest.load(browser, dir, measuring, name + "-measured");
        Matcher m = Pattern.compile("<pre id=\"measured\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the measuring script ran");
        JsonNode measured = Json.mapper().readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">"));
        assertTrue(measured.get("texts").asInt() > measured.get("charts").asInt() * 5,
                "the charts have their axes' labels: " + measured.get("texts"));
        assertEquals(List.of(), texts(measured.get("outside")), "texts outside their chart");
        assertEquals(List.of(), texts(measured.get("overlap")), "texts covering each other");
        return measured;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The most points of one path drawn in the chart with that id. */
    static int drawnPoints(String page, String id) {
        int start = page.indexOf("<svg id='" + id + "'");
        assertTrue(start >= 0, "chart " + id + " is on the page");
        String svg = page.substring(start, page.indexOf("</svg>", start));
        int most = 0;
        Matcher d = Pattern.compile("<path [^>]*d='M([^']*)'").matcher(svg);
        while (d.find()) {
            most = Math.max(most, count(d.group(1), "L") + 1);
        }
        return most;
    }

    static void screenshot(String browser, Path dir, Path html, String file) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve(file).toAbsolutePath();
        Files.deleteIfExists(png);
        Path profile = Files.createDirectory(dir.resolve("profile-shot-" + file));
        Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--disable-background-networking", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=1100,3600", "--screenshot=" + png, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("shot-" + file + ".txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        assertTrue(Files.size(png) > 50_000, "a screenshot with something on it: " + png);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
