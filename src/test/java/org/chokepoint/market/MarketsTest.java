package org.chokepoint.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * How a market's quote moves when nothing crosses: by at most {@code priceAdjustment} (here 10%) of itself toward
 * the side that came, and from a quote of zero, which a step in proportion cannot leave, to the prices offered.
 */
class MarketsTest {
    private static Markets quotedAt(double price) {
        return new Markets(1, 1, new double[] {price}, 0.1);
    }

    @Test
    void onlyBuyersAboveTheQuoteLiftItByAtMostTheStep() {
        Markets m = quotedAt(10);
        m.beginTick();
        m.book(0).addBid(20, 5, 1);
        m.clear(0);
        assertEquals(11.0, m.price(0), 1e-12);
    }

    @Test
    void aZeroQuoteMovesToTheBestBidWhenOnlyBuyersCome() {
        Markets m = quotedAt(0);
        m.beginTick();
        m.book(0).addBid(20, 5, 1);
        m.clear(0);
        assertEquals(20.0, m.price(0), 1e-12);
    }

    /** Bid 8, ask 12: no crossing; the quote goes from 0 to the middle, 10. */
    @Test
    void aZeroQuoteMovesToTheMiddleOfASpreadThatDoesNotCross() {
        Markets m = quotedAt(0);
        m.beginTick();
        m.book(0).addBid(8, 5, 1);
        m.book(0).addAsk(12, 5, 2);
        m.clear(0);
        assertEquals(10.0, m.price(0), 1e-12);
    }

    /**
     * A contract market quoted at 100, contract adjustment 0.02: sellers offer 30 at 90 and 10 at 110 (mean ask
     * 95), buyers want 60 at 100. Supply at the price is 30, so the 30 trade at 100, and 100 is the price the
     * tick reads and records. Demand is short by (60 - 30) / 60 = 1/2, so the formula's target is
     * 95 × 1.5 = 142.5 and the next tick opens at 100 + 0.02 × 42.5 = 100.85.
     */
    @Test
    void aContractMarketTradesAtItsPriceAndRevisesItForTheNextTick() {
        Markets m = quotedAt(100);
        m.setContractPriced(0, true);
        m.setContractAdjustment(0.02);
        m.beginTick();
        m.book(0).addAsk(90, 30, 1);
        m.book(0).addAsk(110, 10, 2);
        m.book(0).addBid(100, 60, 3);
        m.clear(0);
        assertEquals(30.0, m.book(0).volume(), 1e-12);
        assertEquals(30.0, m.ledger().traded(0), 1e-12);
        assertEquals(100.0, m.price(0), 1e-12, "the price the goods traded at, until the tick ends");
        m.beginTick();
        assertEquals(100.85, m.price(0), 1e-12);
    }

    /** 12 handed over by an allocation key before the auction, 5 traded in it: the market traded 17 this tick. */
    @Test
    void whatAnAllocationHandsOverCountsAsTradedBesideTheAuction() {
        Markets m = quotedAt(10);
        m.beginTick();
        m.ledger().transfer(0, 12);
        m.book(0).addAsk(9, 5, 1);
        m.book(0).addBid(11, 5, 2);
        m.clear(0);
        assertEquals(17.0, m.ledger().traded(0), 1e-12);
    }
}
