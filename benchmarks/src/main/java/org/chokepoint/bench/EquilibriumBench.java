package org.chokepoint.bench;

import java.util.concurrent.TimeUnit;
import org.chokepoint.equilibrium.EquilibriumOptions;
import org.chokepoint.equilibrium.EquilibriumResult;
import org.chokepoint.equilibrium.FirmParameters;
import org.chokepoint.equilibrium.SpatialEquilibrium;
import org.chokepoint.equilibrium.TraderParameters;
import org.chokepoint.model.DrawnPopulations;
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
 * Solving a scenario's spatial price equilibrium at tick 0, as {@code chokepoint equilibrium} does it minus
 * the output: building the network from the scenario and solving it. {@code firms} = {@code expected}
 * stands each population for its count of identical firms at the expected parameters (one row per
 * population); {@code drawn} passes every firm and trader a model drew with a fixed seed, one row each, as
 * a model starting at its equilibrium would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EquilibriumBench {

    /** Scenario file, relative to the scenarios directory. */
    @Param({"scale/scale-100000.json"})
    String scenario;

    @Param({"expected", "drawn"})
    String firms;

    private Scenario parsed;
    private FirmParameters firmParameters;
    private TraderParameters traderParameters;

    @Setup(Level.Trial)
    public void load() {
        parsed = BenchScenarios.load(scenario);
        if (firms.equals("expected")) {
            firmParameters = FirmParameters.expected(parsed);
            traderParameters = TraderParameters.expected(parsed);
            return;
        }
        DrawnPopulations drawn = DrawnPopulations.draw(parsed, (int) BenchSeeds.BASE);
        firmParameters = drawn.firms();
        traderParameters = drawn.traders();
    }

    /** Returns the first market's price, so the solve cannot be optimised away. */
    @Benchmark
    public double solve() {
        EquilibriumResult r = SpatialEquilibrium.solve(parsed, 0, firmParameters, traderParameters,
                EquilibriumOptions.DEFAULTS);
        return r.markets().get(0).price();
    }
}
