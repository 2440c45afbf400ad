package org.chokepoint.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.chokepoint.agent.Households;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.WorldBuilder;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * The summary's money measures on series written by hand: a three-stage chain (oxide → magnet → motor) in
 * region B, whose every figure the test works out on paper.
 */
class MeasuresTest {
    /** Oxide $40/kg, a magnet $100 and 0.5 kg of oxide, a motor $1,000 and two magnets. */
    private static final String CHAIN = """
            {"meta": {"name": "chain"},
             "time": {"horizonTicks": 104, "ticksPerYear": 52, "discountRate": 0.05, "warmupTicks": 0,
                      "baselineWindowTicks": 1 %s},
             "regions": [{"id": "A"}, {"id": "B"}],
             "commodities": [
               {"id": "oxide", "stage": "refined", "initialPrice": 40, "valuePerUnit": 1},
               {"id": "magnet", "stage": "component", "initialPrice": 100, "valuePerUnit": 1},
               {"id": "motor", "stage": "final", "initialPrice": 1000, "valuePerUnit": 1}],
             "recipes": [
               {"id": "sinter", "output": "magnet", "inputs": [{"commodity": "oxide", "perUnit": 0.5}]},
               {"id": "wind", "output": "motor", "inputs": [{"commodity": "magnet", "perUnit": 2}]}],
             "routes": [{"from": "A", "to": "B", "transitTicks": 1, "costPerUnit": 1}],
             "firms": [
               {"id": "mine", "type": "producer", "region": "A", "commodity": "oxide", "capacity": 100,
                "cost": {"base": 20, "slope": 10, "exponent": 1}},
               {"id": "magnets", "type": "manufacturer", "region": "B", "commodity": "magnet", "capacity": 40,
                "cost": {"base": 10, "slope": 5, "exponent": 1}},
               {"id": "motors", "type": "manufacturer", "region": "B", "commodity": "motor", "capacity": 20,
                "cost": {"base": 50, "slope": 5, "exponent": 1}}],
             "traders": [{"id": "a-b", "commodity": "oxide", "from": "A", "to": "B", "capacityPerTick": 50,
                          "minMargin": 0.02}],
             "demand": [{"region": "B", "commodity": "motor", "baseQuantity": 10, "referencePrice": 1000,
                         "elasticity": -0.5}]}
            """;

    /** A run read back from series the test writes, with the public stock it holds at the end. */
    private static final class Recorded implements RunView {
        final Scenario scenario;
        final World world;
        final SeriesRecorder series;
        final double[] publicStock;

        Recorded(Scenario scenario) {
            this.scenario = scenario;
            world = WorldBuilder.build(scenario);
            series = new SeriesRecorder(scenario.time().horizonTicks(), world.marketCount(), world.regionCount());
            publicStock = new double[world.marketCount()];
        }

        int market(String region, String commodity) {
            return world.market(world.regionIndex(region), world.commodityIndex(commodity));
        }

        void everyTick(String region, String commodity, Metric metric, double value) {
            for (int t = 0; t < horizon(); t++) {
                series.set(t, market(region, commodity), metric, value);
            }
        }

        @Override public Scenario scenario() { return scenario; }
        @Override public World world() { return world; }
        @Override public int horizon() { return scenario.time().horizonTicks(); }
        @Override public SeriesRecorder series() { return series; }
        @Override public boolean reported(int market) { return false; }
        @Override public int firstShockTick() { return scenario.firstShockTick(); }
        @Override public Households households() { return Households.build(scenario.demand(), world, 0, 0); }
        /** Each sector's curve at its base quantity: no trend, shift or noise. */
        @Override public double householdScale(int tick, int h) { return households().baseQuantity(h); }
        @Override public double publicStockAtEnd(int market) { return publicStock[market]; }
        /** No instrument charges the households. */
        @Override public double householdCharges(int tick, int region) { return 0; }
        /** Held by the government of the region it lies in. */
        @Override public double publicStockAtEnd(int market, int region) {
            return region == world.regionOfMarket(market) ? publicStock[market] : 0;
        }
        @Override public void addPrivateStockAtEnd(double[] quantityByMarket, double[] bookValueByMarket) { }
        @Override public void addPlantValueAtEnd(double[] byMarket) { }
        @Override public Map<String, Map<String, Double>> policyIndicators() { return Map.of(); }
    }

