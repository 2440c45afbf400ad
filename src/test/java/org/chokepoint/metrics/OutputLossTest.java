package org.chokepoint.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.Commodity;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * Each market's output lost against the counterfactual, read back from the two runs' series, and the
 * downstream markets' losses in value added at initial prices adding up to the run's total downstream output
 * loss.
 */
class OutputLossTest {

    @Test
    void marketOutputLossIsTheCounterfactualsProductionLessTheRunsAndAddsUpToTheDownstreamTotal() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026.json")).scenario();
        RunOutcome o = Simulation.run(s, 3, -1);
        World w = o.model().world();
        int from = SummaryCalculator.window(s.time(), s.firstShockTick(),
                o.model().horizon()).start();
        double downstreamValue = 0;
        double grossValue = 0;
        int checked = 0;
        for (Summary.MarketSummary ms : o.summary().markets()) {
            int m = w.market(w.regionIndex(ms.region()), w.commodityIndex(ms.commodity()));
            double produced = 0;
            double wouldHave = 0;
            for (int t = from; t < o.model().horizon(); t++) {
                produced += o.model().series().get(t, m, Metric.PRODUCTION);
                wouldHave += o.counterfactual().series().get(t, m, Metric.PRODUCTION);
            }
            assertNotNull(ms.outputLoss(), ms.region() + " " + ms.commodity());
            assertEquals(wouldHave - produced, ms.outputLoss(), 1e-9 * Math.max(1, wouldHave));
            if (wouldHave > 0) {
                assertEquals((wouldHave - produced) / wouldHave, ms.outputLossShare(), 1e-12);
                checked++;
            } else {
                assertNull(ms.outputLossShare(), "no share of nothing");
            }
            Commodity c = w.commodity(w.commodityIndex(ms.commodity()));
            if (c.stage().isDownstream()) {
                downstreamValue += ms.outputLoss() * SummaryCalculator.valueAddedPerUnit(w, c.index());
                grossValue += ms.outputLoss() * c.initialPrice() * c.valuePerUnit();
            }
        }
        assertTrue(checked > 3, "markets with production: " + checked);
        double total = o.summary().totals().downstreamOutputLoss();
        assertTrue(total > 0, "the cut-off costs downstream output");
        assertEquals(total, downstreamValue, 1e-9 * total);
        assertTrue(total < grossValue, "resin lost with the circuits made of it is counted once: " + total + " < "
                + grossValue);
        Summary.MarketSummary dialysis = o.summary().markets().stream()
                .filter(ms -> ms.region().equals("JP") && ms.commodity().equals("dialysis-circuit")).findFirst()
                .orElseThrow();
        assertTrue(dialysis.outputLossShare() > 0, "dialysis circuits lose output without cooperation");
    }

    @Test
    void aRunWithoutCounterfactualHasNoOutputLoss() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/rare-earth-baseline.json")).scenario();
        RunOutcome o = Simulation.run(s, 1, 60);
        for (Summary.MarketSummary ms : o.summary().markets()) {
            assertNull(ms.outputLoss());
            assertNull(ms.outputLossShare());
        }
    }
}
