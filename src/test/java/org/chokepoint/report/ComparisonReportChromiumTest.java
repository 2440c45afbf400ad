package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import com.fasterxml.jackson.databind.JsonNode;
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
    void reportDrawsAChartPerOptionKeepsItsTextInsideAndFetchesNothing(@TempDir Path dir) throws Exception {
        String browser = ReportsChromiumTest.browser();
        Comparison c = Comparison.prepare(
                ScenarioLoader.load(Path.of(getClass().getResource("/scenarios/two-region.json").toURI())),
                Json.mapper().readTree("{\"options\": [{\"name\": \"floor <11>\", \"description\": \"a & b\", "
                        + "\"patch\": {\"policies\": [{\"type\": \"tariffFloor\", \"region\": \"B\", \"commodity\": "
                        + "\"metal\", \"floor\": 11, \"announce\": 30, \"start\": 40}]}},"
                        + "{\"name\": \"cfd\", \"patch\": {\"policies\": [{\"type\": \"contractForDifference\","
                        + " \"region\": \"B\", \"commodity\": \"metal\", \"strike\": 10, \"start\": 40}]}}]}"),
                "test", 3, 5, 120, List.of(Comparison.Grid.parse("/policies/0/strike=11,14")));
        c.run(2);
        Path out = Files.createDirectories(dir.resolve("cmp"));
        ComparisonReport.write(out, c, 1);
        Path html = out.resolve(ComparisonReport.HTML);
        String page = Files.readString(html, StandardCharsets.UTF_8);

        // Nothing fetched, no text outside its chart or over another's (ReportsChromiumTest.check).
        JsonNode measured = ReportsChromiumTest.check(browser, dir, html, "comparison");
        ReportsChromiumTest.screenshot(browser, dir, html, "comparison-report.png");
        // Three options: a chart each per plotted market, for the shortage and for the output lost; a frontier.
        int perOption = c.plotted().size() + 2;
        assertEquals(3 * perOption + 1, measured.get("charts").asInt(), "charts on the page");
        for (String chart : List.of("price-0-1", "price-0-3", "shortage-2", "output-loss-3")) {
            assertTrue(ReportsChromiumTest.drawnPoints(page, chart) >= 40, chart + " draws the option over time");
        }
        assertTrue(page.contains("<svg id='frontier'"), "the frontier is drawn");
        assertTrue(page.contains(">cfd</text>"), "the frontier's legend names the swept option");
        assertTrue(page.contains("In present values, as in the table below: without any policy"),
                "the cost of inaction is stated");
        assertTrue(page.contains("floor &lt;11&gt;"), "option names are escaped");
        assertTrue(page.contains("Who gains and who loses") && page.contains("<td>consumers</td>"),
                "the incidence table");
        assertTrue(page.contains("US$ (present values") || page.contains("present values, US$"),
                "money is labelled");

        // The same check catches a page that does fetch something, so its silence above means something.
        Path leaky = dir.resolve("leaky.html");
        Files.writeString(leaky, "<!DOCTYPE html><html><body><img src=\"http://example.invalid/x.png\"></body></html>");
        load(browser, dir, leaky, "leaky");
        assertEquals(List.of("http://example.invalid/x.png"), pageRequests(dir, "leaky"));
    }

    @Test
    void aLabelOutsideItsChartIsCaught(@TempDir Path dir) throws Exception {
        String browser = ReportsChromiumTest.browser();
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><svg id='c' width='200' height='100' viewBox='0 0 200 100'>"
                + "<text x='150' y='50'>a label far too long for this chart</text>"
                + "<text x='10' y='15'>a</text><text x='10' y='30'>b</text><text x='10' y='45'>c</text>"
                + "<text x='10' y='60'>d</text><text x='10' y='75'>e</text><text x='10' y='90'>f</text>"
                + "</svg></body></html>");
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> ReportsChromiumTest.check(browser, dir, bad, "bad"));
        assertTrue(e.getMessage().contains("a label far too long"), e.getMessage());
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
