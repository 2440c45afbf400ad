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
 * from its reservation (the price at which its planned output just covers its average variable cost) toward what
 * the input is worth to a firm that keeps its plant ({@link #worth}): its output less its other inputs and the
 * least its conversion can cost. Beyond that price its net price would stand below its lowest variable cost, where
 * the firm's capacity rule mothballs it; a cap past it (the whole value of the output per unit of the input) let a
 * firm bid, for cover, prices that closed the plant the cover was for. So of two buyers equally short, the one
 * whose product is worth more per unit of the input bids more.
 */
final class PrecautionaryBid implements java.io.Serializable {
    private final double coverAtFullRisk;
    private final double elasticity;
    private final double maxRatio;

    /**
     * @param coverAtFullRisk ticks of use aimed for when the whole supply is threatened (a buyer whose usual
     *                        cover is larger keeps its usual)
     * @param elasticity η of the stock-price relation
     * @param maxRatio   the relation's highest ratio ({@code behaviour.maxStockPriceRatio}), the most the news
     *                   moves the expected price in a tick
     */
    PrecautionaryBid(double coverAtFullRisk, double elasticity, double maxRatio) {
        this.coverAtFullRisk = coverAtFullRisk;
        this.elasticity = elasticity;
        this.maxRatio = maxRatio;
    }

    /** Ticks of use aimed for at risk r by a buyer whose usual cover is {@code usual}. */
    double cover(double usual, double r) {
        return r > 0 ? usual + r * Math.max(0, coverAtFullRisk - usual) : usual;
    }

    /**
     * The factor by which the news of a risk rising from {@code before} to {@code now} moves the expected price,
     * at most the relation's highest ratio, as a bid short of stock is: a buyer whose usual cover is a sliver of
     * the cover it seeks at full risk (two weeks of trade cover stated as 0.001, at an elasticity of 100) read
     * the news as an infinite price.
     */
    double newsRevision(double usual, double now, double before) {
        double was = cover(usual, before);
        // A buyer that held no cover before has no stock-price relation to read the news by.
        return now > before && was > 0 ? Math.min(maxRatio, Math.pow(cover(usual, now) / was, elasticity)) : 1.0;
    }

    /**
     * What a unit of the input is worth to a firm that keeps its plant, in the input's price unit: the value of a
     * unit of output less the least its conversion can cost and what its other inputs cost at their expected
     * prices, per unit of the input. All values per unit of output, in money.
     *
     * @param output         the expected value of a unit of output
     * @param lowestConversion its lowest unit cost of conversion (at which the capacity rule mothballs it)
     * @param otherInputs    the expected cost of its other inputs per unit of output
     * @param perUnit        the money value of one price unit of the input per unit of output (intensity times
     *                       the input's value per price unit)
     */
    static double worth(double output, double lowestConversion, double otherInputs, double perUnit) {
        return (output - lowestConversion - otherInputs) / perUnit;
    }

    /**
     * The most it pays: its reservation, moved toward what the input is worth to it in proportion to r, when
     * buyers hold precautionary cover at all (never below the reservation).
     */
    double highest(double reservation, double worth, double r) {
        return r > 0 && coverAtFullRisk > 0 ? reservation + r * Math.max(0, worth - reservation) : reservation;
    }
}
