package org.chokepoint.experiment;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation (divisor n - 1) and the 95% confidence interval of the mean,
 * {@code mean ± t(0.975; n - 1) · sd / √n} with the quantile from Commons Math {@link TDistribution}, of the
 * finite values given (NaN values are left out and counted in {@code missing}). With fewer than two values
 * the standard deviation and interval are NaN; when every value is the same the interval is that value.
 */
public record MeanInterval(int n, int missing, double mean, double sd, double ci95Low, double ci95High) {

    public static MeanInterval of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        int missing = values.length - n;
        if (n == 0) {
            return new MeanInterval(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n < 2) {
            return new MeanInterval(n, missing, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = 0;
        boolean allSame = true;
        double first = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                if (Double.isNaN(first)) {
                    first = v;
                } else if (v != first) {
                    allSame = false;
                }
                ss += (v - mean) * (v - mean);
            }
        }
        if (allSame) {
            // Exactly equal values (a paired difference of identical runs) give exactly the value, not rounding.
            return new MeanInterval(n, missing, first, 0, first, first);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new MeanInterval(n, missing, mean, sd, mean - half, mean + half);
    }

    /** The two-sided 95% quantile t(0.975; df). No generator is needed for a quantile, so none is made. */
    public static double tQuantile(int df) {
        return new TDistribution(null, df).inverseCumulativeProbability(0.975);
    }

    /** The paired differences {@code a[i] - b[i]}, NaN where either is missing. */
    public static double[] differences(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = Double.isNaN(a[i]) || Double.isNaN(b[i]) ? Double.NaN : a[i] - b[i];
        }
        return d;
    }
}
