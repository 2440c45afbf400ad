package org.chokepoint.agent;

/**
 * A buyer's bid for an input whose supply it sees at risk r (0 to 1, from {@link SupplyRisk}): the cover it
 * aims for, how the news revises its expected price, what it will pay at most, and its limit price.
 *
 * <p>Its cover moves from the usual {@code c0} toward {@code c1} at full risk: {@code c(r) = c0 + r (c1 - c0)}.
 * While it is short of it, it bids above its expected price E by the model's stock-price relation,
 * {@code E (target / stock)^η} within the ratio's bounds; when the risk rises from r' to r, every buyer of the
 * market seeks the larger cover, so by the same relation it expects the price to rise by
 * {@code (c(r) / c(r'))^η} at once, in the tick of the news. What it pays at most moves from its reservation
 * (the price at which its output just covers its costs) toward what the input is worth to it, the value of
 * its output per unit of the input: a firm that would otherwise stand idle counts its conversion and its other
 * inputs, held in stock, as committed. So of two buyers equally short, the one whose product is worth more per
 * unit of the input bids more.
 */
final class PrecautionaryBid implements java.io.Serializable {
    private final double usualCover;
    private final double coverAtFullRisk;
    private final double elasticity;
    private final double minRatio;
    private final double maxRatio;

    /**
     * @param usualCover ticks of use held without risk
     * @param coverAtFullRisk ticks of use aimed for when the whole supply is threatened (not below the usual)
     * @param elasticity η of the stock-price relation
     */
    PrecautionaryBid(double usualCover, double coverAtFullRisk, double elasticity, double minRatio, double maxRatio) {
        this.usualCover = usualCover;
        this.coverAtFullRisk = Math.max(usualCover, coverAtFullRisk);
        this.elasticity = elasticity;
        this.minRatio = minRatio;
        this.maxRatio = maxRatio;
    }

    /** Ticks of use aimed for at risk r. */
    double cover(double r) {
        return usualCover + r * (coverAtFullRisk - usualCover);
    }

    /** The factor by which the news of a risk rising from {@code before} to {@code now} moves the expected price. */
    double newsRevision(double now, double before) {
        return now > before ? Math.pow(cover(now) / cover(before), elasticity) : 1.0;
    }

    /** The most it pays: its reservation, moved toward what the input is worth to it in proportion to r. */
    double highest(double reservation, double worth, double r) {
        return r > 0 ? reservation + r * (worth - reservation) : reservation;
    }

    /** Its limit price: {@code E (target / stock)^η} within the ratio's bounds, never above what it pays at most. */
    double limit(double expected, double target, double stock, double highest) {
        double ratio = stock > 0 ? Math.pow(target / stock, elasticity) : maxRatio;
        ratio = ratio < minRatio ? minRatio : Math.min(ratio, maxRatio);
        return Math.min(highest, expected * ratio);
    }
}
