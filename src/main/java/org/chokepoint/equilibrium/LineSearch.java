package org.chokepoint.equilibrium;

/**
 * How far the solver goes along a Newton step. It reads the slope of f along the step, not f itself: f adds up the
 * surplus of every firm and household and, near the solution, changes by less than its own rounding. f is convex, so
 * where the slope is still negative f has fallen all the way from the start of the step. A whole step along which f
 * has turned to rise is bisected to where it stops falling; one along which f still falls steeply at its end may be
 * lengthened ({@link #longer}). Every point it tries is held within the prices' bounds and the rents at nothing or
 * more ({@link #move}).
 */
final class LineSearch {
    private static final int BISECTIONS = 12;
    /** A step is lengthened at most 2^40 times ({@link #longer}). */
    private static final int LONGEST_DOUBLINGS = 40;
    private static final int LONG_BISECTIONS = 52;

    private final PriceSolver solver;
    private final Network net;
    /**
     * Whether a step whose slope is still positive at the twelfth bisection is halved on until f falls along it
     * (down to a share of 2^-72), rather than cut to a thousandth of that share.
     */
    private final boolean exactSearch;
    /**
     * Whether a whole step along which f still falls at its end at half the rate it fell at its start is
     * lengthened, doubling while f falls and bisecting where it stops ({@link #longer}).
     */
    private final boolean longSteps;
    /** The solver's prices and rents, from which each step starts. */
    private final double[] price;
    private final double[] rent;
    /** The solver's quantities, which {@link #slope} evaluates at each point it tries. */
    private final double[] supply;
    private final double[] demand;
    private final double[] inputs;
    private final int[] marketOf;
    private final int na;
    private final int ns;
    /** The prices and rents a share along the step, as {@link #move} last set them. */
    private final double[] trial;
    private final double[] trialRent;

    LineSearch(PriceSolver solver, boolean exactSearch, boolean longSteps) {
        this.solver = solver;
        this.net = solver.net;
        this.exactSearch = exactSearch;
        this.longSteps = longSteps;
        price = solver.price;
        rent = solver.rent;
        supply = solver.supply;
        demand = solver.demand;
        inputs = solver.inputs;
        marketOf = solver.marketOf;
        na = solver.na;
        ns = solver.ns;
        trial = new double[net.markets];
        trialRent = new double[ns];
    }

