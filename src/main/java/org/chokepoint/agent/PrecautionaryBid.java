package org.chokepoint.agent;

/**
 * A buyer's bid for an input whose supply it sees at risk r (0 to 1, from {@link SupplyRisk}): the cover it
 * aims for, how the news revises its expected price, and what it will pay at most.
 *
 * <p>Its cover moves from its usual {@code c0} (the firm's own {@link Firms#inputCoverTicks(int) input cover})
 * toward {@code c1} at full risk: {@code c(r) = c0 + r (c1 - c0)}. While it is short of it, its bid
 * ({@link Manufacturers#bid}) stands above its expected price E by the model's stock-price relation,
 * {@code E (target / held)^η} within the ratio's bounds; when the risk rises from r' to r, every buyer of the
 * market seeks the larger cover, so by the same relation it expects the price to rise by
 * {@code (c(r) / c(r'))^η} at once, in the tick of the news. What it pays at most, the cap on its bid, moves
 * from its reservation (the price at which its output just covers its costs) toward what the input is worth to
 * it, the value of its output per unit of the input: a firm that would otherwise stand idle counts its
 * conversion and its other inputs, held in stock, as committed. So of two buyers equally short, the one whose
 * product is worth more per unit of the input bids more.
 */
final class PrecautionaryBid implements java.io.Serializable {
    private final double coverAtFullRisk;
    private final double elasticity;

    /**
     * @param coverAtFullRisk ticks of use aimed for when the whole supply is threatened (a buyer whose usual
     *                        cover is larger keeps its usual)
     * @param elasticity η of the stock-price relation
     */
    PrecautionaryBid(double coverAtFullRisk, double elasticity) {
        this.coverAtFullRisk = coverAtFullRisk;
        this.elasticity = elasticity;
    }

    /** Ticks of use aimed for at risk r by a buyer whose usual cover is {@code usual}. */
    double cover(double usual, double r) {
        return r > 0 ? usual + r * Math.max(0, coverAtFullRisk - usual) : usual;
    }

    /** The factor by which the news of a risk rising from {@code before} to {@code now} moves the expected price. */
    double newsRevision(double usual, double now, double before) {
        double was = cover(usual, before);
        // A buyer that held no cover before has no stock-price relation to read the news by.
        return now > before && was > 0 ? Math.pow(cover(usual, now) / was, elasticity) : 1.0;
    }

    /**
     * The most it pays: its reservation, moved toward what the input is worth to it in proportion to r, when
     * buyers hold precautionary cover at all.
     */
    double highest(double reservation, double worth, double r) {
        return r > 0 && coverAtFullRisk > 0 ? reservation + r * (worth - reservation) : reservation;
    }
}
