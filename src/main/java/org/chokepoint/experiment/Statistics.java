package org.chokepoint.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Summary statistics of one metric over the replications of an ensemble. Missing values (NaN, written
 * {@code NA}) are left out: {@code n} counts the values used, {@code missing} the rest.
 *
 * <ul>
 *   <li>{@code mean}: Commons Math {@link Mean} (a two-pass corrected mean);</li>
 *   <li>{@code sd}: Commons Math {@link StandardDeviation}, the sample standard deviation (divisor n − 1);</li>
 *   <li>{@code ci95Low}, {@code ci95High}: mean ± t(0.975; n − 1) · sd / √n, the quantile from Commons Math
 *       {@link TDistribution}: a 95% confidence interval for the mean over replications;</li>
 *   <li>{@code p5}, {@code p50}, {@code p95}: Commons Math {@link Percentile} with estimation type
 *       {@link Percentile.EstimationType#R_7}, Hyndman and Fan's type 7 — the default of R's
 *       {@code quantile()} and of numpy's and pandas' {@code quantile}, so the numbers can be checked there.</li>
 * </ul>
 * A statistic that needs more values than there are (sd and the interval with fewer than two, anything with
 * none) is NaN, written {@code null} in JSON.
 */
public final class Statistics {

    /** The quantile definition, as recorded in {@code stats.json}. */
    public static final String QUANTILE_DEFINITION =
            "Hyndman-Fan type 7 (linear interpolation between order statistics; R quantile(type = 7), "
                    + "numpy/pandas default 'linear'); Commons Math Percentile.EstimationType.R_7";

    public final int n;
    public final int missing;
    public final double mean;
    public final double sd;
    public final double ci95Low;
    public final double ci95High;
    public final double p5;
    public final double p50;
    public final double p95;

    private Statistics(int n, int missing, double mean, double sd, double lo, double hi, double p5, double p50,
                       double p95) {
        this.n = n;
        this.missing = missing;
        this.mean = mean;
        this.sd = sd;
        this.ci95Low = lo;
        this.ci95High = hi;
        this.p5 = p5;
        this.p50 = p50;
        this.p95 = p95;
    }

    /** Statistics of {@code values} (NaN = missing), which are not modified. */
    public static Statistics of(double[] values) {
        double[] x = finite(values);
        int n = x.length;
        int missing = values.length - n;
        if (n == 0) {
            return new Statistics(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        double mean = new Mean().evaluate(x);
        double sd = Double.NaN;
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (n >= 2) {
            sd = new StandardDeviation().evaluate(x);
            double t = tQuantile(n - 1);
            double half = t * sd / Math.sqrt(n);
            lo = mean - half;
            hi = mean + half;
        }
        Percentile p = percentile();
        p.setData(x);
        return new Statistics(n, missing, mean, sd, lo, hi, p.evaluate(5), p.evaluate(50), p.evaluate(95));
    }

    /** t(0.975; df), the two-sided 95% quantile. */
    static double tQuantile(int degreesOfFreedom) {
        // The random generator is never used for a quantile; null keeps the distribution from seeding one
        // from the clock.
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.975);
    }

    /** The percentile estimator used for stats.json and bands.csv. */
    static Percentile percentile() {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    }

    static double[] finite(double[] values) {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        if (n == values.length) {
            return values.clone();
        }
        double[] x = new double[n];
        n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                x[n++] = v;
            }
        }
        return x;
    }

    /** As a JSON object; NaN becomes null. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("n", n);
        o.put("missing", missing);
        put(o, "mean", mean);
        put(o, "sd", sd);
        put(o, "ci95Low", ci95Low);
        put(o, "ci95High", ci95High);
        put(o, "p5", p5);
        put(o, "p50", p50);
        put(o, "p95", p95);
        return o;
    }

    static void put(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}
