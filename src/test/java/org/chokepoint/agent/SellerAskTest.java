package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.market.OrderBook;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a seller asks under each {@code behaviour.sellerAsk}, worked by hand on the minimal scenario's mine:
 * capacity 100, {@code MC(q) = 20 + 30 (q / 100)^2}. It has sold 40 a week (its normal sales) and plans 50, ten
 * more to restock; its target stock is four weeks of normal sales, 160, and it offers {@code 1.5 / 4} of its stock
 * (a week and a half of sales at target). The cut for a stock above target is {@code (160 / stock)^0.2}.
 *
 * <p>Asking the plan's cost, it asks {@code MC(50) = 27.5}; asking the cost of its normal sales,
 * {@code MC(40) = 20 + 30 x 0.16 = 24.8}: the ten tonnes of restocking are not a reason to charge more, and a week's
 * dip in sales that cut the plan would not be a reason to charge less. Under {@code ladder} it offers its stock
 * (what lies beyond its target apart) in 16 slices, each at the cost of the normal sales the slice's sale would leave:
 * a week's sales move normal sales by a thirteenth of their gap to them, so the middle unit of slice j, once
 * {@code sold} are gone, is asked at {@code MC(40 + (sold − 40) / 13)}.
 */
class SellerAskTest {
    Firms firms;
    int mine;

    @BeforeEach
    void seller() throws Exception {
        firms = MinimalMine.firms();
        mine = MinimalMine.MINE;
        firms.status[mine] = FirmStatus.ACTIVE;
        firms.plannedOutput[mine] = 50;
        firms.normalSales[mine] = 40;
        firms.availableCapacity[mine] = 100;
        firms.expectedPrice[mine] = 30;
    }

    private OrderBook offer(String rule, double stock) throws Exception {
        return offerUnder("{\"sellerAsk\": \"" + rule + "\"}", stock);
    }

    private OrderBook offerUnder(String behaviour, double stock) throws Exception {
        firms.stock[mine] = stock;
        Producers p = new Producers(firms, Json.mapper().readValue(behaviour, BehaviourSpec.class), 52);
        OrderBook book = new OrderBook();
        p.offer(mine, 0, 0, book);
        return book;
    }

    /**
     * Stock 100, below its target: it offers 37.5. Asking the plan's cost, all of it at 27.5; asking the cost of its
     * normal sales, all of it at 24.8. Along the ladder, 16 slices of 2.34375: the first's middle unit leaves 1.171875
     * sold, normal sales of
     * {@code 40 − 38.828125 / 13 = 37.0132} and an ask of {@code 20 + 30 x 0.370132^2 = 24.1099}; the last's leaves
     * 36.328125 sold, {@code 40 − 3.671875 / 13 = 39.7175} and 24.7325. The whole offer is less than its normal sales
     * of 40, so every slice asks less than their cost, 24.8: sold whole, it would leave them at 39.8.
     */
    @Test
    void shortOfStockItAsksTheCostOfItsPlanOrOfItsNormalSales() throws Exception {
        OrderBook plan = offer("plan", 100);
        assertEquals(1, plan.askCount());
        assertAsk(plan, 0, 27.5, 1e-12, 37.5);
        OrderBook normal = offer("normalSales", 100);
        assertEquals(1, normal.askCount());
        assertAsk(normal, 0, 24.8, 1e-12, 37.5);
        OrderBook ladder = offer("ladder", 100);
        assertEquals(16, ladder.askCount());
        assertAsk(ladder, 0, 24.1099, 5e-5, 2.34375);
        assertAsk(ladder, 15, 24.7325, 5e-5, 2.34375);
        for (int i = 1; i < 16; i++) {
            assertTrue(ladder.askLimit(i) > ladder.askLimit(i - 1) && ladder.askLimit(i) < 24.8, "slice " + i);
        }
    }

