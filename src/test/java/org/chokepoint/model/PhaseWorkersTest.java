package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The workers of a tick run every item of a phase exactly once, whatever their number, and report failures. */
class PhaseWorkersTest {

    @Test
    void everyItemRunsOnceAndAllAreDoneWhenRunReturns() {
        try (PhaseWorkers workers = new PhaseWorkers(3, "test")) {
            for (int phase = 0; phase < 200; phase++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(57);
                long[] written = new long[57];
                int p = phase;
                workers.run(i -> {
                    runs.incrementAndGet(i);
                    written[i] = (long) p * 1000 + i; // a plain write, read after run returns
                }, 57);
                for (int i = 0; i < 57; i++) {
                    assertEquals(1, runs.get(i), "item " + i + " of phase " + phase);
                    assertEquals((long) phase * 1000 + i, written[i]);
                }
            }
        }
    }

    @Test
    void theHelpersShareTheWork() {
        ConcurrentHashMap<String, Boolean> threads = new ConcurrentHashMap<>();
        try (PhaseWorkers workers = new PhaseWorkers(2, "test")) {
            for (int phase = 0; phase < 50 && threads.size() < 2; phase++) {
                workers.run(i -> {
                    threads.put(Thread.currentThread().getName(), true);
                    long spin = System.nanoTime() + 200_000;
                    while (System.nanoTime() < spin) {
                        Thread.onSpinWait();
                    }
                }, 8);
            }
        }
        assertEquals(2, threads.size(), "threads seen: " + threads.keySet());
    }

    @Test
    void aFailingItemFailsTheRunAndTheWorkersCarryOn() {
        try (PhaseWorkers workers = new PhaseWorkers(2, "test")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> workers.run(i -> {
                        if (i == 5) {
                            throw new IllegalStateException("item 5");
                        }
                    }, 40));
            assertEquals("item 5", e.getMessage());
            int[] seen = new int[10];
            workers.run(i -> seen[i]++, 10);
            int[] once = new int[10];
            Arrays.fill(once, 1);
            assertArrayEquals(once, seen);
        }
    }

    @Test
    void closedWorkersRunEverythingOnTheCaller() {
        PhaseWorkers workers = new PhaseWorkers(3, "test");
        workers.close();
        String caller = Thread.currentThread().getName();
        String[] ranOn = new String[6];
        workers.run(i -> ranOn[i] = Thread.currentThread().getName(), 6);
        String[] expected = new String[6];
        Arrays.fill(expected, caller);
        assertArrayEquals(expected, ranOn);
    }
}
