package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.chokepoint.market.Ledger;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An operating firm that gives the capital cost of its plant expands for a rent when the price pays the levelised
 * cost of plant like its own, and pays for what it orders. The firm is the minimal scenario's mine: capacity 100,
 * {@code MC(q) = 20 + 30 (q / 100)^2}, run at 80%, a dollar a unit at a price of 1. Its average variable cost at
 * 80% is 20 + 30 × 0.8² / 3 = 26.4. At 400 dollars per unit of yearly capacity, recovered at 8% over 20 years
 * (capital recovery factor 0.1018522), the capital charge is 400 × 0.1018522 / 0.8 = 50.926 a unit, so plant is
 * worth adding above 77.326. Without a capital cost the rule is the hurdle's: 25% over its marginal cost at full
 * capacity, 1.25 × 50 = 62.5. A capex subsidy that pays half its capital brings the line to 26.4 + 25.463 = 51.863;
 * one that pays all of it, to its marginal cost at full capacity, 50, for below that its plant is not short. A relief
 * of its hurdle, which stands in for a capital cost the firm here states, leaves its line where it was.
 */
class ExpansionCapitalTest {
    static final double CHARGE_400 = 400 * ProspectsTest.CRF_8_20 / 0.8;

    Firms firms;
    CapacityDecisions decisions;
    int mine;

    @BeforeEach
    void aMineThatGivesItsPlantsCapitalCost() throws Exception {
        firms = MinimalMine.firms();
        mine = MinimalMine.MINE;
        decisions = MinimalMine.defaultDecisions(firms, -1);
        MinimalMine.operatingOnItsWholePlant(firms);
        decisions.setExpansionCapital(ExpansionCapital.single(firms, mine, 400, 0.08, 20, 52));
    }

    /** Week by week at the same net price, selling its normal 80; returns the capacity it ordered in all. */
    private double weeks(int n, double netPrice) {
        double ordered = 0;
        for (int t = 0; t < n; t++) {
            firms.capacityNetPrice[mine] = netPrice;
            firms.normalSales[mine] = 80;
            decisions.decide(mine, t);
            ordered += firms.ordered(mine);
        }
        return ordered;
    }

    @Test
    void theLineIsTheLevelisedCostOfPlantLikeItsOwn() {
        assertEquals(50.926, CHARGE_400, 1e-3);
        assertEquals(77.326, 26.4 + CHARGE_400, 1e-3);
        assertEquals(0.0, weeks(25, 80), 0.0, "25 weeks at 80");
        assertEquals(20.0, weeks(1, 80), 1e-9, "a fifth of its 100 in the 26th week above 77.33");
    }

    @Test
    void aPriceThatClearsTheHurdleButNotItsCapitalBuildsNothing() {
        assertEquals(0.0, weeks(104, 75), 0.0, "two years at 75: above 62.5, below 77.33");
        CapacityDecisions withoutCapital = MinimalMine.defaultDecisions(firms, -1);
        double ordered = 0;
        for (int t = 0; t < 26; t++) {
            firms.capacityNetPrice[mine] = 75;
            firms.normalSales[mine] = 80;
            withoutCapital.decide(mine, t);
            ordered += firms.ordered(mine);
        }
        assertEquals(20.0, ordered, 1e-9, "the same firm read without its capital cost builds at 75");
    }

    /** A subsidy paying {@code share} of the mine's capital. */
    private void subsidyPays(double share) {
        double[] spared = new double[firms.count];
        spared[mine] = share;
        decisions.setCapitalSpared(spared);
    }

    @Test
    void aSubsidyPayingHalfItsCapitalBringsTheLineDown() {
        subsidyPays(0.5);
        assertEquals(51.863, 26.4 + CHARGE_400 / 2, 1e-3);
        assertEquals(0.0, weeks(25, 52), 0.0);
        assertEquals(20.0, weeks(1, 52), 1e-9, "at 52, above 51.86, in the 26th week");
        assertEquals(0.0, weeks(104, 51.8), 0.0, "at 51.80, below it, never");
    }

    @Test
    void aReliefOfItsHurdleLeavesItsLineWhereItWas() {
        double[] relief = new double[firms.count];
        relief[mine] = 1;
        decisions.setHurdleRelief(relief);
        assertEquals(0.0, weeks(104, 75), 0.0, "its whole hurdle relieved, two years at 75 below 77.33");
        assertEquals(20.0, weeks(26, 77.4), 1e-9);
    }

