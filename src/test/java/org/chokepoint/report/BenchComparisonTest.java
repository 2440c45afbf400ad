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
     * infinite. The same score in both files gave a ratio of infinity over infinity, NaN, and passed the gate as OK.
     */
    @Test
    void aScoreWhoseQuotientByTheReferenceKernelIsNoNumberFails() throws Exception {
        java.util.List<BenchComparison.Result> results = java.util.List.of(
                new BenchComparison.Result("b.ReferenceKernelBench.sort", "avgt", java.util.Map.of(), 0.01, 0, "ms/op"),
                new BenchComparison.Result("b.TickBench.tick", "avgt", java.util.Map.of(), 1e307, 0, "ms/op"));
        BenchComparison.Report report = new BenchComparison(0.25, 1.0, "ReferenceKernelBench", false)
                .compare(results, results, "baseline", "current");
        BenchComparison.Row tick = report.rows().get(1);
        assertEquals(BenchComparison.Verdict.FAIL, tick.verdict());
        assertEquals("the scores over their reference kernels' are beyond what a double holds", tick.note());
        assertEquals(BenchComparison.REGRESSION, report.exitCode());
    }
}