    /**
     * Stock 200 against a target of 160: it offers 75, of which the 40 beyond target are worth working off cheaper.
     * The cut is {@code 0.8^0.2 = 0.956352}. Asking the plan's cost, all 75 at {@code 27.5 x 0.956352 = 26.2997};
     * asking the cost of normal sales, 35 at 24.8 and the 40 beyond target at {@code 24.8 x 0.956352 = 23.7175}; along
     * the ladder, the 40 beyond target at 23.7175 and the other 35 in 16 slices of 2.1875 above its normal sales, the first at {@code MC(40 + 1.09375 / 13) = MC(40.0841) = 24.8202},
     * the last at {@code MC(40 + 33.90625 / 13) = MC(42.6082) = 25.4464}.
     */
    @Test
    void longOfStockOnlyTheStockBeyondTargetIsCut() throws Exception {
        double cut = Math.pow(0.8, 0.2);
        assertEquals(0.956352, cut, 5e-7);
        OrderBook plan = offer("plan", 200);
        assertEquals(1, plan.askCount());
        assertAsk(plan, 0, 26.2997, 5e-5, 75);
        OrderBook normal = offer("normalSales", 200);
        assertEquals(2, normal.askCount());
        assertAsk(normal, 0, 24.8, 1e-12, 35);
        assertAsk(normal, 1, 23.7175, 5e-5, 40);
        OrderBook ladder = offer("ladder", 200);
        assertEquals(17, ladder.askCount());
        assertAsk(ladder, 0, 23.7175, 5e-5, 40);
        assertAsk(ladder, 1, 24.8202, 5e-5, 2.1875);
        assertAsk(ladder, 16, 25.4464, 5e-5, 2.1875);
    }

    /**
     * An outage leaves the mine 30% of its plant, 30 a week on {@code MC(q) = 20 + 30 (q / 30)^2}, against normal
     * sales of 40. Stock 100 (below target): it offers 37.5. Asking the cost of its normal sales within what it can
     * make, 37.5 at {@code MC(30) = 50}. Along the ladder, sold whole the offer leaves normal sales of
     * {@code 40 − 2.5 / 13 = 39.81}, still above what its plant makes, so every slice asks 50 too. With normal sales of
     * 31 the first slice's middle unit leaves {@code 31 − 29.828125 / 13 = 28.7055} and an ask of
     * {@code 20 + 30 x 0.956851^2 = 47.4669}, and a slice sold once 18 are gone leaves 30: from there on, 50.
     * (Counted from the 30 it can make, not its normal sales, the first slice asked
     * {@code MC(30 − 28.828125 / 13) = MC(27.7825) = 45.7288} with normal sales of 40, below what it costs to make
     * again at full plant.)
     */
    @Test
    void underAnOutageTheLadderCountsFromNormalSalesNotFromThePlantLeft() throws Exception {
        firms.setOperableShare(firms.market[mine], 0.3);
        firms.availableCapacity[mine] = 30;
        OrderBook normal = offer("normalSales", 100);
        assertEquals(1, normal.askCount());
        assertAsk(normal, 0, 50, 1e-12, 37.5);
        OrderBook ladder = offer("ladder", 100);
        assertEquals(16, ladder.askCount());
        for (int i = 0; i < 16; i++) {
            assertAsk(ladder, i, 50, 1e-12, 2.34375);
        }
        firms.normalSales[mine] = 31;
        OrderBook near = offer("ladder", 100);
        assertAsk(near, 0, 47.4669, 5e-5, 2.34375);
        // Slice 8's middle unit, 17.578125 sold, leaves 31 - 13.421875 / 13 = 29.9675; slice 9's, 19.921875 sold,
        // leaves 30.1482, more than the plant makes: 50.
        assertEquals(20 + 30 * Math.pow(29.9675 / 30, 2), near.askLimit(7), 5e-4);
        assertAsk(near, 8, 50, 1e-12, 2.34375);
        assertAsk(near, 15, 50, 1e-12, 2.34375);
    }

