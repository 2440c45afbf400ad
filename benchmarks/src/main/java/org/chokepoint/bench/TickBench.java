package org.chokepoint.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One whole tick of the model, all seven phases ({@link SupplyShockModel#stepTick()}), on the scale
 * scenarios {@code scenarios/scale/scale-N.json}: the reference rare-earth chain with N firms, on one thread
 * and on two.
 *
 * <p>Each iteration starts a fresh model from a seed of its own and runs {@value #WARM_UP_TICKS} ticks
 * before measuring, so order books have grown to their size and the first ticks' adjustments are over;
 * the measured ticks then follow one another. The model runs to the scenario's own horizon (520 weekly
 * ticks), not further: a model driven for thousands of ticks past its calendar measures a state no run
 * ever reaches (at 1,000 firms some quotes drift geometrically and overflow after about 5,000 ticks). So
 * when a fast tick reaches the horizon within an iteration (at 1,000 firms, every 500 ticks or so), the
 * model is started again from the same seed, outside the measured time ({@code Level.Invocation} setup,
 * which costs a check per tick: negligible against a tick of 0.1 ms or more). At 10,000 firms and more
 * a one-second iteration never gets there.
 *
 * <p>{@code -prof gc} counts the iteration's setup too, so this benchmark's {@code gc.alloc.rate.norm} is
 * mostly the model's construction spread over the iteration's ticks; {@link TickAllocation} measures the
 * tick alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// 4 MB regions: in a 2 GB heap G1 takes 1 MB ones, and every per-firm array of the 100,000-firm model (800 KB) is
// then a humongous object starting on a region boundary, so a loop reading many of them at one index times cache
// conflicts the model's runs in a default heap (2 MB regions here) do not have: 78 against 41 ms a tick.
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:G1HeapRegionSize=4m"})
public class TickBench {

    /** Ticks run after start and before measuring. */
    static final int WARM_UP_TICKS = 20;

    /** Firms in the scenario: loads {@code scenarios/scale/scale-<firms>.json}. */
    @Param({"1000", "10000", "100000"})
    int firms;

    /**
     * Threads sharing each tick ({@link SupplyShockModel#setTickThreads}): 1, the model as ensembles run it,
     * one per core; 2, a single large run using both cores of a two-core machine. The results are the same.
     */
    @Param({"1", "2"})
    int threads;

    private Scenario scenario;
    private SupplyShockModel model;
    private int seed;
    private int iteration;

    @Setup(Level.Trial)
    public void load() {
        scenario = BenchScenarios.load("scale/scale-" + firms + ".json");
        if (scenario.time().horizonTicks() <= WARM_UP_TICKS) {
            throw new IllegalStateException("scale-" + firms + " has no ticks left to measure after the warm-up");
        }
    }

    @Setup(Level.Iteration)
    public void build() {
        seed = (int) BenchSeeds.iteration(BenchSeeds.BASE + firms, iteration++);
        restart();
    }

    /** Starts the model again when the previous invocation reached the horizon; otherwise does nothing. */
    @Setup(Level.Invocation)
    public void ticksLeft() {
        if (model.tick() >= model.horizon()) {
            restart();
        }
    }

    private void restart() {
        if (model != null) {
            model.finish(); // stops its helper threads
        }
        model = null; // let the previous model go before the next is built
        SupplyShockModel m = new SupplyShockModel(scenario, seed, 0);
        m.setTickThreads(threads);
        m.start();
        for (int i = 0; i < WARM_UP_TICKS; i++) {
            m.stepTick();
        }
        model = m;
    }

    @Benchmark
    public void tick(Blackhole bh) {
        SupplyShockModel m = model;
        m.stepTick();
        bh.consume(m.markets().price(0));
    }
}
