package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in headless Chromium: every chart must render with data, and loading the page must make
 * no network request (Chromium's own net log of the load is read back). Skipped only where no chromium
 * binary exists; .ci/run installs Debian's chromium so CI never skips it.
 */
class ComparisonReportChromiumTest {

    static String chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    @Test
    void reportRendersEveryChartWithDataAndFetchesNothing(@TempDir Path dir) throws Exception {
        String browser = chromium();
        if (browser == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run this check: .ci/run installs Debian's chromium");
        }
        assumeTrue(browser != null, "no chromium binary");
        Comparison c = Comparison.prepare(
                ScenarioLoader.load(Path.of(getClass().getResource("/scenarios/two-region.json").toURI())),
                Json.mapper().readTree("{\"options\": [{\"name\": \"floor <11>\", \"description\": \"a & b\", "
                        + "\"patch\": {\"policies\": [{\"type\": \"tariffFloor\", \"region\": \"B\", \"commodity\": "
                        + "\"metal\", \"floor\": 11, \"start\": 40}]}}]}"), "test", 3, 5, 120);
        c.run(2);
        Path out = Files.createDirectories(dir.resolve("cmp"));
        ComparisonReport.write(out, c, 1);
        Path html = out.resolve(ComparisonReport.HTML);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("(?i)https?://").matcher(page).find(), "the page names no outside address");
        assertFalse(Pattern.compile("(?i)<(script|link|img|iframe|object|embed)\\b").matcher(page).find(),
                "the page loads no script, stylesheet or image");

        String rendered = load(browser, dir, html, "report");
        // Every chart: an svg element with drawn data (paths for lines and bands, circles for the scatter).
        Matcher svg = Pattern.compile("(?s)<svg id=\"([^\"]+)\"(.*?)</svg>").matcher(rendered);
        List<String> charts = new ArrayList<>();
        while (svg.find()) {
            String id = svg.group(1);
            String body = svg.group(2);
            charts.add(id);
            if (id.equals("scatter")) {
                assertTrue(count(body, "<circle") >= 2, "scatter has a point per option");
            } else {
                assertTrue(count(body, "<path d=\"M") >= 2, id + " draws a line per option");
                assertTrue(Pattern.compile("<path d=\"M[0-9.]+,[0-9.]+L[0-9.]+,[0-9.]+").matcher(body).find(),
                        id + " has data points");
            }
        }
        assertTrue(charts.containsAll(List.of("price-0", "shortage", "output-loss", "scatter")),
                "charts rendered: " + charts);
        assertTrue(rendered.contains("Without any policy"), "the cost of inaction is stated");
        assertTrue(rendered.contains("floor &lt;11&gt;"), "option names are escaped");

        assertTrue(pageRequests(dir, "report").isEmpty(), "network requests made by the report page: "
                + pageRequests(dir, "report"));

        // The same check catches a page that does fetch something, so its silence above means something.
        Path leaky = dir.resolve("leaky.html");
        Files.writeString(leaky, "<!DOCTYPE html><html><body><img src=\"http://example.invalid/x.png\"></body></html>");
        load(browser, dir, leaky, "leaky");
        assertEquals(List.of("http://example.invalid/x.png"), pageRequests(dir, "leaky"));
    }

    /** Loads a page in headless Chromium with a fresh profile and a net log; returns the DOM after load. */
    static String load(String browser, Path dir, Path page, String name) throws Exception {
        Path profile = Files.createDirectory(dir.resolve("profile-" + name));
        List<String> cmd = List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-default-apps", "--disable-extensions",
                "--user-data-dir=" + profile, "--log-net-log=" + dir.resolve("netlog-" + name + ".json"),
                "--dump-dom", page.toUri().toString());
        Path stderr = dir.resolve("stderr-" + name + ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        byte[] dom = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, p.exitValue(), "chromium exit code; stderr: " + Files.readString(stderr));
        return new String(dom, StandardCharsets.UTF_8);
    }

    /**
     * Requests the page made, from Chromium's net log: URL requests with an initiator. The browser's own
     * background services (clock, accounts, updates), which also show up in the log, have none ("not an
     * origin"); a request from a file:// page has the opaque origin "null".
     */
    static List<String> pageRequests(Path dir, String name) throws Exception {
        String log = Files.readString(dir.resolve("netlog-" + name + ".json"), StandardCharsets.UTF_8);
        assertTrue(log.contains("\"events\""), "chromium wrote its net log");
        com.fasterxml.jackson.databind.JsonNode events = Json.mapper().readTree(log).path("events");
        List<String> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode e : events) {
            com.fasterxml.jackson.databind.JsonNode params = e.path("params");
            if (params.has("initiator") && params.has("url")
                    && !"not an origin".equals(params.get("initiator").asText())
                    && !out.contains(params.get("url").asText())) {
                out.add(params.get("url").asText());
            }
        }
        return out;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
