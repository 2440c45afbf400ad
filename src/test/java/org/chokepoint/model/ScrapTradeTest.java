package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.DoubleUnaryOperator;
import org.chokepoint.equilibrium.EquilibriumResult;
import org.chokepoint.equilibrium.SpatialEquilibrium;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * Scrap as a traded good. Metal is consumed in two regions; at the end of its life 40% of it is collected as
 * scrap in the region that used it, four ticks after the tick it was consumed. X has no smelter, so its scrap
 * sells to M, whose smelter remelts a tonne of scrap into a tonne of metal at a small conversion cost, and
 * whose mines make the rest. Every expected figure is worked out here from the curves the scenario states.
 */
class ScrapTradeTest {
    static final double SHARE = 0.4;
    static final int LAG = 3;
    static final int BAN = 120;
    /**
     * The long-run means are taken over weeks 400 to 800. The smelter runs its scrap stock down in the first
     * two years and rebuilds it over the next two out of a collection that does not answer the price, so any
     * 120-week window before week 400 can find it remelting up to 2% less than the long run while the stock
     * refills; from week 400 on every such window is within 1.2% of theory.
     */
    static final int FROM = 400;
    static final int TO = 800;

    /**
     * X: metal demand {@code 100 (p / 10)^-0.5}, mines {@code S_X(p) = 20 (p - 4)} up to 200. M: metal demand
     * {@code 300 (p / 10)^-0.5}, mines {@code S_M(p) = 30 (p - 5)} up to 300; its smelter's conversion cost is
     * {@code 0.5 + 0.5 q / 400}, a small share of the metal price, and never binds its capacity of 400.
     * Collection costs {@code 0.2 + 0.2 q / K} a tonne with K far above what is collected, so all the scrap
     * that can be collected is. Scrap ships from X to M at 0.3 a tonne.
     */
    static final String WORLD = """
            {"meta": {"name": "scrap-trade"},
             "time": {"ticksPerYear": 52, "horizonTicks": 800, "warmupTicks": 100, "baselineWindowTicks": 13},
             "regions": [{"id": "X"}, {"id": "M"}],
             "commodities": [
               {"id": "metal", "stage": "final", "initialPrice": 10.0, "valuePerUnit": 1},
               {"id": "metal-scrap", "stage": "scrap", "initialPrice": 8.0, "valuePerUnit": 1}],
             "recipes": [{"id": "remelt", "output": "metal", "inputs": [{"commodity": "metal-scrap", "perUnit": 1.0}]}],
             "routes": [{"from": "X", "to": "M", "transitTicks": 1, "costPerUnit": 0.3}],
             "firms": [
               {"id": "x-mine", "type": "producer", "region": "X", "commodity": "metal", "count": 10,
                "capacity": 20, "cost": {"base": 4.0, "slope": 10.0, "exponent": 1}},
               {"id": "m-mine", "type": "producer", "region": "M", "commodity": "metal", "count": 10,
                "capacity": 30, "cost": {"base": 5.0, "slope": 10.0, "exponent": 1}},
               {"id": "x-collector", "type": "recycler", "region": "X", "commodity": "metal-scrap", "count": 4,
                "capacity": 100, "cost": {"base": 0.2, "slope": 0.2, "exponent": 1},
                "recycling": {"feedstock": "metal", "yieldPerUnit": 1.0, "collectionShare": 0.4,
                              "priceElasticity": 0.0, "lagTicks": 3, "maxCollectionShare": 0.4}},
               {"id": "m-collector", "type": "recycler", "region": "M", "commodity": "metal-scrap", "count": 4,
                "capacity": 100, "cost": {"base": 0.2, "slope": 0.2, "exponent": 1},
                "recycling": {"feedstock": "metal", "yieldPerUnit": 1.0, "collectionShare": 0.4,
                              "priceElasticity": 0.0, "lagTicks": 3, "maxCollectionShare": 0.4}},
               {"id": "m-smelter", "type": "manufacturer", "region": "M", "commodity": "metal", "recipe": "remelt",
                "count": 4, "capacity": 100, "cost": {"base": 0.5, "slope": 0.5, "exponent": 1}}],
             "traders": [{"id": "scrap-x-m", "commodity": "metal-scrap", "from": "X", "to": "M", "count": 10,
                          "capacityPerTick": 20, "minMargin": {"min": 0.002, "max": 0.01}}],
             "demand": [
               {"region": "X", "commodity": "metal", "baseQuantity": 100, "referencePrice": 10.0, "elasticity": -0.5},
               {"region": "M", "commodity": "metal", "baseQuantity": 300, "referencePrice": 10.0, "elasticity": -0.5}],
             "behaviour": {"demandNoise": 0.0}}
            """;

