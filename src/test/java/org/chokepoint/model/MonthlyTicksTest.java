package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.chokepoint.antitrust.ComplianceAuditor;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.TickTime;
import org.junit.jupiter.api.Test;

/**
 * The naphtha case-6/7 scenario restated with a tick a month ({@code ticksPerYear} 12): every span it states in
 * ticks and every quantity per tick converted, every rate per tick compounded. Its windows stated in weeks are
 * then months: the consortium notices the cut-off about as many months after the closure as in the weekly
 * scenario, and days of cover average use over the months the setting names.
 */
class MonthlyTicksTest {
    private static final Path WEEKLY = Path.of("scenarios/naphtha-hormuz-2026-case6-7.json");
    /** Months in a week. */
    private static final double F = 12.0 / 52;

    @Test
    void spansStatedInWeeksAreMonthsWhenATickIsAMonth() {
        assertEquals(3.0, TickTime.ticks(13, 12), 1e-12, "a quarter is three months");
        assertEquals(1.0 / 3, TickTime.averageWeight(13, 12), 1e-12);
        assertEquals(2, TickTime.wholeTicks(8, 12, 1), "eight weeks are two months, rounded");
        assertEquals(1.0 / 13.0, TickTime.averageWeight(13, 52), 0.0, "and exactly what weekly ticks always had");
        assertEquals(0.25, TickTime.averageWeight(4, 52), 0.0);
        assertEquals(0.05, TickTime.averageWeight(20, 52), 0.0);
        assertEquals(1.0, TickTime.averageWeight(2, 12), 0.0, "a span shorter than a tick is just the last tick");
    }

    @Test
    void theConsortiumNoticesTheCutOffAsManyMonthsAfterTheClosureAsWithWeeklyTicks() throws Exception {
        JsonNode weekly = Json.mapper().readTree(WEEKLY.toFile());
        int closureWeek = weekly.at("/events/0/start").asInt();
        SupplyShockModel byWeek = run(weekly);
        SupplyShockModel byMonth = run(monthly(weekly));

        double weeklyMonths = firstActive(byWeek) * F;
        int monthlyMonth = firstActive(byMonth);
        int closureMonth = (int) Math.round(closureWeek * F);
        assertTrue(monthlyMonth > closureMonth, "acts after the closure: month " + monthlyMonth);
        // Eight weeks of averaging are two monthly ticks; had the window stayed eight ticks, eight months. A
        // monthly tick acts on a whole month, up to a month after the weekly world; and the weekly consortium acts
        // in week 67 (15.5 months), one week earlier than when manufacturers bid their inputs at one limit (week
        // 68), against month 17 with monthly ticks: within two months, as against six without the conversion.
        assertEquals(weeklyMonths, monthlyMonth, 2.0, "weekly ticks act " + weeklyMonths + " months in");
        assertTrue(byMonth.consortia().get(0).violations().isEmpty(), byMonth.consortia().get(0).violations().toString());
        finite(byMonth.series());
    }

    @Test
    void daysOfCoverAverageUseOverTheMonthsTheSettingNames() throws Exception {
        ObjectNode json = monthly(Json.mapper().readTree(WEEKLY.toFile()));
        ((ObjectNode) json.get("outputs")).put("daysOfCoverWeeks", 13);
        SeriesRecorder s = run(json).series();
        double daysPerTick = 365.0 / 12;
        double weight = 1.0 / 3; // thirteen weeks are three months
        int checked = 0;
        for (int m = 0; m < s.markets(); m++) {
            for (int t = 1; t < s.ticks(); t++) {
                double before = absorption(s, t - 1, m, daysPerTick);
                double now = absorption(s, t, m, daysPerTick);
                if (Double.isNaN(before) || Double.isNaN(now)) {
                    continue;
                }
                double use = s.get(t, m, Metric.CONSUMPTION) + s.get(t, m, Metric.EXPORTS);
                assertEquals(before + weight * (use - before), now, 1e-9 * Math.max(1, now), "market " + m + " tick " + t);
                checked++;
            }
        }
        assertTrue(checked > 100, "ticks checked: " + checked);
    }

    /**
     * A seller offers a week and a half of its sales in a tick (offerWeeks), a trader holds two weeks of them once a
     * tick's sales are made (trading.stockCoverWeeks): a week's flow and a margin. With a tick a month the flow is
     * the month's and the margin the same half week or week, 1 + 0.5 x 12/52 and 1 + 12/52 ticks; read as calendar
     * weeks alone they were 0.35 and 0.46 of a tick, less than a tick's orders.
     */
    @Test
    void aSpanThatBuffersATicksFlowIsTheTicksFlowAndItsMarginWhenATickIsAMonth() {
        assertEquals(1.5, TickTime.bufferTicks(1.5, 52), 0.0, "exactly the weeks with weekly ticks");
        assertEquals(2.0, TickTime.bufferTicks(2, 52), 0.0);
        assertEquals(1 + 0.5 * F, TickTime.bufferTicks(1.5, 12), 1e-12);
        assertEquals(1 + F, TickTime.bufferTicks(2, 12), 1e-12);
        assertEquals(1.5 * 365 / 52, TickTime.bufferTicks(1.5, 365), 1e-12, "calendar weeks where a tick is a day");
    }