    /**
     * The share of the step {@code dp} in the prices and {@code dr} in the rents to take: the whole step where f
     * still falls at its end, less where it has turned to rise there, more where it still falls steeply.
     */
    double share(double[] dp, double[] dr) {
        double t = 1;
        double end = slopeAlong(1, dp, dr);
        if (end > 0) {
            double lo = 0;
            double hi = 1;
            for (int b = 0; b < BISECTIONS; b++) {
                double mid = 0.5 * (lo + hi);
                if (slopeAlong(mid, dp, dr) > 0) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            if (lo == 0 && exactSearch) {
                lo = shorter(hi, dp, dr);
            }
            t = lo > 0 ? lo : hi * 1e-3;
        } else if (longSteps && end < 0 && end <= 0.5 * slopeAlong(0, dp, dr)) {
            t = longer(dp, dr);
        }
        return t;
    }

    /** Moves the solver's prices and rents a share t along the step. */
    void take(double t, double[] dp, double[] dr) {
        move(t, dp, dr);
        System.arraycopy(trial, 0, price, 0, net.markets);
        System.arraycopy(trialRent, 0, rent, 0, ns);
    }

    /**
     * The share of the step at which f stops falling, where that lies below {@code hi}, the least share the
     * bisections tried: halving on until the slope turns negative, then bisecting as before; 0 when f rises
     * from the start of the step to the rounding. Where a firm on a curved cost sells a sliver of its capacity,
     * its supply rises as the root of its margin and a step that passes its cost base is cut to where the firm
     * sells what its market takes, which can lie far below a thousandth of the least share tried.
     */
    private double shorter(double hi, double[] dp, double[] dr) {
        double lo = 0;
        for (int b = 0; b < 60 && lo == 0; b++) {
            hi *= 0.5;
            if (slopeAlong(hi, dp, dr) <= 0) {
                lo = hi;
                hi *= 2;
            }
        }
        for (int b = 0; lo > 0 && b < BISECTIONS; b++) {
            double mid = 0.5 * (lo + hi);
            if (slopeAlong(mid, dp, dr) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    /**
     * How far past the whole step f goes on falling, where it still falls at the step's end at half the rate it
     * fell at its start: the step's share doubled while f still falls there and no arc's condition is broken by
     * more than it was at the whole step ({@link #move} holds each price within its bounds and each rent at
     * nothing or more), then bisected where it stops falling.
     * Where a market has no buyer at its price and a volume limit on a lane into it has a rent, f is flat in
     * the two together but for what the limit lets in: each step lowers both by what the rents' proximal term
     * allows, a fixed amount, and no step reaches the price at which the market's buyers start to buy.
     */
    private double longer(double[] dp, double[] dr) {
        double[] before = new double[net.arcs.size()];
        move(1, dp, dr);
        for (int a = 0; a < before.length; a++) {
            before[a] = Math.max(0, solver.arcLeft(a, trial, trialRent) - net.arcs.get(a).wedge);
        }
        double lo = 1;
        double hi = 0;
        for (int k = 0; k < LONGEST_DOUBLINGS && hi == 0; k++) {
            if (!holds(2 * lo, dp, dr, before)) {
                return lo;
            }
            if (slope(2 * lo, dp, dr, true) < 0) {
                lo *= 2;
            } else {
                hi = 2 * lo;
            }
        }
        for (int b = 0; hi > 0 && b < LONG_BISECTIONS; b++) {
            double mid = 0.5 * (lo + hi);
            if (slope(mid, dp, dr, true) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether every arc's condition holds a share t along the step, to what it held at the whole step. */
    private boolean holds(double t, double[] dp, double[] dr, double[] before) {
        move(t, dp, dr);
        for (int a = 0; a < before.length; a++) {
            Network.Arc arc = net.arcs.get(a);
            if (solver.arcLeft(a, trial, trialRent) - arc.wedge > before[a] + 1e-12 * net.reference[arc.from]) {
                return false;
            }
        }
        return true;
    }

    /** Sets {@link #trial} and {@link #trialRent} a share t along the step. */
    private void move(double t, double[] dp, double[] dr) {
        for (int m = 0; m < net.markets; m++) {
            trial[m] = net.used[m] ? clamp(price[m] + t * dp[m], 0, solver.bound(m)) : 0;
        }
        for (int s = 0; s < ns; s++) {
            trialRent[s] = Math.max(0, rent[s] + t * dr[s]);
        }
    }

    /** The slope of f a share t along the step: excess supply times the price change, plus volume times rent change. */
    private double slopeAlong(double t, double[] dp, double[] dr) {
        return slope(t, dp, dr, false);
    }

    /**
     * The slope of f a share t along the step; {@code projected}, leaving out the prices {@link #move} holds at a
     * bound and the rents it holds at nothing, which do not move.
     */
    private double slope(double t, double[] dp, double[] dr, boolean projected) {
        move(t, dp, dr);
        solver.evaluateQuantities(trial);
        double slope = 0;
        for (int i = 0; i < na; i++) {
            int m = marketOf[i];
            double free = price[m] + t * dp[m];
            if (!projected || free > 0 && free < solver.bound(m)) {
                slope += (supply[m] - demand[m] - inputs[m]) * dp[m];
            }
        }
        for (int s = 0; s < ns; s++) {
            if (!projected || rent[s] + t * dr[s] > 0) {
                slope += net.caps.get(s).volume * dr[s];
            }
        }
        return slope;
    }

    private static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : Math.min(x, hi);
    }
}
