package org.chokepoint.experiment;

/**
 * The seed of every replication, derived from the experiment's base seed and the run's index alone, so that
 * any run can be redone on its own (resume, one point of a sweep) and gets the same seed whatever the thread
 * count or the order in which runs finish.
 *
 * <p>{@code seed(S, i)} is the upper 32 bits of SplitMix64's output function (Steele, Lea and Flood 2014,
 * "mix64", Stafford's variant 13) applied to {@code S + (i + 1) * 0x9E3779B97F4A7C15}, S the base seed as a
 * 64-bit integer. This is the {@code (i+1)}-th {@code nextLong()} of {@code java.util.SplittableRandom(S)}
 * shifted right by 32, written out here so that it can never change with the JDK. MASON keeps only 32 bits
 * of a seed, so the derived seed is an {@code int}.
 */
public final class Seeds {

    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The seed of run {@code runIndex} (0-based) of an experiment with base seed {@code baseSeed}. */
    public static int forRun(long baseSeed, int runIndex) {
        if (runIndex < 0) {
            throw new IllegalArgumentException("run index must be at least 0, got " + runIndex);
        }
        return (int) (mix64(baseSeed + (runIndex + 1L) * GOLDEN_GAMMA) >>> 32);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The derivation in words, recorded with every experiment's parameters. */
    public static final String DERIVATION =
            "seed(S, i) = (int) (mix64(S + (i + 1) * 0x9E3779B97F4A7C15L) >>> 32), mix64 = SplitMix64's finalizer "
                    + "(the (i+1)-th nextLong() of java.util.SplittableRandom(S), upper 32 bits); i = 0-based run index";
}