    @Test
    void paidItsWholeCapitalItStillBuildsOnlyWherePlantIsShort() {
        subsidyPays(1);
        assertEquals(0.0, weeks(104, 49.9), 0.0, "at 49.90, below its marginal cost at full capacity, never");
        assertEquals(20.0, weeks(26, 50.1), 1e-9, "at 50.10 it is short of plant");
    }

    @Test
    void whatItOrdersIsPaidForByItsMarketsProducersTheWeekItOrders() throws Exception {
        SupplyShockModel model = new SupplyShockModel(
                ScenarioLoader.load(Path.of("src/test/resources/scenarios/minimal.json")).scenario(), 1, 52);
        model.start();
        Firms x = model.firms();
        ExpansionCapital capital = ExpansionCapital.single(x, mine, 400, 0.08, 20, 52);
        Ledger ledger = model.markets().ledger();
        int market = x.market(mine);
        double before = ledger.producerSurplus(market);
        x.ordered[mine] = 20;
        capital.book(ledger, 0);
        assertEquals(before - 400 * 20 * 52, ledger.producerSurplus(market), 1e-6, "416,000 dollars");
        Map<String, Double> did = capital.indicators().get("mine");
        assertEquals(20.0, did.get("capacityOrdered"), 0.0);
        assertEquals(416_000.0, did.get("capitalCost"), 1e-6);
    }

