package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.WorldBuilder;
import org.junit.jupiter.api.Test;

/**
 * The rare-earth chain of {@code rare-earth-2010.json} without its events or policies, every population at its
 * expected parameters, with China's dysprosium oxide held to a production quota of 229.841 t a year, about 7% of
 * what its separators make.
 */
class ProductionQuotaEquilibriumTest {

    private static Scenario withDyQuota() throws Exception {
        ObjectNode json = ScenarioLoader.load(Path.of("scenarios/rare-earth-2010.json")).json().deepCopy();
        json.set("events", Json.mapper().createArrayNode());
        json.set("policies", Json.mapper().readTree("""
                [{"type": "productionQuota", "id": "dy-quota", "region": "CN", "commodity": "dy-oxide",
                  "volume": 229.841}]"""));
        return ScenarioLoader.fromJson(json, "rare-earth chain with a Chinese Dy oxide quota").scenario();
    }

    /**
     * At tick 30, {@code Q = 229.841 / 52 = 4.42} t of Dy oxide a week. Only China makes it, and every magnet takes
     * 0.03 of it. China's magnet makers, nearest to the separators, take all of it: {@code M = Q / 0.03 = 147.3} t of
     * magnets, no magnet maker elsewhere making any. They use {@code 0.29 M = 42.73} t of NdPr oxide, which China's
     * ten separators of 58.1 t make at {@code 3 + 4.7 (0.29 M / 581)^2}, plus four tonnes of concentrate a tonne,
     * which China's twenty mines of 116 t sell at {@code 1.5 + 2.34 (4 x 0.29 M / 2320)^2 = 1.5127}: NdPr at 9.0762.
     * Dy oxide fetches what the makers' margin leaves, {@code (p_magnet - 0.29 p_NdPr - 25 - 17.9 (M / 1549.5)^2) /
     * 0.03}: about 125,000, beyond a thousand times its initial price of 110, the ceiling of the solves from the
     * initial prices, where Japan's makers still bought Dy with none to be had. The start from the firms' costs lifts
     * the ceiling, but its steps left the rest of the world's concentrate short (its NdPr separator buying a little)
     * at a price below its mines' cost base of 1.8, where neither side of that market answers its price, and did not
     * settle; with each such market lifted to its firms' cost base before each step, they do.
     */
    @Test
    void aQuotaThatHoldsDysprosiumAboveAThousandTimesItsInitialPriceIsSolved() throws Exception {
        assertChinasMakersTakeTheQuota(SpatialEquilibrium.solve(withDyQuota(), 30));
    }

    /**
     * At tick 169 the same quota leaves the same chain: demand has grown, but China's makers still take all 4.42 t of
     * Dy a week and make 147.3 t of magnets, at the same concentrate and NdPr prices. Japan's, the United States' and
     * Europe's NdPr and Dy markets then make, buy and use nothing: their prices are free within a range at which no
     * lane into them pays, and the Newton step's damping leaves its lanes carrying slivers (3e-15 to 4e-7 t a week into
     * Japan's NdPr, none of it bought), each the whole of that market's own volume, so that the report named one
     * "excess demand 1.0 of the volume in JP/ndpr-oxide" after every attempt. Such a sliver is judged against the
     * markets its lanes join, as their own excess is: here China's 42.73 t of NdPr, of which a ten-millionth is 4.3e-6 t.
     */
    @Test
    void aQuotaThatLeavesMarketsTradingNothingIsSolved() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(withDyQuota(), 169);
        assertChinasMakersTakeTheQuota(r);

