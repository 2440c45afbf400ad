package org.chokepoint.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed books. Each test spells out the book, the walk down the two sorted sides, and the
 * result it must give.
 */
class OrderBookTest {

    private static final double EPS = 1e-12;

    @Test
    void simpleCrossingPricesTheMiddleOfTheClearingInterval() {
        OrderBook book = new OrderBook();
        book.addAsk(10, 5, 1);
        book.addAsk(14, 5, 2);
        book.addBid(16, 5, 3);
        book.addBid(12, 5, 4);

        book.clear();

        // 10x5 meets 16x5 and both are exhausted; the next ask (14) is above the next bid (12).
        // Any price in [max(10, 12), min(16, 14)] = [12, 14] clears the book: the middle is 13.
        assertTrue(book.crossed());
        assertEquals(5, book.volume(), EPS);
        assertEquals(13, book.price(), EPS);
        assertEquals(5, book.askFilled(0), EPS);
        assertEquals(0, book.askFilled(1), EPS);
        assertEquals(5, book.bidFilled(0), EPS);
        assertEquals(0, book.bidFilled(1), EPS);
        assertEquals(16, book.bestBid(), EPS);
        assertEquals(10, book.bestAsk(), EPS);
        assertEquals(10, book.askVolume(), EPS);
        assertEquals(10, book.bidVolume(), EPS);
    }

    @Test
    void excessSupplyPricesTheMarginalAskAndRationsItsLevelProRata() {
        OrderBook book = new OrderBook();
        book.addAsk(8, 4, 1);
        book.addAsk(10, 3, 2);
        book.addAsk(10, 6, 3);
        book.addAsk(15, 5, 4);
        book.addBid(20, 7, 5);
        book.addBid(9, 10, 6);

        book.clear();

        // 8x4 sells in full to the bid at 20, which then takes 3 of the 9 offered at 10.
        // The next bid (9) is below 10: the level at 10 sells 3 of 9, a third of each order.
        assertTrue(book.crossed());
        assertEquals(7, book.volume(), EPS);
        assertEquals(10, book.price(), EPS);
        assertEquals(4, book.askFilled(0), EPS);
        assertEquals(1, book.askFilled(1), EPS);
        assertEquals(2, book.askFilled(2), EPS);
        assertEquals(0, book.askFilled(3), EPS);
        assertEquals(7, book.bidFilled(0), EPS);
        assertEquals(0, book.bidFilled(1), EPS);
        assertEquals(4, book.askOwner(3));
        assertEquals(6, book.bidOwner(1));
    }

    @Test
    void excessDemandPricesTheMarginalBidAndRationsItsLevelProRata() {
        OrderBook book = new OrderBook();
        book.addAsk(5, 10, 1);
        book.addBid(9, 4, 2);
        book.addBid(7, 6, 3);
        book.addBid(7, 2, 4);
        book.addBid(4, 5, 5);

        book.clear();

        // The bid at 9 buys 4; the level at 7 wants 8 and gets the 6 left, three quarters each.
        assertTrue(book.crossed());
        assertEquals(10, book.volume(), EPS);
        assertEquals(7, book.price(), EPS);
        assertEquals(10, book.askFilled(0), EPS);
        assertEquals(4, book.bidFilled(0), EPS);
        assertEquals(4.5, book.bidFilled(1), EPS);
        assertEquals(1.5, book.bidFilled(2), EPS);
        assertEquals(0, book.bidFilled(3), EPS);
    }

    @Test
    void tiesOnBothSidesTradeAsLevels() {
        OrderBook book = new OrderBook();
        book.addAsk(8, 2, 1);
        book.addAsk(8, 2, 2);
        book.addAsk(11, 4, 3);
        book.addBid(12, 1, 4);
        book.addBid(9, 3, 5);
        book.addBid(9, 9, 6);

        book.clear();

        // The ask level at 8 (4 units) sells 1 to the bid at 12 and 3 to the bid level at 9 (12 units),
        // which gets a quarter of what it asked for. The ask at 11 is above 9 and does not trade.
        assertEquals(4, book.volume(), EPS);
        assertEquals(9, book.price(), EPS);
        assertEquals(2, book.askFilled(0), EPS);
        assertEquals(2, book.askFilled(1), EPS);
        assertEquals(0, book.askFilled(2), EPS);
        assertEquals(1, book.bidFilled(0), EPS);
        assertEquals(0.75, book.bidFilled(1), EPS);
        assertEquals(2.25, book.bidFilled(2), EPS);
    }