    /**
     * The two-region world with B's five mines giving their capital cost ({@code MC(q) = 6 + 9 q / 10} on 10 a week,
     * run at the 43.3% of it the world's equilibrium gives them, where the run starts (the scenario's half is not
     * read), 1,000 dollars a unit at a price of 1: average variable cost 6 + 9 × 0.4332 / 2 = 7.95) and B's demand
     * four times what it was from week 50, which takes what B's metal fetches its mines to about 26, above the
     * hurdle's line, 1.25 × (6 + 9) = 18.75. At 1,500 dollars per unit of yearly capacity the charge is
     * 1,500 × 0.1018522 / 433.2 = 0.353, and the mines expand once the metal fetches more than their marginal cost at
     * full capacity, 15, where their plant is short; at a million dollars it is 235.1, far above anything the metal
     * fetches, and they build nothing for the rent, where the hurdle alone lets them.
     *
     * <p>Each project is a fifth of the plant the mines have when they order it, 0.2 × 5 × 10 = 10 on the plant they
     * start with, and they order one after each 26 weeks above their line. At 1,500 dollars the metal stays above 15
     * for three such spells from week 53 (measured: ordered in weeks 79, 105 and 131, as their new plant brings it
     * down to 15.1 by week 156), so they order at least 3 × 10 = 30 and at most 10 + 12 + 14.4 = 36.4, the most
     * had each project been in use before the next (34.4 measured). Without a capital cost the line is 18.75, which
     * the metal falls below within 26 weeks of their first order (17.6 in week 104, measured), so they add that one
     * project, 10, in use long before the run ends with a lead of 26 weeks.
     */
    private static SupplyShockModel bWithCapex(Double capex) throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(
                Path.of("src/test/resources/scenarios/two-region.json").toFile());
        ObjectNode mines = (ObjectNode) ((ArrayNode) root.get("firms")).get(1);
        assertEquals("b-mine", mines.get("id").asText());
        if (capex != null) {
            mines.put("capexPerAnnualUnit", capex);
        }
        root.putArray("events").addObject().put("type", "demandShift").put("region", "B").put("commodity", "metal")
                .put("multiplier", 4.0).put("start", 50);
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson(root, "two-region").scenario(), 1, -1);
        model.start();
        while (model.tick() < model.horizon()) {
            model.stepTick();
        }
        return model;
    }

    private static double orderedByB(SupplyShockModel model) {
        Firms x = model.firms();
        double added = 0;
        for (int f = 0; f < x.count; f++) {
            if (x.id(f).startsWith("b-mine")) {
                added += x.capacity(f) - 10;
            }
        }
        return added;
    }

    private static double pendingOfB(SupplyShockModel model) {
        Firms x = model.firms();
        double pending = 0;
        for (int f = 0; f < x.count; f++) {
            if (x.id(f).startsWith("b-mine")) {
                pending += x.pendingCapacity(f);
            }
        }
        return pending;
    }

    @Test
    void inTheTwoRegionWorldMinesPayForThePlantTheyAdd() throws Exception {
        SupplyShockModel cheap = bWithCapex(1500.0);
        Map<String, Double> did = cheap.expansionIndicators().get("b-mine");
        assertEquals(5.0, did.get("firms"));
        assertTrue(did.get("capacityOrdered") >= 30 && did.get("capacityOrdered") <= 36.4,
                did.get("capacityOrdered") + ": three projects, each a fifth of B's plant when ordered");
        assertEquals(1500 * did.get("capacityOrdered") * 52, did.get("capitalCost"), 1e-6);
        assertTrue(orderedByB(cheap) <= did.get("capacityOrdered") + 1e-9, "what arrived was ordered");
    }

    @Test
    void inTheTwoRegionWorldACapitalCostFarAboveTheRentStopsWhatTheHurdleAllows() throws Exception {
        assertEquals(10.0, orderedByB(bWithCapex(null)), 1e-5,
                "without a capital cost the hurdle lets B's mines add one project, a fifth of their 50");
        SupplyShockModel dear = bWithCapex(1e6);
        assertEquals(0.0, dear.expansionIndicators().get("b-mine").get("capacityOrdered"), 0.0);
        assertEquals(0.0, orderedByB(dear), 1e-9);
    }

    /**
     * The two-region world growing 5% a year, with no shock: at its equilibrium B's mines run at 43.3% of their
     * plant, fetching 9.898, so the average variable cost of plant like theirs is 6 + 9 × 0.4332 / 2 = 7.95. At
     * 1,500 dollars per unit of yearly capacity its charge is 1,500 × 0.1018522 / 433.2 = 0.35, a levelised cost of
     * 8.30, and they keep their plant on the path of demand, paying 1,500 × 52 dollars for each unit a week of it; at
     * 100,000 dollars the charge is 23.51, a levelised cost of 31.46 that the metal at about 10 never pays, and they
     * build nothing for the trend, which would cost them more than all they earn, where without a capital cost they
     * would grow their plant as the cheap mines do.
     *
     * <p>The trend's plant is the 50 they start with grown 5% a year to the week an order comes into use, 26 weeks
     * on: the run starts with 50 × (1.05^(26/52) − 1) = 1.2348 under construction, and their last order, in week
     * 259, brings plant in use and on order to 50 × 1.05^(285/52) = 65.3286, so at 1,500 dollars, as without a
     * capital cost, they order 65.3286 − 51.2348 = 14.0939; at 100,000 dollars their plant grows by the 1.2348 alone.
     */
    private static SupplyShockModel growingWithBsCapex(Double capex) throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(
                Path.of("src/test/resources/scenarios/two-region.json").toFile());
        for (var demand : root.withArray("demand")) {
            ((ObjectNode) demand).put("trendPerYear", 0.05);
        }
        if (capex != null) {
            ((ObjectNode) ((ArrayNode) root.get("firms")).get(1)).put("capexPerAnnualUnit", capex);
        }
        SupplyShockModel model = new SupplyShockModel(ScenarioLoader.fromJson(root, "two-region").scenario(), 1, -1);
        model.start();
        while (model.tick() < model.horizon()) {
            model.stepTick();
        }
        return model;
    }

    @Test
    void aFirmBuildsForTheTrendOnlyWhileThePricePaysForThePlant() throws Exception {
        SupplyShockModel cheap = growingWithBsCapex(1500.0);
        Map<String, Double> did = cheap.expansionIndicators().get("b-mine");
        double started = 50 * (Math.pow(1.05, 26 / 52.0) - 1);
        double onTheTrend = 50 * Math.pow(1.05, 285 / 52.0);
        assertEquals(1.2348, started, 1e-4);
        assertEquals(65.3286, onTheTrend, 1e-4);
        assertEquals(onTheTrend - 50 - started, did.get("capacityOrdered"), 1e-6,
                "at a levelised cost of 8.30 they build for the trend");
        assertEquals(1500 * did.get("capacityOrdered") * 52, did.get("capitalCost"), 1e-6);
        SupplyShockModel dear = growingWithBsCapex(1e5);
        assertEquals(0.0, dear.expansionIndicators().get("b-mine").get("capacityOrdered"), 0.0,
                "at a levelised cost of 31.46 they order nothing");
        assertEquals(started, orderedByB(dear), 1e-6, "what was under construction at the start alone");
        SupplyShockModel free = growingWithBsCapex(null);
        assertEquals(onTheTrend, 50 + orderedByB(free) + pendingOfB(free), 1e-6,
                "without a capital cost their plant in use and on order is on the trend");
    }
}
