package org.chokepoint.equilibrium;

/**
 * The closed forms the solver evaluates: a firm's supply at a price and its slope, a demand curve's
 * quantity and its slope, and a price support's effect on the price a firm plans on. Prices here are in US
 * dollars per quantity unit; each form mirrors the agent model's rule of the same name.
 */
final class Curves {
    private Curves() { }

    /**
     * Below this utilisation the slope of supply is taken at this utilisation, so it stays finite at the cost
     * base itself. It lies far below where a market can clear: a plant a million times larger than what its
     * market takes, on a quadratic cost, clears it at {@code (margin / slope) = 1e-12}, and with the slope read
     * there rather than at a higher floor, Newton's steps follow its supply instead of overshooting it.
     */
    static final double LEAST_UTILISATION = 1e-30;

    /**
     * Output of a firm whose marginal cost is {@code base + slope * (q / cap)^k}, at price {@code v}: the
     * output at which marginal cost equals the price, between 0 and {@code cap} (the model's
     * {@code Firms.outputAtPrice}).
     */
    static double supply(double v, double cap, double base, double slope, double k) {
        double margin = v - base;
        if (margin <= 0 || cap <= 0) {
            return 0;
        }
        if (slope <= 0) {
            return cap;
        }
        double ratio = margin / slope;
        if (ratio >= 1) {
            return cap;
        }
        return cap * root(ratio, k);
    }

    /**
     * The slope of {@link #supply} in the price; 0 outside the rising part of the curve. The exponent is positive
     * and tells the curve from flat: the network reads one flat to a double (an exponent of 0, or one whose power
     * of the least utilisation is 1) as a flat line from {@code base + slope} ({@code Network.readCostAsRising}).
     */
    static double supplySlope(double v, double cap, double base, double slope, double k) {
        double margin = v - base;
        if (margin <= 0 || cap <= 0 || slope <= 0) {
            return 0;
        }
        double ratio = margin / slope;
        if (ratio >= 1) {
            return 0;
        }
        double r = Math.max(ratio, LEAST_UTILISATION);
        return cap / (k * slope) * root(r, k) / r;
    }

    /**
     * {@link #supply}, at most what a marginal cost rising {@code ramp} dollars from the base across the plant
     * supplies: a curve as good as flat near its base (an exponent of 100) steps from nothing to most of its
     * plant within a price's last binary digit, which Newton's method cannot follow, and the line keeps that
     * step out of the solver's reading. No ramp ({@code 0}) leaves the curve as it is.
     */
    static double supply(double v, double cap, double base, double slope, double k, double ramp) {
        double q = supply(v, cap, base, slope, k);
        double margin = v - base;
        return ramp > 0 && margin < ramp && q > 0 ? Math.min(q, cap * margin / ramp) : q;
    }

    /** The slope of {@link #supply(double, double, double, double, double, double)} in the price. */
    static double supplySlope(double v, double cap, double base, double slope, double k, double ramp) {
        double margin = v - base;
        if (ramp > 0 && margin > 0 && margin < ramp && cap > 0
                && cap * margin / ramp < supply(v, cap, base, slope, k)) {
            return cap / ramp;
        }
        return supplySlope(v, cap, base, slope, k);
    }

    /** {@code x^(1/k)} without {@code Math.pow} for the common linear and quadratic curves. */
    private static double root(double x, double k) {
        if (k == 2.0) {
            return Math.sqrt(x);
        }
        if (k == 1.0) {
            return x;
        }
        return Math.pow(x, 1.0 / k);
    }

    /**
     * The price a firm plans on under a support with this strike and upside share (the model's
     * {@code PriceSupports.supportedPrice}): the strike below it, the price less the share of the excess above it.
     */
    static double supported(double p, double strike, double upside) {
        if (Double.isNaN(strike)) {
            return p;
        }
        return p < strike ? strike : p - upside * (p - strike);
    }

    /** The slope of {@link #supported} in the price. */
    static double supportedSlope(double p, double strike, double upside) {
        if (Double.isNaN(strike)) {
            return 1;
        }
        return p < strike ? 0 : 1 - upside;
    }

    /**
     * Final demand at price {@code p} (the model's {@code Households.demand}): {@code D0 (p / p0)^ε}, or
     * {@code D0 (1 + ε (p / p0 - 1))} for a linear curve, and nothing above the choke price.
     */
    static double demand(double p, double scale, double p0, double eps, boolean linear, double choke) {
        if (p > choke) {
            return 0;
        }
        if (linear) {
            double d = 1 + eps * (p / p0 - 1);
            return d > 0 ? scale * d : 0;
        }
        return scale * Math.pow(p / p0, eps);
    }

    /** The slope of {@link #demand} in the price (negative), below the choke price. */
    static double demandSlope(double p, double scale, double p0, double eps, boolean linear, double choke) {
        if (p > choke) {
            return 0;
        }
        if (linear) {
            return 1 + eps * (p / p0 - 1) > 0 ? scale * eps / p0 : 0;
        }
        return eps * scale * Math.pow(p / p0, eps) / p;
    }
}