    @Test
    void tiesAtOneCommonPriceRationTheLongSide() {
        OrderBook book = new OrderBook();
        book.addAsk(10, 2, 1);
        book.addAsk(10, 6, 2);
        book.addBid(10, 3, 3);
        book.addBid(10, 1, 4);

        book.clear();

        // 8 offered, 4 wanted, all at 10: the sellers sell half of what each offered.
        assertEquals(4, book.volume(), EPS);
        assertEquals(10, book.price(), EPS);
        assertEquals(1, book.askFilled(0), EPS);
        assertEquals(3, book.askFilled(1), EPS);
        assertEquals(3, book.bidFilled(0), EPS);
        assertEquals(1, book.bidFilled(1), EPS);
    }

    @Test
    void theOrderInWhichTiedOrdersArriveChangesNothing() {
        OrderBook forward = new OrderBook();
        OrderBook backward = new OrderBook();
        double[] limits = {9, 9, 9, 7};
        double[] quantities = {1, 2, 5, 3};
        forward.addAsk(6, 5, 99);
        backward.addAsk(6, 5, 99);
        for (int i = 0; i < limits.length; i++) {
            forward.addBid(limits[i], quantities[i], i);
            int j = limits.length - 1 - i;
            backward.addBid(limits[j], quantities[j], j);
        }

        forward.clear();
        backward.clear();

        // The level at 9 wants 8 and gets 5: five eighths of each order, in either order of arrival.
        assertEquals(forward.price(), backward.price());
        for (int i = 0; i < limits.length; i++) {
            int owner = forward.bidOwner(i);
            int j = limits.length - 1 - owner;
            assertEquals(owner, backward.bidOwner(j));
            assertEquals(forward.bidFilled(i), backward.bidFilled(j), EPS);
        }
        assertEquals(5.0 / 8, forward.bidFilled(0), EPS);
        assertEquals(10.0 / 8, forward.bidFilled(1), EPS);
        assertEquals(25.0 / 8, forward.bidFilled(2), EPS);
        assertEquals(0, forward.bidFilled(3), EPS);
        assertEquals(9, forward.price(), EPS);
    }

    @Test
    void roundingInTheSumOfTiedQuantitiesDoesNotMoveThePrice() {
        // 0.1 + 0.2 + 0.3 is 0.6000000000000001 and 0.3 + 0.2 + 0.1 is 0.6 in doubles. Either way the level at
        // 10 meets the bid of 0.6 exactly and is exhausted; the next ask (15) is above the next bid (9), so
        // the price is the middle of [10, 12], whatever the order the tied asks came in.
        double[][] arrivals = {{0.1, 0.2, 0.3}, {0.3, 0.2, 0.1}};
        for (double[] quantities : arrivals) {
            OrderBook book = new OrderBook();
            for (int i = 0; i < quantities.length; i++) {
                book.addAsk(10, quantities[i], i);
            }
            book.addAsk(15, 1, 3);
            book.addBid(12, 0.6, 4);
            book.addBid(9, 1, 5);

            book.clear();

            assertEquals(11, book.price(), EPS);
            assertEquals(0.6, book.volume(), EPS);
            for (int i = 0; i < quantities.length; i++) {
                assertEquals(quantities[i], book.askFilled(i), EPS);
            }
            assertEquals(0, book.askFilled(3));
            assertEquals(0, book.bidFilled(1));
        }
    }

