package org.chokepoint.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.metrics.Metric;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A new release is news to the mines a quota holds of the price their stock will fetch, whichever measure sets it.
 * Region A's mines are held to 8,840 a year, 170 a week, from week 100; from week 152 the release is 7,800 a year,
 * 150 a week (a cut to 150 / 170 = 0.882 of it), or 9,360, 180 a week (a raise to 180 / 170 = 1.059 of it). Written
 * as the quota's second year or as a second quota, in force from week 152, that replaces the first, the release the
 * mines are held to is 170 a week to week 151 and then the new one: the same news the same week, so every market's
 * price is the same in every week.
 */
class QuotaReleaseNewsTest {

    @ParameterizedTest
    @CsvSource({"7800", "9360"})
    void aNewReleaseIsTheSameNewsAsTheQuotasSecondYearOrAsAQuotaThatReplacesIt(int secondYear) throws Exception {
        SupplyShockModel oneQuota = run("""
                [{"type": "productionQuota", "id": "quota", "region": "A", "commodity": "metal",
                  "announce": 100, "start": 100, "yearlyVolumes": [8840, %d]}]""".formatted(secondYear));
        SupplyShockModel replaced = run("""
                [{"type": "productionQuota", "id": "quota", "region": "A", "commodity": "metal",
                  "announce": 100, "start": 100, "yearlyVolumes": [8840]},
                 {"type": "productionQuota", "id": "new-release", "region": "A", "commodity": "metal",
                  "announce": 152, "start": 152, "yearlyVolumes": [%d], "replaces": "quota"}]""".formatted(secondYear));
        for (int t = 0; t < oneQuota.horizon(); t++) {
            for (int m = 0; m < oneQuota.world().marketCount(); m++) {
                assertEquals(oneQuota.series().get(t, m, Metric.PRICE), replaced.series().get(t, m, Metric.PRICE),
                        "price of market " + m + " in week " + t);
            }
        }
    }

    private static SupplyShockModel run(String policies) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper()
                .readTree(Path.of("src/test/resources/scenarios/two-region.json").toFile());
        json.set("policies", Json.mapper().readTree(policies));
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson(json, "two-region under a quota")
                .scenario(), 3, 0);
        model.start();
        model.runToHorizon();
        return model;
    }
}
