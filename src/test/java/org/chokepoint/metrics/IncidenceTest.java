package org.chokepoint.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Who gains and who loses: A's export tax on metal to B, then a tariff-rate quota and a stockpile agency in B.
 * Consumers and producers of each region, B's taxpayers (tariffs collected, purchases paid, stock held at the
 * end) and B's quota-rent holders add up, region by region, to the run's total welfare change.
 */
class IncidenceTest {

    @Test
    void theIncidenceByActorAndRegionAddsUpToTheTotalWelfareChange() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Path.of(IncidenceTest.class.getResource(
                "/scenarios/two-region.json").toURI()).toFile());
        json.set("policies", Json.mapper().readTree("""
                [{"type": "exportTax", "id": "a-tax", "region": "A", "commodities": ["metal"], "rate": 0.3,
                  "announce": 100, "start": 104},
                 {"type": "tariffRateQuota", "id": "b-trq", "region": "B", "commodity": "metal",
                  "outOfQuotaTariff": 0.2, "yearlyQuota": 1500, "start": 60},
                 {"type": "strategicStockpile", "id": "b-stock", "region": "B", "commodity": "metal",
                  "targetDays": 30, "buyBelow": 1.5, "start": 60, "releaseTrigger": {"priceAbove": 3}}]"""));
        Scenario s = ScenarioLoader.fromJson(json, "two-region, taxed").scenario();
        RunOutcome o = Simulation.run(s, 5, -1);
        Summary summary = o.summary();
        Summary.Totals t = summary.totals();

        double welfare = 0;
        double welfarePv = 0;
        for (Summary.RegionSurplus r : summary.regions()) {
            welfare += r.welfareChange();
            welfarePv += r.consumerSurplusChangePv() + r.producerSurplusChangePv() + r.taxpayerChangePv()
                    + r.quotaRentChangePv() + r.traderSurplusChangePv() + r.privateStockValueChangePv();
        }
        assertEquals(-t.deadweightLoss(), welfare, 1e-9 * Math.abs(t.consumerSurplusChange()));
        assertEquals(-t.presentValues().deadweightLoss(), welfarePv, 1e-9 * Math.abs(t.consumerSurplusChange()));

        // Every kind of actor has something at stake, so the sum is not a sum of zeros.
        Summary.RegionSurplus a = summary.regions().get(0);
        Summary.RegionSurplus b = summary.regions().get(1);
        assertTrue(t.levyRevenue() > 0 && t.quotaRent() != 0 && t.publicStockValue() > 0 && t.fiscalCost() > 0
                && t.traderSurplusChange() != 0, t.toString());
        // A's government collects 30% of A's price on every unit that leaves from week 104, at $1,000 a unit of price.
        int aMetal = o.model().world().market(0, 0);
        int bMetal = o.model().world().market(1, 0);
        double tax = 0;
        for (int w = 104; w < o.model().horizon(); w++) {
            tax += 0.3 * o.model().series().get(w, aMetal, Metric.PRICE)
                    * o.model().series().get(w, aMetal, Metric.EXPORTS) * 1000;
        }
        assertEquals(tax, a.taxpayerChange(), 1e-9 * tax, "A's government collects the export tax");
        // B's households lose the area under their curve between the two worlds' prices each week:
        // the integral of 100 (x/10)^-0.8 is 5,000 (x/10)^0.2, at $1,000 a unit of price.
        double curve = 0;
        for (int w = 0; w < o.model().horizon(); w++) {
            curve -= 5000 * 1000 * (Math.pow(o.model().series().get(w, bMetal, Metric.PRICE) / 10, 0.2)
                    - Math.pow(o.counterfactual().series().get(w, bMetal, Metric.PRICE) / 10, 0.2));
        }
        assertEquals(curve, b.consumerSurplusChange(), 1e-9 * Math.abs(curve), "B's households pay more");
        // B's taxpayers: B's tariffs less the agency's net purchases plus the stock it holds at the end.
        double stockAtEnd = o.model().publicStockAtEnd(bMetal);
        double lastPrice = o.model().series().get(o.model().horizon() - 1, bMetal, Metric.PRICE);
        assertEquals(o.model().policyIndicators().get("b-stock").get("stockHeld"), stockAtEnd, 1e-9);
        assertEquals(stockAtEnd * lastPrice * 1000, t.publicStockValue(), 1e-6 * t.publicStockValue(),
                "valued at the last week's price, 1000 dollars a unit of price");
    }
    /**
     * B's agency guarantees A's mines a floor of 11 from week 104 to week 200, buying in A's market
     * ({@code marketRegion}) at most 20 units a week. A's market clears below the floor, so it buys its cap every
     * week it is in force: 96 weeks x 20 = 1,920 units at 11, 1,920 x 11 x $1,000 = $21,120,000 from B's budget,
     * and holds them to the end, in A's market. The stock is B's asset, worth 1,920 x the last week's price in A x
     * $1,000: B's taxpayers are out the outlay less that, A's nothing. Before, the stock went to the region it lay in,
     * A's taxpayers gaining $18.1 m of stock they never paid for and B's losing the whole $21.1 m.
     */
    @Test
    void aStockBoughtAbroadIsTheAssetOfTheGovernmentThatPaidForIt() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Path.of(IncidenceTest.class.getResource(
                "/scenarios/two-region.json").toURI()).toFile());
        json.set("policies", Json.mapper().readTree("""
                [{"type": "purchaseGuarantee", "id": "b-offtake", "region": "B", "marketRegion": "A",
                  "commodity": "metal", "floor": 11, "volumeCapPerTick": 20, "start": 104, "end": 200}]"""));
        Scenario s = ScenarioLoader.fromJson(json, "two-region, B buys in A").scenario();
        RunOutcome o = Simulation.run(s, 1, -1);
        Summary summary = o.summary();
        Summary.Totals t = summary.totals();
        int aMetal = o.model().world().market(0, 0);

        assertEquals(1920, o.model().policyIndicators().get("b-offtake").get("purchased"), 1e-9);
        assertEquals(1920 * 11 * 1000.0, t.fiscalCost(), 1e-6);
        double lastPriceInA = o.model().series().get(o.model().horizon() - 1, aMetal, Metric.PRICE);
        double stock = 1920 * lastPriceInA * 1000;
        assertEquals(stock, t.publicStockValue(), 1e-6);
        // Six years on, long after the guarantee, A's price is back at free trade's: A's mines, 300 (p - 4) / 9, and
        // B's, 50 (p_B - 6) / 9, meet both regions' households, 100 (p / 10)^-0.8 each, with B's price the landed
        // cost over the traders' share, p_B = (p + 0.2) / 0.98, at p = 9.50; 1,920 x 9.50 x $1,000 = $18.24 m. One
        // week's price stands off that by the run's own cycle: 9.44 to 9.60 in week 259 over seeds 1-8, hence 2%.
        assertEquals(1920 * 9.50 * 1000, stock, 0.02 * 1920 * 9.50 * 1000, "a stock worth what A's metal fetches");

        Summary.RegionSurplus a = summary.regions().get(0);
        Summary.RegionSurplus b = summary.regions().get(1);
        assertEquals(0, a.taxpayerChange(), 1e-6, "A's government neither paid nor holds anything");
        assertEquals(-1920 * 11 * 1000.0 + stock, b.taxpayerChange(), 1e-6);
        assertEquals(0, a.taxpayerChangePv(), 1e-6);
        double atEnd = Math.pow(1.03, -(260.0 - s.decisionTick()) / 52);
        assertEquals(-t.presentValues().fiscalCost() + stock * atEnd, b.taxpayerChangePv(), 1e-6);
    }
}
