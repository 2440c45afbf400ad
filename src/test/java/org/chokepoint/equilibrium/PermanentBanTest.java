package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.metrics.Metric;
import org.chokepoint.model.DrawnPopulations;
import org.chokepoint.model.Simulation;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * China halts its gallium exports for good (scenarios/gallium-2023.json with its licensing replaced by a full
 * ban of primary gallium and wafers from the same week). Outside China, primary gallium must then come from
 * the plants there, those that restart and those built as the price stays high, and manufacturers thrift; once
 * the world has settled, the price in every importing region should be the equilibrium solved with the ban in
 * force and the firms as the model holds them then: their capacity, whether they operate, and the input
 * content they have thrifted to.
 *
 * <p>The restarts and the first new capacity arrive in the third year, into a chain whose prices overshot
 * many times over; prices swing round the equilibrium until the sixth year (docs/validation.md has the
 * table year by year). Six years on they are within 13% of it in every region for seeds 1 to 10 (0.94 to 1.13,
 * the United States at 1.10 to 1.13 in seeds 5, 7 and 8) and within 3% for seed 1; the test holds a run to 10%
 * (the must-hold's 25% at four years is met under the default in 8 runs of 20, and with manufacturers planning on
 * their supply curves in all 20, see docs/validation.md) and runs seed 1 only, to keep the suite
 * fast; {@code -Dchokepoint.banSeeds=1,2,3} runs
 * more seeds and {@code -Dchokepoint.banYears=4,7} other years after the ban, in quarters as well
 * ({@code 3.25,3.5}; a year is 52 weeks, a quarter 13) (every run prints every region's price and equilibrium; a
 * time at which the model has not settled fails), and {@code -Dchokepoint.banScenario=FILE} a variant of the gallium
 * scenario (its policies are replaced by the ban as for the shipped one), {@code -Dchokepoint.banPlan=supplyCurve}
 * with its {@code behaviour.manufacturerPlan} so set.
 */
class PermanentBanTest {
    static final int START = 134;
    static final int WINDOW = 13;
    static final double TOLERANCE = 0.10;

    static Stream<Arguments> runs() {
        int[] seeds = Arrays.stream(list("chokepoint.banSeeds", "1")).mapToInt(Integer::parseInt).toArray();
        String[] years = list("chokepoint.banYears", "6");
        return Arrays.stream(seeds).boxed().flatMap(seed -> Arrays.stream(years).map(y -> Arguments.of(seed, y)));
    }

    private static String[] list(String property, String otherwise) {
        return Arrays.stream(System.getProperty(property, otherwise).split(",")).map(String::trim)
                .toArray(String[]::new);
    }

    static Scenario permanentBan(int horizon) throws Exception {
        return permanentBan(horizon, System.getProperty("chokepoint.banPlan"));
    }

    /** The ban with the manufacturers' plan rule {@code plan} ({@code behaviour.manufacturerPlan}), where not null. */
    static Scenario permanentBan(int horizon, String plan) throws Exception {
        ObjectNode json = ScenarioLoader.load(Path.of(System.getProperty("chokepoint.banScenario",
                "scenarios/gallium-2023.json"))).json().deepCopy();
        json.set("policies", Json.mapper().readTree("[{\"type\": \"exportBan\", \"id\": \"cn-gallium-ban\", "
                + "\"region\": \"CN\", \"commodities\": [\"ga-primary\", \"ga-wafer\"], "
                + "\"destinations\": [\"JP\", \"US\", \"EU\", \"ROW\"], \"start\": " + START + "}]"));
        ((ObjectNode) json.get("time")).put("horizonTicks", horizon);
        if (plan != null) {
            (json.has("behaviour") ? (ObjectNode) json.get("behaviour") : json.putObject("behaviour"))
                    .put("manufacturerPlan", plan);
        }
        return ScenarioLoader.fromJson(json, "gallium-2023 with a permanent ban").scenario();
    }

