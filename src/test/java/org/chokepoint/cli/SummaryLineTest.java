package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line each command ends with, for the smallest batch each allows: one point of one run is "1 point x 1 run =
 * 1 row", an ensemble of one run "1 run", a run of one tick "1 tick", never "1 runs".
 */
class SummaryLineTest extends CommandLineTest {

    static final String LINEAR = "src/test/resources/scenarios/one-market-linear.json";

    @TempDir
    Path dir;

    @Test
    void aSweepOfOnePointAndOneRunSaysSo() {
        Path out = dir.resolve("sweep");

        assertEquals(0, chokepoint("sweep", LINEAR, "--set", "/behaviour/demandNoise=0.02", "--ticks", "5",
                "--quiet", "--out", out.toString()), err.toString());

        assertTrue(this.out.toString().matches("\\Qwrote " + out + " (1 point x 1 run = 1 row, \\E[0-9]+ ms\\)\n"),
                this.out.toString());
    }

    @Test
    void anEnsembleOfOneRunSaysSo() throws Exception {
        Path out = dir.resolve("ensemble");

        assertEquals(0, chokepoint("ensemble", LINEAR, "--runs", "1", "--ticks", "5", "--quiet", "--out",
                out.toString()), err.toString());

        assertTrue(this.out.toString().matches("\\Qwrote " + out + " (1 run, 0 resumed, 1 run now, \\E[0-9]+ ms\\)\n"),
                this.out.toString());
        String html = java.nio.file.Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h1>one-market-linear: ensemble of 1 run</h1>"), "the report's title");
        assertTrue(html.contains("<p>1 replication of 5 ticks ("), "the report's first line");
    }

    @Test
    void aRunOfOneTickSaysSo() {
        Path out = dir.resolve("run");

        assertEquals(0, chokepoint("run", LINEAR, "--ticks", "1", "--out", out.toString()), err.toString());

        assertTrue(this.out.toString().matches("\\Qwrote " + out + " (1 tick, \\E[0-9]+ ms\\)\n"), this.out.toString());
    }

    /** A comparison has two options and two runs at least, but may run for one tick. */
    @Test
    void aComparisonOfOneTickSaysSo() throws Exception {
        Path options = dir.resolve("options.json");
        java.nio.file.Files.writeString(options, "{\"options\": [{\"name\": \"same\", \"patch\": {}}]}");
        Path out = dir.resolve("compare");

        assertEquals(0, chokepoint("compare", LINEAR, "--options", options.toString(), "--runs", "2", "--ticks", "1",
                "--quiet", "--out", out.toString()), err.toString());

        // The file's options counted as validate --options counts them, "no policy" beside them.
        assertTrue(this.out.toString().matches("\\Qwrote " + out + " (no policy and 1 option x 2 runs, 1 tick, "
                + "\\E[0-9]+ ms\\)\n"), this.out.toString());
    }
}
