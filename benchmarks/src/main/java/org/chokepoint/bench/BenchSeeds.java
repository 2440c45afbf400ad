package org.chokepoint.bench;

/** The seeds benchmarks build their inputs from: fixed, so every run measures the same work. */
final class BenchSeeds {

    /** Base seed of every benchmark's input. */
    static final long BASE = 0x5EED_C0FFEEL;

    private BenchSeeds() {}

    /**
     * The seed of one iteration's inputs: iterations measure different (but reproducible) inputs, so no
     * single lucky draw decides the score.
     */
    static long iteration(long base, int iteration) {
        return base + 0x9E37_79B9_7F4A_7C15L * (iteration + 1);
    }
}