    @Test
    void noCrossingTradesNothing() {
        OrderBook book = new OrderBook();
        book.addAsk(10, 1, 1);
        book.addBid(9, 1, 2);

        book.clear();

        assertFalse(book.crossed());
        assertTrue(Double.isNaN(book.price()));
        assertEquals(0, book.volume());
        assertEquals(0, book.askFilled(0));
        assertEquals(0, book.bidFilled(0));
        assertEquals(9, book.bestBid());
        assertEquals(10, book.bestAsk());
    }

    @Test
    void equalBestPricesDoCross() {
        OrderBook book = new OrderBook();
        book.addAsk(10, 1, 1);
        book.addBid(10, 3, 2);

        book.clear();

        assertTrue(book.crossed());
        assertEquals(1, book.volume(), EPS);
        assertEquals(10, book.price(), EPS);
    }

    @Test
    void aBookWithoutBidsTradesNothingButQuotesItsBestAsk() {
        OrderBook book = new OrderBook();
        book.addAsk(12, 1, 1);
        book.addAsk(11, 2, 2);

        book.clear();

        assertFalse(book.crossed());
        assertTrue(Double.isNaN(book.price()));
        assertEquals(0, book.volume());
        assertEquals(11, book.bestAsk());
        assertTrue(Double.isNaN(book.bestBid()));
        assertEquals(3, book.askVolume(), EPS);
        assertEquals(0, book.bidVolume());
    }

    @Test
    void aBookWithoutAsksTradesNothingButQuotesItsBestBid() {
        OrderBook book = new OrderBook();
        book.addBid(3, 1, 1);
        book.addBid(4, 1, 2);

        book.clear();

        assertFalse(book.crossed());
        assertEquals(4, book.bestBid());
        assertTrue(Double.isNaN(book.bestAsk()));
        assertEquals(0, book.bidFilled(0));
    }

    @Test
    void anEmptyBookTradesNothing() {
        OrderBook book = new OrderBook();

        book.clear();

        assertFalse(book.crossed());
        assertTrue(Double.isNaN(book.price()));
        assertTrue(Double.isNaN(book.bestBid()));
        assertTrue(Double.isNaN(book.bestAsk()));
        assertEquals(0, book.askCount());
        assertEquals(0, book.bidCount());
    }

    @Test
    void resetForgetsTheLastTickAndTheBookIsReused() {
        OrderBook book = new OrderBook(2);
        book.addAsk(1, 10, 1);
        book.addAsk(2, 10, 2);
        book.addBid(5, 15, 3);
        book.clear();
        assertEquals(15, book.volume(), EPS);

        book.reset();
        assertEquals(0, book.askCount());
        assertEquals(0, book.bidCount());
        assertFalse(book.crossed());
        assertTrue(Double.isNaN(book.price()));
        assertEquals(0, book.volume());

        book.addAsk(7, 2, 4);
        book.addBid(8, 1, 5);
        book.clear();

        // Only the new orders count: 2 offered at 7, 1 wanted at 8: excess supply, priced at the marginal ask.
        assertEquals(1, book.askCount());
        assertEquals(1, book.bidCount());
        assertEquals(1, book.volume(), EPS);
        assertEquals(7, book.price(), EPS);
        assertEquals(1, book.askFilled(0), EPS);
        assertEquals(4, book.askOwner(0));
        assertEquals(2, book.askVolume(), EPS);
    }

    @Test
    void clearingTwiceGivesTheSameResult() {
        OrderBook book = new OrderBook();
        book.addAsk(3, 4, 1);
        book.addAsk(5, 4, 2);
        book.addBid(6, 5, 3);
        book.addBid(4, 5, 4);
        book.clear();
        double price = book.price();
        double volume = book.volume();
        double fill = book.askFilled(1);

        book.clear();

        assertEquals(price, book.price());
        assertEquals(volume, book.volume());
        assertEquals(fill, book.askFilled(1));
    }

