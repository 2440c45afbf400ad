package org.chokepoint.calibration;

import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.world.World;

/**
 * The figures by which an export-restriction episode is compared with history: how far and how fast the
 * price outside the restricting region rose, how far it stood above the price inside, how far it fell back,
 * what happened to an importer's use, and how much of its imports still came from the restricting region.
 * Prices are a basket of the listed commodities in the importing region, weighted by their value there in
 * the quarter before the restriction took effect. Windows are in calendar time, counted in the scenario's
 * ticks: a quarter is a quarter of {@code time.ticksPerYear}, whatever a tick is.
 *
 * @param basketPeak ex-restrictor basket price at its peak over its pre-shock level
 * @param singlePeak the same for the first listed commodity alone (e.g. dysprosium oxide)
 * @param secondPeak the same for the second listed commodity alone (e.g. NdPr oxide); NaN with one commodity
 * @param monthsToPeak months from the restriction to the basket's peak
 * @param outsideOverInsideAtPeak the basket outside over the same basket inside the restricting region, at the peak
 * @param twoYearsAfterPeak the basket two years after its peak over the peak
 * @param useChangeAfterTwoYears the importer's use of the listed commodities in the second calendar year after
 *                               the restriction's over the first, minus one (Japan's 2012 against 2011)
 * @param purchaseChangeAfterTwoYears the same for what the importer's buyers bought in its markets for them (the
 *                                    markets' traded volume): use plus what they added to their stocks, which is
 *                                    what the history's "demand" counts (Japan's 2012 demand fell, the Japan
 *                                    Society of Newer Metals found, by users' prolonged inventory adjustment)
 * @param restrictorShareAfterTenYears the restricting region's share of the importer's imports of the listed
 *                                     commodities in the tenth year after the start of the run
 */
record EpisodeIndicators(double basketPeak, double singlePeak, double secondPeak, double monthsToPeak, double outsideOverInsideAtPeak,
                         double twoYearsAfterPeak, double useChangeAfterTwoYears, double purchaseChangeAfterTwoYears,
                         double restrictorShareAfterTenYears) {

    static EpisodeIndicators of(SupplyShockModel run, int restrictionTick, String restrictor, String importer,
                                String... commodities) {
        World w = run.world();
        SeriesRecorder s = run.series();
        int ticks = s.ticks();
        int inside = w.regionIndex(restrictor);
        int outside = w.regionIndex(importer);
        int n = commodities.length;
        int[] out = new int[n];
        int[] in = new int[n];
        double[] base = new double[n];
        double[] weight = new double[n];
        int year = w.ticksPerYear();
        int quarter = Math.max(1, (int) Math.round(year / 4.0));
        int from = Math.max(0, restrictionTick - quarter);
        for (int k = 0; k < n; k++) {
            int c = w.commodityIndex(commodities[k]);
            out[k] = w.market(outside, c);
            in[k] = w.market(inside, c);
            double p = 0;
            double q = 0;
            for (int t = from; t < restrictionTick; t++) {
                p += s.get(t, out[k], Metric.PRICE);
                q += s.get(t, out[k], Metric.CONSUMPTION);
            }
            base[k] = p / (restrictionTick - from);
            weight[k] = p * q;
        }
        int peakTick = restrictionTick;
        double peak = 0;
        double single = 0;
        double second2 = 0;
        for (int t = restrictionTick; t < ticks; t++) {
            double b = basket(s, out, base, weight, t);
            if (b > peak) {
                peak = b;
                peakTick = t;
            }
            single = Math.max(single, s.get(t, out[0], Metric.PRICE) / base[0]);
            if (n > 1) {
                second2 = Math.max(second2, s.get(t, out[1], Metric.PRICE) / base[1]);
            }
        }
        double ratio = peak / basket(s, in, base, weight, peakTick);
        double after = peakTick + 2 * year < ticks
                ? basket(s, out, base, weight, peakTick + 2 * year) / peak : Double.NaN;
        // Calendar years, as the history reports them: the second year after the restriction's against the first.
        int first = (restrictionTick / year + 1) * year;
        double before = sum(s, out, Metric.CONSUMPTION, first, first + year);
        double second = sum(s, out, Metric.CONSUMPTION, first + year, first + 2 * year);
        double boughtBefore = sum(s, out, Metric.TRADED, first, first + year);
        double boughtSecond = sum(s, out, Metric.TRADED, first + year, first + 2 * year);
        int tenth = 9 * year;
        double share = Double.NaN;
        if (tenth + year <= ticks) {
            double fromRestrictor = 0;
            double all = 0;
            for (int t = tenth; t < tenth + year; t++) {
                for (int m : out) {
                    fromRestrictor += s.importsFrom(t, m, inside);
                    for (int o = 0; o < w.regionCount(); o++) {
                        all += s.importsFrom(t, m, o);
                    }
                }
            }
            share = all > 0 ? fromRestrictor / all : Double.NaN;
        }
        return new EpisodeIndicators(peak, single, n > 1 ? second2 : Double.NaN,
                (peakTick - restrictionTick) * 12.0 / year, ratio,
                after, second / before - 1, boughtSecond / boughtBefore - 1, share);
    }

    private static double basket(SeriesRecorder s, int[] markets, double[] base, double[] weight, int t) {
        double sum = 0;
        double total = 0;
        for (int k = 0; k < markets.length; k++) {
            sum += weight[k] * s.get(t, markets[k], Metric.PRICE) / base[k];
            total += weight[k];
        }
        return sum / total;
    }

    private static double sum(SeriesRecorder s, int[] markets, Metric metric, int from, int to) {
        double sum = 0;
        for (int t = Math.max(0, from); t < Math.min(s.ticks(), to); t++) {
            for (int m : markets) {
                sum += s.get(t, m, metric);
            }
        }
        return sum;
    }
}
