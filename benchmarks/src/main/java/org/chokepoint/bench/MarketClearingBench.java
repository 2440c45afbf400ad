package org.chokepoint.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.chokepoint.market.OrderBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One market's clearing in one tick (phase 4): the book is refilled from prepared primitive arrays, as
 * the agents' posting phase does, and cleared. The book is sized once, so the measured method allocates
 * nothing, as in the model.
 *
 * <p>Half the orders are asks with limits in [50, 150), half bids in [0, 100), in cents, so the sides
 * cross around 75 and tied limits are common in the large books; quantities are in [1, 100).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MarketClearingBench {

    /** Orders in the book, bids and asks together. */
    @Param({"1000", "10000", "100000"})
    int orders;

    private double[] askLimit;
    private double[] askQty;
    private double[] bidLimit;
    private double[] bidQty;
    private OrderBook book;
    private int iteration;

    @Setup(Level.Iteration)
    public void newBook() {
        SplittableRandom random = new SplittableRandom(BenchSeeds.iteration(BenchSeeds.BASE + orders, iteration++));
        int asks = orders / 2;
        int bids = orders - asks;
        askLimit = new double[asks];
        askQty = new double[asks];
        bidLimit = new double[bids];
        bidQty = new double[bids];
        for (int i = 0; i < asks; i++) {
            askLimit[i] = cents(random.nextDouble(50, 150));
            askQty[i] = random.nextDouble(1, 100);
        }
        for (int i = 0; i < bids; i++) {
            bidLimit[i] = cents(random.nextDouble(0, 100));
            bidQty[i] = random.nextDouble(1, 100);
        }
        book = new OrderBook(Math.max(asks, bids));
    }

    private static double cents(double price) {
        return Math.rint(price * 100) / 100;
    }

    @Benchmark
    public void clear(Blackhole bh) {
        OrderBook b = book;
        // A cold clearing: a book whose last clearing was empty has no sort order to start from, as a book
        // refilled with the same orders every invocation would otherwise have (a few nanoseconds against
        // the clearing's microseconds).
        b.reset();
        b.clear();
        double[] al = askLimit;
        double[] aq = askQty;
        for (int i = 0; i < al.length; i++) {
            b.addAsk(al[i], aq[i], i);
        }
        double[] bl = bidLimit;
        double[] bq = bidQty;
        for (int i = 0; i < bl.length; i++) {
            b.addBid(bl[i], bq[i], i);
        }
        b.clear();
        bh.consume(b.price());
        bh.consume(b.volume());
    }
}
