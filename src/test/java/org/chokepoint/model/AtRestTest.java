package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.world.World;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reference scenario without its events, policies and consortia is a world without shocks: it starts at its
 * equilibrium and should stay there, or on its growth path where demand has a trend. For every market that
 * carries at least 1% of its commodity's trade, the share of ticks from the end of warm-up in which the price
 * is within 5% of its path (the median price, or a log-linear fit under a trend) is measured per run, on seeds 1
 * and 2, as {@code ../shared/checks/at-rest.py} does.
 */
class AtRestTest {
    static final double BAND = 0.05;

    static Stream<Path> scenarios() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".options.json"))
                    .sorted().toList().stream();
        }
    }

    /**
     * The reference scenarios ask the cost of normal sales ({@code behaviour.sellerAsk: normalSales}): every
     * market-run carrying 1% of its commodity's trade is within 5% of its path in at least 95% of ticks.
     */
    @ParameterizedTest
    @MethodSource("scenarios")
    void withoutItsShocksEveryMarketStaysAtRest(Path file) throws Exception {
        Measured at = measure(file, null);
        assertTrue(at.worst() >= 0.95, file + ": " + at.where() + " within 5% in only " + at.worst() + " of ticks");
        // Prices at rest can hide flows that stop: with traders bidding one limit wherever others also bought at
        // the origin, the baseline's prices stayed within 5% while Japan's magnet imports stopped in 73 of 520 weeks.
        assertEquals("", at.droughts(), file + ": weeks in which a market's imports fell below 2% of their mean");
    }

    /**
     * With the default rule ({@code sellerAsk: plan}) what holds is less: the median market within 5% in at least
     * 95% of ticks, no market below 90% and no scenario more than two market-runs below 95% (the NdPr scenario has
     * two, its light rare-earth concentrate outside China at 92% and US NdPr oxide at 94.8% in seed 1).
     */
    @ParameterizedTest
    @MethodSource("scenarios")
    void askingThePlansCostTheWorldStaysNearRest(Path file) throws Exception {
        Measured at = measure(file, BehaviourSpec.ASK_PLAN);
        assertTrue(at.median() >= 0.95, file + ": median market within 5% in " + at.median() + " of ticks");
        assertTrue(at.worst() >= 0.90, file + ": " + at.where() + " within 5% in only " + at.worst() + " of ticks");
        assertTrue(at.below() <= 2, file + ": " + at.below() + " market-runs within 5% in less than 95% of ticks");
    }

    /**
     * @param droughts each market-run whose imports come to at least 1% of its commodity's trade, with the weeks in
     *                 which its imports fell below 2% of their mean, where there were any
     */
    record Measured(double median, double worst, String where, long below, String droughts) { }

    /** Seeds 1 and 2 of the scenario without its shocks, with {@code sellerAsk} set where it is not null. */
    static Measured measure(Path file, String sellerAsk) throws Exception {
        ObjectNode json = ScenarioLoader.load(file).json().deepCopy();
        for (String shock : List.of("events", "policies", "consortia")) {
            json.set(shock, Json.mapper().createArrayNode());
        }
        if (sellerAsk != null) {
            ObjectNode behaviour = json.has("behaviour") ? (ObjectNode) json.get("behaviour") : json.putObject("behaviour");
            behaviour.put("sellerAsk", sellerAsk);
        }
        Scenario s = ScenarioLoader.fromJson(json, file + " without shocks").scenario();
        boolean trend = s.demand().stream().anyMatch(d -> d.trendOrDefault() != 0);
        List<Double> shares = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder droughts = new StringBuilder();
        for (int seed : new int[] {1, 2}) {
            SupplyShockModel model = Simulation.run(s, seed, -1).model();
            World w = model.world();
            SeriesRecorder series = model.series();
            int from = Math.min(s.time().warmupOrDefault(), model.horizon() - 10);
            double[] traded = new double[w.marketCount()];
            double[] total = new double[w.commodityCount()];
            for (int m = 0; m < w.marketCount(); m++) {
                for (int t = from; t < model.horizon(); t++) {
                    traded[m] += series.get(t, m, Metric.TRADED);
                }
                total[m % w.commodityCount()] += traded[m];
            }
            for (int m = 0; m < w.marketCount(); m++) {
                if (total[m % w.commodityCount()] <= 0 || traded[m] < 0.01 * total[m % w.commodityCount()]) {
                    continue;
                }
                shares.add(shareAtRest(series, m, from, model.horizon(), trend));
                names.add(w.regions().get(m / w.commodityCount()).id() + "/" + w.commodities().get(m % w.commodityCount()).id()
                        + " seed " + seed);
            }
            droughts.append(droughts(series, w, from, model.horizon(), seed));
        }
        double[] sorted = shares.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double worst = sorted[0];
        return new Measured(sorted[sorted.length / 2], worst, names.get(shares.indexOf(worst)),
                shares.stream().filter(x -> x < 0.95).count(), droughts.toString());
    }

    /**
     * The markets whose imports over ticks {@code [from, to)} come to at least 1% of their commodity's trade (what
     * all its markets traded), as the at-rest measure counts a market, each with the number of ticks in which its
     * imports fell below 2% of their mean there, where there were any.
     */
    static String droughts(SeriesRecorder series, World w, int from, int to, int seed) {
        double[] imports = new double[w.marketCount()];
        double[] total = new double[w.commodityCount()];
        for (int m = 0; m < w.marketCount(); m++) {
            for (int t = from; t < to; t++) {
                imports[m] += series.get(t, m, Metric.IMPORTS);
                total[m % w.commodityCount()] += series.get(t, m, Metric.TRADED);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int m = 0; m < w.marketCount(); m++) {
            double all = total[m % w.commodityCount()];
            if (all <= 0 || imports[m] < 0.01 * all) {
                continue;
            }
            double low = 0.02 * imports[m] / (to - from);
            int weeks = 0;
            for (int t = from; t < to; t++) {
                if (series.get(t, m, Metric.IMPORTS) < low) {
                    weeks++;
                }
            }
            if (weeks > 0) {
                out.append(w.regions().get(m / w.commodityCount()).id()).append('/')
                        .append(w.commodities().get(m % w.commodityCount()).id()).append(" seed ").append(seed)
                        .append(": ").append(weeks).append(" weeks; ");
            }
        }
        return out.toString();
    }

    /** Share of ticks whose positive price lies within {@link #BAND} of the median or of a log-linear fit. */
    static double shareAtRest(SeriesRecorder series, int market, int from, int to, boolean trend) {
        double[] t = new double[to - from];
        double[] p = new double[to - from];
        int n = 0;
        for (int tick = from; tick < to; tick++) {
            double price = series.get(tick, market, Metric.PRICE);
            if (price > 0 && Double.isFinite(price)) {
                t[n] = tick;
                p[n++] = price;
            }
        }
        t = Arrays.copyOf(t, n);
        p = Arrays.copyOf(p, n);
        double[] path = new double[n];
        if (trend) {
            double mt = Arrays.stream(t).average().orElse(0);
            double ml = Arrays.stream(p).map(Math::log).average().orElse(0);
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < n; i++) {
                sxy += (t[i] - mt) * (Math.log(p[i]) - ml);
                sxx += (t[i] - mt) * (t[i] - mt);
            }
            double slope = sxx == 0 ? 0 : sxy / sxx;
            for (int i = 0; i < n; i++) {
                path[i] = Math.exp(ml + slope * (t[i] - mt));
            }
        } else {
            double[] s = p.clone();
            Arrays.sort(s);
            Arrays.fill(path, s[n / 2]);
        }
        int inside = 0;
        for (int i = 0; i < n; i++) {
            inside += Math.abs(p[i] / path[i] - 1) <= BAND ? 1 : 0;
        }
        return n == 0 ? 1.0 : (double) inside / n;
    }
}