        double ndpr = 0.29 * 229.841 / 52 / 0.03;
        assertEquals(42.7269, ndpr, 1e-4);
        for (String region : new String[] {"JP", "US", "EU"}) {
            for (String commodity : new String[] {"ndpr-oxide", "dy-oxide"}) {
                EquilibriumResult.MarketResult m = r.market(region, commodity);
                assertEquals(0.0, m.production(), 0.0, region + "/" + commodity);
                assertEquals(0.0, m.consumption(), 0.0, region + "/" + commodity);
                assertEquals(0.0, m.imports() - m.exports(), 1e-7 * ndpr, region + "/" + commodity);
            }
        }
    }

    private static void assertChinasMakersTakeTheQuota(EquilibriumResult r) {
        assertTrue(r.convergence().converged(), r.convergence().toString());
        assertEquals(SpatialEquilibrium.START_COSTS, r.convergence().start());
        double q = 229.841 / 52;
        double magnets = q / 0.03;
        assertEquals(q, r.market("CN", "dy-oxide").production(), 1e-9 * q);
        assertEquals(q, r.market("CN", "dy-oxide").intermediateUse(), 1e-9 * q);
        assertEquals(magnets, r.market("CN", "ndfeb-magnet").production(), 1e-9 * magnets);
        for (String region : new String[] {"JP", "US", "EU"}) {
            assertEquals(0.0, r.market(region, "dy-oxide").consumption(), 1e-9 * q, region);
            assertEquals(0.0, r.market(region, "ndfeb-magnet").production(), 1e-9 * magnets, region);
        }

        double ndpr = 0.29 * magnets;
        double lree = 1.5 + 2.34 * Math.pow(4 * ndpr / (20 * 116), 2);
        double ndprPrice = 3 + 4.7 * Math.pow(ndpr / (10 * 58.1), 2) + 4 * lree;
        assertEquals(1.5127, lree, 1e-4);
        assertEquals(9.0762, ndprPrice, 1e-4);
        assertEquals(lree, r.market("CN", "lree-concentrate").price(), 1e-9 * lree);
        assertEquals(ndprPrice, r.market("CN", "ndpr-oxide").price(), 1e-9 * ndprPrice);
        double magnetPrice = r.market("CN", "ndfeb-magnet").price();
        double dy = (magnetPrice - 0.29 * ndprPrice - 25 - 17.9 * Math.pow(magnets / (30 * 51.65), 2)) / 0.03;
        assertEquals(dy, r.market("CN", "dy-oxide").price(), 1e-9 * dy);
        assertTrue(dy > 1000 * 110, "Dy oxide at " + dy);
        // China's magnets reach Japan at a route cost of 0.15, the traders keeping 3% of Japan's price.
        assertEquals(0.97 * r.market("JP", "ndfeb-magnet").price() - 0.15, magnetPrice, 1e-9 * magnetPrice);
        // Japan's makers, at Japan's prices, would net no more than their cost base of 27 a tonne of magnets.
        double japan = r.market("JP", "ndfeb-magnet").price() - 0.29 * r.market("JP", "ndpr-oxide").price()
                - 0.03 * r.market("JP", "dy-oxide").price();
        assertTrue(japan <= 27, "Japan's makers net " + japan);
    }

    /**
     * The same quota solved only from the initial prices, as the first attempt solves it: Japan's Dy oxide stops at
     * its ceiling, a thousand times its initial price of 110, with Japan's makers still short of Dy, and the failure
     * says so rather than leaving "excess demand 1.0 of the volume in JP/dy-oxide" to read as a sliver.
     */
    @Test
    void aSolveHeldBelowTheEquilibriumByACeilingSaysSo() throws Exception {
        Scenario s = withDyQuota();
        Network net = Network.build(s, WorldBuilder.build(s), 30, FirmParameters.expected(s),
                TraderParameters.expected(s), EquilibriumOptions.DEFAULTS);
        PriceSolver solver = new PriceSolver(net, EquilibriumOptions.DEFAULTS.tolerance(),
                EquilibriumOptions.DEFAULTS.maxRounds(), SpatialEquilibrium.START_INITIAL, false, false, false,
                false, false, false);

        EquilibriumException e = assertThrows(EquilibriumException.class, solver::solve);

        String m = e.getMessage();
        assertTrue(m.contains("excess demand 1.0 of the volume in JP/dy-oxide (short by "), m);
        assertTrue(m.contains(" at its ceiling of 110000.0, which its equilibrium may lie above)"), m);
    }

    /**
     * One market, ten operating plants and ten mothballed ones, each of 10 on {@code 2 + 10 q/10}, households
     * buying {@code 240 - 15 p} (120 at 8, elasticity -1, linear), and a quota of 1,040 a year, 20 a week, from week
     * 10. Without the quota the operating plants make {@code 10 (p - 2) = 240 - 15 p}: 84 at 10.4. Under it they make
     * 20, 2 each, and the households pay {@code (240 - 20) / 15 = 14.667}. Counting the mothballed plants as
     * producing, the quota is shared over all twenty, 1 each, and the price is the same: the plants restarted would
     * be held to it as the others are. Left out of the share, they made {@code 10 (p - 2)} besides the 20, the
     * market cleared at {@code 20 + 10 (p - 2) = 240 - 15 p}, 9.6, and the twenty made 96 under a quota of 20.
     */
    @Test
    void mothballedPlantsCountedAsProducingShareTheQuota() throws Exception {
        Scenario s = ScenarioLoader.fromText("""
                {"meta": {"name": "quota-and-idle-plants"},
                 "time": {"ticksPerYear": 52, "horizonTicks": 400},
                 "regions": [{"id": "X"}],
                 "commodities": [{"id": "widget", "stage": "final", "initialPrice": 5.0}],
                 "firms": [
                   {"id": "maker", "type": "producer", "region": "X", "commodity": "widget", "count": 10,
                    "capacity": 10, "cost": {"base": 2.0, "slope": 10.0, "exponent": 1}},
                   {"id": "idle", "type": "producer", "region": "X", "commodity": "widget", "count": 10,
                    "capacity": 10, "cost": {"base": 2.0, "slope": 10.0, "exponent": 1}, "status": "mothballed"}],
                 "demand": [{"region": "X", "commodity": "widget", "baseQuantity": 120, "referencePrice": 8.0,
                             "elasticity": -1.0, "form": "linear"}],
                 "policies": [{"type": "productionQuota", "id": "quota", "region": "X", "commodity": "widget",
                               "yearlyVolumes": [1040], "start": 10}],
                 "behaviour": {"demandNoise": 0.0}}""", "quota and idle plants").scenario();
        double before = 10.4;
        double under = 220.0 / 15;
        assertEquals(before, SpatialEquilibrium.solve(s, 0).market("X", "widget").price(), 1e-6 * before);
        EquilibriumResult operating = SpatialEquilibrium.solve(s, 20);
        assertEquals(under, operating.market("X", "widget").price(), 1e-6 * under);
        assertEquals(20.0, operating.market("X", "widget").production(), 1e-6 * 20);

        EquilibriumResult all = SpatialEquilibrium.solve(s, 20, EquilibriumOptions.DEFAULTS.withMothballed(true));
        assertTrue(all.convergence().converged(), all.convergence().toString());
        assertEquals(under, all.market("X", "widget").price(), 1e-6 * under);
        assertEquals(20.0, all.market("X", "widget").production(), 1e-6 * 20);
        for (EquilibriumResult.FirmResult f : all.firms()) {
            assertEquals(1.0, f.output(), 1e-6, f.id());
        }
    }
}
