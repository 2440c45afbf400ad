package org.chokepoint.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Locale;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.chokepoint.scenario.DecimalText;

/**
 * A band an ensemble's runs are read against: how many of them give a summary number within {@code [low, high]},
 * bounds included, either bound open. A mean says where the runs lie on average; whether a history or a target is
 * met is a statement about each run (NdPr oxide in Japan at five times its pre-shock price or more in 13 runs of
 * 100, where the mean of 4.2 says it is never met), and the share of runs is the figure to report, with its
 * interval. The interval is Wilson's score interval (Commons Math {@link WilsonScoreInterval}), which keeps inside
 * [0, 1] and does not collapse to a point when no run, or every run, falls inside, as the normal approximation
 * does. Runs whose value is undefined ({@code NA}) are left out of the share, as {@link Statistics} leaves them out,
 * and counted as {@code missing}.
 *
 * @param column a column of {@code runs.csv}
 * @param low the least value inside, or {@code -Infinity} for none
 * @param high the greatest value inside, or {@code Infinity} for none
 */
public record BandShare(String column, double low, double high) {
    /** What {@link #parse} takes, for messages. */
    public static final String FORM = "COLUMN=LOW:HIGH (a runs.csv column and the band's bounds, included; leave one"
            + " empty for a band open on that side, e.g. JP.ndpr-oxide.peakMultiple=5:)";
    /** What a share is, as {@code stats.json} and {@code comparison.json} say beside their {@code bandShares}. */
    public static final String DEFINITION = "runs whose value lies within [low, high], bounds included (null: open),"
            + " of the n runs with a value; ci95Low/ci95High: Wilson score interval of the share (Commons Math"
            + " WilsonScoreInterval)";
    private static final double CONFIDENCE = 0.95;
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    public BandShare {
        if (!(low <= high)) {
            throw new IllegalArgumentException("the band's low bound must not exceed its high bound");
        }
    }

    /**
     * Reads {@code COLUMN=LOW:HIGH}.
     *
     * @throws IllegalArgumentException naming what is wrong and the form
     */
    public static BandShare parse(String spec) {
        int eq = spec.lastIndexOf('=');
        int colon = spec.lastIndexOf(':');
        if (eq <= 0 || colon < eq) {
            throw new IllegalArgumentException("'" + spec + "' is not " + FORM);
        }
        String lo = spec.substring(eq + 1, colon).trim();
        String hi = spec.substring(colon + 1).trim();
        if (lo.isEmpty() && hi.isEmpty()) {
            throw new IllegalArgumentException("'" + spec + "' gives neither bound; give at least one: " + FORM);
        }
        double low = lo.isEmpty() ? Double.NEGATIVE_INFINITY : bound(spec, lo);
        double high = hi.isEmpty() ? Double.POSITIVE_INFINITY : bound(spec, hi);
        if (low > high) {
            throw new IllegalArgumentException("'" + spec + "': the low bound " + lo + " exceeds the high bound " + hi);
        }
        return new BandShare(spec.substring(0, eq).trim(), low, high);
    }

