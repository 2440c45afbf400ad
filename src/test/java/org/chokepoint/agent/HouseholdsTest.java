package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chokepoint.market.OrderBook;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.WorldBuilder;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * Households bid their demand curve as a schedule round the quote. B's buyers in the two-region world have an
 * isoelastic curve {@code D(p) = 100 (p / 10)^-0.8}, so at a quote of 10 the schedule's steps add up, from its lowest
 * price up, to what the curve gives there.
 */
class HouseholdsTest {
    private static Households households() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("src/test/resources/scenarios/two-region.json")).scenario();
        World world = WorldBuilder.build(s);
        Households h = Households.build(s.demand(), world, 0.0, 0.0);
        // The curve at its base, as a tick without trend, shift or noise draws it.
        for (int i = 0; i < h.count; i++) {
            h.scale[i] = h.baseQuantity(i);
        }
        assertEquals(world.market(world.regionIndex("B"), world.commodityIndex("metal")), h.market(B));
        return h;
    }

    /** B's buyers, the second demand entry. */
    private static final int B = 1;

    @Test
    void theScheduleAddsUpToTheCurveAtItsLowestPrice() throws Exception {
        Households h = households();
        OrderBook book = new OrderBook();
        h.bid(B, 10.0, book);
        double lowest = Double.POSITIVE_INFINITY;
        double total = 0;
        for (int i = 0; i < book.bidCount(); i++) {
            lowest = Math.min(lowest, book.bidLimit(i));
            total += book.bidQuantity(i);
        }
        assertEquals(100 * Math.pow(lowest / 10, -0.8), total, 1e-9 * total, "D at the lowest bid, " + lowest);
        assertTrue(lowest < 10 && lowest > 2, "the schedule reaches below the quote: " + lowest);
    }

    /**
     * Cargo an export subsidy lands for nothing can clear a market at a zero ask, and the quote is then 0. A
     * schedule laid round a quote of 0 put every bid at 0, so no seller asking anything sold to the households the
     * tick after: in ExporterInstrumentsTest's world under a subsidy of 20, M's households bought nothing in week
     * 231 with 526 units on hand, the price 1.3. Quoted at nothing, they bid as if quoted at their curve's reference
     * price, 10 here: the same schedule, bid for bid.
     */
    @Test
    void quotedAtNothingAHouseholdBidsItsCurveRoundItsReferencePrice() throws Exception {
        Households h = households();
        OrderBook atNothing = new OrderBook();
        h.bid(B, 0.0, atNothing);
        OrderBook atReference = new OrderBook();
        h.bid(B, 10.0, atReference);
        assertEquals(atReference.bidCount(), atNothing.bidCount());
        for (int i = 0; i < atNothing.bidCount(); i++) {
            assertTrue(atNothing.bidLimit(i) > 0, "bid " + i + " at " + atNothing.bidLimit(i));
            assertEquals(atReference.bidLimit(i), atNothing.bidLimit(i), 0.0, "bid " + i);
            assertEquals(atReference.bidQuantity(i), atNothing.bidQuantity(i), 0.0, "bid " + i);
        }
    }

    /**
     * A curve may be cut below its reference price: with B's buyers choked at 5, nobody buys at their reference
     * price of 10. A grid laid round 10 after a zero quote capped 25 of its 28 steps at 5, so the schedule had four
     * prices, 2.466 (10 e^-1.4) the lowest, and at any price below that they bid no more than D(2.466) = 306.5 though
     * the market had just cleared at nothing. Quoted at nothing, they bid as if quoted at the choke price, the top of
     * the curve: the grid's lowest step is 5 e^-1.4 = 1.233, and the schedule adds up there to
     * D(1.233) = 100 x 0.1233^-0.8 = 533.6.
     */
    @Test
    void quotedAtNothingAHouseholdWhoseCurveIsChokedBelowItsReferencePriceBidsRoundTheChoke() throws Exception {
        Households h = households();
        h.chokePrice[B] = 5.0;
        OrderBook atNothing = new OrderBook();
        h.bid(B, 0.0, atNothing);
        double lowest = Double.POSITIVE_INFINITY;
        double total = 0;
        for (int i = 0; i < atNothing.bidCount(); i++) {
            if (atNothing.bidQuantity(i) > 0) {
                lowest = Math.min(lowest, atNothing.bidLimit(i));
            }
            total += atNothing.bidQuantity(i);
        }
        assertEquals(1.233, lowest, 1e-3);
        assertEquals(533.6, total, 0.1);
        OrderBook atChoke = new OrderBook();
        h.bid(B, 5.0, atChoke);
        for (int i = 0; i < atNothing.bidCount(); i++) {
            assertEquals(atChoke.bidLimit(i), atNothing.bidLimit(i), 0.0, "bid " + i);
            assertEquals(atChoke.bidQuantity(i), atNothing.bidQuantity(i), 0.0, "bid " + i);
        }
    }
}
