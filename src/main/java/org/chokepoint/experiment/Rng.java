package org.chokepoint.experiment;

/**
 * SplitMix64 (Steele, Lea and Flood 2014), written out so that experimental designs (Latin hypercubes, Morris
 * trajectories) drawn from a seed are the same on every JDK. Not thread-safe; designs are drawn up front, on
 * one thread, before any run starts. The model itself never uses it.
 */
final class Rng {

    private long state;

    /** A generator for one purpose ({@code salt}) of an experiment with base seed {@code seed}. */
    Rng(long seed, long salt) {
        this.state = Seeds.mix64(seed ^ Seeds.mix64(salt));
    }

    long nextLong() {
        state += Seeds.GOLDEN_GAMMA;
        return Seeds.mix64(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), without modulo bias. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        while (true) { // java.util.Random's rejection on 31 bits
            int bits = (int) (nextLong() >>> 33);
            int val = bits % bound;
            if (bits - val + (bound - 1) >= 0) {
                return val;
            }
        }
    }

    /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
    int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
