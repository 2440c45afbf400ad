package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chokepoint.model.DrawnPopulations;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A magnet maker's recipe takes 0.3 t of oxide a tonne of magnet and can be redesigned down to 0.15 t. Oxide
 * starts at 60 USD/kg (1,000 dollars a quantity unit at one price unit), magnets are priced per half-tonne (500),
 * and the maker's own conversion starts at 10 a unit of magnet. Oxide then stays at 240, four times its price and
 * twice the thrift trigger (2x): after the 13 weeks of patience the maker closes 2 x 0.3 / 52 of the gap to the
 * floor each week (twice the base pace of 30% a year, one doubling past the trigger).
 *
 * <p>Each tonne of oxide it stops using costs it the oxide's starting price in conversion: 60 x 1000 / 500 = 120
 * price units of magnet per tonne saved per tonne of magnet. So with oxide back at 60 the redesigned magnet costs
 * what the old one did, 10 + 0.3 x 120 = 46, and at 240 it saves 180 x 2 = 360 a tonne of oxide not used. The
 * world starts at its initial prices, so that 60 is where oxide starts; started at its equilibrium, the price it
 * starts at is the one thrift reads.
 */
class ThriftCostTest {
    private static final int MAKER = 1;

    @Test
    void aRedesignPaysWhileTheInputIsDearAndCostsWhatTheOldDesignDidOncePricesAreBack(@TempDir Path dir)
            throws Exception {
        SupplyShockModel model = start(dir, "initialPrices");
        Firms x = model.firms();
        assertEquals("maker", x.id(MAKER));
        int slot = x.inputOffset[MAKER];
        assertEquals(60.0, x.inputInitialPrice[slot], 1e-9);
        assertEquals(10.0, x.costBase[MAKER], 0.0, "the maker's own conversion before any redesign");
        double base = 10.0;

        Manufacturers manufacturers = new Manufacturers(x, model.world(), model.scenario().behaviour());
        x.inputExpectedPrice[slot] = 240;
        for (int week = 1; week <= 12; week++) {
            manufacturers.thrift(MAKER);
        }
        assertEquals(0.3, x.intensity[slot], 0.0, "no redesign before the price has held for 13 weeks");
        assertEquals(base, x.costBase[MAKER], 0.0);

        for (int week = 13; week <= 64; week++) {
            manufacturers.thrift(MAKER);
        }
        double intensity = 0.15 + 0.15 * Math.pow(1 - 2 * 0.3 / 52, 52);
        assertEquals(intensity, x.intensity[slot], 1e-12, "52 weeks of thrifting at twice the base pace");
        // A year of it saves 0.15 x (1 - (1 - 0.6 / 52)^52) = 0.067 t of oxide a tonne of magnet.
        double saved = 0.3 - intensity;
        assertEquals(base + saved * 120, x.costBase[MAKER], 1e-9, "each tonne saved costs its starting price");

        assertEquals(46.0, x.costBase[MAKER] + x.intensity[slot] * 60 * 2, 1e-9,
                "with oxide back at 60 the new design costs what the old one did, 10 + 0.3 x 120");
        double dear = x.costBase[MAKER] + x.intensity[slot] * 240 * 2;
        assertEquals(saved * 180 * 2, base + 0.3 * 240 * 2 - dear, 1e-9,
                "at 240 the saving is what the oxide costs above its starting price");

        // The equilibrium of the firms as the run holds them reads the same cost base.
        assertEquals(base + saved * 120, DrawnPopulations.of(model).firms().costBase()[MAKER], 1e-9);
    }

    /**
     * The same world started at its equilibrium starts oxide far below the 60 the scenario guessed: the price it
     * starts at, not the guess, is the one its thrift is triggered by and priced at.
     */
    @Test
    void aWorldStartedAtItsEquilibriumThriftsAgainstThePriceItStartsAt(@TempDir Path dir) throws Exception {
        SupplyShockModel model = start(dir, "equilibrium");
        Firms x = model.firms();
        int slot = x.inputOffset[MAKER];
        double start = model.markets().price(x.inputMarket(slot));
        assertTrue(start < 30, "oxide starts at " + start + ", far from 60");
        assertEquals(start, x.inputInitialPrice[slot], 0.0);
    }

    private static SupplyShockModel start(Path dir, String at) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode s = (ObjectNode) json.readTree(Path.of("src/test/resources/scenarios/minimal.json").toFile());
        ((ObjectNode) s.get("time")).put("startAt", at);
        ((ObjectNode) s.get("commodities").get(0)).put("valuePerUnit", 1000);
        ((ObjectNode) s.get("commodities").get(1)).put("valuePerUnit", 500);
        ((ObjectNode) s.get("recipes").get(0).get("inputs").get(0)).put("minPerUnit", 0.15);
        Path file = dir.resolve("thrift-" + at + ".json");
        Files.writeString(file, json.writeValueAsString(s));
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.load(file).scenario(), 1, 104);
        model.start();
        return model;
    }
}
