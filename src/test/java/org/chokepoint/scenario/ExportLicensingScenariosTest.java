package org.chokepoint.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chokepoint.agent.FirmType;
import org.chokepoint.agent.Firms;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two export-licensing reference scenarios show, on each of a couple of seeds, the facts they were built
 * to show: before the licensing the chain is steady; once it binds, China's exports of the licensed goods stop
 * for the review period and then come partly back (gallium: as the licensing office works through its queue);
 * prices outside China rise above China's; and, for gallium, idle plants and
 * recyclers outside China answer over the following years. Every figure is computed from the
 * run; each band holds on every seed from 1 to 20 (the figures are discussed in scenarios/README.md).
 */
class ExportLicensingScenariosTest {

    /** gallium-2023.json: tick 0 is 4 January 2021; announced 3 July 2023, in force from 1 August 2023. */
    static final int GA_ANNOUNCE = 130;
    static final int GA_START = 134;
    static final int GA_LEAD = 9;
    /** 2024, and 2026-27, in ticks of the gallium scenario. */
    static final int GA_2024 = 156;
    static final int GA_2026 = 260;

    /** ndfeb-magnets-2025.json: tick 0 is 2 January 2023; announced and in force on 4 April 2025. */
    static final int ND_START = 117;
    static final int ND_LEAD = 9;

