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

    /**
     * A trader buys 5 t at home at 10 (a tonne is 1,000 units of the price: $50,000), pays freight of 0.5 a unit
     * ($2,500) and an export tax of 10% of the price at home ($5,000), lands the cargo under a quota licence worth
     * $1,000 and sells it abroad at 12 ($60,000). It keeps 60,000 - 50,000 - 2,500 - 5,000 - 1,000 = $1,500, booked
     * abroad where it sold; the tax is home's levy revenue and the licence's rent abroad's quota rent. The three
     * add up to the sale less the purchase and the freight, $7,500: duties and rents move the margin, freight uses
     * it up.
     */
    @Test
    void aTradersSaleIsItsCostsPlusItsSurplusAndItsDutiesAreCountedOnce() {
        Markets markets = new Markets(2, 1, new double[] {10, 12}, 0.1);
        Ledger ledger = markets.ledger();
        ledger.checkBalance(-1, new double[] {0, 0});
        markets.beginTick();
        ledger.traderCost(ABROAD, 5 * 10 * 1000);
        ledger.traderCost(ABROAD, 5 * 0.5 * 1000);
        ledger.borderCharge(HOME, ABROAD, 0.1 * 10 * 5 * 1000);
        ledger.quotaRent(ABROAD, 1000);
        ledger.traderSale(ABROAD, 5 * 12 * 1000);
        ledger.checkBalance(0, new double[] {0, 0});

        assertEquals(1500, ledger.traderSurplus(ABROAD), 1e-9);
        assertEquals(60000, ledger.traderRevenue(ABROAD), 1e-9);
        assertEquals(58500, ledger.traderCost(ABROAD), 1e-9, "revenue = costs + surplus");
        assertEquals(0, ledger.traderSurplus(HOME), "nothing of the cargo's margin is booked where it was bought");
        assertEquals(5000, ledger.levyRevenue(HOME), 1e-9);
        assertEquals(1000, ledger.quotaRent(ABROAD), 1e-9);
        assertEquals(7500, ledger.traderSurplus(ABROAD) + ledger.levyRevenue(HOME) + ledger.quotaRent(ABROAD), 1e-9);
    }

    /**
     * A consortium's pool pays the same tax, but its members pay it in the cost of what they are handed; its quota
     * rent, theirs in that cost, is not booked at all (`PooledCargoUnderTradeMeasuresTest`).
     */
    @Test
    void aChargeOnCargoNoTraderCarriesIsOnlyTheGovernmentsReceipt() {
        Markets markets = new Markets(2, 1, new double[] {10, 12}, 0.1);
        Ledger ledger = markets.ledger();
        markets.beginTick();
        ledger.borderCharge(HOME, -1, 5000);
        ledger.exportSubsidy(HOME, -1, 300);
        assertEquals(5000, ledger.levyRevenue(HOME));
        assertEquals(300, ledger.fiscalCost(HOME));
        assertEquals(0, ledger.traderSurplus(HOME));
        assertEquals(0, ledger.traderSurplus(ABROAD));
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
