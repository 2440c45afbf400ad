package org.chokepoint.scenario;

import static org.chokepoint.scenario.ScenarioLoaderTest.mutated;
import static org.chokepoint.scenario.ScenarioLoaderTest.problemAt;
import static org.chokepoint.scenario.ScenarioLoaderTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * A trade measure's list of regions names the other side of the border: an exporter's destinations, an importer's
 * exempt origins. The government's own region is never on the other side, so naming it there would quietly do
 * nothing: China capping its oxide "exports" to China caps no ship, and Japan exempting Japanese oxide from its
 * import tariff exempts no cargo, since what Japan's mines sell at home never crosses a border. Validation says so at
 * the entry's pointer. The scenario is {@code scenarios/minimal.json}: CN mines oxide, JP makes magnets from it.
 */
class OwnRegionInTradeListsTest {

    private static final String EXPORTER = "'CN' is the exporting region itself, which the measure does not cover:"
            + " name another region";
    private static final String IMPORTER = "'JP' is the importing region itself, whose own output is no import:"
            + " exempting it does nothing";

    private static String policy(String type, String region, java.util.function.Consumer<ObjectNode> fields) {
        return mutated(s -> {
            ObjectNode p = s.putArray("policies").addObject().put("type", type).put("region", region).put("start", 10);
            fields.accept(p);
        });
    }

    /** China's measure on oxide, its destinations JP and, by mistake, CN. */
    private static String exportMeasure(String type, java.util.function.Consumer<ObjectNode> fields) {
        return policy(type, "CN", p -> {
            p.putArray("commodities").add("oxide");
            p.putArray("destinations").add("JP").add("CN");
            fields.accept(p);
        });
    }

    @Test
    void anExportMeasureCoversOtherRegionsOnly() {
        assertEquals(EXPORTER, problemAt(exportMeasure("exportQuota", p -> p.put("yearlyVolume", 1000)),
                "/policies/0/destinations/1").message());
        assertEquals(EXPORTER, problemAt(exportMeasure("exportBan", p -> { }),
                "/policies/0/destinations/1").message());
        assertEquals(EXPORTER, problemAt(exportMeasure("exportTax", p -> p.put("rate", 0.25)),
                "/policies/0/destinations/1").message());
        assertEquals(EXPORTER, problemAt(exportMeasure("exportSubsidy", p -> p.put("rate", 0.13)),
                "/policies/0/destinations/1").message());
        assertEquals(EXPORTER, problemAt(exportMeasure("exportLicensing", p -> p.put("leadTicks", 4)),
                "/policies/0/destinations/1").message());
    }

    @Test
    void theExporterAloneAsDestinationIsRefusedRatherThanRunAsNoMeasure() {
        String text = policy("exportBan", "CN", p -> {
            p.putArray("commodities").add("oxide");
            p.putArray("destinations").add("CN");
        });
        assertEquals(EXPORTER, problemAt(text, "/policies/0/destinations/0").message());
    }

    /**
     * A quota's share for one destination is drawn only by traders bound there, and a licence office's approval
     * rate for one destination applies only to applications to ship there: with {@code {"CN": 0.5, "JP": 0.5}} half
     * the quota could never be drawn, and an approval rate for China would approve nothing.
     */
    @Test
    void aMeasuresSharesAndRatesByDestinationNameDestinationsItCovers() {
        assertEquals(EXPORTER, problemAt(policy("exportQuota", "CN", p -> {
            p.putArray("commodities").add("oxide");
            p.put("yearlyVolume", 1000);
            p.putObject("destinationShares").put("CN", 0.5).put("JP", 0.5);
        }), "/policies/0/destinationShares/CN").message());
        assertEquals(EXPORTER, problemAt(policy("exportLicensing", "CN", p -> {
            p.putArray("commodities").add("oxide");
            p.put("leadTicks", 4);
            p.putObject("approvalByDestination").put("CN", 0.5);
        }), "/policies/0/approvalByDestination/CN").message());
    }

    /**
     * With Korea in the world and the quota on Japan alone, a share for Korea would lapse unused too. Japan's share,
     * a listed destination, is fine: Korea's is the one problem.
     */
    @Test
    void aShareForARegionTheMeasureDoesNotCoverIsRefused() {
        String text = mutated(s -> {
            s.withArray("regions").addObject().put("id", "KR");
            ObjectNode p = s.putArray("policies").addObject().put("type", "exportQuota").put("region", "CN")
                    .put("start", 10).put("yearlyVolume", 1000);
            p.putArray("commodities").add("oxide");
            p.putArray("destinations").add("JP");
            p.putObject("destinationShares").put("JP", 0.5).put("KR", 0.5);
        });
        ScenarioProblem only = single(text);
        assertEquals("/policies/0/destinationShares/KR", only.pointer());
        assertEquals("destination 'KR' is not among the measure's destinations: JP", only.message());
    }

    /** A key that names no region is said to be unknown, once: not also to be no destination of the measure. */
    @Test
    void anUnknownKeyIsReportedOnce() {
        String text = policy("exportQuota", "CN", p -> {
            p.putArray("commodities").add("oxide");
            p.put("yearlyVolume", 1000);
            p.putArray("destinations").add("JP");
            p.putObject("destinationShares").put("JP", 0.5).put("US", 0.5);
        });
        ScenarioProblem only = single(text);
        assertEquals("/policies/0/destinationShares/US", only.pointer());
        assertEquals("unknown region 'US'; known regions: CN, JP", only.message());
    }

    @Test
    void anImporterExemptsOtherOriginsOnly() {
        assertEquals(IMPORTER, problemAt(policy("tariffRateQuota", "JP", p -> {
            p.put("commodity", "oxide").put("yearlyQuota", 1000).put("outOfQuotaTariff", 0.2);
            p.putArray("exemptOrigins").add("JP");
        }), "/policies/0/exemptOrigins/0").message());
        assertEquals(IMPORTER, problemAt(policy("tariffFloor", "JP", p -> {
            p.put("commodity", "oxide").put("floor", 70);
            p.putArray("exemptOrigins").add("CN").add("JP");
        }), "/policies/0/exemptOrigins/1").message());
    }

    @Test
    void theOtherRegionsAreFine() throws Exception {
        ScenarioLoader.fromText(exportMeasure("exportBan", p -> p.remove("destinations")), "test.json");
        ScenarioLoader.fromText(policy("exportBan", "CN", p -> {
            p.putArray("commodities").add("oxide");
            p.putArray("destinations").add("JP");
        }), "test.json");
        // Exempting China leaves Korea's oxide to levy.
        ScenarioLoader.fromText(mutated(s -> {
            ((ArrayNode) s.get("regions")).addObject().put("id", "KR");
            ((ArrayNode) s.get("routes")).addObject().put("from", "KR").put("to", "JP").put("transitTicks", 1)
                    .put("costPerUnit", 0.5);
            ((ArrayNode) s.get("traders")).addObject().put("id", "kr-jp").put("commodity", "oxide").put("from", "KR")
                    .put("to", "JP").put("capacityPerTick", 10).put("minMargin", 0.02);
            ObjectNode p = s.putArray("policies").addObject().put("type", "tariffFloor").put("region", "JP")
                    .put("start", 10).put("commodity", "oxide").put("floor", 70);
            p.putArray("exemptOrigins").add("CN");
        }), "test.json");
        ScenarioLoader.fromText(policy("exportQuota", "CN", p -> {
            p.putArray("commodities").add("oxide");
            p.put("yearlyVolume", 1000);
            p.putObject("destinationShares").put("JP", 1.0);
        }), "test.json");
    }
}
