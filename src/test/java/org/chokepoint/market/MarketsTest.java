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
}
