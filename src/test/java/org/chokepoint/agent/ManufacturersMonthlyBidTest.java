package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.market.OrderBook;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The magnet maker of {@link ManufacturersBidTest} with monthly ticks: the same plant and costs, normal sales and plan
 * of {@code 40 x 52 / 12 = 173.33} t a month, 0.3 t of oxide a tonne, so a month's use of 52 t, and six weeks of input
 * cover, {@code 6 x 12 / 52 = 1.3846} months, a target of {@code 1.3846 x 52 = 72} t, as in the weekly world. Its
 * reservation is 263.11 as there (its runs stand at 0.8 of its plant either way). With its stock at target it orders
 * the month's use, 52 t, in four steps of 13.
 */
class ManufacturersMonthlyBidTest {
    private static final int MAKER = 1;

    /**
     * Under {@code sellerAsk: ladder} each step is valued over a week's use, 12 t: the stock left is
     * {@code 72 - 12 (1 - (k - 0.5) / 4)}, 61.5 to 70.5, and it bids {@code 100 (72 / 61.5)^0.2 = 103.20} down to
     * {@code 100 (72 / 70.5)^0.2 = 100.42}, what the weekly maker bids each week.
     */
    @Test
    void underTheLadderAMonthlyMakerAtItsTargetBidsAsAWeeklyOneDoes() throws Exception {
        ManufacturersBidTest.assertStepsAtTarget(bidAtTarget("ladder"), 13.0);
    }

    /**
     * Under {@code normalSales} each step is valued over the month's use, 52 t: the stock left is
     * {@code 72 - 52 (1 - (k - 0.5) / 4)}, 26.5, 39.5, 52.5 and 65.5, and it bids 122.13, 112.76, 106.52 and 101.91 (under the ladder above the first of them was 103.20).
     */
    @Test
    void underNormalSalesAMonthlyMakerValuesItsStepsOverTheMonthsUse() throws Exception {
        OrderBook book = bidAtTarget("normalSales");
        double[] bids = {122.13, 112.76, 106.52, 101.91};
        for (int k = 0; k < 4; k++) {
            assertEquals(bids[k], book.bidLimit(k), 0.005, "step " + (k + 1));
            assertEquals(13.0, book.bidQuantity(k), 1e-9, "step " + (k + 1));
        }
    }

    private static OrderBook bidAtTarget(String sellerAsk) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Path.of("src/test/resources/scenarios/minimal.json").toFile());
        ((ObjectNode) json.get("time")).put("ticksPerYear", 12);
        ObjectNode b = json.withObjectProperty("behaviour");
        b.put("inputCoverTicks", 6 * 12 / 52.0);
        b.put("sellerAsk", sellerAsk);
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson(json, "minimal").scenario(), 1, 12);
        model.start();
        Firms x = model.firms();
        assertEquals("maker", x.id(MAKER));
        Manufacturers manufacturers = new Manufacturers(x, model.world(), model.scenario().behaviour());
        int slot = x.firstSlot(MAKER);
        assertEquals(4, manufacturers.bidSteps(slot), "the only buyer of its input bids four steps");
        x.status[MAKER] = FirmStatus.ACTIVE;
        x.capacity[MAKER] = 50 * 52 / 12.0;
        x.plannedOutput[MAKER] = 40 * 52 / 12.0;
        x.normalSales[MAKER] = 40 * 52 / 12.0;
        x.expectedPrice[MAKER] = 90;
        x.inputExpectedPrice[slot] = 100;
        x.expectedInputCost[MAKER] = 0.3 * 100;
        x.inputStock[slot] = 72;
        OrderBook book = model.markets().book(x.inputMarket(slot));
        book.reset();
        manufacturers.prepareBids(MAKER);
        assertEquals(78.9333, x.inputBudget[MAKER], 1e-4, "90 less the average variable cost of 173.33, 11.0667");
        manufacturers.bid(slot, model.markets());
        assertEquals(4, book.bidCount());
        return book;
    }
}
