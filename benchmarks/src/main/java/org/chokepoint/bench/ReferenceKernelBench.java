package org.chokepoint.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine itself, with none of chokepoint's code: sorting a fresh copy of 100,000 random doubles.
 * {@code bench-compare} divides every other score by this one, so that a baseline recorded on one machine
 * can gate runs on a faster or slower one. Its work must therefore never change: changing it invalidates
 * every recorded baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReferenceKernelBench {

    static final int SIZE = 100_000;

    private double[] source;
    private double[] work;

    @Setup(Level.Trial)
    public void fill() {
        SplittableRandom random = new SplittableRandom(BenchSeeds.BASE);
        source = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            source[i] = random.nextDouble();
        }
        work = new double[SIZE];
    }

    /** Copies into a reused array, so the score is the sort and not the allocator. */
    @Benchmark
    public double[] sortDoubles() {
        System.arraycopy(source, 0, work, 0, SIZE);
        Arrays.sort(work);
        return work;
    }
}
