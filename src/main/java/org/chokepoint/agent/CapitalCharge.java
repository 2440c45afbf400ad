package org.chokepoint.agent;

import org.chokepoint.scenario.BehaviourSpec;

/**
 * What new plant costs a firm whose entry gives its capital cost ({@code capexPerAnnualUnit}, US dollars per unit of
 * yearly capacity): the capital itself, paid when the firm commits, and the charge per unit of output that recovers
 * it, {@code capex × CRF(r, n) / u}, the yearly payment that repays a dollar over n years at rate r,
 * {@code CRF = r / (1 − (1 + r)^−n)}, spread over the units a unit of yearly capacity makes at the firm's normal
 * utilization u. A prospect decides to be built, and an operating firm to expand for a scarcity rent, when the price
 * its goods fetch pays its levelised cost: its average variable cost at u plus that charge.
 */
final class CapitalCharge implements java.io.Serializable {
    private final Firms firms;
    private final double crf;
    private final int ticksPerYear;

    CapitalCharge(Firms firms, double crf, int ticksPerYear) {
        this.firms = firms;
        this.crf = crf;
        this.ticksPerYear = ticksPerYear;
    }

    /** The charge at the rate and life of the scenario's {@code investment} settings. */
    static CapitalCharge of(Firms firms, BehaviourSpec.Investment investment, int ticksPerYear) {
        return new CapitalCharge(firms, capitalRecoveryFactor(investment.discountRateOrDefault(),
                investment.projectLifeYearsOrDefault()), ticksPerYear);
    }

    /**
     * The capital recovery factor, {@code r / (1 − (1 + r)^−n)}: the yearly payment over n years that repays one
     * dollar at rate r; {@code 1 / n} at a rate of 0, its limit. The denominator is taken as
     * {@code −expm1(−n log1p(r))}: written {@code 1 − (1 + r)^−n} it cancels to nothing at a rate the schema allows
     * (below about 1e-16, 1 + r is 1), leaving an infinite factor, and a NaN charge on a capex of 0, where the
     * limit is a finite {@code 1 / n}.
     */
    static double capitalRecoveryFactor(double r, int n) {
        return r == 0 ? 1.0 / n : r / -Math.expm1(-n * Math.log1p(r));
    }

    /**
     * The capital charge per unit of output at the firm's normal utilization, in its price unit, on the share of its
     * capital it pays itself: its capex per unit of yearly capacity times the capital recovery factor is a yearly
     * charge per unit of yearly capacity, which makes u units a year, so the charge per unit needs no ticks per year.
     */
    double perUnit(int f, double shareItPays) {
        Firms x = firms;
        return x.capex[f] * shareItPays * crf / (x.normalUtilization[f] * x.outputValue[f]);
    }

    /**
     * Average variable cost at the firm's normal utilization of its plant plus the capital charge of the share it
     * pays, in its price unit: what a unit of new plant like its own must fetch to be worth building.
     */
    double levelisedCost(int f, double shareItPays) {
        Firms x = firms;
        double q = x.normalUtilization[f] * x.capacity[f];
        if (!(q > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return x.variableCost(f, q) / q + perUnit(f, shareItPays);
    }

    /** The capital, in US dollars, of {@code capacity} (per tick) of the firm's plant. */
    double of(int f, double capacity) {
        return firms.capex[f] * capacity * ticksPerYear;
    }
}
