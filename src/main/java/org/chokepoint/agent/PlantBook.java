package org.chokepoint.agent;

import org.chokepoint.scenario.BehaviourSpec;

/**
 * What the new plant whose capital the welfare sum counts is still worth after the last tick. The sum books that
 * capital whole in the week it is paid (a firm's own when its entry gives a capital cost, a capex subsidy's for one
 * whose entry does not, a state's for the capacity it builds), so without a value left at the horizon a plant that
 * comes late in a run is charged its whole capital against the few weeks it has served, and a policy that brings
 * plant forward looks dearer the shorter the run.
 *
 * <p>A plant loses value as it recovers its capital: at the scenario's investment rate {@code r} over its project
 * life of {@code n} years, the capital-recovery payment the levelised cost charges ({@link CapitalCharge}) repays
 * it in {@code n} equal years, and what is left after {@code y} years in service is the present value of the
 * payments still to come, {@code a(n − y) / a(n)} of the capital, {@code a(k) = (1 − (1 + r)^−k) / r} ({@code k / n}
 * at a rate of 0). A plant enters service its lead time after it is paid for (on average: capacity arrives spread
 * round it), and one still being built at the horizon keeps its whole capital. Plant of a firm that has closed for
 * good is worth nothing; a mothballed plant keeps its value, since it may restart.
 */
public final class PlantBook implements java.io.Serializable {
    private final double[] valueAtHorizon;
    private final int horizon;
    private final double rate;
    private final int lifeYears;
    private final int ticksPerYear;

    public PlantBook(int firms, int horizon, double rate, int lifeYears, int ticksPerYear) {
        this.valueAtHorizon = new double[firms];
        this.horizon = horizon;
        this.rate = rate;
        this.lifeYears = lifeYears;
        this.ticksPerYear = ticksPerYear;
    }

    /** The book of a run of {@code horizon} ticks, at the rate and life of the scenario's investment settings. */
    public static PlantBook of(int firms, int horizon, BehaviourSpec.Investment investment, int ticksPerYear) {
        return new PlantBook(firms, horizon, investment.discountRateOrDefault(), investment.projectLifeYearsOrDefault(),
                ticksPerYear);
    }

    /** Capital of {@code usd} paid for plant of firm {@code f} that enters service in tick {@code inService}. */
    public void add(int f, double usd, int inService) {
        valueAtHorizon[f] += usd * shareLeft((horizon - inService) / (double) ticksPerYear);
    }

    /** The share of its capital a plant keeps after {@code years} in service. */
    double shareLeft(double years) {
        if (years <= 0) {
            return 1;
        }
        if (years >= lifeYears) {
            return 0;
        }
        return annuity(lifeYears - years) / annuity(lifeYears);
    }

    private double annuity(double years) {
        return rate == 0 ? years : -Math.expm1(-years * Math.log1p(rate)) / rate;
    }

    /** Adds, per market, what the plant of the firms making there that have not closed is worth after the last tick. */
    public void addValueAtEnd(Firms x, double[] byMarket) {
        for (int f = 0; f < valueAtHorizon.length; f++) {
            if (valueAtHorizon[f] != 0 && x.status[f] != FirmStatus.EXITED) {
                byMarket[x.market[f]] += valueAtHorizon[f];
            }
        }
    }
}
