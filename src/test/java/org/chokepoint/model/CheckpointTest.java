package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sim.engine.SimState;

/**
 * A run saved by MASON's checkpoint half way and restored runs on to the same end, bit for bit, as the run that
 * never stopped: every participant's state (stocks, cargo at sea, expectations, a quota's licences, a
 * consortium's members and its audit, the generators) is in the checkpoint.
 */
class CheckpointTest {

    @ParameterizedTest
    @CsvSource({"scenarios/rare-earth-2010.json, 150, 2", "scenarios/naphtha-hormuz-2026-case6-7.json, 120, 1",
            // While the consortium acts, with its cargo at sea on order for its members.
            "scenarios/naphtha-hormuz-2026-case6-7.json, 75, 1",
            "scenarios/ndpr-price-floor-2025.json, 60, 1",
            // Before the licensing office's first capacity step and between two (steps at ticks 147, 152 and 156).
            "scenarios/gallium-2023.json, 145, 1", "scenarios/gallium-2023.json, 150, 2",
            // Before the United States is let in to the office (tick 253) and denied again (308); and during the
            // suspension, with its applications waiting and licences held when the denial returns.
            "scenarios/gallium-2023.json, 250, 1", "scenarios/gallium-2023.json, 300, 2"})
    void aRestoredRunEndsWhereTheRunThatNeverStoppedEnds(String file, int stopAt, int threads) throws Exception {
        restoredRunEndsAlike(ScenarioLoader.load(Path.of(file)).scenario(), stopAt, threads);
    }

    /**
     * A production quota on the exporter's mines, 170 a week announced in week 80 for week 100, replaced in week
     * 180 by one of 150 announced in week 140: saved while the first is news before it starts, and while the
     * first is in force and the second news.
     */
    @ParameterizedTest
    @CsvSource({"90, 1", "160, 2"})
    void aRunUnderProductionQuotasIsRestoredToo(int stopAt, int threads) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper()
                .readTree(Path.of("src/test/resources/scenarios/two-region.json").toFile());
        json.set("policies", Json.mapper().readTree("""
                [{"type": "productionQuota", "id": "quota", "region": "A", "commodity": "metal",
                  "announce": 80, "start": 100, "yearlyVolumes": [8840]},
                 {"type": "productionQuota", "id": "tighter-quota", "region": "A", "commodity": "metal",
                  "announce": 140, "start": 180, "yearlyVolumes": [7800], "replaces": "quota"}]"""));
        restoredRunEndsAlike(ScenarioLoader.fromJson(json, "two-region under quotas").scenario(), stopAt, threads);
    }

    /**
     * The NdPr study with a production quota of 3,000 t a year on the rest of the world's separators (Lynas among
     * them), binding in twenty of its weeks, a standard in Japan certifying their output, and an outage of 40% of
     * their plants in weeks 60 to 90: saved with the quota and the standard in force, once
     * before the outage and once during it.
     */
    @ParameterizedTest
    @CsvSource({"55, 1", "75, 2"})
    void aRunUnderAQuotaAStandardAndAnOutageIsRestoredToo(int stopAt, int threads) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Path.of("scenarios/ndpr-price-floor-2025.json").toFile());
        json.set("events", Json.mapper().readTree("""
                [{"type": "capacityOutage", "id": "row-outage", "region": "ROW", "commodity": "ndpr-oxide",
                  "share": 0.4, "start": 60, "end": 90}]"""));
        json.withArray("policies").add(Json.mapper().readTree("""
                {"type": "productionQuota", "id": "row-quota", "region": "ROW", "commodity": "ndpr-oxide",
                 "start": 30, "yearlyVolumes": [3000]}"""));
        json.withArray("policies").add(Json.mapper().readTree("""
                {"type": "resilienceStandard", "id": "jp-standard", "region": "JP", "commodity": "ndpr-oxide",
                 "mandateShare": 0.6, "certifiedRegions": ["US", "ROW", "AU"], "start": 26}"""));
        ((ObjectNode) json.get("time")).put("horizonTicks", 160);
        restoredRunEndsAlike(ScenarioLoader.fromJson(json, "ndpr under a quota and a standard").scenario(), stopAt,
                threads);
    }

    private static void restoredRunEndsAlike(Scenario scenario, int stopAt, int threads) throws Exception {
        SupplyShockModel run = new SupplyShockModel(scenario, 3, 0);
        run.setTickThreads(threads);
        run.start();
        while (run.tick() < stopAt) {
            run.stepTick();
        }
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        run.writeToCheckpoint(saved);
        run.runToHorizon();

        SupplyShockModel restored = (SupplyShockModel) SimState.readFromCheckpoint(
                new ByteArrayInputStream(saved.toByteArray()));
        assertNotSame(run, restored);
        assertEquals(stopAt, restored.tick(), "the checkpoint holds the tick it was taken at");
        // The scenario is saved as its JSON and read back: every event, policy and consortium into its record.
        assertEquals(Json.mapper().writeValueAsString(scenario), Json.mapper().writeValueAsString(restored.scenario()));
        assertEquals(scenario.events(), restored.scenario().events());
        assertEquals(scenario.policies(), restored.scenario().policies());
        assertEquals(scenario.consortia(), restored.scenario().consortia());
        restored.runToHorizon();

        SeriesRecorder a = run.series();
        SeriesRecorder b = restored.series();
        for (int t = 0; t < run.horizon(); t++) {
            for (int m = 0; m < run.world().marketCount(); m++) {
                for (Metric metric : Metric.values()) {
                    String where = metric + " of market " + m + " at tick " + t;
                    assertEquals(Double.doubleToRawLongBits(a.get(t, m, metric)),
                            Double.doubleToRawLongBits(b.get(t, m, metric)), where);
                }
                for (int r = 0; r < a.regions(); r++) {
                    assertEquals(a.importsFrom(t, m, r), b.importsFrom(t, m, r));
                    assertEquals(a.exportsTo(t, m, r), b.exportsTo(t, m, r));
                }
            }
        }
        assertEquals(run.policyIndicators(), restored.policyIndicators());
        for (int i = 0; i < run.consortia().size(); i++) {
            assertEquals(run.consortia().get(i).report(), restored.consortia().get(i).report());
        }
        restored.finish();
    }
}