    private static Scenario chain(String time) throws Exception {
        return ScenarioLoader.fromText(CHAIN.formatted(time), "chain").scenario();
    }

    @Test
    void downstreamLossIsValueAddedSoAMagnetLostWithItsMotorCountsOnce() throws Exception {
        Recorded cf = new Recorded(chain(""));
        Recorded run = new Recorded(chain(""));
        cf.everyTick("B", "motor", Metric.PRODUCTION, 10);
        cf.everyTick("B", "magnet", Metric.PRODUCTION, 20);
        run.everyTick("B", "motor", Metric.PRODUCTION, 10);
        run.everyTick("B", "magnet", Metric.PRODUCTION, 20);
        // In week 30 no oxide arrives: no magnets, so no motors.
        run.series.set(30, run.market("B", "motor"), Metric.PRODUCTION, 0);
        run.series.set(30, run.market("B", "magnet"), Metric.PRODUCTION, 0);

        // Value added: a motor $1,000 - 2 x $100 = $800, a magnet $100 - 0.5 x $40 = $80.
        assertEquals(800, SummaryCalculator.valueAddedPerUnit(run.world, run.world.commodityIndex("motor")), 1e-12);
        assertEquals(80, SummaryCalculator.valueAddedPerUnit(run.world, run.world.commodityIndex("magnet")), 1e-12);
        double loss = SummaryCalculator.downstreamOutputLoss(run, cf, 0);
        // 10 motors x $800 + 20 magnets x $80 = $9,600, where gross values would count $10,000 + $2,000.
        assertEquals(9_600, loss, 1e-9);
        // With the oxide the magnets would have bought (10 kg x $40), the chain's loss is the motors' value, once.
        assertEquals(10 * 1000.0, loss + 20 * 0.5 * 40, 1e-9);
        assertEquals(9_600, SummaryCalculator.compute(run, cf).totals().downstreamOutputLoss(), 1e-9);
    }

    @Test
    void aShortageIsFinalDemandRationedNotAnIdleFirmsUnmetInputDemand() throws Exception {
        Recorded cf = new Recorded(chain(""));
        Recorded run = new Recorded(chain(""));
        // Households go without 3 motors in week 40; an idle magnet maker's oxide bids go unmet all year.
        run.series.set(40, run.market("B", "motor"), Metric.UNMET_DEMAND, 3);
        run.series.set(40, run.market("B", "motor"), Metric.UNMET_FINAL_DEMAND, 3);
        run.everyTick("B", "oxide", Metric.UNMET_DEMAND, 50);

        Summary.Totals t = SummaryCalculator.compute(run, cf).totals();
        assertEquals(3 * 1000.0, t.finalDemandShortage(), 1e-9, "3 motors at $1,000; the oxide bids count nothing");
    }

