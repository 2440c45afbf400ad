package org.chokepoint.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each exporter instrument alone, on an exporter A shipping one metal to an importer B (which has some
 * costlier mines of its own), against figures computed by hand from the instrument's parameters.
 */
class ExportMeasuresTest {
    private static final Path SCENARIO = Path.of("src/test/resources/scenarios/two-region.json");
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    private static final int START = 120;
    /** A's ban on its metal to B from START, half of what it stops going round through C at 0.5 a unit more. */
    private static final String BAN_ON_B_LEAKING_ROUND_C = "{\"type\":\"exportBan\",\"region\":\"A\","
            + "\"commodities\":[\"metal\"],\"destinations\":[\"B\"],\"start\":" + START + ","
            + "\"circumvention\":{\"via\":\"C\",\"extraCostPerUnit\":0.5,\"leakRate\":0.5}}";

    /** The scenario's own behaviour: precaution as its defaults have it. */
    private static SupplyShockModel run(String policies, int seed) throws Exception {
        return run(policies, seed, Double.NaN);
    }

    /**
     * @param coverWeeksAtFullRisk the buyers' precautionary cover at full risk; 0 turns precaution off, NaN leaves
     *                             the default
     */
    private static SupplyShockModel run(String policies, int seed, double coverWeeksAtFullRisk) throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(SCENARIO.toFile());
        JsonNode p = Json.mapper().readTree(policies);
        root.set("policies", p);
        if (!Double.isNaN(coverWeeksAtFullRisk)) {
            ObjectNode behaviour = root.has("behaviour") ? (ObjectNode) root.get("behaviour") : root.putObject("behaviour");
            behaviour.putObject("precaution").put("coverWeeksAtFullRisk", coverWeeksAtFullRisk);
        }
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson(root, "two-region").scenario(), seed, -1);
        model.start();
        model.runToHorizon();
        return model;
    }

    private static double mean(SeriesRecorder s, int region, Metric metric, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += s.get(t, region, metric);
        }
        return sum / (to - from);
    }

    private static double gap(SeriesRecorder s, int from, int to) {
        return mean(s, B, Metric.PRICE, from, to) - mean(s, A, Metric.PRICE, from, to);
    }

    /** A's and B's households' demand, 100 (p / 10)^-0.8. */
    private static double demand(double p) {
        return 100 * Math.pow(p / 10, -0.8);
    }

    /** What A's ten mines, each 30 at a marginal cost of 4 + 9 q / 30, make at p beyond what A's households buy. */
    private static double spareA(double p) {
        return 300 * (p - 4) / 9 - demand(p);
    }

    /** What B's households buy at p beyond what B's five mines, 10 each at 6 + 9 q / 10, make. */
    private static double shortB(double p) {
        return demand(p) - 50 * (p - 6) / 9;
    }

    /** The lane's traders' minMargin weighted by their capacity: they ask their landed cost times one plus it. */
    private static double margin(SupplyShockModel m) {
        double capacity = 0;
        double weighted = 0;
        for (int i = 0; i < m.traders().count; i++) {
            capacity += m.traders().capacity(i);
            weighted += m.traders().capacity(i) * m.traders().minMargin(i);
        }
        return weighted / capacity;
    }

    /**
     * A's price at rest when what A spares crosses to B and B's price is what it lands at, {@code landed(p_A)},
     * marked up by the traders' margin.
     */
    private static double priceA(DoubleUnaryOperator landed, double margin) {
        return TextbookTest.root(p -> spareA(p) - shortB(landed.applyAsDouble(p) * (1 + margin)), 4, 20);
    }

    @Test
    void aBindingQuotaCapsExportsAtTheQuotaAndOpensAPriceGap() throws Exception {
        double yearly = 2600; // 50 a week against free exports of about 75
        SupplyShockModel free = run("[]", 7);
        SupplyShockModel quota = run("[{\"type\":\"exportQuota\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"yearlyVolume\":" + yearly + ",\"start\":" + START + "}]", 7);
        SeriesRecorder s = quota.series();
        for (int year = START; year + 52 <= s.ticks(); year += 52) {
            double shipped = 0;
            for (int t = year; t < year + 52; t++) {
                shipped += s.get(t, A, Metric.EXPORTS);
            }
            // Traders want about 75 a week against the quota's 50: every quota year ships the whole 2,600.
            assertEquals(yearly, shipped, 1e-9 * yearly, "the quota binds, quota year from " + year);
        }
        // Free, B's price is A's plus the freight of 0.2, marked up by the traders' margin m (0.01851 on seed 7):
        // p_A = 9.505, p_B = 9.885, a gap of 0.380, and A ships what it spares, 79.35 a week.
        double m = margin(free);
        double freeA = priceA(p -> p + 0.2, m);
        double freeB = (freeA + 0.2) * (1 + m);
        assertEquals(79.35, spareA(freeA), 0.005, "free exports by hand");
        TextbookTest.near(spareA(freeA), mean(free.series(), A, Metric.EXPORTS, START, 260), "free exports: ES_A = ED_B");
        TextbookTest.near(freeB - freeA, gap(free.series(), START, 260), "the free gap: freight and margin");
        // Held to 50 a week, A's price clears A's market against the quota, 300 (p - 4) / 9 - 100 (p / 10)^-0.8 = 50
        // at p_A = 8.818, and B's clears B's, 100 (p / 10)^-0.8 - 50 (p - 6) / 9 = 50 at p_B = 12.276: a gap of
        // 3.459, which neither the freight nor the traders' margins enter. Once the first weeks' swings are past
        // (from week 180) the model is there within 2%.
        double pa = TextbookTest.root(p -> 300 * (p - 4) / 9 - 100 * Math.pow(p / 10, -0.8) - 50, 4, 20);
        double pb = TextbookTest.root(p -> 100 * Math.pow(p / 10, -0.8) - 50 * (p - 6) / 9 - 50, 6, 40);
        assertEquals(8.818, pa, 5e-4, "p_A by hand");
        assertEquals(12.276, pb, 5e-4, "p_B by hand");
        TextbookTest.near(pa, mean(s, A, Metric.PRICE, 180, 260), "P_A: ES_A = quota");
        TextbookTest.near(pb, mean(s, B, Metric.PRICE, 180, 260), "P_B: ED_B = quota");
        TextbookTest.near(pb - pa, gap(s, 180, 260), "the gap P_B - P_A");
        // The exporter's price falls from 9.505 free to the quota's 8.818.
        TextbookTest.near(freeA, mean(free.series(), A, Metric.PRICE, START + 13, 260), "P_A free");
    }

    @Test
    void anExportTaxOpensAGapOfTheTaxTimesTheOriginPrice() throws Exception {
        double rate = 0.1;
        SupplyShockModel free = run("[]", 7);
        SupplyShockModel taxed = run("[{\"type\":\"exportTax\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"rate\":" + rate + ",\"start\":" + START + "}]", 7);
        int from = START + 26;
        double opened = gap(taxed.series(), from, 260) - gap(free.series(), from, 260);
        double expected = rate * mean(taxed.series(), A, Metric.PRICE, from, 260);
        // Taxed, cargo lands at 1.1 p_A + 0.2, marked up by the margin: p_A = 9.281, and A ships 69.87 a week.
        double m = margin(taxed);
        double taxedA = priceA(p -> (1 + rate) * p + 0.2, m);
        assertEquals(69.87, spareA(taxedA), 0.005, "taxed exports by hand");
        TextbookTest.near(spareA(taxedA), mean(taxed.series(), A, Metric.EXPORTS, from, 260), "taxed exports");
        assertEquals(expected, opened, 0.02 * expected, "gap opened by the tax");
        double revenue = 0;
        double byHand = 0;
        for (int t = START; t < 260; t++) {
            revenue += taxed.series().get(t, A, Metric.LEVY_REVENUE);
        }
        // At rest, 0.1 x 9.281 x 69.87 x 1,000 = 64,846 dollars a week, 9.08 million over the 140 weeks.
        TextbookTest.near(rate * taxedA * spareA(taxedA) * 1000 * (260 - START), revenue, "the tax's revenue");
        // Receipts are the rate times the value bought for export at the origin's clearing price.
        for (int t = START; t < 260; t++) {
            byHand += rate * taxed.series().get(t, A, Metric.EXPORTS) * taxed.series().get(t, A, Metric.PRICE) * 1000;
        }
        assertEquals(byHand, revenue, 1e-6 * byHand);
    }

    /**
     * A ban on B with a way round through C at 0.5 a unit more, leaking 0.3 of the lane's wanted flow: B's price stays
     * above A's by more than the detour's costs (10.4 against 9.3, beyond the route's 0.2 and the detour's 0.5), so
     * the lane's traders want all they can carry, 237.8 a week, and 0.3 × 237.8 = 71.3 of it lands in B through C
     * every week from the detour's first cargo, six weeks into the ban, to the end of the run.
     */
    @Test
    void aBanReroutesThroughAThirdCountryOnlyWhenCircumventionIsAllowedAndPays() throws Exception {
        String ban = "{\"type\":\"exportBan\",\"region\":\"A\",\"commodities\":[\"metal\"],\"destinations\":[\"B\"],"
                + "\"start\":" + START;
        SupplyShockModel plain = run("[" + ban + "}]", 7);
        SupplyShockModel leaky = run("[" + ban + ",\"circumvention\":{\"via\":\"C\",\"extraCostPerUnit\":0.5,"
                + "\"leakRate\":0.3}}]", 7);
        SupplyShockModel guarded = run("[" + ban + ",\"antiCircumvention\":true,\"circumvention\":{\"via\":\"C\","
                + "\"extraCostPerUnit\":0.5,\"leakRate\":0.3}}]", 7);
        SupplyShockModel dear = run("[" + ban + ",\"circumvention\":{\"via\":\"C\",\"extraCostPerUnit\":1000,"
                + "\"leakRate\":0.3}}]", 7);
        int from = START + 5;
        assertEquals(0, importsFrom(plain, A, from) + importsFrom(plain, C, from), 0, "a ban without a detour");
        double capacity = 0;
        for (int i = 0; i < leaky.traders().count; i++) {
            capacity += leaky.traders().capacity(i);
        }
        for (int t = START + 6; t < leaky.series().ticks(); t++) {
            assertEquals(0.3 * capacity, leaky.series().importsFrom(t, B, C), 1e-9 * capacity,
                    "the leak rate of the lane's capacity, " + capacity + ", lands from C in week " + t);
        }
        assertEquals(0, importsFrom(leaky, A, from), 0, "nothing comes straight from A");
        assertEquals(0, importsFrom(guarded, C, from), 0, "anti-circumvention closes the detour");
        assertEquals(0, importsFrom(dear, C, from), 0, "a detour that does not pay is not taken");
    }

    /**
     * A ban on B whose way round is declared to B itself opens no way round: cargo declared to B is the banned
     * lane's cargo. From the week the ban starts (cargo shipped before it has landed 2 weeks later, by week
     * START + 2) B imports nothing, as under the ban without a detour. Taken as a detour, it carried 57 a week into
     * B, booked as B's imports from B.
     */
    @Test
    void aWayRoundABanThroughItsOwnDestinationIsNoWayRound() throws Exception {
        SupplyShockModel m = run("[{\"type\":\"exportBan\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"destinations\":[\"B\"],\"start\":" + START + ",\"circumvention\":{\"via\":\"B\","
                + "\"extraCostPerUnit\":0.5,\"leakRate\":0.5}}]", 7);
        for (int t = START + 2; t < 260; t++) {
            assertEquals(0, m.series().get(t, B, Metric.IMPORTS), 0, "B's imports, tick " + t);
            assertEquals(0, m.series().get(t, A, Metric.EXPORTS), 0, "A's exports, tick " + t);
        }
    }

    /**
     * A licence that grants nothing to B (a denied destination) stops the lane as a ban does; with a way round it
     * through C, the leak rate of what the licences refuse goes that way: at most, and in the weeks its traders
     * want all they can carry exactly, that rate of the lane's capacity; none when a rule closes it.
     */
    @Test
    void aLicenceRefusedReroutesThroughAThirdCountryWhenCircumventionIsAllowed() throws Exception {
        String licensing = "{\"type\":\"exportLicensing\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"leadTicks\":2,\"deniedDestinations\":[\"B\"],\"start\":" + START;
        String way = ",\"circumvention\":{\"via\":\"C\",\"extraCostPerUnit\":0.5,\"leakRate\":0.3}";
        SupplyShockModel leaky = run("[" + licensing + way + "}]", 7);
        SupplyShockModel guarded = run("[" + licensing + way + ",\"antiCircumvention\":true}]", 7);
        int from = START + 5;
        // Refused on filing from the start, the first cargo round lands in week START + 7 (round a ban, in week
        // START + 6), and carries the leak rate of the lane's capacity.
        double lane = 0;
        for (int i = 0; i < leaky.traders().count; i++) {
            lane += leaky.traders().capacity(i);
        }
        assertEquals(0, leaky.series().importsFrom(START + 6, B, C), 0, "nothing round yet in week START + 6");
        assertEquals(0.3 * lane, leaky.series().importsFrom(START + 7, B, C), 1e-9 * lane, "the first cargo round");
        assertEquals(0, importsFrom(leaky, A, from), 0, "nothing comes straight from A");
        assertEquals(0, importsFrom(guarded, C, from) + importsFrom(guarded, A, from), 0,
                "anti-circumvention closes the detour");
        // Refused everything, traders want their whole capacity on the lane, and 0.3 of it goes round: no more in
        // any week, and exactly that in the weeks they want all they can carry (the first cargo round lands in week
        // START + 7, above; later weeks dip below it when the lane's stock is still high).
        double capacity = 0;
        for (int i = 0; i < leaky.traders().count; i++) {
            capacity += leaky.traders().capacity(i);
        }
        double most = 0;
        for (int t = from; t < leaky.series().ticks(); t++) {
            double leak = leaky.series().importsFrom(t, B, C);
            assertTrue(leak <= 0.3 * capacity + 1e-9, "leak " + leak + " at tick " + t + ", capacity " + capacity);
            most = Math.max(most, leak);
        }
        assertEquals(0.3 * capacity, most, 1e-9, "the leak rate of the lane's capacity, " + capacity);
    }

    /**
     * A way round A's ban on B evades A's measure, not B's: under B's tariff floor of 14, in force before the ban,
     * the cargo that goes round through C pays B's levy, the floor less what it cost landed, A's price and the
     * route's freight of 0.2 (no export measure falls on it, and the detour's extra 0.5 is a cost of smuggling, not
     * of the cargo). From half a year into the ban, at A's mean price p_A, B's levy revenue a week is
     * {@code (14 - p_A - 0.2) · imports · 1000} dollars: about (14 - 8.19 - 0.2) · 23.3 · 1000 = 131,000, within 2%.
     * Priced into the traders' bids and never collected, it had stayed in their surplus, and B collected nothing.
     */
    @Test
    void cargoRoundABanPaysTheImportersTariffFloor() throws Exception {
        SupplyShockModel m = run("[" + BAN_ON_B_LEAKING_ROUND_C + ",{\"type\":\"tariffFloor\",\"region\":\"B\","
                + "\"commodity\":\"metal\",\"floor\":14,\"start\":0}]", 7);
        SeriesRecorder s = m.series();
        int from = START + 26;
        double imports = mean(s, B, Metric.IMPORTS, from, 260);
        // Cargo round the ban lands at the floor plus the detour's 0.5 (its freight is the direct route's 0.2),
        // marked up by the margin: p_B = 14.5 x 1.0185 = 14.768. B's imports, what its households buy beyond what
        // its mines make at its price (23.3 at the model's 14.888), are too steep in the price to hold to the
        // 24.5 of p_B by hand within 2%: the price is held, and the imports to B's market at the model's price.
        double priceB = mean(s, B, Metric.PRICE, from, 260);
        TextbookTest.near((14 + 0.5) * (1 + margin(m)), priceB, "B's price: the floor and the detour, marked up");
        TextbookTest.near(shortB(priceB), imports, "B's imports: ED_B at B's price");
        assertEquals(0, importsFrom(m, A, from), 0, "nothing comes straight from A");
        double levy = (14 - mean(s, A, Metric.PRICE, from, 260) - 0.2) * imports * 1000;
        assertEquals(levy, mean(s, B, Metric.LEVY_REVENUE, from, 260), 0.02 * levy, "B's levy on the cargo round the ban");
    }

    /**
     * Under B's tariff-rate quota, 520 a year at no tariff and 50% beyond on the c.i.f. price, cargo round A's ban
     * claims no licence (a licence is for the lane's declared cargo) and pays the out-of-quota tariff, as in the
     * equilibrium: {@code 0.5 · (p_A + 0.2) · imports · 1000} dollars a week, about 0.5 · 8.64 · 33.9 · 1000 =
     * 146,000. The equilibrium at week 150 has the same trade, 34.5 a week at p_B 13.75. Priced at the in-quota
     * tariff while licences were left and charged nothing, twice as much went round, 67.9 a week at p_B 11.24.
     */
    @Test
    void cargoRoundABanPaysTheOutOfQuotaTariff() throws Exception {
        SupplyShockModel m = run("[" + BAN_ON_B_LEAKING_ROUND_C + ",{\"type\":\"tariffRateQuota\",\"region\":\"B\","
                + "\"commodity\":\"metal\",\"yearlyQuota\":520,\"outOfQuotaTariff\":0.5,\"start\":0}]", 7);
        SeriesRecorder s = m.series();
        int from = START + 26;
        double imports = mean(s, B, Metric.IMPORTS, from, 260);
        // Cargo round the ban lands at 1.5 (p_A + 0.2) plus the detour's 0.5, marked up by the margin: p_A = 8.463,
        // p_B = 13.745, and 34.50 a week crosses, the equilibrium's trade.
        double mg = margin(m);
        double roundA = priceA(p -> 1.5 * (p + 0.2) + 0.5, mg);
        assertEquals(34.50, spareA(roundA), 0.005, "the trade round the ban by hand");
        TextbookTest.near(spareA(roundA), imports, "B's imports round the ban");
        TextbookTest.near((1.5 * (roundA + 0.2) + 0.5) * (1 + mg), mean(s, B, Metric.PRICE, from, 260), "B's price");
        double tariff = 0.5 * (mean(s, A, Metric.PRICE, from, 260) + 0.2) * imports * 1000;
        assertEquals(tariff, mean(s, B, Metric.LEVY_REVENUE, from, 260), 0.02 * tariff, "the out-of-quota tariff");
        assertEquals(0, mean(s, B, Metric.QUOTA_RENT, from, 260), 0, "no licence, no rent");
    }

    /**
     * A way round an export quota carries a share of what the quota refuses, and a quota of a billion a year refuses
     * nothing. B's tariff-rate quota of 10 a week, against imports of about 75, runs out of licences every week,
     * which leaves the traders that come too late free to ship straight to B out of quota at 5%; it refuses them
     * nothing at A's border, and none of their cargo goes round through C, free as that way is. Counted as refused,
     * the licences' shortfall had sent 1,297 of the 10,618 that reached B from week 120 on round through C.
     */
    @Test
    void whatAnImportersQuotaWithholdsDoesNotGoRoundAnExportQuota() throws Exception {
        SupplyShockModel m = run("[{\"type\":\"exportQuota\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"yearlyVolume\":1e9,\"start\":" + START + ",\"circumvention\":{\"via\":\"C\","
                + "\"extraCostPerUnit\":0,\"leakRate\":1}},{\"type\":\"tariffRateQuota\",\"region\":\"B\","
                + "\"commodity\":\"metal\",\"yearlyQuota\":520,\"outOfQuotaTariff\":0.05,\"start\":" + START + "}]", 7);
        // The last unit pays 5% on its c.i.f. price: p_A = 9.387, and 74.39 a week crosses, 10,415 over 140 weeks.
        double outOfQuotaA = priceA(p -> 1.05 * (p + 0.2), margin(m));
        assertEquals(74.39, spareA(outOfQuotaA), 0.005, "the trade at the out-of-quota tariff by hand");
        TextbookTest.near(spareA(outOfQuotaA) * (260 - START), importsFrom(m, A, START), "B imports from A");
        assertEquals(0, importsFrom(m, C, START), 0, "nothing goes round through C");
    }

    /**
     * A ban on B under a rule against circumvention closes every way round the lane, the one a quota on the same
     * lane leaves open round itself included: A's customs look through C to where the cargo is bound. From the week
     * the ban starts (cargo shipped before it has landed by START + 2) B imports nothing from A or C. With the
     * quota's way round taken, half of what the ban stopped went through C: 8,828 from week 126 on.
     */
    @Test
    void aRuleAgainstCircumventionClosesTheWayRoundAnotherMeasureLeavesOpen() throws Exception {
        SupplyShockModel m = run("[{\"type\":\"exportBan\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"destinations\":[\"B\"],\"start\":" + START + ",\"antiCircumvention\":true},"
                + "{\"type\":\"exportQuota\",\"region\":\"A\",\"commodities\":[\"metal\"],\"yearlyVolume\":1e9,"
                + "\"start\":" + START + ",\"circumvention\":{\"via\":\"C\",\"extraCostPerUnit\":0.5,\"leakRate\":0.5}}]", 7);
        for (int t = START + 2; t < 260; t++) {
            assertEquals(0, m.series().get(t, B, Metric.IMPORTS), 0, "B's imports, tick " + t);
        }
    }

    private static double importsFrom(SupplyShockModel m, int origin, int from) {
        double sum = 0;
        for (int t = from; t < m.series().ticks(); t++) {
            sum += m.series().importsFrom(t, B, origin);
        }
        return sum;
    }

    /**
     * A quota of 25 a week against free exports of about 79, announced twenty weeks ahead: traders buy ahead of it
     * while shipments are free and ship far less once it bites; with precaution off (0) and on (26 weeks of cover
     * at full risk), where the larger cover its buyers call for, not a hoarding premium on top of the price the
     * news revised, holds the importer's stock back. Once the quota is in force, its 1,300 a year let out 1,300 / 52
     * = 25 a week, and the traders, wanting 79, take all of it every week. How much they buy ahead depends on how far
     * each expects the price to rise, which no closed form gives: the rise is held round what several seeds give.
     */
    @ParameterizedTest(name = "cover at full risk {0} weeks")
    @ValueSource(doubles = {0, 26})
    void tradersFrontRunAnAnnouncedRestrictionThenStop(double coverWeeksAtFullRisk) throws Exception {
        SupplyShockModel m = run("[{\"type\":\"exportQuota\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"yearlyVolume\":1300,\"announce\":100,\"start\":" + START + "}]", 7, coverWeeksAtFullRisk);
        SeriesRecorder s = m.series();
        double before = mean(s, A, Metric.EXPORTS, 80, 100);
        double between = mean(s, A, Metric.EXPORTS, 100, START);
        double after = mean(s, A, Metric.EXPORTS, START, START + 40);
        // How much traders buy ahead rests on each one's expectation of the price, which no closed form gives: the
        // rise is held round what seeds 1 to 8 give, 1.223-1.227 times before with no cover, 1.288-1.309 with 26 weeks.
        double low = coverWeeksAtFullRisk == 0 ? 1.21 : 1.27;
        double high = coverWeeksAtFullRisk == 0 ? 1.24 : 1.33;
        assertTrue(between >= low * before && between <= high * before,
                "exports rise after the announcement: " + between + " vs " + before);
        assertEquals(1300.0 / 52, after, 0.02 * 25, "then fall to the quota's 25 a week once it bites");
    }

    /**
     * Licences decided six weeks after they are applied for: nothing leaves A in the first six weeks, and in the
     * seventh the licences applied for in the first week carry what the traders asked for then, which, the run being
     * the free run until that week, is what they shipped that week without licensing (83.9). A lead one week longer
     * or shorter ships another week's applications, or nothing, that week.
     */
    @Test
    void aLicenceLeadTimeDelaysTheFirstLicensedShipmentByThatLead() throws Exception {
        int lead = 6;
        SupplyShockModel m = run("[{\"type\":\"exportLicensing\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                + "\"leadTicks\":" + lead + ",\"start\":" + START + "}]", 7);
        SeriesRecorder s = m.series();
        for (int t = START; t < START + lead; t++) {
            assertEquals(0, s.get(t, A, Metric.EXPORTS), 0, "no licence yet at tick " + t);
        }
        double appliedInTheFirstWeek = run("[]", 7).series().get(START, A, Metric.EXPORTS);
        // One week's cargo swings round the 79.4 a week at rest (docs/dynamics.md), so it is held round what seeds
        // 1 to 8 ship in week 120, 82.6-84.1.
        assertTrue(appliedInTheFirstWeek >= 81 && appliedInTheFirstWeek <= 86,
                "free trade ships about 84 that week: " + appliedInTheFirstWeek);
        assertEquals(appliedInTheFirstWeek, s.get(START + lead, A, Metric.EXPORTS), 1e-9 * appliedInTheFirstWeek,
                "the first week's applications leave once their licences are decided");
    }

    @Test
    void anApprovalProbabilityScalesTheLicensedVolumeToThatShareAcrossAnEnsemble() throws Exception {
        double p = 0.5;
        double approved = 0;
        int runs = 12;
        for (int seed = 1; seed <= runs; seed++) {
            SupplyShockModel m = run("[{\"type\":\"exportLicensing\",\"region\":\"A\",\"commodities\":[\"metal\"],"
                    + "\"leadTicks\":2,\"approvalProbability\":" + p + ",\"start\":" + START + "}]", seed);
            approved += ((ExportLicensing) m.instruments().get(0)).approvedShare();
        }
        // Each application is approved with probability p: over twelve runs the share approved is p within 2% of it
        // (0.497 on seeds 1 to 12).
        assertEquals(p, approved / runs, 0.02 * p, "share of applied volume approved");
    }
}