    /**
     * The stocked region (oxide mined, stocked and made into magnets in one region) without shocks or demand noise,
     * stated with a tick a month, starts at its equilibrium and stays there: every price within 0.1% of its start
     * over 40 months. When a seller at its target offered a week and a half of a month's sales, Japan's oxide rose
     * to 8.5 times its start.
     */
    @Test
    void aMonthlyWorldWithoutShocksStaysAtRest() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Path.of("src/test/resources/scenarios/stocked-region.json")
                .toFile());
        ObjectNode time = (ObjectNode) json.get("time");
        time.put("ticksPerYear", 12).put("horizonTicks", 40);
        json.withObject("/behaviour").put("demandNoise", 0.0);
        json.remove("events");
        json.remove("policies");
        SeriesRecorder s = run(json).series();
        for (int m = 0; m < s.markets(); m++) {
            double start = s.get(0, m, Metric.PRICE);
            for (int t = 0; t < 40; t++) {
                assertEquals(start, s.get(t, m, Metric.PRICE), 1e-3 * start, "market " + m + ", month " + t);
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static SupplyShockModel run(JsonNode json) throws Exception {
        SupplyShockModel m = new SupplyShockModel(ScenarioLoader.fromJson(json, "naphtha").scenario(), 4, -1);
        m.start();
        m.runToHorizon();
        return m;
    }

    private static int firstActive(SupplyShockModel m) {
        @SuppressWarnings("unchecked")
        List<ComplianceAuditor.Period> periods =
                (List<ComplianceAuditor.Period>) m.consortia().get(0).report().get("activePeriods");
        assertFalse(periods.isEmpty(), "the consortium acts");
        assertEquals("cut-off observed", periods.get(0).basis());
        return periods.get(0).from();
    }

    /** The use days of cover were counted in, read back from the stock and the days. */
    private static double absorption(SeriesRecorder s, int t, int m, double daysPerTick) {
        double days = s.get(t, m, Metric.INVENTORY_DAYS);
        double stock = s.get(t, m, Metric.STOCK);
        return Double.isFinite(days) && days > 0 && stock > 1e-9 ? stock * daysPerTick / days : Double.NaN;
    }

    private static void finite(SeriesRecorder s) {
        for (int t = 0; t < s.ticks(); t++) {
            for (int m = 0; m < s.markets(); m++) {
                for (Metric metric : Metric.ALL) {
                    double v = s.get(t, m, metric);
                    assertTrue(Double.isFinite(v) || (metric == Metric.INVENTORY_DAYS && Double.isNaN(v)),
                            metric + " at tick " + t + " market " + m + ": " + v);
                }
            }
        }
    }

    /** The weekly scenario restated in months. */
    static ObjectNode monthly(JsonNode weekly) {
        ObjectNode m = weekly.deepCopy();
        ObjectNode time = (ObjectNode) m.get("time");
        time.put("ticksPerYear", 12);
        months(time, "horizonTicks", 52 * 10);
        months(time, "warmupTicks", 104);
        months(time, "baselineWindowTicks", 13);
        m.get("routes").forEach(r -> months((ObjectNode) r, "transitTicks", 0));
        m.get("events").forEach(e -> {
            months((ObjectNode) e, "start", 0);
            if (e.has("end")) {
                months((ObjectNode) e, "end", 0);
            }
        });
        m.get("consortia").forEach(c -> {
            months((ObjectNode) c, "graceTicks", 4);
            months((ObjectNode) c, "baselineWindowTicks", 13);
            ((ObjectNode) c).put("joinCoverTicks", c.path("joinCoverTicks").asDouble(8) * F);
        });
        m.get("firms").forEach(f -> perMonth((ObjectNode) f, "capacity"));
        m.get("traders").forEach(t -> perMonth((ObjectNode) t, "capacityPerTick"));
        m.get("demand").forEach(d -> ((ObjectNode) d).put("baseQuantity", d.get("baseQuantity").asDouble() / F));
        ObjectNode b = m.withObjectProperty("behaviour");
        b.put("stockCoverTicks", b.path("stockCoverTicks").asDouble(4) * F);
        b.put("inputCoverTicks", b.path("inputCoverTicks").asDouble(6) * F);
        b.put("stockAdjustTicks", Math.max(1, b.path("stockAdjustTicks").asDouble(8) * F));
        compound(b, "expectationRate", 0.08);
        compound(b, "priceAdjustment", 0.25);
        compound(b, "outputAdjustment", 0.2);
        compound(b, "contractPriceAdjustment", 0.02);
        b.put("demandNoisePersistence", Math.pow(b.path("demandNoisePersistence").asDouble(0.8), 1 / F));
        months(b.withObjectProperty("investment"), "patienceTicks", 26);
        ObjectNode lead = b.withObjectProperty("investment").withObjectProperty("defaultLeadTicks");
        months(lead, "raw", 156);
        months(lead, "refined", 78);
        months(lead, "component", 52);
        months(lead, "final", 26);
        months(b.withObjectProperty("exit"), "mothballAfterTicks", 26);
        months(b.withObjectProperty("exit"), "exitAfterTicks", 260);
        months(b.withObjectProperty("thrift"), "patienceTicks", 13);
        months(b.withObjectProperty("speculation"), "horizonTicks", 26);
        return m;
    }

    private static void months(ObjectNode o, String field, int weeksByDefault) {
        int weeks = o.path(field).asInt(weeksByDefault);
        o.put(field, (int) Math.max(field.equals("start") || field.equals("transitTicks") ? 0 : 1,
                Math.round(weeks * F)));
    }

    private static void perMonth(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        if (v.isNumber()) {
            o.put(field, v.asDouble() / F);
        } else {
            ObjectNode p = (ObjectNode) v;
            for (String k : List.of("min", "max", "median")) {
                if (p.has(k)) {
                    p.put(k, p.get(k).asDouble() / F);
                }
            }
        }
    }

    /** A rate per week as the rate per month that closes the same share of a gap. */
    private static void compound(ObjectNode b, String field, double weeklyByDefault) {
        double weekly = b.path(field).asDouble(weeklyByDefault);
        b.put(field, 1 - Math.pow(1 - weekly, 1 / F));
    }
}