    /**
     * With a stock cover of one week, a week and a half of sales is more than it holds, so it offers all of its stock:
     * 21.3, below its target of 40, in 16 slices. Bought whole, the slices take from its stock, one after another as
     * the market settles them, exactly 21.3: it is left with 0. Sixteen slices of {@code 21.3 / 16 = 1.33125} each
     * taken so came to 4.9e-15 more than it held, and left it holding that much below nothing.
     */
    @Test
    void theSlicesOfAWholeStockSoldTakeItToNothingNotBelow() throws Exception {
        OrderBook ladder = offerUnder("{\"sellerAsk\": \"ladder\", \"stockCoverTicks\": 1}", 21.3);
        assertEquals(16, ladder.askCount());
        double left = 21.3;
        for (int i = 0; i < 16; i++) {
            assertEquals(1.33125, ladder.askQuantity(i), 1e-12, "slice " + i);
            left -= ladder.askQuantity(i);
        }
        assertEquals(0.0, left, 0.0);
    }

    /**
     * Stock 400: it offers 150, all of it beyond the target of 160 (240 are), so the whole offer is cut, by
     * {@code 0.4^0.2 = 0.832553}: {@code 24.8 x 0.832553 = 20.6473}.
     */
    @Test
    void anOfferAllBeyondTargetIsCutWhole() throws Exception {
        OrderBook normal = offer("normalSales", 400);
        assertEquals(1, normal.askCount());
        assertAsk(normal, 0, 20.6473, 5e-5, 150);
    }

    /**
     * A certified plant earning a premium of 5 a unit is paid for what it makes, its plan, so it asks the plan's
     * cost less the premium under either rule: {@code 27.5 - 5 = 22.5}.
     */
    @Test
    void aCertifiedPlantAsksItsPlansCostLessThePremium() throws Exception {
        firms.premium(mine, 5);
        assertEquals(22.5, offer("plan", 100).askLimit(0), 1e-12);
        assertEquals(22.5, offer("normalSales", 100).askLimit(0), 1e-12);
    }

    /**
     * A lane holds 300 t at its destination against a target of 240: 60 t beyond it. A trader holding 100 t of the
     * lane's stock holds a third of that excess, 20 t, which it offers at the lane's cut; its other 80 t it offers
     * at its landed cost plus margin. (Under {@code plan} it offers all 100 t at the cut.)
     */
    @Test
    void aTraderCutsOnlyItsShareOfTheLanesStockBeyondTarget() {
        assertEquals(20.0, Traders.shareBeyondTarget(100, 240, 300), 1e-12);
        assertEquals(0.0, Traders.shareBeyondTarget(100, 300, 300), 1e-12);
        // Landed at 100 with a 2% margin, the lane's cut 0.956: 80 t at 102, 20 t at 97.5.
        OrderBook book = new OrderBook();
        BeyondTargetOffer.add(book, 100, 102, 97.5, 20, 0);
        assertEquals(2, book.askCount());
        assertAsk(book, 0, 102, 0, 80);
        assertAsk(book, 1, 97.5, 0, 20);
        // Nothing beyond target, or a hoarding price that lifts both parts to one price: one ask.
        OrderBook none = new OrderBook();
        BeyondTargetOffer.add(none, 100, 102, 97.5, 0, 0);
        assertEquals(1, none.askCount());
        assertEquals(97.5, none.askLimit(0), 0);
        OrderBook hoarded = new OrderBook();
        BeyondTargetOffer.add(hoarded, 100, 110, 110, 20, 0);
        assertEquals(1, hoarded.askCount());
        assertEquals(100, hoarded.askQuantity(0), 0);
    }

    /** The book's ask {@code i} is {@code quantity} at {@code limit}, the limit within {@code tolerance}. */
    private static void assertAsk(OrderBook book, int i, double limit, double tolerance, double quantity) {
        assertEquals(limit, book.askLimit(i), tolerance, "limit of ask " + i);
        assertEquals(quantity, book.askQuantity(i), 1e-9, "quantity of ask " + i);
    }
}
