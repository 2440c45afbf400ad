package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * A production quota on ore is news to the buyers of everything made from that ore, in the week it is announced,
 * wherever the ore or what is made from it goes.
 *
 * <p>Region X's mines sell ore to a smelter, which makes metal one tonne for one, to an assembler, which puts 0.1 t
 * of it into each kit, and through a trader to M's smelter. In X a remelter makes metal too, from nothing the chain
 * sells, a moulder makes parts from metal, and the assembler makes kits from parts and ore; households buy kits. M
 * makes metal in its smelter and its own remelter, imports more through a second trader, and moulds parts from it for
 * its households. A quota of 24 t a week on X's mines is announced in week 10 for week 20. Going into week 10 the
 * mines normally sell {@code m} a week, X's smelter {@code s}, X's remelter {@code r}, M's smelter {@code s'}, M's
 * remelter {@code r'} and the metal trader {@code l}, so:
 * <ul>
 *   <li>X's ore: the quota holds back {@code h = (m - 24) / m} of the mines' output, the market's whole supply;</li>
 *   <li>X's metal: the smelter makes no more than its ore allows, so {@code h} of its output is held back with it,
 *       and the market's buyers weigh it by the smelter's share of their supply: {@code g = h s / (s + r)};</li>
 *   <li>X's parts: the moulder, the market's only seller, is held back by what holds back the metal it buys;</li>
 *   <li>kits: the assembler makes no more than its scarcer input allows, and of its two inputs ore is the more
 *       threatened: {@code max(h, g) = h}, not the two added;</li>
 *   <li>M's ore, all of it X's output: {@code h};</li>
 *   <li>M's metal: its smelter's output held back by {@code h}, its remelter's by nothing, and the trader's cargo,
 *       X's metal, by {@code g}: {@code (s' h + l g) / (s' + r' + l)};</li>
 *   <li>M's parts: its moulder buys that metal, so its output is held back by the same share.</li>
 * </ul>
 * Nothing is read before the announcement, and without the quota nothing at all.
 */
class QuotaNewsDownTheChainTest {
    private static final String CHAIN = """
            {"meta": {"name": "ore to kits"}, "time": {"horizonTicks": 60},
             "regions": [{"id": "X"}, {"id": "M"}],
             "commodities": [{"id": "ore", "stage": "raw", "initialPrice": 4},
                             {"id": "metal", "stage": "refined", "initialPrice": 10},
                             {"id": "part", "stage": "component", "initialPrice": 20},
                             {"id": "kit", "stage": "final", "initialPrice": 40}],
             "recipes": [{"id": "smelt", "output": "metal", "inputs": [{"commodity": "ore", "perUnit": 1.0}]},
                         {"id": "mould", "output": "part", "inputs": [{"commodity": "metal", "perUnit": 0.5}]},
                         {"id": "assemble", "output": "kit",
                          "inputs": [{"commodity": "part", "perUnit": 1.0}, {"commodity": "ore", "perUnit": 0.1}]}],
             "firms": [
               {"id": "mines", "type": "producer", "region": "X", "commodity": "ore", "capacity": 100,
                "cost": {"base": 1, "slope": 4, "exponent": 2}},
               {"id": "smelter", "type": "manufacturer", "region": "X", "commodity": "metal", "capacity": 60,
                "cost": {"base": 2, "slope": 2, "exponent": 2}},
               {"id": "remelter", "type": "producer", "region": "X", "commodity": "metal", "capacity": 20,
                "cost": {"base": 1, "slope": 8, "exponent": 2}},
               {"id": "moulder", "type": "manufacturer", "region": "X", "commodity": "part", "capacity": 100,
                "cost": {"base": 3, "slope": 2, "exponent": 2}},
               {"id": "assembler", "type": "manufacturer", "region": "X", "commodity": "kit", "capacity": 100,
                "cost": {"base": 5, "slope": 2, "exponent": 2}},
               {"id": "m-smelter", "type": "manufacturer", "region": "M", "commodity": "metal", "capacity": 30,
                "cost": {"base": 2, "slope": 2, "exponent": 2}},
               {"id": "m-remelter", "type": "producer", "region": "M", "commodity": "metal", "capacity": 10,
                "cost": {"base": 1, "slope": 8, "exponent": 2}},
               {"id": "m-moulder", "type": "manufacturer", "region": "M", "commodity": "part", "capacity": 50,
                "cost": {"base": 3, "slope": 2, "exponent": 2}}],
             "routes": [{"from": "X", "to": "M", "transitTicks": 1, "costPerUnit": 0.5}],
             "traders": [{"id": "x-m-ore", "commodity": "ore", "from": "X", "to": "M", "capacityPerTick": 40,
                          "minMargin": 0.02},
                         {"id": "x-m-metal", "commodity": "metal", "from": "X", "to": "M", "capacityPerTick": 20,
                          "minMargin": 0.02}],
             "demand": [{"region": "X", "commodity": "kit", "baseQuantity": 40, "referencePrice": 40,
                         "elasticity": -0.5},
                        {"region": "M", "commodity": "part", "baseQuantity": 30, "referencePrice": 20,
                         "elasticity": -0.5}],
             "behaviour": {"demandNoise": 0.0}}
            """;
    private static final String QUOTA = """
            [{"type": "productionQuota", "id": "ore-quota", "region": "X", "commodity": "ore",
              "announce": 10, "start": 20, "yearlyVolumes": [1248]}]""";
    private static final String[] REGIONS = {"X", "M"};
    private static final String[] GOODS = {"ore", "metal", "part", "kit"};