    static final int X = 0;
    static final int M = 1;

    static double demandX(double p) {
        return 100 * Math.pow(p / 10, -0.5);
    }

    static double demandM(double p) {
        return 300 * Math.pow(p / 10, -0.5);
    }

    static double minesX(double p) {
        return Math.max(0, Math.min(200, 20 * (p - 4)));
    }

    static double minesM(double p) {
        return Math.max(0, Math.min(300, 30 * (p - 5)));
    }

    static double root(DoubleUnaryOperator f, double lo, double hi) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if ((f.applyAsDouble(lo) > 0) == (f.applyAsDouble(mid) > 0)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    static ObjectNode world() throws Exception {
        return (ObjectNode) Json.mapper().readTree(WORLD);
    }

    static SupplyShockModel run(ObjectNode json) throws Exception {
        Scenario s = ScenarioLoader.fromJson(json, "scrap").scenario();
        SupplyShockModel m = new SupplyShockModel(s, 1, -1);
        m.start();
        m.runToHorizon();
        return m;
    }

    static double mean(SeriesRecorder s, int market, Metric metric) {
        double sum = 0;
        for (int t = FROM; t < TO; t++) {
            sum += s.get(t, market, metric);
        }
        return sum / (TO - FROM);
    }

    /**
     * The equilibrium the run starts from solves the scrap markets with the metal ones: with free trade, M's metal
     * price is the hand-worked one, X's whole collection crosses to M, and M collects 40% of what it consumes.
     */
    @Test
    void theStartingEquilibriumTradesScrapAsWorkedByHand() throws Exception {
        Scenario s = ScenarioLoader.fromJson(world(), "scrap").scenario();
        EquilibriumResult eq = SpatialEquilibrium.solve(s, 0);
        double pX = root(p -> minesX(p) - demandX(p), 4.0, 50.0);
        double scrapFromX = SHARE * demandX(pX);
        double pFree = root(p -> minesM(p) + SHARE * demandM(p) + scrapFromX - demandM(p), 5.0, 50.0);
        int checked = 0;
        for (EquilibriumResult.MarketResult r : eq.markets()) {
            if (r.region().equals("M") && r.commodity().equals("metal")) {
                assertEquals(pFree, r.price(), 1e-6 * pFree, "M's metal price");
                checked++;
            }
            if (r.region().equals("M") && r.commodity().equals("metal-scrap")) {
                assertEquals(scrapFromX, r.imports(), 1e-6 * scrapFromX, "M's scrap imports");
                assertEquals(SHARE * demandM(pFree), r.production(), 1e-6 * scrapFromX, "M's collection");
                checked++;
            }
        }
        assertEquals(2, checked, "both of M's markets are in the equilibrium");
    }

    /**
     * Scrap collected in a tick is the collection share of the metal consumed {@code lagTicks + 1} ticks
     * before (a tick's consumption is known only once it has cleared), tick by tick through a slump in M's
     * demand for metal: at half the demand from tick 60, M collects half as much scrap from tick 64 on.
     */
    @Test
    void scrapCollectedIsTheCollectionShareOfMetalConsumedLagTicksBefore() throws Exception {
        ObjectNode json = world();
        ArrayNode events = json.putArray("events");
        events.addObject().put("type", "demandShift").put("region", "M").put("commodity", "metal")
                .put("multiplier", 0.5).put("start", 60).put("end", 90);
        SupplyShockModel model = run(json);
        World w = model.world();
        SeriesRecorder s = model.series();
        int scrapM = w.market(M, w.commodityIndex("metal-scrap"));
        int metalM = w.market(M, w.commodityIndex("metal"));
        for (int t = 50; t < 110; t++) {
            // Consumption of metal counts the smelter's use of scrap only in the scrap market, so the metal
            // market's consumption is what households took.
            double expected = SHARE * s.get(t - 1 - LAG, metalM, Metric.CONSUMPTION);
            assertEquals(expected, s.get(t, scrapM, Metric.PRODUCTION), 1e-9 * expected, "tick " + t);
        }
        // Households want half as much at any price from tick 60: at tick 59's price the scrap collected would be
        // 0.4 x 0.5 x 307.2 = 61.44. M's price eases a little that week, so they buy a little more than half, and
        // the smelter collects 62.49, within 2%.
        double before = s.get(59, metalM, Metric.CONSUMPTION);
        assertEquals(0.5 * SHARE * before, s.get(60 + 1 + LAG, scrapM, Metric.PRODUCTION), 0.02 * 0.5 * SHARE * before,
                "half the demand, half the scrap, from the fourth tick after the slump");
    }

    /**
     * X's ban on scrap exports to M from tick 120. Before it, M's smelter remelts both regions' scrap: M's own
     * collection, 40% of what M consumes, and X's, 40% of X's consumption at X's own metal price (X's mines
     * alone serve it: {@code S_X(p) = D_X(p)}). M's metal price solves {@code S_M(p) + 0.4 D_M(p) + s_X = D_M(p)}:
     * mines make what households use less the scrap that comes back. After it, M collects {@code 0.4 D_M(p)}
     * at the price that solves {@code S_M(p) + 0.4 D_M(p) = D_M(p)}, and its scrap price rises to what the
     * smelter can pay for it, the metal price less its conversion cost.
     */
    @Test
    void aBanOnScrapExportsRaisesTheImportersScrapPriceToWhatItsSmelterCanPay() throws Exception {
        ObjectNode free = world();
        ObjectNode banned = world();
        ObjectNode ban = banned.putArray("policies").addObject().put("type", "exportBan").put("region", "X")
                .put("start", BAN);
        ban.putArray("commodities").add("metal-scrap");
        ban.putArray("destinations").add("M");

        SupplyShockModel a = run(free);
        SupplyShockModel b = run(banned);
        World w = a.world();
        int scrapM = w.market(M, w.commodityIndex("metal-scrap"));
        int metalM = w.market(M, w.commodityIndex("metal"));

        double pX = root(p -> minesX(p) - demandX(p), 4.0, 50.0);
        double scrapFromX = SHARE * demandX(pX);
        double pFree = root(p -> minesM(p) + SHARE * demandM(p) + scrapFromX - demandM(p), 5.0, 50.0);
        double remeltedFree = SHARE * demandM(pFree) + scrapFromX;
        double pBan = root(p -> minesM(p) + SHARE * demandM(p) - demandM(p), 5.0, 50.0);
        double collectedBan = SHARE * demandM(pBan);
        double conversion = 0.5 + 0.5 * collectedBan / 400;

        near(pFree, mean(a.series(), metalM, Metric.PRICE), "M's metal price with free scrap trade");
        near(remeltedFree, mean(a.series(), scrapM, Metric.CONSUMPTION), "scrap remelted in M with free trade");
        near(scrapFromX, mean(a.series(), scrapM, Metric.IMPORTS), "X's collection is M's imports");
        near(pBan, mean(b.series(), metalM, Metric.PRICE), "M's metal price under the ban");
        near(collectedBan, mean(b.series(), scrapM, Metric.PRODUCTION), "scrap collected in M under the ban");
        near(collectedBan, mean(b.series(), scrapM, Metric.CONSUMPTION), "scrap remelted in M under the ban");
        near(pBan - conversion, mean(b.series(), scrapM, Metric.PRICE), "M's scrap price under the ban");
        assertEquals(0.0, mean(b.series(), scrapM, Metric.IMPORTS), 1e-12, "nothing lands after the ban");
    }

    static void near(double theory, double model, String what) {
        assertEquals(theory, model, 0.02 * Math.abs(theory), what + ": model " + model + ", theory " + theory);
    }
}
