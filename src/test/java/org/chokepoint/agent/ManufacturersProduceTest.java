package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * What a magnet maker uses of its oxide (0.3 t a tonne of magnet, the minimal scenario's recipe) is what this
 * tick's output took: a maker that has run for a year and then plans nothing uses nothing and lacks nothing, so a
 * measure that counts its purchases from its use (a resilience standard's mandate) does not count last tick's.
 */
class ManufacturersProduceTest {
    private static final int MAKER = 1;

    @Test
    void aMakerThatPlansNothingUsesNothing() throws Exception {
        SupplyShockModel model = new SupplyShockModel(
                ScenarioLoader.load(Path.of("src/test/resources/scenarios/minimal.json")).scenario(), 1, 104);
        model.start();
        for (int t = 0; t < 52; t++) {
            model.stepTick();
        }
        Firms x = model.firms();
        assertEquals("maker", x.id(MAKER));
        int slot = x.inputOffset[MAKER];
        assertTrue(x.inputUse(slot) > 0, "a running maker uses oxide");
        assertEquals(0.3 * x.output[MAKER], x.inputUse(slot), 1e-9);

        Manufacturers manufacturers = new Manufacturers(x, model.world(), model.scenario().behaviour());
        x.plannedOutput[MAKER] = 0;
        double stock = x.inputStock[slot];
        assertEquals(0.0, manufacturers.produce(MAKER), 0.0);
        assertEquals(0.0, x.inputUse(slot), 0.0);
        assertEquals(0.0, x.inputShort[slot], 0.0);
        assertEquals(stock, x.inputStock[slot], 0.0, "its stock is untouched");
    }
}