    @Test
    void theNewsOfAQuotaOnOreReachesTheBuyersOfWhatIsMadeFromItInTheWeekItIsAnnounced() throws Exception {
        SupplyShockModel model = model(QUOTA);
        for (int t = 0; t < 10; t++) {
            model.stepTick();
            assertNoRisk(model, "before the news, week " + t);
        }
        double m = normalSales(model, "mines");
        double s = normalSales(model, "smelter");
        double r = normalSales(model, "remelter");
        double sM = normalSales(model, "m-smelter");
        double rM = normalSales(model, "m-remelter");
        double l = laneSales(model, "x-m-metal");
        model.stepTick();

        double h = (m - 24) / m;
        double g = h * s / (s + r);
        assertEquals(h, risk(model, "X", "ore"), 1e-12, "X's ore: (m - 24) / m");
        assertEquals(g, risk(model, "X", "metal"), 1e-12, "X's metal: h s / (s + r)");
        assertEquals(g, risk(model, "X", "part"), 1e-12, "X's parts: what holds back the moulder's metal");
        assertEquals(h, risk(model, "X", "kit"), 1e-12, "kits: the scarcer of parts and ore, not the two added");
        assertEquals(h, risk(model, "M", "ore"), 1e-12, "M's ore, all of it X's");
        double metalM = (sM * h + l * g) / (sM + rM + l);
        assertEquals(metalM, risk(model, "M", "metal"), 1e-12, "M's metal: (s' h + l g) / (s' + r' + l)");
        assertEquals(metalM, risk(model, "M", "part"), 1e-12, "M's parts: what holds back the metal M's moulder buys");
    }

    @Test
    void withoutAQuotaNobodyReadsARisk() throws Exception {
        SupplyShockModel model = model("[]");
        for (int t = 0; t < 30; t++) {
            model.stepTick();
            assertNoRisk(model, "week " + t);
        }
    }

    private static SupplyShockModel model(String policies) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(CHAIN);
        json.set("policies", Json.mapper().readTree(policies));
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson(json, "ore to kits").scenario(), 1, -1);
        model.start();
        return model;
    }

    private static void assertNoRisk(SupplyShockModel model, String when) {
        for (String region : REGIONS) {
            for (String good : GOODS) {
                assertEquals(0.0, risk(model, region, good), 0.0, region + "'s " + good + " " + when);
            }
        }
    }

    private static double risk(SupplyShockModel model, String region, String good) {
        World w = model.world();
        return model.supplyRisk().of(w.market(w.regionIndex(region), w.commodityIndex(good)));
    }

    private static double laneSales(SupplyShockModel model, String trader) {
        Traders traders = model.traders();
        for (int i = 0; i < traders.count; i++) {
            if (traders.id(i).equals(trader)) {
                return traders.normalSales(i);
            }
        }
        throw new AssertionError("no trader " + trader);
    }

    private static double normalSales(SupplyShockModel model, String firm) {
        Firms firms = model.firms();
        for (int f = 0; f < firms.count; f++) {
            if (firms.id(f).equals(firm)) {
                return firms.normalSales(f);
            }
        }
        throw new AssertionError("no firm " + firm);
    }
}