    /**
     * Two years into the ban (seed 3) the recyclers' scrap-limited capacity in Europe can answer the thin market's
     * price of refined metal more steeply than the price answers it; on the runs for which the solver's relaxation
     * was added its rounds swung there, and the firms as the model holds them then must still be solved.
     */
    @Test
    void theEquilibriumOfTheFirmsTwoYearsIntoTheBanIsSolved() throws Exception {
        int at = START + 2 * 52;
        // The firms as the table in docs/validation.md holds them: at the end of the 13 weeks it measures.
        Scenario s = permanentBan(at + WINDOW);
        SupplyShockModel model = Simulation.run(s, 3, -1).model();
        DrawnPopulations now = DrawnPopulations.of(model);
        EquilibriumResult eq = SpatialEquilibrium.solve(s, at, now.firms(), now.traders(), EquilibriumOptions.DEFAULTS);
        // Converged means every market within the tolerance of its volume and the wedges at their fixed point.
        assertTrue(eq.convergence().converged(), eq.convergence().toString());
    }

    @ParameterizedTest(name = "seed {0}, {1} years after the ban")
    @MethodSource("runs")
    void yearsIntoAPermanentBanEveryImportersPriceIsNearItsEquilibrium(int seed, String years) throws Exception {
        int at = START + (int) Math.round(Double.parseDouble(years) * 52);
        assertNearItsEquilibrium(permanentBan(at + WINDOW), seed, years, at, TOLERANCE);
    }

    /**
     * Manufacturers that plan on their supply curve ({@code behaviour.manufacturerPlan: supplyCurve}) come back from
     * the starved years at the pace their margins pay for, not from the little they sold without input: the chain's
     * refill comes with the plants' return, not a year and a half after it, and four years on every region is within
     * 25% of the equilibrium in each of seeds 1 to 20 (the default rule: 8 of 20). Seed 2, the default's farthest
     * (the rest of the world at 3.06 times its equilibrium, Japan at 2.50; under this rule 1.13 and 1.09), is held to
     * that 25%.
     */
    @Test
    void onTheirSupplyCurvesTheManufacturersLeaveNoSwingFourYearsOn() throws Exception {
        int at = START + 4 * 52;
        assertNearItsEquilibrium(permanentBan(at + WINDOW, "supplyCurve"), 2, "4", at, 0.25);
    }

    private static void assertNearItsEquilibrium(Scenario s, int seed, String years, int at, double tolerance)
            throws Exception {
        SupplyShockModel model = Simulation.run(s, seed, -1).model();
        World w = model.world();
        int ga = w.commodityIndex("ga-primary");
        DrawnPopulations now = DrawnPopulations.of(model);
        EquilibriumResult eq = SpatialEquilibrium.solve(s, at, now.firms(), now.traders(),
                EquilibriumOptions.DEFAULTS);
        assertTrue(eq.convergence().converged(), "the equilibrium it is held to was solved: " + eq.convergence());
        StringBuilder figures = new StringBuilder();
        boolean near = true;
        // Read as one ex-China price as well: the regions' prices weighted by what each market traded in the window.
        double traded = 0;
        double modelValue = 0;
        double solvedValue = 0;
        for (String region : new String[] {"JP", "US", "EU", "ROW"}) {
            int m = w.market(w.regionIndex(region), ga);
            double price = 0;
            double volume = 0;
            for (int t = at; t < at + WINDOW; t++) {
                price += model.series().get(t, m, Metric.PRICE) / WINDOW;
                volume += model.series().get(t, m, Metric.TRADED);
            }
            double solved = eq.price(m);
            near &= Math.abs(price / solved - 1) <= tolerance;
            traded += volume;
            modelValue += volume * price;
            solvedValue += volume * solved;
            figures.append(String.format("%s ga-primary: model %.1f, equilibrium %.1f, ratio %.2f; ",
                    region, price, solved, price / solved));
        }
        figures.append(String.format("ex-China, weighted by volume traded: model %.1f, equilibrium %.1f, ratio %.2f",
                modelValue / traded, solvedValue / traded, modelValue / solvedValue));
        // Every run's figures, passing or not: docs/validation.md's table and per-run shares are read from them.
        System.out.println("seed " + seed + ", " + years + " years after the ban: " + figures);
        assertTrue(near, "seed " + seed + ", " + years + " years after the ban: " + figures);
    }
}
