package org.chokepoint.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Two regions with one commodity each side of a sea: what a mine makes, what buyers use and what carriers ship
 * and land must add up to the stock the holders report, tick by tick.
 */
class LedgerTest {
    private static final int HOME = 0;
    private static final int ABROAD = 1;

    @Test
    void aTickWhoseFlowsMatchItsStockChangePasses() {
        Markets markets = new Markets(2, 1, new double[] {10, 12}, 0.1);
        Ledger ledger = markets.ledger();
        ledger.checkBalance(-1, new double[] {50, 0}); // 50 t held at home before the first tick

        markets.beginTick();
        ledger.produced(HOME, 20, 150);  // a mine makes 20 t at a variable cost of $150
        ledger.consumed(HOME, 15);       // buyers use 15 t
        int account = markets.shipping().open(ABROAD, 4);
        markets.shipping().ship(account, Shipping.DIRECT, HOME, -1, 0, 2, 5, 50); // 5 t sail, landing at tick 2
        ledger.checkBalance(0, new double[] {50, 0}); // 20 - 15 - 5 = 0: the stock at home is unchanged

        assertEquals(5, ledger.exports(HOME));
        assertEquals(5, ledger.exportsTo(HOME, 1), "direct cargo leaves for the destination's region");
        assertEquals(-150, ledger.producerSurplus(HOME));
        assertEquals(5, markets.shipping().atSea(account));

        markets.beginTick();
        ledger.checkBalance(1, new double[] {50, 0}); // nothing moved at tick 1
        markets.beginTick();
        double landed = markets.shipping().land(account, Shipping.DIRECT, 2);
        assertEquals(5, landed);
        assertEquals(50, markets.shipping().landedValue(), "the cargo's value travels with it");
        assertEquals(5, ledger.importsFrom(ABROAD, 0), "it lands from the region it was bought in");
        ledger.checkBalance(2, new double[] {50, 5}); // the carrier now holds the 5 t abroad
        assertEquals(0, markets.shipping().atSea(account));
    }

    @Test
    void goodsThatAppearWithoutABookingFailTheTick() {
        Markets markets = new Markets(2, 1, new double[] {10, 12}, 0.1);
        Ledger ledger = markets.ledger();
        ledger.checkBalance(-1, new double[] {50, 0});
        markets.beginTick();
        ledger.produced(HOME, 20, 0);
        // A holder reports 20 t more, but 1 t more than the mine made: booked on one side only.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ledger.checkBalance(0, new double[] {71, 0}));
        assertTrue(e.getMessage().contains("market 0 at tick 0"), e.getMessage());
    }

    @Test
    void aDetourIsDeclaredToTheThirdCountryBothWays() {
        Markets markets = new Markets(3, 1, new double[] {10, 12, 11}, 0.1);
        int account = markets.shipping().open(1, 5);
        markets.beginTick();
        int arrival = markets.shipping().ship(account, Shipping.DETOUR, 0, 2, 0, 0, 3, 0);
        assertEquals(0, arrival, "a voyage of no time lands the tick it leaves");
        assertEquals(3, markets.ledger().exportsTo(0, 2));
        assertEquals(3, markets.shipping().land(account, Shipping.DETOUR, 0));
        assertEquals(3, markets.ledger().importsFrom(1, 2));
        assertEquals(0, markets.ledger().importsFrom(1, 0));
    }
}