    @Test
    void theBookGrowsBeyondItsInitialCapacity() {
        OrderBook book = new OrderBook(1);
        for (int i = 0; i < 100; i++) {
            book.addAsk(i, 1, i);
            book.addBid(i, 1, 1000 + i);
        }

        book.clear();

        // Asks 0, 1, ... meet bids 99, 98, ...: pairs trade while the bid is at or above the ask,
        // up to 49 against 50. The next ask (50) is above the next bid (49): price (49 + 50) / 2.
        assertEquals(100, book.askCount());
        assertEquals(100, book.bidCount());
        assertEquals(50, book.volume(), EPS);
        assertEquals(49.5, book.price(), EPS);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, book.askLimit(i));
            assertEquals(i, book.askOwner(i));
            assertEquals(1000 + i, book.bidOwner(i));
            assertEquals(i < 50 ? 1 : 0, book.askFilled(i), EPS);
            assertEquals(i >= 50 ? 1 : 0, book.bidFilled(i), EPS);
        }
    }

    @Test
    void ordersOfNoQuantityAreIgnored() {
        OrderBook book = new OrderBook();
        book.addAsk(1, 0, 1);
        book.addBid(2, 0, 2);

        assertEquals(0, book.askCount());
        assertEquals(0, book.bidCount());
    }

    @Test
    void limitsMustBeFiniteAndNotNegative() {
        OrderBook book = new OrderBook();
        assertThrows(IllegalArgumentException.class, () -> book.addAsk(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> book.addAsk(Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> book.addBid(Double.POSITIVE_INFINITY, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> book.addBid(1, Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void aLargeBookClearsAtTheCrossingWhetherSortedFromScratchOrFromLastTicksOrder() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        OrderBook book = new OrderBook();
        double[] askLimit = new double[3000];
        double[] bidLimit = new double[3000];
        for (int i = 0; i < 3000; i++) {
            askLimit[i] = random.nextDouble(50, 150);
            bidLimit[i] = random.nextDouble(0, 100);
        }
        for (int round = 0; round < 3; round++) {
            book.reset();
            for (int i = 0; i < 3000; i++) {
                // Prices drift a little between rounds, as agents' quotes do between ticks.
                book.addAsk(askLimit[i] * (1 + 0.01 * round * random.nextDouble()), 1 + i % 7, i);
                book.addBid(bidLimit[i] * (1 + 0.01 * round * random.nextDouble()), 1 + i % 5, i);
            }
            book.clear();
            double p = book.price();
            double supply = 0;
            double demand = 0;
            for (int i = 0; i < book.askCount(); i++) {
                if (book.askLimit(i) <= p) {
                    supply += book.askQuantity(i);
                }
                assertTrue(book.askFilled(i) == 0 || book.askLimit(i) <= p, "no seller gets below its ask");
            }
            for (int i = 0; i < book.bidCount(); i++) {
                if (book.bidLimit(i) >= p) {
                    demand += book.bidQuantity(i);
                }
                assertTrue(book.bidFilled(i) == 0 || book.bidLimit(i) >= p, "no buyer pays above its bid");
            }
            assertEquals(Math.min(supply, demand), book.volume(), 1e-9 * book.volume(), "round " + round);
        }
    }

    @Test
    void aSmallSaleFromAHugeLevelKeepsItsDigits() {
        // A trader bids for 1e12 units at 12; sellers offer 23.369384765625 + 1/3 in all below it. The bid
        // level is rationed to what was sold: counted down, 1e12 - (1e12 - 23.37 - 0.33) keeps only the digits
        // an ulp of 1e12 (1.2e-4) allows, and the buyer would book 23.7027587890625 against the
        // 23.702718098958332 sold, 1.7e-6 too much. Summed match by match, both sides add up to the same volume.
        OrderBook book = new OrderBook();
        double first = 23.369384765625;
        double second = 1.0 / 3.0;
        book.addAsk(9, first, 1);
        book.addAsk(10, second, 2);
        book.addBid(12, 1e12, 3);

        book.clear();

        double sold = first + second;
        assertEquals(sold, book.volume(), 0.0);
        assertEquals(sold, book.askFilled(0) + book.askFilled(1), Math.ulp(sold));
        assertEquals(sold, book.bidFilled(0), 2 * Math.ulp(sold), "the buyer books what the sellers sold");
    }
}
