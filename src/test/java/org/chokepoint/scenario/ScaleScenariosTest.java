package org.chokepoint.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The benchmark scenarios under {@code scenarios/scale/} are valid and have the firm count their name says,
 * with capacity and demand per firm as in the reference scenario they were generated from.
 */
class ScaleScenariosTest {

    private static final Path REFERENCE = Path.of("scenarios", "rare-earth-baseline.json");

    @ParameterizedTest
    @ValueSource(ints = {1000, 10000, 100000})
    void theScaleScenariosLoad(int firms) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios", "scale", "scale-" + firms + ".json")).scenario();

        assertEquals(firms, firmCount(s), "firms in scale-" + firms);
        assertEquals("scale-" + firms, s.meta().name());
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 1000, 10000, 100000})
    void demandPerFirmStaysAsInTheReference(int firms) throws Exception {
        Scenario reference = ScenarioLoader.load(REFERENCE).scenario();
        Scenario scaled = ScenarioLoader.fromJson(
                ScaleScenarioGenerator.generate(ScenarioLoader.load(REFERENCE).json(), firms), "scale").scenario();

        assertEquals(firms, firmCount(scaled));
        double perFirm = demand(reference) / firmCount(reference);
        assertEquals(perFirm, demand(scaled) / firms, 1e-9 * perFirm);
        // Rounding of small populations moves the trader count a little off the exact factor.
        double tradersPerFirm = (double) traderCount(reference) / firmCount(reference);
        assertEquals(tradersPerFirm, (double) traderCount(scaled) / firms, 0.1 * tradersPerFirm);
    }

    @Test
    void tooFewFirmsForThePopulationsIsRefused() throws Exception {
        JsonNode reference = ScenarioLoader.load(REFERENCE).json();
        assertThrows(IllegalArgumentException.class, () -> ScaleScenarioGenerator.generate(reference, 3));
    }

    private static int firmCount(Scenario s) {
        return s.firms().stream().mapToInt(Scenario.FirmSpec::countOrDefault).sum();
    }

    private static int traderCount(Scenario s) {
        return s.traders().stream().mapToInt(Scenario.TraderSpec::countOrDefault).sum();
    }

    private static double demand(Scenario s) {
        return s.demand().stream().mapToDouble(Scenario.DemandSpec::baseQuantity).sum();
    }
}