    @Test
    void publicStocksAtTheEndAreAnAssetAtTheMarketPriceAndMoneyIsDiscountedToTheDecisionTick() throws Exception {
        // Decided in week 52, at 5% a year; a stockpile agency in B buys motors in week 10.
        Recorded cf = new Recorded(chain(", \"decisionTick\": 52"));
        Recorded run = new Recorded(chain(", \"decisionTick\": 52"));
        int motors = run.market("B", "motor");
        run.everyTick("B", "motor", Metric.PRICE, 1200);
        cf.everyTick("B", "motor", Metric.PRICE, 1200);
        run.series.set(103, motors, Metric.PRICE, 1500);
        cf.series.set(103, motors, Metric.PRICE, 1500);
        // The counterfactual's background stockpile buys 20 motors for $20,000; the run's buys 100 for $100,000.
        cf.series.set(10, motors, Metric.FISCAL_COST, 20_000);
        cf.publicStock[motors] = 20;
        run.series.set(10, motors, Metric.FISCAL_COST, 100_000);
        run.publicStock[motors] = 100;

        Summary s = SummaryCalculator.compute(run, cf);
        Summary.Totals t = s.totals();
        assertEquals(52, t.decisionTick());
        assertEquals(80_000, t.fiscalCost(), 1e-9, "the background's own purchase is in both worlds");
        // 80 more motors held at the last week's $1,500
        assertEquals(120_000, t.publicStockValue(), 1e-9);
        assertEquals(-40_000, t.netFiscalCost(), 1e-9);
        assertEquals(-40_000, t.deadweightLoss(), 1e-9, "bought at $1,000, worth $1,500: a gain");
        // Week 10 is 42 weeks before the decision: $80,000 x 1.05^(42/52) = $83,215.54; the stock is valued at
        // the end of week 104, a year after it: $120,000 / 1.05 = $114,285.71.
        Summary.PresentValues pv = t.presentValues();
        assertEquals(83_215.54, pv.fiscalCost(), 0.01);
        assertEquals(114_285.71, pv.publicStockValue(), 0.01);
        assertEquals(83_215.54 - 114_285.71, pv.deadweightLoss(), 0.02);
        // Incidence: B's taxpayers carry it all, and it adds up to the total.
        Summary.RegionSurplus b = s.regions().get(1);
        assertEquals("B", b.region());
        assertEquals(40_000, b.taxpayerChange(), 1e-9);
        assertEquals(-t.deadweightLoss(), s.regions().get(0).welfareChange() + b.welfareChange(), 1e-9);
    }

    /**
     * Households buy ten motors a week at $1,000 on an isoelastic curve (elasticity −0.5) and nothing above their
     * choke price of $1,500. In week 30 the run's motor costs $2,000 against $1,000 without the shock: the
     * surplus they lose is the area under the curve from $1,000 to $1,500, 10 × 1,000 / 0.5 × (√1.5 − 1) =
     * $4,494.90, and nothing for the $500 above the choke price, at which they had stopped buying; the curve taken
     * up to $2,000 would have lost them 20,000 × (√2 − 1) = $8,284.27.
     */
    @Test
    void consumersLoseNoSurplusForAPriceAboveTheirChokePrice() throws Exception {
        Scenario s = ScenarioLoader.fromText(CHAIN.formatted("").replace("\"elasticity\": -0.5}",
                "\"elasticity\": -0.5, \"chokePrice\": 1500}"), "chain").scenario();
        Recorded cf = new Recorded(s);
        Recorded run = new Recorded(s);
        cf.everyTick("B", "motor", Metric.PRICE, 1000);
        run.everyTick("B", "motor", Metric.PRICE, 1000);
        run.series.set(30, run.market("B", "motor"), Metric.PRICE, 2000);

        assertEquals(-4494.90, SummaryCalculator.compute(run, cf).totals().consumerSurplusChange(), 0.01);
        assertEquals(0, run.households().demand(0, 2000), "nobody buys a motor at $2,000");
    }

    @Test
    void withoutADecisionTickMoneyIsDiscountedToTheFirstShock() throws Exception {
        Scenario s = ScenarioLoader.fromText(CHAIN.formatted("").replace("\"demand\"",
                "\"policies\": [{\"type\": \"exportBan\", \"region\": \"A\", \"commodities\": [\"oxide\"], \"destinations\": [\"B\"],"
                        + " \"announce\": 20, \"start\": 26}], \"demand\""), "chain").scenario();
        assertEquals(20, s.decisionTick(), "the ban's announcement");
        assertEquals(0, chain("").decisionTick(), "no shock: tick 0");
        assertEquals(1.05, SummaryCalculator.discountFactor(0.05, 52, 0, 52), 1e-12, "a year before: compounded");
        assertEquals(1 / 1.05, SummaryCalculator.discountFactor(0.05, 52, 104, 52), 1e-12, "a year after");
    }
}
