package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * The worked example restated in months as {@link MonthlyTicksTest#monthly} restates a scenario (quantities per month,
 * rates compounded, spans in ticks converted: four weeks of output cover are 0.92 months, the two-week voyage no
 * month), run over its whole horizon of 72 months without its shock or demand noise, seed 1.
 */
class MonthlyLongRunTest {
    private static final Path WORKED = Path.of("src/test/resources/scenarios/worked-example.json");

    /**
     * A seller sells from its stock before it makes the tick's output. Four weeks of cover are 0.92 of a month's
     * sales, less than the month's orders, unless the cover holds the tick's sales beyond the stated weeks: a month
     * and three weeks, 1 + 3 x 12/52 = 1.69 months. And a lane on a route of no transit sells the cargo it bought the
     * month before, which the start must count. Without either, the motor makers offered their whole stock, 0.92 of
     * the month's demand, the buyers bid the price to 834.6 in Japan and 772.7 in China against equilibria of 697.1
     * and 645.4 (1.20 times), and the oxide lane, a month's flow short, bought 226 t against its 147 t a month.
     */
    @Test
    void theFirstMonthClearsAtTheEquilibrium() throws Exception {
        Run run = run(72);
        World w = run.model.world();
        for (int m = 0; m < run.start.length; m++) {
            assertEquals(run.start[m], run.series.get(0, m, Metric.PRICE), 0.01 * run.start[m], "market " + m);
            assertEquals(run.start[m], run.series.get(1, m, Metric.PRICE), 0.01 * run.start[m], "market " + m);
        }
        int oxide = w.market(w.regionIndex("JP"), w.commodityIndex("ndpr-oxide"));
        // In the first month the lane lands what it bought for its month's sales: the equilibrium's flow, 146.9 t.
        assertEquals(146.9, run.series.get(0, oxide, Metric.IMPORTS), 0.1);
    }

    /**
     * Over the 72 months Japan's oxide, the market furthest from rest, stood at 2.61 times its start in month 64
     * before the cover held a month's sales and the lane's start its landed cargo; it now moves at most 1.30 times its
     * start (month 15). The monthly world is still not at rest: with its 8 weeks of stock adjustment and 13 of normal
     * sales in 1.85 and 3 monthly ticks, a lane and a home seller that share a market take its orders in turns, month
     * after month, and that swing reaches the oxide through the magnet makers' orders (see docs/scenario-format.md,
     * Other tick lengths).
     */
    @Test
    void japansOxideStaysWithinAThirdOfItsStartOverSixYears() throws Exception {
        Run run = run(72);
        World w = run.model.world();
        int oxide = w.market(w.regionIndex("JP"), w.commodityIndex("ndpr-oxide"));
        double start = run.series.get(0, oxide, Metric.PRICE);
        double most = 0;
        for (int t = 0; t < 72; t++) {
            most = Math.max(most, Math.abs(run.series.get(t, oxide, Metric.PRICE) / start - 1));
        }
        assertTrue(most < 0.35, "largest move " + most);
    }

    /**
     * Under {@code sellerAsk: ladder} every market stands within 5% of its start in every one of the 72 months (the
     * furthest, China's motors, 4.86% above it in month 44, where demand grows 8% a year; Japan's oxide 4.3% in month
     * 16), and Japan's oxide, which only the lane sells and only its three magnet makers buy, trades in every month.
     * Before a buyer under the ladder valued the steps of its bid over a week's use ({@code Manufacturers}), every step
     * of a magnet maker's monthly bid stood at its reservation: in 5 months the lane asked a hair above it and sold
     * nothing (month 12 the first), the makers ran out of oxide, Japan's oxide fell to 0.75 times its start in month
     * 22, and every market stood within 5% in 59 months. Under {@code normalSales} this fails: 46 months, the oxide
     * 1.29 times its start in month 21, and 5 months without trade.
     */
    @Test
    void underTheLadderEveryMarketStaysWithinFivePercentOfItsStart() throws Exception {
        Run run = run(72, "ladder");
        World w = run.model.world();
        int oxide = w.market(w.regionIndex("JP"), w.commodityIndex("ndpr-oxide"));
        double most = 0;
        for (int t = 0; t < 72; t++) {
            for (int m = 0; m < run.start.length; m++) {
                most = Math.max(most, Math.abs(run.series.get(t, m, Metric.PRICE) / run.start[m] - 1));
            }
            assertTrue(run.series.get(t, oxide, Metric.TRADED) > 0, "Japan's oxide trades in month " + t);
        }
        assertTrue(most < 0.05, "largest move " + most);
    }

    private record Run(SupplyShockModel model, SeriesRecorder series, double[] start) { }

    private static Run run(int months) throws Exception {
        return run(months, null);
    }

    private static Run run(int months, String sellerAsk) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(WORKED.toFile());
        if (!json.has("consortia")) {
            json.putArray("consortia");
        }
        ObjectNode m = MonthlyTicksTest.monthly(json);
        m.remove("events");
        m.remove("policies");
        m.remove("consortia");
        m.withObjectProperty("behaviour").put("demandNoise", 0.0);
        if (sellerAsk != null) {
            m.withObjectProperty("behaviour").put("sellerAsk", sellerAsk);
        }
        ((ObjectNode) m.get("time")).put("horizonTicks", months);
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson((JsonNode) m, "worked").scenario(), 1, -1);
        model.start();
        double[] start = new double[model.world().marketCount()];
        for (int k = 0; k < start.length; k++) {
            start[k] = model.markets().price(k);
        }
        model.runToHorizon();
        return new Run(model, model.series(), start);
    }
}
