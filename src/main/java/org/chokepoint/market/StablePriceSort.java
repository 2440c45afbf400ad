package org.chokepoint.market;

/**
 * A stable sort of a book side's orders by rising price, for large books: the orders' indices come out in
 * price order, and orders at the same price keep the order they arrived in. Being stable, it gives exactly
 * the permutation any other stable sort gives, so which sort runs never changes a clearing.
 *
 * <p>It is a least-significant-digit radix sort on a short key: the price's bit pattern (which rises with
 * the price for the non-negative prices a book holds) less the side's lowest, cut to its top 33 bits. Key
 * and position are packed into one {@code long}, so each of the (at most three) digit passes moves one array. Cut
 * keys can tie where prices do not: such a run is finished by an insertion sort when short, or sorted again
 * on its own much narrower range when long, which is how books whose prices crowd within a few units in the
 * last place are handled. Its work buffers are kept between calls and grow only with the book.
 */
final class StablePriceSort implements java.io.Serializable {
    /** At most this many bits of key per digit: a digit's counts fit in the first-level cache. */
    private static final int MAX_DIGIT_BITS = 11;
    /**
     * Bits of key, at most three digit passes. Fewer leave too many ties: the agents of a market share one
     * price expectation, so most of a book's prices sit within a millionth of one another, and a key cut
     * to 22 bits leaves half the orders of the model's large books tied with a neighbour.
     */
    private static final int MAX_KEY_BITS = 3 * MAX_DIGIT_BITS;
    /** Low bits of a packed key that hold the order's position: 33 bits of key and 31 of position fill a long. */
    private static final int POSITION_BITS = 31;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    /** Runs and slices up to this size are finished by an insertion sort. */
    private static final int SMALL = 16;

    private long[] keys = new long[0];
    private long[] spare = new long[0];
    private int[] positions = new int[0];
    private final int[][] digitCounts = new int[3][1 << MAX_DIGIT_BITS];

    /** Makes room for sorting {@code n} orders, so that sorting allocates nothing. */
    private void ensureCapacity(int n) {
        if (keys.length < n) {
            keys = new long[n];
            spare = new long[n];
            positions = new int[n];
        }
    }

    /**
     * Writes into {@code order[0..n)} the indices {@code 0..n-1} sorted stably by {@code price}. The buffers
     * are sized for all of {@code order}, the book's capacity, so a book that has reached its size never
     * makes them grow.
     */
    void sort(int[] order, double[] price, int n) {
        ensureCapacity(order.length);
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n <= SMALL) {
            insertionSort(order, price, 0, n);
        } else {
            sortRange(order, price, 0, n);
        }
    }

    /**
     * Sorts {@code order[from..to)} stably by price, using the same range of the work buffers; a tie of cut
     * keys is sorted again inside its own range, which the scan of this range has already passed.
     */
    private void sortRange(int[] order, double[] price, int from, int to) {
        long[] k = keys;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = from; i < to; i++) {
            // -0.0 passes the book's limit check; its bit pattern would sort it above every other price.
            long bits = Math.max(0L, Double.doubleToRawLongBits(price[order[i]]));
            k[i] = bits;
            min = Math.min(min, bits);
            max = Math.max(max, bits);
        }
        long range = max - min;
        if (range == 0) {
            return;
        }
        int n = to - from;
        int rangeBits = 64 - Long.numberOfLeadingZeros(range);
        int keyBits = Math.min(rangeBits, MAX_KEY_BITS);
        int shift = rangeBits - keyBits;
        int digits = (keyBits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
        int digitBits = (keyBits + digits - 1) / digits;
        int buckets = 1 << digitBits;
        int mask = buckets - 1;
        int[][] counts = digitCounts;
        // All three counts are kept, so the counting loop has no branch; the unused ones count zeros.
        for (int[] c : counts) {
            java.util.Arrays.fill(c, 0, buckets, 0);
        }
        int[] c0 = counts[0];
        int[] c1 = counts[1];
        int[] c2 = counts[2];
        for (int i = from; i < to; i++) {
            long cut = (k[i] - min) >>> shift;
            k[i] = cut << POSITION_BITS | (i - from);
            c0[(int) cut & mask]++;
            c1[(int) (cut >>> digitBits) & mask]++;
            c2[(int) (cut >>> (2 * digitBits)) & mask]++;
        }
        long[] sorted = k;
        long[] other = spare;
        for (int d = 0; d < digits; d++) {
            int[] c = counts[d];
            if (singleBucket(c, buckets, n)) {
                continue; // every key has this digit in common: the pass would move nothing
            }
            startsFromCounts(c, buckets, from);
            int at = POSITION_BITS + d * digitBits;
            for (int i = from; i < to; i++) {
                long v = sorted[i];
                other[c[(int) (v >>> at) & mask]++] = v;
            }
            long[] t = sorted;
            sorted = other;
            other = t;
        }
        int[] pos = positions;
        for (int i = from; i < to; i++) {
            pos[i] = order[from + (int) (sorted[i] & POSITION_MASK)];
        }
        System.arraycopy(pos, from, order, from, n);
        if (shift == 0) {
            return; // the cut keys were the whole keys: ties are ties of price, already in arrival order
        }
        // Cut keys that tie hide prices that may not: sort each such run by the full price.
        for (int start = from; start < to; ) {
            long cut = sorted[start] >>> POSITION_BITS;
            int end = start + 1;
            while (end < to && sorted[end] >>> POSITION_BITS == cut) {
                end++;
            }
            if (end - start > SMALL) {
                // The inner sort reuses [start, end) of every buffer, the one this scan reads included;
                // the scan resumes at end, past all it overwrites.
                sortRange(order, price, start, end);
            } else if (end - start > 1) {
                insertionSort(order, price, start, end);
            }
            start = end;
        }
    }

    /** Whether every one of the n keys falls in one bucket, so that a pass over this digit moves nothing. */
    private static boolean singleBucket(int[] counts, int buckets, int n) {
        for (int b = 0; b < buckets; b++) {
            if (counts[b] != 0) {
                return counts[b] == n;
            }
        }
        return true;
    }

    /** Turns bucket counts into each bucket's first position, counting from {@code from}. */
    private static void startsFromCounts(int[] counts, int buckets, int from) {
        int at = from;
        for (int b = 0; b < buckets; b++) {
            int c = counts[b];
            counts[b] = at;
            at += c;
        }
    }

    /** A stable insertion sort of {@code order[from..to)} by price. */
    private static void insertionSort(int[] order, double[] price, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int o = order[i];
            double p = price[o];
            int j = i - 1;
            while (j >= from && price[order[j]] > p) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = o;
        }
    }
}
