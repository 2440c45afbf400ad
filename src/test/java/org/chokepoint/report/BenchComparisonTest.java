package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchComparisonTest {

    @Test
    void timesPerOperationBecomeSeconds() {
        assertEquals(2e-3, BenchComparison.toSecondsPerOp(2, "ms/op"), 1e-15);
        assertEquals(2e-6, BenchComparison.toSecondsPerOp(2, "us/op"), 1e-18);
        assertEquals(2e-9, BenchComparison.toSecondsPerOp(2, "ns/op"), 1e-21);
        assertEquals(120, BenchComparison.toSecondsPerOp(2, "min/op"), 1e-12);
    }

    @Test
    void throughputsBecomeSecondsPerOperation() {
        assertEquals(0.5, BenchComparison.toSecondsPerOp(2, "ops/s"), 1e-15);
        assertEquals(0.5e-3, BenchComparison.toSecondsPerOp(2, "ops/ms"), 1e-18);
    }

    @Test
    void otherUnitsAreNotUnderstood() {
        assertTrue(Double.isNaN(BenchComparison.toSecondsPerOp(2, "B/op")));
        assertTrue(Double.isNaN(BenchComparison.toSecondsPerOp(2, "ops")));
    }

    /**
     * 5e-324 ms/op is a positive double, but 0 once in seconds per operation: with the same score in both files the
     * ratio was 0/0, NaN, and the benchmark passed as OK. A score no double holds in seconds fails like a NaN one.
     */
    @Test
    void aScoreThatIsNoTimeInSecondsFails() throws Exception {
        java.util.List<BenchComparison.Result> results = java.util.List.of(
                new BenchComparison.Result("b.ReferenceKernelBench.sort", "avgt", java.util.Map.of(), 5, 0.1, "ms/op"),
                new BenchComparison.Result("b.TickBench.tick", "avgt", java.util.Map.of(), 5e-324, 0, "ms/op"));
        BenchComparison.Report report = new BenchComparison(0.25, 1.0, "ReferenceKernelBench", false)
                .compare(results, results, "baseline", "current");
        BenchComparison.Row tick = report.rows().get(1);
        assertEquals(BenchComparison.Verdict.FAIL, tick.verdict());
        assertEquals("current score 4.9E-324 ms/op is beyond what a double holds in seconds per operation", tick.note());
        assertEquals(BenchComparison.REGRESSION, report.exitCode());
    }

    /**
     * 1e307 ms/op is 1e304 s, a time a double holds, but over a reference kernel of 0.01 ms/op, 1e-5 s, it is 1e309:
     * infinite. The same score in both files is no change, a ratio of 1, OK, where infinity over infinity made it NaN;
     * 1e307 against 1e306 ms/op is ten times slower, 900%, where it was infinitely slower. Scores of 1e300 and
     * 1e-300 ms/op are 1e600 apart, a ratio no double holds, which fails.
     */
    @Test
    void aScoreWhoseQuotientByTheReferenceKernelIsNoNumberIsComparedAsItsChange() throws Exception {
        BenchComparison.Row same = tick(1e307, 1e307, 0.01);
        assertEquals(BenchComparison.Verdict.OK, same.verdict());
        assertEquals(1.0, same.ratio(), 0.0);

        BenchComparison.Row tenTimes = tick(1e306, 1e307, 0.01);
        assertEquals(BenchComparison.Verdict.FAIL, tenTimes.verdict());
        assertEquals(10.0, tenTimes.ratio(), 1e-12);
        assertEquals("900% slower", tenTimes.note());

        BenchComparison.Row apart = tick(1e-300, 1e300, 1);
        assertEquals(BenchComparison.Verdict.FAIL, apart.verdict());
        assertEquals("the ratio of the scores over their reference kernels' is beyond what a double holds",
                apart.note());
    }

    /** The tick benchmark's row, at {@code baseline} and {@code current} ms/op over a kernel of {@code kernel}. */
    private static BenchComparison.Row tick(double baseline, double current, double kernel) throws Exception {
        BenchComparison.Result ref = new BenchComparison.Result("b.ReferenceKernelBench.sort", "avgt",
                java.util.Map.of(), kernel, 0, "ms/op");
        BenchComparison.Report report = new BenchComparison(0.25, 1.0, "ReferenceKernelBench", false).compare(
                java.util.List.of(ref, new BenchComparison.Result("b.TickBench.tick", "avgt", java.util.Map.of(),
                        baseline, 0, "ms/op")),
                java.util.List.of(ref, new BenchComparison.Result("b.TickBench.tick", "avgt", java.util.Map.of(),
                        current, 0, "ms/op")), "baseline", "current");
        return report.rows().get(1);
    }
}
