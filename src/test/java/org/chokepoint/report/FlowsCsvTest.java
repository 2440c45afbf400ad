package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.model.Simulation;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bilateral trade in a world of one exporter and two like importers. X's mines supply {@code S_X(p) = 20 (p - 2)}
 * up to 200 against X's own demand {@code 100 (p / 5)^-0.5}; M and N each have mines {@code 5 (p - 5)} up to 50 and
 * demand {@code 80 (p / 6)^-0.5}, and each is reached from X at 0.5 a unit. No route joins M and N. At free trade
 * both importers pay {@code P_X + 0.5}, where X's surplus {@code S_X - D_X} meets their two shortfalls
 * {@code 2 (D(P_X + 0.5) - S(P_X + 0.5))}: {@code P_X} = 9.41 and each lane carries 37.7 a week.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowsCsvTest {
    static final int FROM = 200;
    static final int TO = 320;

    static final String WORLD = """
            {"meta": {"name": "one-exporter-two-importers"},
             "time": {"ticksPerYear": 52, "horizonTicks": 320, "warmupTicks": 100, "baselineWindowTicks": 13},
             "regions": [{"id": "X"}, {"id": "M"}, {"id": "N"}],
             "commodities": [{"id": "metal", "stage": "final", "initialPrice": 5.0, "valuePerUnit": 1}],
             "routes": [{"from": "X", "to": "M", "transitTicks": 1, "costPerUnit": 0.5},
                        {"from": "X", "to": "N", "transitTicks": 1, "costPerUnit": 0.5}],
             "firms": [
               {"id": "x-mine", "type": "producer", "region": "X", "commodity": "metal", "count": 10, "capacity": 20,
                "cost": {"base": 2.0, "slope": 10.0, "exponent": 1}, "initialUtilization": 0.5},
               {"id": "m-mine", "type": "producer", "region": "M", "commodity": "metal", "count": 5, "capacity": 10,
                "cost": {"base": 5.0, "slope": 10.0, "exponent": 1}, "initialUtilization": 0.2},
               {"id": "n-mine", "type": "producer", "region": "N", "commodity": "metal", "count": 5, "capacity": 10,
                "cost": {"base": 5.0, "slope": 10.0, "exponent": 1}, "initialUtilization": 0.2}],
             "traders": [
               {"id": "x-to-m", "commodity": "metal", "from": "X", "to": "M", "count": 20, "capacityPerTick": 8,
                "minMargin": {"min": 0.002, "max": 0.01}},
               {"id": "x-to-n", "commodity": "metal", "from": "X", "to": "N", "count": 20, "capacityPerTick": 8,
                "minMargin": {"min": 0.002, "max": 0.01}}],
             "demand": [
               {"region": "X", "commodity": "metal", "baseQuantity": 100, "referencePrice": 5.0, "elasticity": -0.5},
               {"region": "M", "commodity": "metal", "baseQuantity": 80, "referencePrice": 6.0, "elasticity": -0.5},
               {"region": "N", "commodity": "metal", "baseQuantity": 80, "referencePrice": 6.0, "elasticity": -0.5}],
             "behaviour": {"demandNoise": 0.0}}
            """;

    /** X bans shipments to N from week 150; half of what the ban stops goes round it through M. */
    static final String BAN_ROUND_M = """
            [{"type": "exportBan", "region": "X", "commodities": ["metal"], "destinations": ["N"], "start": 150,
              "circumvention": {"via": "M", "extraCostPerUnit": 0.5, "leakRate": 0.5}}]
            """;

    SupplyShockModel model;
    List<CSVRecord> rows;
    SupplyShockModel banned;
    List<CSVRecord> bannedRows;

    @BeforeAll
    void run() throws Exception {
        model = run(null);
        rows = flows(model);
        banned = run(BAN_ROUND_M);
        bannedRows = flows(banned);
    }

    static SupplyShockModel run(String policies) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(WORLD);
        if (policies != null) {
            json.set("policies", Json.mapper().readTree(policies));
        }
        return Simulation.run(ScenarioLoader.fromJson(json, "flows").scenario(), 1, -1).model();
    }

    static List<CSVRecord> flows(SupplyShockModel run) throws Exception {
        StringWriter out = new StringWriter();
        FlowsCsv.write(run, out);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
    }

    static double supplyX(double p) {
        return Math.max(0, Math.min(200, 20 * (p - 2)));
    }

    static double demandX(double p) {
        return 100 * Math.pow(p / 5, -0.5);
    }

    static double shortfall(double p) {
        return 80 * Math.pow(p / 6, -0.5) - Math.max(0, Math.min(50, 5 * (p - 5)));
    }

    @Test
    void theTwoLanesThatCarryAreWrittenInEveryTick() {
        Set<String> lanes = new LinkedHashSet<>();
        for (CSVRecord r : rows) {
            lanes.add(r.get("commodity") + " " + r.get("from") + ">" + r.get("to"));
        }
        assertEquals(List.of("metal X>M", "metal X>N"), new ArrayList<>(lanes));
        assertEquals(2 * model.series().ticks(), rows.size());
    }

    @Test
    void shippedSumsToTheExportersExportsAndLandedToEachImportersImports() {
        World w = model.world();
        SeriesRecorder s = model.series();
        int metal = w.commodityIndex("metal");
        int x = w.market(w.regionIndex("X"), metal);
        int m = w.market(w.regionIndex("M"), metal);
        int n = w.market(w.regionIndex("N"), metal);
        for (int t = 0; t < s.ticks(); t++) {
            CSVRecord toM = rows.get(2 * t);
            CSVRecord toN = rows.get(2 * t + 1);
            assertEquals(Integer.toString(t), toM.get("tick"));
            assertEquals(s.get(t, x, Metric.EXPORTS), value(toM, "shipped") + value(toN, "shipped"), 1e-9,
                    "week " + t + ": X's exports");
            assertEquals(s.get(t, m, Metric.IMPORTS), value(toM, "landed"), 1e-9, "week " + t + ": M's imports");
            assertEquals(s.get(t, n, Metric.IMPORTS), value(toN, "landed"), 1e-9, "week " + t + ": N's imports");
        }
    }

    @Test
    void eachLaneCarriesAnImportersShortfallAtFreeTrade() {
        double lo = 2.5;
        double hi = 12;
        for (int i = 0; i < 200; i++) {
            double p = 0.5 * (lo + hi);
            if (supplyX(p) - demandX(p) - 2 * shortfall(p + 0.5) > 0) {
                hi = p;
            } else {
                lo = p;
            }
        }
        double perLane = shortfall(0.5 * (lo + hi) + 0.5);
        assertEquals(37.7, perLane, 0.05, "the closed form worked above");
        for (int lane = 0; lane < 2; lane++) {
            double shipped = 0;
            double landed = 0;
            for (int t = FROM; t < TO; t++) {
                shipped += value(rows.get(2 * t + lane), "shipped") / (TO - FROM);
                landed += value(rows.get(2 * t + lane), "landed") / (TO - FROM);
            }
            assertEquals(perLane, shipped, 0.02 * perLane, "lane " + lane + " shipped");
            assertEquals(perLane, landed, 0.02 * perLane, "lane " + lane + " landed");
        }
    }

    /**
     * Behind the ban X ships nothing to N as such: the cargo that goes round it is declared to M, so it leaves X
     * for M and lands in N from M, and a third lane, M to N, appears that M's own traders never sailed. X's lane to
     * M then carries M's imports and N's together, and what it ships beyond what lands in M is what lands in N.
     * Summed, the lanes are still every market's exports and imports.
     */
    @Test
    void cargoRoundABanLeavesForTheThirdCountryAndLandsFromIt() {
        Set<String> lanes = new LinkedHashSet<>();
        for (CSVRecord r : bannedRows) {
            lanes.add(r.get("from") + ">" + r.get("to"));
        }
        assertEquals(List.of("X>M", "X>N", "M>N"), new ArrayList<>(lanes));
        World w = banned.world();
        SeriesRecorder s = banned.series();
        int metal = w.commodityIndex("metal");
        double toM = 0;
        double inM = 0;
        double inN = 0;
        for (int t = 0; t < s.ticks(); t++) {
            CSVRecord xm = bannedRows.get(3 * t);
            CSVRecord xn = bannedRows.get(3 * t + 1);
            CSVRecord mn = bannedRows.get(3 * t + 2);
            assertEquals(s.get(t, w.market(w.regionIndex("X"), metal), Metric.EXPORTS),
                    value(xm, "shipped") + value(xn, "shipped"), 1e-9, "week " + t + ": X's exports");
            assertEquals(s.get(t, w.market(w.regionIndex("N"), metal), Metric.IMPORTS),
                    value(xn, "landed") + value(mn, "landed"), 1e-9, "week " + t + ": N's imports");
            assertEquals(0.0, value(mn, "shipped"), "week " + t + ": M ships nothing to N");
            if (t >= FROM && t < TO) {
                assertEquals(0.0, value(xn, "shipped") + value(xn, "landed"), "week " + t + ": nothing as X to N");
                toM += value(xm, "shipped") / (TO - FROM);
                inM += value(xm, "landed") / (TO - FROM);
                inN += value(mn, "landed") / (TO - FROM);
            }
        }
        assertTrue(inN > 0.2 * inM, "the detour carries: " + inN + " a week into N, " + inM + " into M");
        assertEquals(toM - inM, inN, 0.02 * inN, "X ships to M what lands in M and, round the ban, in N");
    }

    private static double value(CSVRecord r, String column) {
        return Double.parseDouble(r.get(column));
    }
}
