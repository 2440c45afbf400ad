package org.chokepoint.agent;

import org.chokepoint.market.OrderBook;

/**
 * An offer under {@code sellerAsk: normalSales}, a firm's or a trader's: the part of it that is stock beyond the
 * seller's target asked at the cut price, the rest at the full one. The rest is what the seller makes or buys again
 * at the full price, so cutting it too would sell it below that for a week; only the excess is worth working off
 * cheaper.
 */
final class BeyondTargetOffer {
    private BeyondTargetOffer() {
    }

    /**
     * Adds an offer of {@code quantity}: {@code beyond} of it at {@code cut}, the rest at {@code full}; all of it at
     * {@code cut} when nothing lies beyond target, everything does, or the two prices are one.
     */
    static void add(OrderBook book, double quantity, double full, double cut, double beyond, int owner) {
        if (cut < full && beyond > 0 && beyond < quantity) {
            book.addAsk(full, quantity - beyond, owner);
            quantity = beyond;
        }
        book.addAsk(cut, quantity, owner);
    }
}
