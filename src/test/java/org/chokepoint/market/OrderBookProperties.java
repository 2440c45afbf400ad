package org.chokepoint.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the clearing on random books, checked against a brute-force reading of the two
 * sides. Books come in two flavours: coarse (few distinct integer prices and integer quantities, so
 * ties and exact exhaustion of levels are common) and fine (arbitrary doubles, where rounding shows).
 */
class OrderBookProperties {

    /** One order; bids and asks use the same shape. */
    record Order(double limit, double quantity) {}

    record Book(List<Order> asks, List<Order> bids) {
        OrderBook load(OrderBook book) {
            book.reset();
            for (int i = 0; i < asks.size(); i++) {
                book.addAsk(asks.get(i).limit(), asks.get(i).quantity(), i);
            }
            for (int i = 0; i < bids.size(); i++) {
                book.addBid(bids.get(i).limit(), bids.get(i).quantity(), i);
            }
            book.clear();
            return book;
        }

        double scale() {
            double s = 1;
            for (Order o : asks) {
                s += o.quantity();
            }
            for (Order o : bids) {
                s += o.quantity();
            }
            return s;
        }
    }

    @Provide
    Arbitrary<Book> coarseBooks() {
        Arbitrary<Order> order = Combinators.combine(
                Arbitraries.integers().between(0, 12).map(i -> i * 0.5),
                Arbitraries.integers().between(1, 20).map(i -> (double) i))
                .as(Order::new);
        return books(order, 40);
    }

    @Provide
    Arbitrary<Book> fineBooks() {
        Arbitrary<Order> order = Combinators.combine(
                Arbitraries.doubles().between(0, 100).ofScale(4),
                Arbitraries.doubles().between(1e-6, 1e3).ofScale(6))
                .as(Order::new);
        return books(order, 200);
    }

    /** Few prices and quantities whose sums round differently in different orders (0.1 + 0.2 != 0.3). */
    @Provide
    Arbitrary<Book> dustyBooks() {
        Arbitrary<Order> order = Combinators.combine(
                Arbitraries.of(8.0, 9.0, 10.0, 11.0, 12.0),
                Arbitraries.of(0.1, 0.2, 0.3, 0.6, 0.7))
                .as(Order::new);
        return books(order, 12);
    }

