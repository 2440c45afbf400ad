package org.chokepoint.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The radix sort of large books gives exactly the permutation of a stable comparison sort (Java's
 * {@code List.sort}): prices rising, and orders at one price in the order they arrived.
 */
class StablePriceSortProperties {

    /**
     * Prices as books hold them: spread over a range, crowded within a few units in the last place (so cut
     * keys tie and runs are sorted again), repeated exactly, at zero of either sign, or far off.
     */
    @Provide
    Arbitrary<double[]> prices() {
        Arbitrary<Double> price = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 400).map(k -> 10.0 + k * Math.ulp(10.0))),
                Tuple.of(2, Arbitraries.integers().between(0, 60).map(k -> 3.0 + k * 1e-9)),
                Tuple.of(3, Arbitraries.integers().between(5, 15).map(i -> (double) i)),
                Tuple.of(4, Arbitraries.doubles().between(0, 100)),
                Tuple.of(1, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, 1e6, 3e9, Double.MAX_VALUE)));
        return price.list().ofMinSize(0).ofMaxSize(4000)
                .map(list -> list.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property(tries = 300)
    void sortsLikeAStableComparisonSort(@ForAll("prices") double[] price) {
        assertSortsStably(price);
    }

    @Test
    void aBookWhoseOrdersAllShareOnePriceKeepsTheirOrderOfArrival() {
        double[] price = new double[2000];
        java.util.Arrays.fill(price, 20.5);
        assertSortsStably(price);
    }

    @Test
    void thousandsOfPricesOneUnitInTheLastPlaceApartAreSortedExactly() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[] price = new double[20_000];
        for (int i = 0; i < price.length; i++) {
            // A cluster narrower than any cut key can tell apart, with outliers that stretch the range.
            price[i] = i % 97 == 0 ? random.nextDouble(0, 1e4) : 47.0 + random.nextInt(5000) * Math.ulp(47.0);
        }
        assertSortsStably(price);
    }

    @Test
    void aLargeBookSpreadOverItsRangeIsSortedExactly() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double[] price = new double[100_000];
        for (int i = 0; i < price.length; i++) {
            price[i] = random.nextDouble(17, 20);
        }
        assertSortsStably(price);
    }

    private static void assertSortsStably(double[] price) {
        int n = price.length;
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(i);
        }
        // Double.compare would put -0.0 below 0.0; a book treats them as one price.
        expected.sort(Comparator.comparingDouble(i -> price[i] == 0 ? 0.0 : price[i]));
        int[] order = new int[n + 7];
        new StablePriceSort().sort(order, price, n);
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), java.util.Arrays.copyOf(order, n));
    }
}
