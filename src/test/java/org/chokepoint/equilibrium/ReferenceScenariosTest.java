package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.chokepoint.agent.Firms;
import org.chokepoint.model.DrawnPopulations;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.spec.EventSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every shipped scenario has an equilibrium the solver finds, at its start and where its shocks are in
 * force, and in it every market balances: production and imports equal consumption, exports and offtake.
 * (The scale scenarios have the reference chain's network and firm entries: their speed is measured by
 * {@code EquilibriumBench}.)
 */
class ReferenceScenariosTest {

    static Stream<Path> scenarios() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".options.json"))
                    .sorted().toList();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void solvesAndEveryMarketBalances(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file).scenario();
        int shock = s.events().stream().mapToInt(EventSpec::start).max().orElse(0);
        for (int tick : shock > 0 ? new int[] {0, shock} : new int[] {0}) {
            EquilibriumResult r = SpatialEquilibrium.solve(s, tick);
            assertTrue(r.convergence().converged(), file + " at " + tick + ": " + r.convergence());
            for (EquilibriumResult.MarketResult m : r.markets()) {
                double in = m.production() + m.imports();
                double out = m.consumption() + m.exports() + m.offtake();
                assertEquals(in, out, 1e-6 * Math.max(in, 1e-9), file + " " + m.region() + "/" + m.commodity());
                assertTrue(m.price() >= 0 && Double.isFinite(m.price()), m.toString());
            }
        }
    }

    /** A model passes the firms and traders it drew; their equilibrium balances too, and its firms' count is theirs. */
    @Test
    void theFirmsAModelDrewHaveTheirOwnEquilibrium() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/scale/scale-1000.json")).scenario();
        SupplyShockModel model = new SupplyShockModel(s, 7, 1);
        model.start();
        DrawnPopulations drawn = DrawnPopulations.of(model);
        Firms f = model.firms();
        EquilibriumResult r = SpatialEquilibrium.solve(s, 0, drawn.firms(), drawn.traders(),
                EquilibriumOptions.DEFAULTS);
        assertTrue(r.convergence().converged(), r.convergence().toString());
        assertEquals(f.count, r.firms().size());
        double made = 0;
        for (int i = 0; i < f.count; i++) {
            EquilibriumResult.FirmResult firm = r.firms().get(i);
            assertEquals(f.id(i), firm.id());
            assertTrue(firm.output() <= f.capacity(i) * (1 + 1e-12), firm.toString());
            made += f.commodity(i) == 0 && f.region(i) == 0 ? firm.output() : 0;
        }
        assertEquals(r.markets().get(0).production(), made, 1e-9 * Math.max(made, 1));
    }
}