    /** The reference scenario of that name, started on that seed and ready for its first tick. */
    private static SupplyShockModel started(String file, int seed) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios", file)).scenario();
        SupplyShockModel m = new SupplyShockModel(s, seed, -1);
        m.start();
        return m;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2})
    void galliumLicensingSplitsPricesAndBringsOutSupplyOutsideChina(int seed) throws Exception {
        SupplyShockModel m = started("gallium-2023.json", seed);
        int ticks = m.horizon();
        double[] recycledOutsideChina = new double[ticks];
        Firms firms = m.firms();
        int china = m.world().regionIndex("CN");
        while (m.tick() < ticks) {
            int t = m.tick();
            m.stepTick();
            for (int f = 0; f < firms.count; f++) {
                if (firms.type(f) == FirmType.RECYCLER && firms.region(f) != china) {
                    recycledOutsideChina[t] += firms.output(f);
                }
            }
        }
        World w = m.world();
        SeriesRecorder r = m.series();
        int cnPrimary = w.market(china, w.commodityIndex("ga-primary"));
        int cnWafer = w.market(china, w.commodityIndex("ga-wafer"));
        int jpPrimary = market(w, "JP", "ga-primary");
        int euPrimary = market(w, "EU", "ga-primary");
        int preFrom = GA_ANNOUNCE - 13;

        // Steady before the shock: China's price moves little over the year before the announcement.
        double cv = coefficientOfVariation(r, cnPrimary, GA_ANNOUNCE - 52, GA_ANNOUNCE);
        // Exports of the licensed goods (primary gallium and wafers, in tonnes of gallium) before and after.
        double before = mean(r, preFrom, GA_ANNOUNCE, Metric.EXPORTS, cnPrimary, cnWafer);
        double review = mean(r, GA_START, GA_START + GA_LEAD, Metric.EXPORTS, cnPrimary, cnWafer);
        double in2024 = mean(r, GA_2024, GA_2024 + 52, Metric.EXPORTS, cnPrimary, cnWafer);
        // The office gathers pace on the review's backlog: exports come back slowly in the last quarter of 2023
        // (history: 0.25 t in October, 1.53 t in November, about 7 t in December, 8.8 t in all).
        double q4of2023 = mean(r, GA_START + GA_LEAD, GA_2024, Metric.EXPORTS, cnPrimary, cnWafer);
        double q4primary = mean(r, GA_START + GA_LEAD, GA_2024, Metric.EXPORTS, cnPrimary)
                * (GA_2024 - GA_START - GA_LEAD);
        // October 2023 (ticks 143-146): the office decides 0.0565 t of primary gallium a week, all approved; what it
        // licenses ships, however long the queue behind it (its wait, over 400 weeks at that pace, is not a cost
        // of cargo already licensed). The first week decides less, as only the review's first filings are due, and on
        // some seeds nothing (seed 3), so October carries at least its three full weeks and at most four.
        double october = 0;
        for (int t = GA_START + GA_LEAD; t < GA_START + GA_LEAD + 4; t++) {
            october += r.get(t, cnPrimary, Metric.EXPORTS);
        }
        // Prices outside China over China's in 2024-25 (Japan and Europe), and China's own price in 2024.
        double cn2024 = mean(r, GA_2024, GA_2024 + 52, Metric.PRICE, cnPrimary);
        double cn2024to25 = mean(r, GA_2024, GA_2024 + 104, Metric.PRICE, cnPrimary);
        double outside2024 = mean(r, GA_2024, GA_2024 + 104, Metric.PRICE, jpPrimary, euPrimary) / 2;
        double cnBefore = mean(r, preFrom, GA_ANNOUNCE, Metric.PRICE, cnPrimary);
        // Primary output outside China (idle plants restart) and recycling outside China.
        double primaryBefore = outsideChina(r, w, "ga-primary", preFrom, GA_ANNOUNCE);
        double primaryLater = outsideChina(r, w, "ga-primary", GA_2026, ticks);
        double recycledBefore = mean(recycledOutsideChina, preFrom, GA_ANNOUNCE);
        double recycledAfter = mean(recycledOutsideChina, GA_2024, GA_2026);

        System.out.printf("gallium seed %d: cv %.3f, exports before %.3f review %.3f 2024 %.3f, outside/CN 2024-25 %.2f,"
                        + " CN 2024/before %.2f, primary outside %.3f -> %.3f, recycled outside %.3f -> %.3f%n",
                seed, cv, before, review, in2024, outside2024 / cn2024to25, cn2024 / cnBefore, primaryBefore,
                primaryLater, recycledBefore, recycledAfter);

        assertTrue(cv < 0.08, "China's price before the announcement varies by " + cv);
        assertEquals(0.0, review, 0.0, "nothing leaves during the review, before any licence is decided");
        assertTrue(october >= 3 * 0.0565 * (1 - 1e-9) && october <= 4 * 0.0565 + 1e-9,
                "October's exports " + october + " against the office's 0.0565 t a week in three or four weeks");
        // From October's second week the office is full: it licenses, and China exports, its 0.0565 t a week.
        for (int t = GA_START + GA_LEAD + 1; t < GA_START + GA_LEAD + 4; t++) {
            assertEquals(0.0565, r.get(t, cnPrimary, Metric.EXPORTS), 0.02 * 0.0565,
                    "primary gallium exported, week " + t);
        }
        // The office is the binding limit all 2024: exports are its capacity, 1.335 t of primary gallium and
        // 0.22 t of wafers a week.
        assertEquals(1.555, in2024, 0.02 * 1.555, "exports in 2024 against the office's capacity");
        assertTrue(q4of2023 < in2024, "exports in late 2023 " + q4of2023 + " below 2024's " + in2024);
        // The quarter's primary gallium, 8.26-8.34 t over seeds 1 to 20, against history's 8.8 t.
        assertEquals(8.8, q4primary, 0.1 * 8.8, "primary gallium exported in October-December 2023");
        // Europe stood at about 1.8 times China's price in late 2023 and about twice it through 2024; the model's
        // split, 2.92-3.35 over seeds 1 to 20, overshoots it in 2025 (scenarios/README.md), but not to twice it.
        assertTrue(outside2024 >= 1.4 * cn2024to25 && outside2024 <= 4 * cn2024to25,
                "outside China " + outside2024 + ", China " + cn2024to25);
        // History: China's price 9% down in August 2023; the model's 2024 is 3-5% below before on seeds 1 to 20.
        assertTrue(cn2024 >= 0.85 * cnBefore && cn2024 <= 1.15 * cnBefore,
                "China's price in 2024 " + cn2024 + " against " + cnBefore);
        // The idle plants outside China restart in 2025; their output in 2026-27 is 1.66-2.07 times what it was
        // before over seeds 1 to 20.
        assertTrue(primaryLater >= 1.3 * primaryBefore && primaryLater <= 2.5 * primaryBefore,
                "primary output outside China " + primaryLater + " against " + primaryBefore);
        // Recyclers outside China start at the equilibrium near their scrap and capacity limits: dearer metal
        // collects a little more scrap (collection elasticity 0.5, capped), so recycling rises, but by little:
        // 6.5-12.2% over seeds 1 to 20, about 10% in scenarios/README.md.
        assertTrue(recycledAfter >= 1.05 * recycledBefore && recycledAfter <= 1.2 * recycledBefore,
                "recycling outside China " + recycledAfter + " against " + recycledBefore);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2})
    void magnetLicensingStopsExportsForTheReviewAndSplitsDysprosiumPrices(int seed) throws Exception {
        SupplyShockModel m = started("ndfeb-magnets-2025.json", seed);
        m.runToHorizon();
        World w = m.world();
        SeriesRecorder r = m.series();
        int cnMagnet = market(w, "CN", "ndfeb-magnet");
        int cnDy = market(w, "CN", "dy-oxide");
        int jpDy = market(w, "JP", "dy-oxide");
        int euDy = market(w, "EU", "dy-oxide");
        int[] outsideMagnet = {market(w, "JP", "ndfeb-magnet"), market(w, "EU", "ndfeb-magnet"),
                market(w, "US", "ndfeb-magnet")};
        int preFrom = ND_START - 13;

        double before = mean(r, preFrom, ND_START, Metric.EXPORTS, cnMagnet);
        double review = mean(r, ND_START, ND_START + ND_LEAD, Metric.EXPORTS, cnMagnet);
        double months3to6 = mean(r, ND_START + ND_LEAD, ND_START + 26, Metric.EXPORTS, cnMagnet);
        // Dysprosium oxide in Japan: its peak in the first year over the pre-shock level, and over China's price then.
        double jpDyBefore = mean(r, preFrom, ND_START, Metric.PRICE, jpDy);
        int peak = firstYearPeak(r, jpDy);
        double dyPeak = r.get(peak, jpDy, Metric.PRICE) / jpDyBefore;
        double dyOverChina = r.get(peak, jpDy, Metric.PRICE) / r.get(peak, cnDy, Metric.PRICE);
        // Europe holds no opening stocks of Dy oxide; Japan three months of its use.
        double euDyBefore = mean(r, preFrom, ND_START, Metric.PRICE, euDy);
        double euDyPeak = 0;
        for (int t = ND_START; t < ND_START + 52; t++) {
            euDyPeak = Math.max(euDyPeak, r.get(t, euDy, Metric.PRICE) / euDyBefore);
        }
        // Magnets outside China (mean of Japan, Europe, the US): highest in the first half year over before.
        double outsideBefore = mean(r, preFrom, ND_START, Metric.PRICE, outsideMagnet);
        double outsidePeak = 0;
        for (int t = ND_START; t < ND_START + 26; t++) {
            outsidePeak = Math.max(outsidePeak, mean(r, t, t + 1, Metric.PRICE, outsideMagnet));
        }
        double cnMagnetBefore = mean(r, preFrom, ND_START, Metric.PRICE, cnMagnet);
        double cnMagnetReview = mean(r, ND_START, ND_START + ND_LEAD, Metric.PRICE, cnMagnet);

        System.out.printf("ndfeb seed %d: exports before %.1f review %.1f months 3-6 %.1f, JP Dy peak %.2f x"
                        + " (%.2f x China's), outside magnets peak %.2f x, CN magnets in review %.2f x%n",
                seed, before, review, months3to6, dyPeak, dyOverChina, outsidePeak / outsideBefore,
                cnMagnetReview / cnMagnetBefore);

        // Every magnet China exports needs a licence, and none is decided before the 9 weeks' lead is out: nothing
        // leaves in the review, as with gallium.
        assertEquals(0.0, review, 0.0, "magnet exports during the review, before any licence is decided");
        // History came back in June-July 2025 to about the year before; the model's backlog of licences ships to
        // buyers rebuilding their cover, 1.48-1.70 times before over seeds 1 to 20.
        assertTrue(months3to6 >= 0.5 * before && months3to6 <= 2 * before,
                "magnet exports in months 3-6 " + months3to6 + " against " + before);
        // 2.2-3.4 over seeds 1 to 20 with Japan's opening stocks, 5.4-8.5 without them.
        assertTrue(dyPeak >= 1.5 && dyPeak <= 4.5, "Dy oxide in Japan peaks at " + dyPeak + " times its pre-shock level");
        // Europe: 10.1-17.6 over seeds 1 to 20, an ensemble mean of 12.1.
        assertTrue(euDyPeak >= 8 && euDyPeak <= 20 && dyPeak < euDyPeak, "Dy oxide in Europe, without stocks, peaks"
                + " at " + euDyPeak + " times its pre-shock level, Japan, drawing on its stocks, at " + dyPeak);
        // 2.01-2.20 over seeds 1 to 20.
        assertTrue(outsidePeak >= 1.3 * outsideBefore && outsidePeak <= 3 * outsideBefore,
                "magnets outside China peak at " + outsidePeak / outsideBefore + " times their pre-shock level");
        // China's magnets fall 13.5-16.6% during the review over seeds 1 to 20, held in China with nowhere to go.
        assertTrue(cnMagnetReview >= 0.78 * cnMagnetBefore && cnMagnetReview <= 0.92 * cnMagnetBefore,
                "magnets in China " + cnMagnetReview + " against " + cnMagnetBefore);
    }

    /**
     * Dy and Tb oxide in Rotterdam stood at about three times China's domestic price by June 2025 (trade-press
     * assessments, scenarios/README.md). Japan's Dy price at its peak in the first year of the controls, over
     * China's price that week, is a figure of each run: over seeds 1 to 10 it is at least twice China's in seven
     * runs or more, and the median run lies between two and four times. The figure falls on one side or the
     * other: the first year's highest week comes either in the autumn of 2025, at 2.5-3 times China's price, or
     * in early 2026, once China's price has risen to meet Japan's, at about 1.05 times (the latter in seeds 1, 5
     * and 8 of the ten; 15 of seeds 1 to 20 come at twice or more).
     */
    @Test
    void dysprosiumInJapanPeaksAtAboutThreeTimesChinasPrice() throws Exception {
        int runs = 10;
        double[] overChina = new double[runs];
        int twiceOrMore = 0;
        for (int seed = 1; seed <= runs; seed++) {
            SupplyShockModel m = started("ndfeb-magnets-2025.json", seed);
            m.runToHorizon();
            World w = m.world();
            SeriesRecorder r = m.series();
            int jpDy = market(w, "JP", "dy-oxide");
            int peak = firstYearPeak(r, jpDy);
            overChina[seed - 1] = r.get(peak, jpDy, Metric.PRICE) / r.get(peak, market(w, "CN", "dy-oxide"), Metric.PRICE);
            if (overChina[seed - 1] >= 2.0) {
                twiceOrMore++;
            }
        }
        String all = java.util.Arrays.toString(overChina);
        java.util.Arrays.sort(overChina);
        double median = (overChina[runs / 2 - 1] + overChina[runs / 2]) / 2;
        assertTrue(twiceOrMore >= 7, "runs with Japan's Dy peak at twice China's price or more: " + twiceOrMore + " " + all);
        assertTrue(median >= 2.0 && median <= 4.0, "median run " + median + " " + all);
    }

    /** The week of the highest price in a market in the first year of the 2025 controls. */
    private static int firstYearPeak(SeriesRecorder r, int market) {
        int peak = ND_START;
        for (int t = ND_START; t < ND_START + 52; t++) {
            if (r.get(t, market, Metric.PRICE) > r.get(peak, market, Metric.PRICE)) {
                peak = t;
            }
        }
        return peak;
    }

    private static int market(World w, String region, String commodity) {
        return w.market(w.regionIndex(region), w.commodityIndex(commodity));
    }

    /** Mean over ticks [from, to) of the sum of the metric over the markets. */
    private static double mean(SeriesRecorder r, int from, int to, Metric metric, int... markets) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            for (int mk : markets) {
                sum += r.get(t, mk, metric);
            }
        }
        return sum / (to - from);
    }

    private static double mean(double[] series, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += series[t];
        }
        return sum / (to - from);
    }

    private static double outsideChina(SeriesRecorder r, World w, String commodity, int from, int to) {
        int c = w.commodityIndex(commodity);
        double sum = 0;
        for (int region = 0; region < w.regionCount(); region++) {
            if (region != w.regionIndex("CN")) {
                sum += mean(r, from, to, Metric.PRODUCTION, w.market(region, c));
            }
        }
        return sum;
    }

    private static double coefficientOfVariation(SeriesRecorder r, int market, int from, int to) {
        double mean = mean(r, from, to, Metric.PRICE, market);
        double ss = 0;
        for (int t = from; t < to; t++) {
            double d = r.get(t, market, Metric.PRICE) - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (to - from)) / mean;
    }
}
