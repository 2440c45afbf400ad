package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The regression gate on hand-made JMH result files (src/test/resources/bench). The baseline has a
 * reference kernel at 5 ms/op, the market clearing at three sizes and a throughput benchmark.
 */
class BenchCompareCommandTest {

    /** What one invocation printed and returned. */
    record Run(int exitCode, String out, String err) {}

    private static Run run(String baseline, String current, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCompareCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of(resource(baseline), resource(current)));
        args.addAll(List.of(options));
        int code = cli.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static String resource(String name) {
        try {
            var url = BenchCompareCommandTest.class.getResource("/bench/" + name);
            return url == null ? Path.of("no-such-dir", name).toString() : Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(Run run, String benchmark, String params) {
        return run.out().lines()
                .filter(l -> l.startsWith(benchmark) && l.contains(params))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + benchmark + " " + params + " in\n" + run.out()));
    }

    @Test
    void identicalResultsPass() {
        Run run = run("baseline.json", "same.json");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(line(run, "MarketClearingBench.clear", "orders=10000").endsWith("1.000  OK"), run.out());
        assertTrue(line(run, "ReferenceKernelBench.sortDoubles", "-").contains("REF"), run.out());
        assertTrue(run.out().contains("0 FAIL, 0 WARN, 0 MISSING, 0 NEW: passed"), run.out());
    }

    @Test
    void aBenchmarkThreeTimesSlowerFails() {
        Run run = run("baseline.json", "slower3x.json");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(line(run, "MarketClearingBench.clear", "orders=10000").contains("3.000  FAIL (200% slower)"), run.out());
        assertTrue(line(run, "MarketClearingBench.clear", "orders=1000 ").contains("OK"), run.out());
        assertTrue(run.out().contains("FAILED"), run.out());
    }

    @Test
    void aLooserThresholdLetsTheSameSlowDownPassWithAWarning() {
        Run run = run("baseline.json", "slower3x.json", "--fail", "2.5");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(line(run, "MarketClearingBench.clear", "orders=10000").contains("WARN"), run.out());
    }

    @Test
    void aFasterMachineIsNoRegression() {
        // Every time halved (the reference kernel written in us/op), every throughput doubled.
        Run run = run("baseline.json", "faster-machine.json");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(line(run, "MarketClearingBench.clear", "orders=100000").contains("1.000  OK"), run.out());
        assertTrue(line(run, "TickBench.tick [thrpt]", "firms=1000").contains("1.000  OK"), run.out());
        assertTrue(run.out().contains("current machine 0.50x the baseline's time"), run.out());
    }

    @Test
    void aFasterMachineDoesNotHideARegressionEither() {
        // Read the other way round, the baseline machine is twice as slow and nothing changed.
        Run run = run("faster-machine.json", "baseline.json");

        assertEquals(0, run.exitCode(), run.out());
    }

    @Test
    void lowerThroughputIsSlower() {
        Run run = run("baseline.json", "thrpt-slower.json");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(line(run, "TickBench.tick [thrpt]", "firms=1000").contains("3.000  FAIL"), run.out());
    }

    @Test
    void aModestSlowDownWarnsButPasses() {
        Run run = run("baseline.json", "warn.json");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(line(run, "MarketClearingBench.clear", "orders=1000 ").contains("1.500  WARN (50% slower)"), run.out());
    }

    @Test
    void aNanScoreFails() {
        Run run = run("baseline.json", "nan.json");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(line(run, "MarketClearingBench.clear", "orders=1000 ").contains("FAIL (current score is NaN)"), run.out());
    }

