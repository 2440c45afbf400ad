package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.agent.FirmType;
import org.chokepoint.agent.Firms;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * Opening stocks held by users. The 2009 rare-earth chain without its shocks, Japan's magnet makers told to open
 * with 26 weeks of Dy oxide (their usual cover is 6 weeks): their target cover of Dy oxide becomes 26 weeks, so at
 * rest they keep about 26 weeks of their use rather than selling the surplus off or running it down to 6.
 *
 * <p>What they keep is measured, tick by tick, as their Dy oxide stock over their normal use, and must average
 * within 2% of 26 weeks over the run. On seed 1 it averages 25.52 weeks and ranges over 23.7 to 26.5: single
 * ticks dip further, when an auction at rest does not fill a buyer's whole order and a tick of use comes out of
 * stock, which its orders then win back over {@code stockAdjustTicks}.
 */
class OpeningStocksTest {
    static final double WEEKS = 26;

    static Scenario withoutShocks(String file, ArrayNode openingStocks) throws Exception {
        ObjectNode json = ScenarioLoader.load(Path.of(file)).json().deepCopy();
        for (String shock : new String[] {"events", "policies", "consortia"}) {
            json.set(shock, Json.mapper().createArrayNode());
        }
        json.set("openingStocks", openingStocks);
        return ScenarioLoader.fromJson(json, file + " without shocks").scenario();
    }

    static ArrayNode stocks(String json) throws Exception {
        return (ArrayNode) Json.mapper().readTree(json);
    }

    /** The users' stock of a commodity in a region over their normal use, in weeks. */
    static double usersCoverWeeks(SupplyShockModel model, String region, String commodity) {
        World w = model.world();
        Firms firms = model.firms();
        int r = w.regionIndex(region);
        int c = w.commodityIndex(commodity);
        double stock = 0;
        double use = 0;
        for (int f = 0; f < firms.count; f++) {
            if (firms.type(f) == FirmType.MANUFACTURER && firms.region(f) == r && firms.slotOf(f, c) >= 0) {
                int s = firms.slotOf(f, c);
                stock += firms.inputStock(s);
                use += firms.normalUse(s);
            }
        }
        return stock / use / 52.0 * w.ticksPerYear();
    }

    @Test
    void aRegionOpeningWithWeeksOfItsInputKeepsThemAtRest() throws Exception {
        Scenario s = withoutShocks("scenarios/rare-earth-baseline.json", stocks(
                "[{\"region\": \"JP\", \"commodity\": \"dy-oxide\", \"weeks\": " + WEEKS + "}]"));
        SupplyShockModel model = new SupplyShockModel(s, 1, -1);
        model.start();
        assertEquals(WEEKS, usersCoverWeeks(model, "JP", "dy-oxide"), 1e-9, "opened with");
        double sum = 0;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        int ticks = 0;
        while (model.tick() < model.horizon()) {
            model.stepTick();
            double weeks = usersCoverWeeks(model, "JP", "dy-oxide");
            sum += weeks;
            lowest = Math.min(lowest, weeks);
            highest = Math.max(highest, weeks);
            ticks++;
        }
        model.finish();
        double mean = sum / ticks;
        System.out.printf("opening stocks: Japan's magnet makers hold %.2f weeks of Dy oxide on average (%.2f to %.2f)"
                + " after opening with %.0f%n", mean, lowest, highest, WEEKS);
        assertEquals(WEEKS, mean, 0.02 * WEEKS, "Japan's magnet makers hold " + mean + " weeks of Dy oxide on average");
    }

    /**
     * A quantity is shared by use: 500 t among Japan's magnet makers, whose Dy oxide use at the start is U t a
     * tick, is 500 / U ticks of cover for each of them, and they hold 500 t between them.
     */
    @Test
    void aQuantityIsSharedByUse() throws Exception {
        Scenario s = withoutShocks("scenarios/rare-earth-baseline.json", stocks(
                "[{\"region\": \"JP\", \"commodity\": \"dy-oxide\", \"quantity\": 500}]"));
        SupplyShockModel model = new SupplyShockModel(s, 1, -1);
        model.start();
        World w = model.world();
        Firms firms = model.firms();
        int c = w.commodityIndex("dy-oxide");
        double held = 0;
        double use = 0;
        for (int f = 0; f < firms.count; f++) {
            int slot = firms.type(f) == FirmType.MANUFACTURER && firms.region(f) == w.regionIndex("JP")
                    ? firms.slotOf(f, c) : -1;
            if (slot >= 0) {
                held += firms.inputStock(slot);
                use += firms.normalUse(slot);
            }
        }
        assertEquals(500, held, 1e-9);
        for (int f = 0; f < firms.count; f++) {
            int slot = firms.type(f) == FirmType.MANUFACTURER && firms.region(f) == w.regionIndex("JP")
                    ? firms.slotOf(f, c) : -1;
            if (slot >= 0) {
                assertEquals(500 / use, firms.slotCoverTicks(slot), 1e-9, firms.id(f));
            }
        }
        model.finish();
    }
}