    /**
     * Books large enough for the radix sort (512 orders a side and more), with prices that crowd together
     * (a cluster a few units in the last place apart, whose cut keys tie and are sorted again),
     * repeat (ties), sit at zero (negative zero included) or stand far off (outliers that stretch the range).
     */
    @Provide
    Arbitrary<Book> largeBooks() {
        Arbitrary<Double> price = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 40)
                        .map(k -> 10.0 + k * Math.ulp(10.0))),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(5, 15).map(i -> (double) i)),
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(0, 100)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, -0.0, 1e6, 3e9)));
        Arbitrary<Order> order = Combinators.combine(price, Arbitraries.doubles().between(0.01, 50))
                .as(Order::new);
        return Combinators.combine(order.list().ofMinSize(512).ofMaxSize(3000),
                order.list().ofMinSize(512).ofMaxSize(3000)).as(Book::new);
    }

    private static Arbitrary<Book> books(Arbitrary<Order> order, int maxSide) {
        return Combinators.combine(order.list().ofMaxSize(maxSide), order.list().ofMaxSize(maxSide)).as(Book::new);
    }

    @Property(tries = 500)
    void coarseBooksClearFairly(@ForAll("coarseBooks") Book book) {
        checkClearing(book);
    }

    @Property(tries = 300)
    void fineBooksClearFairly(@ForAll("fineBooks") Book book) {
        checkClearing(book);
    }

    @Property(tries = 60)
    void largeCrowdedBooksClearFairly(@ForAll("largeBooks") Book book) {
        checkClearing(book);
    }

    @Property(tries = 300)
    void dustyBooksClearFairly(@ForAll("dustyBooks") Book book) {
        checkClearing(book);
    }

    @Property(tries = 300)
    void theOrderOfArrivalChangesNeitherPriceNorVolume(@ForAll("dustyBooks") Book book, @ForAll Random random) {
        List<Order> asks = new ArrayList<>(book.asks());
        List<Order> bids = new ArrayList<>(book.bids());
        Collections.shuffle(asks, random);
        Collections.shuffle(bids, random);
        OrderBook original = book.load(new OrderBook());
        OrderBook shuffled = new Book(asks, bids).load(new OrderBook());
        assertEquals(original.crossed(), shuffled.crossed());
        assertEquals(original.price(), shuffled.price(), "the price depends on limits and levels only");
        assertEquals(original.volume(), shuffled.volume(), 1e-9 * book.scale());
    }

    @Property(tries = 100)
    void aReusedBookClearsLikeAFreshOne(@ForAll("coarseBooks") Book first, @ForAll("coarseBooks") Book second) {
        OrderBook reused = second.load(first.load(new OrderBook(1)));
        OrderBook fresh = second.load(new OrderBook());
        assertEquals(fresh.crossed(), reused.crossed());
        assertEquals(fresh.price(), reused.price());
        assertEquals(fresh.volume(), reused.volume());
        for (int i = 0; i < fresh.askCount(); i++) {
            assertEquals(fresh.askFilled(i), reused.askFilled(i));
        }
        for (int i = 0; i < fresh.bidCount(); i++) {
            assertEquals(fresh.bidFilled(i), reused.bidFilled(i));
        }
    }

    private static void checkClearing(Book input) {
        OrderBook book = input.load(new OrderBook(4));
        double tol = 1e-9 * input.scale();

        double bestAsk = Double.POSITIVE_INFINITY;
        for (Order o : input.asks()) {
            bestAsk = Math.min(bestAsk, o.limit());
        }
        double bestBid = Double.NEGATIVE_INFINITY;
        for (Order o : input.bids()) {
            bestBid = Math.max(bestBid, o.limit());
        }
        // Limits apart by no more than rounding (OrderBook.LEVEL_BAND of a price) count as one price.
        double band = OrderBook.LEVEL_BAND;
        boolean shouldCross = !input.asks().isEmpty() && !input.bids().isEmpty() && bestBid >= bestAsk * (1 - band);
        assertEquals(shouldCross, book.crossed(), "crossed() iff best bid >= best ask, up to rounding");

        double askFills = 0;
        for (int i = 0; i < book.askCount(); i++) {
            double fill = book.askFilled(i);
            assertTrue(fill >= 0 && fill <= book.askQuantity(i) + tol, "ask fill within its quantity");
            if (fill > tol) {
                assertTrue(book.price() >= book.askLimit(i) * (1 - band), "no filled seller gets below its limit");
            }
            askFills += fill;
        }
        double bidFills = 0;
        for (int i = 0; i < book.bidCount(); i++) {
            double fill = book.bidFilled(i);
            assertTrue(fill >= 0 && fill <= book.bidQuantity(i) + tol, "bid fill within its quantity");
            if (fill > tol) {
                assertTrue(book.price() <= book.bidLimit(i) * (1 + band), "no filled buyer pays above its limit");
            }
            bidFills += fill;
        }
        assertEquals(book.volume(), askFills, tol, "ask fills add up to the volume");
        assertEquals(book.volume(), bidFills, tol, "bid fills add up to the volume");

        if (!shouldCross) {
            assertFalse(book.crossed());
            assertTrue(Double.isNaN(book.price()));
            assertEquals(0, book.volume());
            return;
        }

        double p = book.price();
        double supply = 0;
        for (Order o : input.asks()) {
            if (o.limit() * (1 - band) <= p) {
                supply += o.quantity();
            }
        }
        double demand = 0;
        for (Order o : input.bids()) {
            if (o.limit() * (1 + band) >= p) {
                demand += o.quantity();
            }
        }
        assertEquals(Math.min(supply, demand), book.volume(), tol,
                "the volume is all that can trade at the clearing price");

        // Orders strictly inside the crossing (beyond rounding) fill in full: the price leaves nobody willing and
        // unserved.
        for (int i = 0; i < book.askCount(); i++) {
            if (book.askLimit(i) < p * (1 - 2 * band)) {
                assertEquals(book.askQuantity(i), book.askFilled(i), tol, "an ask below the price sells all");
            }
        }
        for (int i = 0; i < book.bidCount(); i++) {
            if (book.bidLimit(i) > p * (1 + 2 * band)) {
                assertEquals(book.bidQuantity(i), book.bidFilled(i), tol, "a bid above the price buys all");
            }
        }
    }
}