    @Test
    void aNanScoreInTheBaselineFailsToo() {
        Run run = run("nan.json", "baseline.json");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("baseline score is NaN"), run.out());
    }

    @Test
    void aMissingBenchmarkIsReportedButDoesNotFailByDefault() {
        Run run = run("baseline.json", "missing.json");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(line(run, "MarketClearingBench.clear", "orders=100000").contains("MISSING"), run.out());
        assertTrue(line(run, "ScenarioRunBench.run", "scenario=rare-earths").contains("NEW"), run.out());
        assertTrue(run.out().contains("warning: org.chokepoint.bench.MarketClearingBench.clear orders=100000 is in the "
                + "baseline but not in the current results"), run.out());
        assertTrue(run.out().contains("1 MISSING, 1 NEW"), run.out());
    }

    @Test
    void aMissingBenchmarkFailsWhenAskedTo() {
        Run run = run("baseline.json", "missing.json", "--fail-on-missing");

        assertEquals(1, run.exitCode(), run.out());
    }

    @Test
    void withoutTheReferenceKernelNothingCanBeCompared() {
        Run current = run("baseline.json", "no-reference.json");
        Run baseline = run("no-reference.json", "baseline.json");

        assertEquals(2, current.exitCode());
        assertTrue(current.err().contains("no benchmark matches the reference kernel 'ReferenceKernelBench'"), current.err());
        assertEquals(2, baseline.exitCode());
        assertTrue(baseline.err().contains("no-reference.json"), baseline.err());
    }

    @Test
    void anotherReferenceKernelCanBeNamed() {
        Run run = run("baseline.json", "no-reference.json", "--reference-kernel", "clear");

        assertEquals(2, run.exitCode(), "'clear' matches three results");
        assertTrue(run.err().contains("matches more than one result"), run.err());
    }

    /**
     * A file cut off after {@code "primaryMetric": } (39 characters on one line) ends at line 1, column 40, inside
     * the member primaryMetric of result 0; it is placed there, as a broken scenario file would be.
     */
    @Test
    void aNegativeThresholdIsRefusedNamingItsOption() {
        // A slow-down of -1 would call a benchmark that takes no time at all twice as slow: no such fraction.
        Run run = run("baseline.json", "same.json", "--fail", "-1");

        assertEquals(2, run.exitCode());
        assertEquals("bench-compare: --fail must be a finite fraction, 0 or more (0.25 = a quarter slower than the "
                + "baseline), got -1.0\n", run.err());
        assertEquals("", run.out());
        assertTrue(run("baseline.json", "same.json", "--warn", "NaN").err().startsWith("bench-compare: --warn must"));
    }

    /** A warning band above the failing line would flag nothing: every slow-down past it already fails. */
    @Test
    void aWarningAboveTheFailingLineIsRefused() {
        Run run = run("baseline.json", "same.json", "--warn", "2", "--fail", "1");

        assertEquals(2, run.exitCode());
        assertEquals("bench-compare: --warn must not exceed --fail (a slow-down is flagged before it fails), got "
                + "--warn 2.0 and --fail 1.0\n", run.err());
        assertEquals("", run.out());
        assertEquals(0, run("baseline.json", "same.json", "--warn", "1", "--fail", "1").exitCode());
    }

    @Test
    void unreadableFilesAreReported() {
        Run truncated = run("baseline.json", "truncated.json");
        Run absent = run("baseline.json", "absent.json");

        assertEquals(2, truncated.exitCode());
        assertEquals("bench-compare: " + resource("truncated.json") + ":1:40: /0/primaryMetric: malformed JSON:"
                + " Unexpected end-of-input within/between Object entries\n",
                truncated.err());
        assertEquals(2, absent.exitCode());
        assertEquals("bench-compare: " + resource("absent.json") + ": no such file\n", absent.err());
    }

    /**
     * Two runs' results appended to one file ({@code -rf json} twice into the same file, say) are two arrays, the
     * second starting at line 3, column 1. Read as the first array alone, the second run's scores were dropped
     * without a word; the file is refused and the second array placed.
     */
    @Test
    void resultsAppendedAfterTheFirstArrayAreRefused() {
        Run run = run("baseline.json", "appended.json");

        assertEquals(2, run.exitCode(), run.out());
        assertEquals("bench-compare: " + resource("appended.json") + ":3:1: (document): malformed JSON: a second value"
                + " after the end of the document: a file holds one JSON value\n", run.err());
    }
}
