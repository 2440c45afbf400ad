package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A stockist of oxide in a region that mines and uses it (src/test/resources/scenarios/stocked-region.json): it opens
 * with four weeks of the region's use, pays US$5 a tonne-week to store it and 5% a year on its value, and the oxide
 * is worth US$1,000 a tonne per US$/kg.
 */
class StockistsTest {
    static final double STORAGE = 5.0 / 1000;
    static final double INTEREST = 0.05 / 52;

    static SupplyShockModel model(double demandShift) throws Exception {
        ObjectNode json = ScenarioLoader.load(Path.of("src/test/resources/scenarios/stocked-region.json")).json().deepCopy();
        if (demandShift > 0) {
            json.set("events", Json.mapper().readTree("[{\"type\": \"demandShift\", \"id\": \"boom\", \"start\": 60,"
                    + " \"region\": \"JP\", \"commodity\": \"magnet\", \"multiplier\": " + demandShift + "}]"));
        }
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson(json, "stocked-region").scenario(), 1, -1);
        model.start();
        return model;
    }

    /** The region's use of oxide a tick at the start: the magnet makers' (nobody else uses oxide). */
    static double use(SupplyShockModel model) {
        Firms firms = model.firms();
        double use = 0;
        for (int f = 0; f < firms.count; f++) {
            for (int s = firms.firstSlot(f); s < firms.firstSlot(f + 1); s++) {
                use += firms.normalUse(s);
            }
        }
        return use;
    }

    @Test
    void atRestItHoldsItsStockAndItsCostGrowsByTheCarryingCost() throws Exception {
        SupplyShockModel model = model(0);
        Stockists k = model.stockists();
        int m = k.market(0);
        double opening = 4 * use(model);
        assertEquals(opening, k.stock(0), 1e-9 * opening, "four weeks of the region's use, one tick a week");
        double p0 = model.markets().price(m);
        assertEquals(p0, k.unitCost(0), 1e-12, "bought at the start price");
        // By hand: each tick a tonne costs US$5 / 1000 in price units to store, and 5% / 52 of the tick's price.
        double cost = p0;
        while (model.tick() < model.horizon()) {
            // The tick's carrying, at the price quoted as it opens, counts before the stockist offers its stock.
            cost += STORAGE + INTEREST * model.markets().price(m);
            model.stepTick();
            assertEquals(opening, k.stock(0), 0, "no sale and no purchase at rest, tick " + model.tick());
            assertEquals(cost, k.unitCost(0), 1e-9 * cost, "what a tonne has cost, tick " + model.tick());
        }
        model.finish();
        // At rest the oxide's price is where the makers' marginal cost, 26.5 + 0.059 q_m for q_m t of magnets,
        // meets the households' 100 (p / 90)^-0.5: q_m = 158.45, and the mines, at 0.3 q_m / 100 of capacity, ask
        // 55 + 10 × 0.4753 = 59.75. Three years of carrying at it: 156 × (0.005 + 0.05 / 52 × 59.75) = 9.743 US$/kg.
        assertEquals(59.75, p0, 0.02 * 59.75, "the oxide's price at rest");
        assertEquals(156 * (STORAGE + INTEREST * 59.75), cost - p0, 0.02 * 9.743, "carried cost");
    }

    /**
     * Its purchases are charged to the surplus only when it sells, so the stock it holds is counted there at what
     * it paid: at rest, its four weeks at the start price, US$1,000 a tonne per US$/kg (the carrying costs were
     * charged as they came). The closing stocks of the welfare sum add only what the stock is worth above that;
     * the mines and magnet makers, which book a unit's cost when they pay it, have nothing so counted.
     */
    @Test
    void itsStockIsCountedAtWhatItPaidUntilSold() throws Exception {
        SupplyShockModel model = model(0);
        int m = model.stockists().market(0);
        double paid = 4 * use(model) * model.markets().price(m) * 1000;
        while (model.tick() < model.horizon()) {
            model.stepTick();
        }
        model.finish();
        int markets = model.world().marketCount();
        double[] held = new double[markets];
        double[] bookValue = new double[markets];
        model.addPrivateStockAtEnd(held, bookValue);
        assertEquals(paid, bookValue[m], 1e-9 * paid);
        for (int other = 0; other < markets; other++) {
            assertEquals(other == m ? paid : 0, bookValue[other], 1e-9 * paid, "market " + other);
        }
        assertTrue(held[m] > model.stockists().stock(0), "the mines' and makers' oxide is held there too");
    }

    /**
     * A boom lifts the magnets' demand by 60% from tick 60. The stockist sells once the oxide's price passes what
     * its stock has cost it (in tick 82, 16.08 t of its 190.14 t); once the price falls back below what it expects,
     * less a week's carrying, it buys back, each week bidding for an eighth (behaviour.stockAdjustTicks' default
     * of 8) of the gap to its target at that limit. A bid below the price buys nothing and one above it buys it
     * all, so in every week it buys the whole eighth, bar one where the price fell to its limit in the clearing
     * (tick 98 here, 0.72 t): after the other 31 weeks' eighths 15.36 x (7/8)^31 = 0.246 t of the gap is left,
     * 0.245 t in the run. Bidding for a sixteenth of the gap buys less than the eighth in all 32 weeks, and
     * bidding for a fourth buys more than the eighth in tick 99: both fail.
     */
    @Test
    void itSellsOnlyWhenThePriceRisesAboveWhatItsStockCostIt() throws Exception {
        SupplyShockModel model = model(1.6);
        Stockists k = model.stockists();
        int m = k.market(0);
        double opening = k.stock(0);
        double firstSale = -1;
        int eighths = 0;
        int partial = 0;
        while (model.tick() < model.horizon()) {
            double before = k.stock(0);
            double cost = k.unitCost(0) + STORAGE + INTEREST * model.markets().price(m);
            double expected = k.expectedPrice(0);
            int tick = model.tick();
            model.stepTick();
            double price = model.markets().price(m);
            if (k.stock(0) < before - 1e-12) {
                firstSale = firstSale < 0 ? tick : firstSale;
                assertTrue(price >= cost * (1 - 1e-9) && price >= expected * (1 - 1e-9), "tick " + tick + " sold at "
                        + price + " against a cost of " + cost + " and an expected price of " + expected);
            }
            if (tick < 60) {
                assertEquals(opening, k.stock(0), 0, "nothing sold before the boom, tick " + tick);
            }
            if (k.stock(0) > before + 1e-12) {
                double eighth = (opening - before) / 8;
                assertTrue(k.stock(0) - before <= eighth * (1 + 1e-9), "tick " + tick + " bought "
                        + (k.stock(0) - before) + " of a gap of " + (opening - before));
                if (Math.abs(k.stock(0) - before - eighth) <= 1e-9 * eighth) {
                    eighths++;
                } else {
                    partial++;
                }
            }
        }
        model.finish();
        assertTrue(firstSale >= 60, "it sells once the boom lifts the price above its cost, from tick " + firstSale);
        assertEquals(1, partial, "weeks it bought less than an eighth of its gap");
        assertEquals(31, eighths, "weeks it bought an eighth of its gap");
        assertEquals(15.36 * Math.pow(7.0 / 8, 31), opening - k.stock(0), 0.02 * 0.246,
                "what is still short of its target: " + k.stock(0) + " of " + opening);
    }
}
