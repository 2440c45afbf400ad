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
}
