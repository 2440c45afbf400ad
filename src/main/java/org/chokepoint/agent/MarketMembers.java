package org.chokepoint.agent;

/**
 * For every market, the firms that sell in it and the manufacturers' input slots that buy in it, each in
 * index order. Walking a market's sellers in this order posts its asks in the order a walk over all firms
 * would, and likewise its firms' bids, so one market's orders can be posted apart from the others'.
 */
public final class MarketMembers implements java.io.Serializable {
    private final int[] sellerStart;
    private final int[] sellers;
    private final int[] buyerStart;
    private final int[] buyerSlots;

    public MarketMembers(Firms firms, int marketCount) {
        sellerStart = new int[marketCount + 1];
        sellers = new int[firms.count];
        for (int f = 0; f < firms.count; f++) {
            sellerStart[firms.market[f] + 1]++;
        }
        prefixSum(sellerStart);
        int[] at = sellerStart.clone();
        for (int f = 0; f < firms.count; f++) {
            sellers[at[firms.market[f]]++] = f;
        }
        int slots = firms.inputMarket.length;
        buyerStart = new int[marketCount + 1];
        buyerSlots = new int[slots];
        for (int s = 0; s < slots; s++) {
            buyerStart[firms.inputMarket[s] + 1]++;
        }
        prefixSum(buyerStart);
        at = buyerStart.clone();
        for (int s = 0; s < slots; s++) {
            buyerSlots[at[firms.inputMarket[s]]++] = s;
        }
    }

    private static void prefixSum(int[] a) {
        for (int i = 1; i < a.length; i++) {
            a[i] += a[i - 1];
        }
    }

    /** Firms selling in market m: {@code sellers()[sellersFrom(m)..sellersTo(m))}, in index order. */
    public int sellersFrom(int m) { return sellerStart[m]; }
    public int sellersTo(int m) { return sellerStart[m + 1]; }
    public int[] sellers() { return sellers; }

    /** Input slots buying in market m: {@code buyerSlots()[buyersFrom(m)..buyersTo(m))}, in slot order. */
    public int buyersFrom(int m) { return buyerStart[m]; }
    public int buyersTo(int m) { return buyerStart[m + 1]; }
    public int[] buyerSlots() { return buyerSlots; }
}
