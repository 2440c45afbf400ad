package org.chokepoint.bench;

import java.util.concurrent.TimeUnit;
import org.chokepoint.metrics.Metric;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole run of a reference scenario, as {@code chokepoint run} does it minus the output: a new model,
 * {@code start()} (building the world and its agents) and every tick to the scenario's horizon. The file is
 * parsed and validated once per trial; each run uses the iteration's seed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScenarioRunBench {

    /** Scenario file, relative to the scenarios directory. */
    @Param({"rare-earth-baseline.json"})
    String scenario;

    private Scenario parsed;
    private int seed;
    private int iteration;

    @Setup(Level.Trial)
    public void load() {
        parsed = BenchScenarios.load(scenario);
    }

    @Setup(Level.Iteration)
    public void nextSeed() {
        seed = (int) BenchSeeds.iteration(BenchSeeds.BASE, iteration++);
    }

    /** Returns the last recorded price of the first market, so the run cannot be optimised away. */
    @Benchmark
    public double run() {
        SupplyShockModel model = new SupplyShockModel(parsed, seed, 0);
        model.start();
        model.runToHorizon();
        return model.series().get(model.horizon() - 1, 0, Metric.PRICE);
    }
}