    private static double bound(String spec, String text) {
        // A decimal as JSON and R write one: Java's own reading also takes 5d, 5f and hexadecimal, which a user who
        // typed them did not mean as numbers and would see read as something else without a word.
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + spec + "': '" + text + "' is not a number; " + FORM);
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("'" + spec + "': a bound must be a finite number (leave it empty for"
                    + " none), got " + text);
        }
        return v;
    }

    /**
     * Refuses the first of these bands whose column the runs will not have.
     *
     * @param columns the columns of the runs' {@code runs.csv}
     * @param whose   what the runs are of, as the refusal names it: "this scenario", "any option"
     */
    public static void checkAll(Collection<BandShare> bands, Collection<String> columns, String whose)
            throws ExperimentException {
        for (BandShare band : bands) {
            if (!columns.contains(band.column)) {
                throw new ExperimentException("--band '" + band.column + "' is not a summary number of " + whose
                        + "; " + Morris.nearest(band.column, columns));
            }
        }
    }

    /** The band as a reader writes an interval: {@code [5, ∞)}, {@code [10, 40]}. */
    public String interval() {
        String lo = Double.isInfinite(low) ? "(-∞" : "[" + number(low);
        String hi = Double.isInfinite(high) ? "∞)" : number(high) + "]";
        return lo + ", " + hi;
    }

    /**
     * The band as the inequality a run's value meets, in ASCII for a terminal: {@code >= 5}, {@code <= 0},
     * {@code in [10, 40]}. Under a C locale Java writes what the terminal's encoding lacks as '?', and
     * {@link #interval}'s infinity printed as {@code [5, ?)}.
     */
    public String condition() {
        if (Double.isInfinite(low) && Double.isInfinite(high)) {
            return "of any value";
        }
        if (Double.isInfinite(high)) {
            return ">= " + number(low);
        }
        if (Double.isInfinite(low)) {
            return "<= " + number(high);
        }
        return "in [" + number(low) + ", " + number(high) + "]";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : DecimalText.of(v);
    }

    /** What the runs' values (NaN for {@code NA}) make of the band. */
    public Share of(double[] values) {
        int n = 0;
        int inside = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                if (v >= low && v <= high) {
                    inside++;
                }
            }
        }
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (n > 0) {
            ConfidenceInterval ci = new WilsonScoreInterval().createInterval(n, inside, CONFIDENCE);
            // With no run inside the lower end is 0, with every run the upper end 1: the terms cancel exactly, but
            // not in floating point, where 0 of 21 gave -1.2e-17 (printed "-0%") and 11 of 11 1.0000000000000002.
            lo = inside == 0 ? 0.0 : Math.max(0.0, ci.getLowerBound());
            hi = inside == n ? 1.0 : Math.min(1.0, ci.getUpperBound());
        }
        return new Share(this, n, values.length - n, inside, lo, hi);
    }

    /**
     * The runs inside a band.
     *
     * @param n runs with a value
     * @param missing runs whose value is {@code NA}
     * @param inside runs whose value lies within the band
     * @param ci95Low the lower end of the share's 95% Wilson interval (NaN without a run with a value)
     * @param ci95High its upper end
     */
    public record Share(BandShare band, int n, int missing, int inside, double ci95Low, double ci95High) {
        /** The share of the runs with a value that lie inside, NaN without any. */
        public double share() {
            return n > 0 ? (double) inside / n : Double.NaN;
        }

        /** As {@code stats.json} gives it: an open bound is {@code null}. */
        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("column", band.column());
            putFinite(o, "low", band.low());
            putFinite(o, "high", band.high());
            o.put("n", n);
            o.put("missing", missing);
            o.put("inside", inside);
            putFinite(o, "share", share());
            putFinite(o, "ci95Low", ci95Low);
            putFinite(o, "ci95High", ci95High);
            return o;
        }

        private static void putFinite(ObjectNode o, String key, double v) {
            if (Double.isFinite(v)) {
                o.put(key, v);
            } else {
                o.putNull(key);
            }
        }

        /** One line for a terminal: {@code JP.ndpr-oxide.peakMultiple >= 5: 13 of 100 runs (13%, 95% CI 8-21%)}. */
        public String describe() {
            String missed = missing > 0 ? ", " + missing + " without a value" : "";
            if (n == 0) {
                return band.column() + " " + band.condition() + ": no run has a value" + missed;
            }
            return String.format(Locale.ROOT, "%s %s: %d of %d runs (%s%%, 95%% CI %.0f-%.0f%%)%s", band.column(),
                    band.condition(), inside, n, percent(), 100 * ci95Low, 100 * ci95High, missed);
        }

        /**
         * The share in whole percent, or to a tenth where whole percent would read as none or all when some runs lie
         * outside or inside: 199 of 200 is 99.5%, not 100%, a claim the counts beside it deny. Without the percent
         * sign; the terminal line and the pages' tables both write it so.
         */
        public String percent() {
            double p = 100 * share();
            String whole = String.format(Locale.ROOT, "%.0f", p);
            boolean misleads = ("100".equals(whole) && inside < n) || ("0".equals(whole) && inside > 0);
            return misleads ? String.format(Locale.ROOT, "%.1f", p) : whole;
        }
    }
}
