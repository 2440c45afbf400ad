package org.chokepoint.agent;

import org.chokepoint.market.Ledger;

/**
 * How much a recycler can process this tick: scrap from the feedstock good consumed in its region
 * {@code lagTicks} ago, times the share collected, times the yield. Collection rises with the output
 * price, {@code share * (E / p0)^elasticity}, up to a ceiling, so dear metal brings out more scrap.
 * The region's end-of-life goods are shared among the recyclers that collect them there in proportion to their
 * capacity, so two collectors do not each claim all of it. A recycler whose output is a scrap commodity is a
 * collector: what it collects is sold, stocked and shipped like any other good, and recovered by manufacturers
 * whose recipes take it. Scrap that is not collected is lost.
 */
public final class Recyclers implements java.io.Serializable {
    private final Firms firms;
    private final int markets;
    private final int length;
    private final double[] history;
    private final double[] initialPrice;
    /** The recyclers collecting from each feedstock market, grouped: those of market m are peers[peerFrom[m]..peerFrom[m+1]). */
    private final int[] peerFrom;
    private final int[] peers;
    private int filled;

    /**
     * @param initialPrice initial output price per firm's market, the reference of the collection curve
     */
    public Recyclers(Firms firms, int marketCount, double[] initialPrice) {
        this.firms = firms;
        this.markets = marketCount;
        int maxLag = 0;
        for (int f = 0; f < firms.count; f++) {
            if (firms.type[f] == FirmType.RECYCLER) {
                maxLag = Math.max(maxLag, firms.scrapLag[f]);
            }
        }
        this.length = maxLag + 1;
        this.history = new double[length * marketCount];
        this.initialPrice = initialPrice;
        this.peerFrom = new int[marketCount + 1];
        int recyclers = 0;
        for (int f = 0; f < firms.count; f++) {
            if (firms.type[f] == FirmType.RECYCLER) {
                peerFrom[firms.feedstockMarket[f] + 1]++;
                recyclers++;
            }
        }
        for (int m = 0; m < marketCount; m++) {
            peerFrom[m + 1] += peerFrom[m];
        }
        this.peers = new int[recyclers];
        int[] next = java.util.Arrays.copyOf(peerFrom, marketCount);
        for (int f = 0; f < firms.count; f++) {
            if (firms.type[f] == FirmType.RECYCLER) {
                peers[next[firms.feedstockMarket[f]]++] = f;
            }
        }
    }

    /** Fills the memory with the same consumption in every past tick, for a model that starts at rest. */
    public void prime(double[] consumption) {
        for (int k = 0; k < length; k++) {
            System.arraycopy(consumption, 0, history, k * markets, markets);
        }
        filled = length;
    }

    /** Remembers this tick's consumption of every good, for scrap later. */
    public void remember(int tick, Ledger ledger) {
        int row = (tick % length) * markets;
        for (int m = 0; m < markets; m++) {
            history[row + m] = ledger.consumption(m);
        }
        filled = Math.min(length, filled + 1);
    }

    /**
     * Capacity available to recycler {@code f} this tick. Before {@code lag} ticks have been seen, the oldest
     * consumption on record stands in for the goods sold before the simulation began.
     */
    public double available(int f, int tick, double capacityFactor) {
        Firms x = firms;
        int lag = x.scrapLag[f];
        if (filled == 0) {
            return 0;
        }
        int back = Math.min(lag, filled - 1);
        int t = tick - 1 - back;
        double scrap = history[(Math.floorMod(t, length)) * markets + x.feedstockMarket[f]];
        double p0 = initialPrice[x.market[f]];
        double share = x.collectionShare[f] * Math.pow(Math.max(x.expectedPrice[f], 0) / p0, x.collectionElasticity[f]);
        share = Math.min(share, x.maxCollectionShare[f]);
        double feed = scrap * share * x.yieldPerUnit[f];
        return Math.min(x.capacity[f] * capacityFactor, feed * shareOfCollection(f));
    }

    /** The recycler's share of its region's end-of-life goods: its capacity over that of all who collect them. */
    private double shareOfCollection(int f) {
        Firms x = firms;
        int m = x.feedstockMarket[f];
        double total = 0;
        for (int i = peerFrom[m]; i < peerFrom[m + 1]; i++) {
            total += x.capacity[peers[i]];
        }
        // A lone recycler takes it all (x / x is exactly one); so does one whose peers all have no capacity.
        return total > 0 ? x.capacity[f] / total : 1.0;
    }
}
