package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.market.Ledger;
import org.chokepoint.model.MinimalWorld;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * What an outage leaves a mine costs what its remaining plants cost. The minimal scenario's mine has 100 t a week
 * of plant at {@code MC(q) = 20 + 30 (q / 100)^2}; an outage takes 80% of it from week 20, and the 20 t a week
 * left keep the curve's shape, {@code MC(q) = 20 + 30 (q / 20)^2}, on which the mine plans and asks. Making q on
 * them costs the curve's integral, {@code 20 q + 30 × 20 × (q / 20)^3 / 3}: 14 t cost 280 + 68.6 = 348.6, where
 * the whole plant's curve, on plants the outage has shut, would put them at 280 + 2.74 = 282.74. What a week
 * books, revenue less producer surplus, is checked against that for every week of the outage the mine makes
 * something; its sales are read from its stock, which its output enters and its sales leave.
 */
class OutageCostTest {
    private static final int MINE = 0;
    private static final int OUTAGE = 20;

    @Test
    void aMineOnAFifthOfItsPlantBooksTheCostOfThatFifth() throws Exception {
        SupplyShockModel model = MinimalWorld.startedWith("events", "[{\"type\": \"capacityOutage\", \"id\": \"outage\","
                + " \"region\": \"CN\", \"commodity\": \"oxide\", \"share\": 0.8, \"start\": " + OUTAGE
                + ", \"end\": 40}]", 40);
        Firms x = model.firms();
        assertEquals("mine", x.id(MINE));
        World w = model.world();
        int oxide = w.market(w.regionIndex("CN"), w.commodityIndex("oxide"));
        double value = w.commodity(w.commodityIndex("oxide")).valuePerUnit();
        Ledger books = model.markets().ledger();
        int weeksChecked = 0;
        for (int tick = 0; tick < 40; tick++) {
            double stockBefore = x.stock[MINE];
            model.stepTick();
            double q = books.production(oxide);
            if (tick < OUTAGE + 1 || q <= 0) {
                continue;
            }
            assertTrue(q <= 20 + 1e-9, "at most what the outage leaves: " + q);
            double sold = stockBefore + q - x.stock[MINE];
            double revenue = sold * model.markets().price(oxide) * value;
            double booked = revenue - books.producerSurplus(oxide);
            double onTheFifth = 20 * q + 30 * 20 * Math.pow(q / 20, 3) / 3;
            assertEquals(onTheFifth * value, booked, 1e-9 * booked, "week " + tick + ", " + q + " t");
            weeksChecked++;
        }
        assertTrue(weeksChecked >= 10, "weeks of the outage with output: " + weeksChecked);
    }
}
