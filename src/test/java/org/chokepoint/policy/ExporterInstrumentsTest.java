package org.chokepoint.policy;

import static org.chokepoint.policy.TextbookTest.near;
import static org.chokepoint.policy.TextbookTest.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chokepoint.agent.Firms;
import org.chokepoint.metrics.Metric;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exporter's instruments that lower prices, against the closed forms of a two-region linear market, within
 * 2%. Every figure is worked out here from the curves the scenario states:
 *
 * <ul>
 *   <li>X, the exporter: ten mines of capacity 20 with {@code c(q) = 2 + 10 q / 20}, so {@code S_X(p) = 20 (p - 2)}
 *   up to 200; demand linear through (5, 100) with elasticity -0.5, {@code D_X(p) = 150 - 10 p}. Its excess
 *   supply is {@code ES(p) = 30 p - 190}.</li>
 *   <li>M, the importer: five mines of capacity 10 with {@code c(q) = 5 + 10 q / 10}, {@code S_M(p) = 5 (p - 5)}
 *   up to 50; demand linear through (8, 120) with elasticity -1, {@code D_M(p) = 240 - 15 p}. Its excess demand
 *   is {@code ED(p) = 265 - 20 p}.</li>
 *   <li>X ships to M at 0.5 a unit. Free trade: {@code ES(p_X) = ED(p_X + 0.5)}, so {@code p_X = 445 / 50 = 8.9},
 *   {@code p_M = 9.4}, exports 77.</li>
 * </ul>
 *
 * Each instrument is in force from tick 120 (the run starts at the free-trade equilibrium) and measured over
 * ticks [200, 320), as in {@link TextbookTest}; the traders' margin (0.2-1% of the price) is left out of the
 * closed forms, as there.
 */
class ExporterInstrumentsTest {
    static final int X = 0;
    static final int M = 1;
    static final double TRANSPORT = 0.5;

    static final String LINEAR = """
            {"meta": {"name": "linear-exporter"},
             "time": {"ticksPerYear": 52, "horizonTicks": 320, "warmupTicks": 100, "baselineWindowTicks": 13},
             "regions": [{"id": "X"}, {"id": "M"}],
             "commodities": [{"id": "metal", "stage": "final", "initialPrice": 8.0, "valuePerUnit": 1}],
             "routes": [{"from": "X", "to": "M", "transitTicks": 1, "costPerUnit": 0.5}],
             "firms": [
               {"id": "x-mine", "type": "producer", "region": "X", "commodity": "metal", "count": 10, "capacity": 20,
                "cost": {"base": 2.0, "slope": 10.0, "exponent": 1}, "initialUtilization": 0.7},
               {"id": "m-mine", "type": "producer", "region": "M", "commodity": "metal", "count": 5, "capacity": 10,
                "cost": {"base": 5.0, "slope": 10.0, "exponent": 1}, "initialUtilization": 0.4}],
             "traders": [{"id": "x-to-m", "commodity": "metal", "from": "X", "to": "M", "count": 20,
                          "capacityPerTick": 8, "minMargin": {"min": 0.002, "max": 0.01}}],
             "demand": [
               {"region": "X", "commodity": "metal", "baseQuantity": 100, "referencePrice": 5.0, "elasticity": -0.5,
                "form": "linear"},
               {"region": "M", "commodity": "metal", "baseQuantity": 120, "referencePrice": 8.0, "elasticity": -1.0,
                "form": "linear"}],
             "behaviour": {"demandNoise": 0.0}}
            """;

    static double supplyX(double p) {
        return Math.max(0, Math.min(200, 20 * (p - 2)));
    }

    static double demandX(double p) {
        return Math.max(0, 150 - 10 * p);
    }

    static double supplyM(double p) {
        return Math.max(0, Math.min(50, 5 * (p - 5)));
    }

    static double demandM(double p) {
        return Math.max(0, 240 - 15 * p);
    }

    static TextbookTest.Run run(String policies) throws Exception {
        return new TextbookTest.Run(LINEAR, policies);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ExportSubsidyPerUnit {
        static final double S = 2.0;
        TextbookTest.Run free;
        TextbookTest.Run subsidised;

        @BeforeAll
        void run() throws Exception {
            free = ExporterInstrumentsTest.run("[]");
            subsidised = ExporterInstrumentsTest.run("[{\"type\": \"exportSubsidy\", \"id\": \"rebate\", \"region\": \"X\","
                    + " \"commodities\": [\"metal\"], \"perUnit\": " + S + ", \"start\": 120}]");
        }

        @Test
        void freeTradeMeetsTheClosedForm() {
            near(8.9, free.mean(X, Metric.PRICE), "P_X = 445 / 50");
            near(9.4, free.mean(M, Metric.PRICE), "P_M = P_X + transport");
            near(77.0, free.mean(X, Metric.EXPORTS), "exports = ES(8.9)");
        }

        /**
         * With the subsidy the trade pays at {@code p_M = p_X + 0.5 - s}: {@code 30 p_X - 190 = 265 - 20 (p_X + 0.5 - s)},
         * so {@code p_X = 8.9 + 0.4 s = 9.7}, {@code p_M = 9.4 - 0.6 s = 8.2}, exports {@code 77 + 12 s = 101}. The
         * subsidy's incidence splits by the slopes: the exporter's price rises by {@code s ED' / (ES' + ED') = 0.8},
         * the importer's falls by {@code s ES' / (ES' + ED') = 1.2}.
         */
        @Test
        void theImportersPriceFallsAndTheExportersRisesSplitByTheSlopes() {
            near(9.7, subsidised.mean(X, Metric.PRICE), "P_X = 8.9 + 0.4 s");
            near(8.2, subsidised.mean(M, Metric.PRICE), "P_M = 9.4 - 0.6 s");
            near(101.0, subsidised.mean(X, Metric.EXPORTS), "exports = 77 + 12 s");
            near(0.8, subsidised.mean(X, Metric.PRICE) - free.mean(X, Metric.PRICE), "exporter's price rises by 0.4 s");
            near(-1.2, subsidised.mean(M, Metric.PRICE) - free.mean(M, Metric.PRICE), "importer's price falls by 0.6 s");
        }

        /**
         * A subsidy announced twenty weeks before it pays is no restriction ahead: traders have no reason to ship
         * early and hoard, so until it starts exports are those of free trade, week by week.
         */
        @Test
        void anAnnouncedSubsidySetsOffNoFrontRunning() throws Exception {
            TextbookTest.Run announced = ExporterInstrumentsTest.run("[{\"type\": \"exportSubsidy\", \"id\": \"rebate\","
                    + " \"region\": \"X\", \"commodities\": [\"metal\"], \"perUnit\": " + S
                    + ", \"announce\": 100, \"start\": 120}]");
            for (int t = 100; t < 120; t++) {
                assertEquals(free.at(t, X, Metric.EXPORTS), announced.at(t, X, Metric.EXPORTS), 1e-9, "week " + t);
            }
        }

        /**
         * The budget pays s on every unit that leaves: 2 x 101 = 202 a tick, booked in X's market. That it pays s
         * on the run's own exports, week by week, is an identity, held to rounding.
         */
        @Test
        void theExportersBudgetPaysTheSubsidyOnEveryUnitExported() {
            near(S * 101.0, subsidised.mean(X, Metric.FISCAL_COST), "fiscal cost = s x exports");
            double paid = S * subsidised.mean(X, Metric.EXPORTS);
            assertEquals(paid, subsidised.mean(X, Metric.FISCAL_COST), 1e-9 * paid,
                    "fiscal cost = s x the run's own exports");
            for (int t = 120; t < 320; t++) {
                double week = S * subsidised.at(t, X, Metric.EXPORTS);
                assertEquals(week, subsidised.at(t, X, Metric.FISCAL_COST), 1e-9 * week, "week " + t);
            }
            assertEquals(0.0, free.mean(X, Metric.FISCAL_COST), 1e-12, "no subsidy, no outlay");
        }
    }

    /**
     * A subsidy of 20 a unit, more than X's price and the freight together (about 9.4): the exporter pays more than
     * the cargo costs, so it lands in M for nothing, and M's traders ask no more than their margin over nothing.
     * A cost-plus ask below zero once stopped every such run at the first cargo ("ask needs a finite limit >= 0").
     * The run ends; M's price stays finite and not below zero, and below X's, since the subsidy carries the cargo
     * past the price gap. Every cargo earns the traders {@code p_M + 20 - 0.5 - p_X}, which is above nothing until
     * X's price is 19.5 above M's, so they fill their twenty lanes of 8, 160 a week, twice free trade's 77: held to
     * those lanes and X's plant of 200, X would clear {@code 30 p_X - 190 = 160} at {@code p_X = 11.67} and M
     * {@code 240 - 15 p_M = 160 + 5 (p_M - 5)} at {@code p_M = 5.25}. That rent builds lanes and plant, though, and
     * X exports 213 a week over weeks 200-319 at a price of 16.4, M's 0.9: how far past 160 they grow has no closed
     * form, so exports are held above the lanes the run starts with.
     */
    @Test
    void aSubsidyAboveTheCargosWholeCostLandsItForNothing() throws Exception {
        TextbookTest.Run free = run("[]");
        TextbookTest.Run subsidised = run("[{\"type\": \"exportSubsidy\", \"id\": \"rebate\", \"region\": \"X\","
                + " \"commodities\": [\"metal\"], \"perUnit\": 20, \"start\": 120}]");

        for (int t = 0; t < 320; t++) {
            double pm = subsidised.at(t, M, Metric.PRICE);
            assertTrue(Double.isFinite(pm) && pm >= 0, "week " + t + ": M's price " + pm);
        }
        assertTrue(subsidised.mean(M, Metric.PRICE) < subsidised.mean(X, Metric.PRICE),
                "M " + subsidised.mean(M, Metric.PRICE) + ", X " + subsidised.mean(X, Metric.PRICE));
        near(77.0, free.mean(X, Metric.EXPORTS), "free trade's exports, ES(8.9)");
        assertTrue(subsidised.mean(X, Metric.EXPORTS) > 20 * 8,
                "subsidised " + subsidised.mean(X, Metric.EXPORTS) + ", the lanes' 20 x 8 = 160 at the start");
        // What the curves still give: X's price stands above 12, what its mines' last unit costs at full use, so
        // they run their whole plant once their plans have caught up, and through weeks 200-228, before the plant the
        // rent orders comes in, X makes its 200 to within a thousandth; M's stands below 5, the cost of its mines'
        // first unit, so they make nothing.
        assertTrue(subsidised.mean(X, Metric.PRICE) > 12 && subsidised.mean(M, Metric.PRICE) < 5,
                "X " + subsidised.mean(X, Metric.PRICE) + " above 12, M " + subsidised.mean(M, Metric.PRICE) + " below 5");
        for (int t = 200; t <= 228; t++) {
            assertEquals(200.0, subsidised.at(t, X, Metric.CAPACITY), 1e-6, "week " + t + ": X's plant");
            assertEquals(200.0, subsidised.at(t, X, Metric.PRODUCTION), 0.2, "week " + t + ": X's mines at full use");
        }
        assertEquals(0.0, subsidised.mean(M, Metric.PRODUCTION), 0.0, "M's mines idle below their cost of 5");
        // Cargo landed for nothing clears M at a zero ask now and then (weeks 230 and 240 on seed 1); where the next
        // week's sellers ask something, M's households still buy about what their curve gives at that price (within
        // the width of their schedule's steps there), where a schedule laid round a quote of 0 had them bid nothing
        // above 0 and buy nothing (HouseholdsTest).
        int zeroQuotes = 0;
        for (int t = 121; t < 320; t++) {
            double p = subsidised.at(t, M, Metric.PRICE);
            if (subsidised.at(t - 1, M, Metric.PRICE) == 0 && p > 0) {
                zeroQuotes++;
                assertTrue(subsidised.at(t, M, Metric.CONSUMPTION) >= 0.9 * demandM(p),
                        "week " + t + " after a zero quote: bought " + subsidised.at(t, M, Metric.CONSUMPTION)
                                + " at " + p + ", D_M " + demandM(p));
            }
        }
        assertTrue(zeroQuotes > 0, "the subsidy clears M at nothing in some week");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ExportRebateAdValorem {
        static final double RATE = 0.2;
        TextbookTest.Run subsidised;

        @BeforeAll
        void run() throws Exception {
            subsidised = ExporterInstrumentsTest.run("[{\"type\": \"exportSubsidy\", \"region\": \"X\","
                    + " \"commodities\": [\"metal\"], \"rate\": " + RATE + ", \"start\": 120}]");
        }

        /**
         * A rebate of 20% of the origin price: {@code p_M = 0.8 p_X + 0.5}, so {@code 30 p_X - 190 = 255 - 16 p_X},
         * {@code p_X = 445 / 46 = 9.674}, {@code p_M = 8.239}, exports 100.2, and the budget pays
         * {@code 0.2 p_X} on each: 193.9 a tick.
         */
        @Test
        void theRebateLowersTheImportersPriceAndCostsItsShareOfTheExportValue() {
            double px = root(p -> supplyX(p) - demandX(p) - (demandM(0.8 * p + TRANSPORT) - supplyM(0.8 * p + TRANSPORT)),
                    3, 14);
            assertEquals(445.0 / 46, px, 1e-9, "the closed form and the root agree");
            double exports = supplyX(px) - demandX(px);
            near(px, subsidised.mean(X, Metric.PRICE), "P_X");
            near((1 - RATE) * px + TRANSPORT, subsidised.mean(M, Metric.PRICE), "P_M = (1 - rate) P_X + transport");
            near(exports, subsidised.mean(X, Metric.EXPORTS), "exports");
            near(RATE * px * exports, subsidised.mean(X, Metric.FISCAL_COST), "fiscal cost = rate x P_X x exports");
        }

        /** Each week the budget pays the rate on what left at that week's price in X: an identity, to rounding. */
        @Test
        void theBudgetPaysTheRateOnEachWeeksExportsAtThatWeeksPrice() {
            for (int t = 120; t < 320; t++) {
                double week = RATE * subsidised.at(t, X, Metric.PRICE) * subsidised.at(t, X, Metric.EXPORTS);
                assertEquals(week, subsidised.at(t, X, Metric.FISCAL_COST), 1e-9 * week, "week " + t);
            }
        }
    }

    /** The mean of a metric over ticks [from, to). */
    static double mean(TextbookTest.Run run, int market, Metric metric, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += run.at(t, market, metric);
        }
        return sum / (to - from);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ProductionQuotaOnTheExporter {
        /** A quota of 110 a tick for three years from tick 100, then raised to 160 a tick. */
        static final double BINDING = 110;
        static final double RAISED = 160;
        TextbookTest.Run run;

        @BeforeAll
        void run() throws Exception {
            String world = LINEAR.replace("\"horizonTicks\": 320", "\"horizonTicks\": 420");
            run = new TextbookTest.Run(world, "[{\"type\": \"productionQuota\", \"id\": \"mining-quota\","
                    + " \"region\": \"X\", \"commodity\": \"metal\", \"start\": 100, \"yearlyVolumes\": ["
                    + BINDING * 52 + ", " + BINDING * 52 + ", " + BINDING * 52 + ", " + RAISED * 52 + "]}]");
        }

        /**
         * Free, X makes {@code S_X(8.9) = 138} a tick; capped at 110, X's output is the quota and the price rises
         * until X's own demand and M's excess demand take no more than it: {@code 110 = (150 - 10 p_X) +
         * (265 - 20 (p_X + 0.5))}, so {@code p_X = 295 / 30 = 9.833} and {@code p_M = 10.333}, where M's demand
         * {@code D_M = 85} meets its own mines' {@code 26.7} and imports of {@code 58.3}.
         */
        @Test
        void aBindingQuotaIsWhatTheRegionMakesAndThePriceClearsDemandAgainstIt() {
            double px = 295.0 / 30;
            double pm = px + TRANSPORT;
            near(BINDING, mean(run, X, Metric.PRODUCTION, 180, 256), "X's output = quota");
            near(px, mean(run, X, Metric.PRICE, 180, 256), "P_X: D_X + ED_M = quota");
            near(pm, mean(run, M, Metric.PRICE, 180, 256), "P_M = P_X + transport");
            near(demandM(pm) - supplyM(pm), mean(run, M, Metric.IMPORTS, 180, 256), "M imports D_M - S_M");
            near(BINDING - demandX(px), mean(run, X, Metric.EXPORTS, 180, 256), "X exports quota - D_X");
        }

        /**
         * Held to 110 a week, X's mines cannot make again what they sell from stock, so they keep the stock their
         * sales call for, four weeks of them ({@code behaviour.stockCoverTicks}): 4 × 110 = 440. A mine asking
         * its marginal cost for that stock, below the price by the quota's rent, would sell it into the rent.
         */
        @Test
        void itsMinesHoldTheirStockTargetRatherThanSellItIntoTheRent() {
            near(4 * BINDING, mean(run, X, Metric.STOCK, 180, 256), "X's stock = 4 weeks of the quota");
        }

        /** A quota that binds raises X's price; not even in its first weeks does X's price fall below its last. */
        @Test
        void theWeeksTheQuotaStartsToBindXsPriceDoesNotFall() {
            double before = run.at(99, X, Metric.PRICE);
            for (int t = 100; t <= 130; t++) {
                assertTrue(run.at(t, X, Metric.PRICE) >= before, "week " + t + ": " + run.at(t, X, Metric.PRICE)
                        + " against " + before + " the week before the quota");
            }
        }

        /** Raised to 160, above the 138 X makes at the free-trade price, the quota no longer binds. */
        @Test
        void aQuotaRaisedAboveFreeOutputDoesNotBind() {
            near(8.9, mean(run, X, Metric.PRICE, 330, 420), "P_X back at free trade");
            near(9.4, mean(run, M, Metric.PRICE, 330, 420), "P_M back at free trade");
            near(supplyX(8.9), mean(run, X, Metric.PRODUCTION, 330, 420), "X's output = S_X(8.9) = 138 < 160");
        }
    }

    /**
     * The linear world with X's buyers on an isoelastic curve through the same point, {@code D_X = 100 (p / 5)^-0.5},
     * run to {@code horizon} with X's mines under a production quota from week 100 of the given yearly volumes.
     */
    static TextbookTest.Run isoelasticXUnderAQuota(int horizon, String yearlyVolumes) throws Exception {
        return new TextbookTest.Run(isoelasticX(horizon), "[{\"type\": \"productionQuota\", \"id\": \"mining-quota\","
                + " \"region\": \"X\", \"commodity\": \"metal\", \"start\": 100, \"yearlyVolumes\": ["
                + yearlyVolumes + "]}]");
    }

    /** The linear world with X's buyers on the isoelastic curve {@code D_X = 100 (p / 5)^-0.5}, to {@code horizon}. */
    static String isoelasticX(int horizon) {
        String world = LINEAR.replace("\"horizonTicks\": 320", "\"horizonTicks\": " + horizon)
                .replaceFirst("\"elasticity\": -0\\.5,\\s+\"form\": \"linear\"}", "\"elasticity\": -0.5}");
        assertTrue(world.contains("\"elasticity\": -0.5}"), "X's demand made isoelastic");
        return world;
    }

    /**
     * X's price at free trade in {@link #isoelasticX}, where its mines' supply, {@code 20 (p - 2)}, less its buyers'
     * demand, {@code 100 (5 / p)^0.5}, meets M's excess demand at {@code p + 0.5}, {@code 265 - 20 (p + 0.5)}: 9.2.
     */
    static double isoelasticXsFreeTradePrice() {
        return root(p -> 20 * (p - 2) - 100 * Math.sqrt(5 / p) - (265 - 20 * (p + 0.5)), 5, 15);
    }

    /**
     * A quota's rent is not a plant's. X's buyers, on an isoelastic curve {@code D_X = 100 (p / 5)^-0.5}, get only
     * the 40 a week a quota lets X's mines make from week 100, so {@code p_X = 5 (100 / 40)^2 = 31.25}, past what M
     * pays for any cargo: M's own mines then clear its demand alone, {@code 120 (2 - p / 8) = 5 (p - 5)}, at
     * {@code p_M = 13.25}. X's mines earn 31.25 against a marginal cost of {@code 2 + 10 * 4 / 20 = 4} and a full
     * cost of 12, far above their investment hurdle (12 × 1.25 = 15); capacity they built would stand idle
     * under the quota, so they build none: 10 mines of 20 a week, 200, in every week.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AQuotasRentBuildsNoPlant {
        TextbookTest.Run run;

        @BeforeAll
        void run() throws Exception {
            run = isoelasticXUnderAQuota(420, String.valueOf(40 * 52));
        }

        @Test
        void theQuotaSetsXsPriceAndMClearsOnItsOwn() {
            near(31.25, mean(run, X, Metric.PRICE, 300, 420), "P_X: D_X(p) = 40");
            near(13.25, mean(run, M, Metric.PRICE, 300, 420), "P_M: D_M = S_M");
            assertEquals(0.0, mean(run, X, Metric.EXPORTS, 300, 420), 0, "no cargo to M");
        }

        @Test
        void xsMinesBuildNothingForTheQuotasRent() {
            for (int t = 0; t < 420; t++) {
                assertEquals(200.0, run.at(t, X, Metric.CAPACITY), 1e-9, "X's capacity, week " + t);
            }
        }
    }

    /**
     * A quota that binds in each of its years still binds when a later year's release is larger. X's mines, held
     * to 30 a week from week 100 ({@code p_X = 5 (100 / 30)^2 = 55.6}), then to 40 a week from week 152, the
     * first of its second year ({@code p_X = 5 (100 / 40)^2 = 31.25}), raise their runs toward their larger
     * shares a fifth of the way a week ({@code behaviour.outputAdjustment}). Once there they are held to them as
     * before: their rent is the quota's, so they build no plant (10 mines of 20 a week, 200, in every week), and
     * they keep their stock at four weeks of the quota, 4 × 40 = 160, rather than sell it into the rent. The
     * larger release is news to them the week it comes: they must sell 40/30 of what they sold, and counting on
     * their buyers to spend on it what they spent, they expect 30/40 of the price, and to sell all their new
     * shares, four weeks of which is now the stock they mean to hold. Their buyers' elasticity is
     * -0.5, not -1, so the price has further to fall, {@code (30/40)^2} of 55.6; they learn how much further from
     * what their buyers spend week by week on what they mean to sell, and their stock runs a little above target
     * while they do.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AQuotaRaisedButStillBinding {
        TextbookTest.Run run;

        @BeforeAll
        void run() throws Exception {
            run = isoelasticXUnderAQuota(520, 30 * 52 + ", " + 40 * 52);
        }

        @Test
        void theLargerReleaseSetsXsPrice() {
            near(40, mean(run, X, Metric.PRODUCTION, 400, 520), "X's output = the second year's release");
            near(31.25, mean(run, X, Metric.PRICE, 400, 520), "P_X: D_X(p) = 40");
        }

        @Test
        void xsMinesBuildNothingForTheQuotasRent() {
            for (int t = 0; t < 520; t++) {
                assertEquals(200.0, run.at(t, X, Metric.CAPACITY), 1e-9, "X's capacity, week " + t);
            }
        }

        @Test
        void xsMinesHoldTheirStockTarget() {
            near(4 * 40, mean(run, X, Metric.STOCK, 400, 520), "X's stock = 4 weeks of the quota");
        }

        /**
         * The week before the raise X's price is the mines' expected price times their stock term {@code (4 n / s)^0.2},
         * with {@code n} what they normally sell, their sales averaged over 13 weeks ({@code
         * behaviour.normalSalesWeeks}), and {@code s} their stock. The raise takes the expectation to 30/40 of itself
         * and what they expect to sell to the 40 the quota now lets them make: their stock is where it was, and four
         * weeks of 40, 160, is now its target. The price falls that week to {@code 30/40 (40 / n)^0.2} of itself,
         * within 2%: n is 38.0 (above the release of 30, as they sold down the stock of the quota's first year), so
         * 0.758 (54.5 to 42.1, 0.772; the rest is the week's step of their expectation toward what their release
         * fetched). Had what they expect to sell followed their sales up over the quarter, their stock term would have
         * stayed and the price fallen to 30/40 of itself, 41.5, 0.762, a little nearer the 31.25 that clears 40, and
         * the stock would have peaked at 176 rather than 180 against its target of 160; their output is the same
         * either way, their shares a fifth of the way nearer each week. It does not overshoot the 31.25 that clears
         * the release by more than a tenth on its way down: 28.1 (reading the raise only from the market, the mines
         * kept the price at 60.5 the week of the raise and took it down to 24.4 two years later).
         */
        @Test
        void theWeekOfTheRaiseXsPriceFallsToThreeQuartersOfItselfAndThenNotFarPastItsNewLevel() {
            double normal = run.at(0, X, Metric.TRADED);
            for (int t = 0; t <= 150; t++) {
                normal += (run.at(t, X, Metric.TRADED) - normal) / 13;
            }
            assertTrue(normal > 30 && normal < 40, "the mines' normal sales before the raise, " + normal);
            double before = run.at(151, X, Metric.PRICE);
            double after = run.at(152, X, Metric.PRICE);
            double read = 30.0 / 40 * Math.pow(40 / normal, 0.2) * before;
            assertEquals(read, after, 0.02 * read, "P_X " + after + " the week of the raise, against " + before);
            for (int t = 152; t < 520; t++) {
                double p = run.at(t, X, Metric.PRICE);
                assertTrue(p > 0.9 * 31.25, "week " + t + ": P_X " + p + " below 0.9 × 31.25 = 28.1");
            }
        }

        /**
         * After the raise the mines' stock runs above its new target of 160 while the price comes down to 31.25,
         * but never past 1.2 times it, 192, and from week 240, 88 weeks after the raise, it stays within 2% of it,
         * 156.8 to 163.2. Reading the raise only from the market, they ran it up to 357, 2.2 times the target, and
         * it swung between 110 and 177 until week 380.
         */
        @Test
        void afterTheRaiseXsStockStaysNearItsTarget() {
            for (int t = 152; t < 520; t++) {
                double stock = run.at(t, X, Metric.STOCK);
                assertTrue(stock < 1.2 * 160, "week " + t + ": X's stock " + stock + " over 1.2 × 160 = 192");
                if (t >= 240) {
                    assertEquals(160, stock, 0.02 * 160, "week " + t + ": X's stock within 2% of 160");
                }
            }
        }
    }

    /**
     * The first year of the quota of 30 a week on X's mines from week 100 ({@code p_X = 5 (100 / 30)^2 = 55.6}).
     * Before it X trades freely: its mines sell {@code S_X(p) = 20 (p - 2)}, its buyers take {@code 100 (5 / p)^0.5}
     * and M's take the rest, {@code 265 - 20 (p + 0.5)}, at {@code p_X = 9.2} (worked below), where the mines make
     * 144 a week and hold four weeks of it, 576. The quota is news to them the week it starts: they must sell 30 of
     * the 144 they sold, and counting on their buyers to spend on it what they spent, expect {@code 144 / 30 = 4.8}
     * times the price, 44. They hold the stock the quota will call for, four weeks of it, 4 × 30 = 120, and sell the
     * rest over the year. Read as no news, their expected price followed the market's up from 9.2 at 8% a week: they
     * sold their stock in seven weeks at 13 to 35, down to 80, and then their ask stayed below what buyers paid for
     * 30, so buyers took all they offered, {@code offerWeeks / stockCoverTicks} = 1.5 / 4 of their stock, which is
     * the release of 30 at a stock of 80, two thirds of 120, for 28 weeks.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AQuotasFirstYear {
        TextbookTest.Run run;
        /** X's free-trade price ({@link #isoelasticXsFreeTradePrice}). */
        double free;

        @BeforeAll
        void run() throws Exception {
            run = isoelasticXUnderAQuota(152, String.valueOf(30 * 52));
            free = isoelasticXsFreeTradePrice();
            assertEquals(9.2, free, 0.05, "p_X at free trade");
        }

        /**
         * The week after the quota starts X's price is at least 0.8 of the 44 the news reads, {@code 9.2 × 144 / 30},
         * and it does not fall below 0.4 of 55.6 while the mines sell their stock (read as no news, it was 13.1).
         */
        @Test
        void theQuotaIsNewsOfThePriceTheWeekItStarts() {
            double read = free * supplyX(free) / 30;
            assertEquals(44.2, read, 0.5, "9.2 × 144 / 30");
            assertTrue(run.at(101, X, Metric.PRICE) > 0.8 * read, "week 101: P_X " + run.at(101, X, Metric.PRICE));
            for (int t = 101; t < 152; t++) {
                assertTrue(run.at(t, X, Metric.PRICE) > 0.4 * 5 * Math.pow(100.0 / 30, 2),
                        "week " + t + ": P_X " + run.at(t, X, Metric.PRICE) + " below 0.4 × 55.6 = 22.2");
            }
        }

        /**
         * In the quota's first year X's stock never falls below 0.9 of its target of 120, 108 (it was 80 for weeks),
         * and by the year's last week, 151, it is at the target of four weeks of the quota, 4 × 30 = 120, within 2%.
         */
        @Test
        void xsStockNeverRunsBelowTheTargetTheQuotaCallsFor() {
            for (int t = 100; t < 152; t++) {
                double stock = run.at(t, X, Metric.STOCK);
                assertTrue(stock > 0.9 * 4 * 30, "week " + t + ": X's stock " + stock + " below 0.9 × 4 × 30 = 108");
            }
            assertEquals(4 * 30, run.at(151, X, Metric.STOCK), 0.02 * 4 * 30, "week 151: X's stock near 4 × 30");
        }
    }

    /**
     * A nil release: X's mines held to 30 a week from week 100, to nothing in the quota's second year, weeks 152 to
     * 203, and to 30 again from week 204 ({@code p_X = 5 (100 / 30)^2 = 55.6}, a stock of 4 × 30 = 120). Through the
     * nil year they sell nothing, so what they normally sell falls to nothing; a firm plans on it, so, read as it
     * was, they planned about nothing when the release came back and their runs grew by a few percent a week: X
     * made 2 in week 216 and 95% of 30 only in week 283. Like a plant back from a mothball they have no sales to go
     * by, so they expect to sell what their expected price justifies within their shares, all of them at any price
     * above {@code 2 + 10 × 3 / 20 = 3.5}, and their plans move a fifth of the way to it a week
     * ({@code behaviour.outputAdjustment}), as every plan does: {@code 30 (1 - 0.8^(k + 1))} in week 204 + k, 6 in
     * the first week and 95.6% of 30 in the thirteenth.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AYearOfNilRelease {
        TextbookTest.Run run;

        @BeforeAll
        void run() throws Exception {
            run = isoelasticXUnderAQuota(420, 30 * 52 + ", 0, " + 30 * 52);
        }

        @Test
        void xMakesNothingInTheNilYear() {
            for (int t = 152; t < 204; t++) {
                assertEquals(0.0, run.at(t, X, Metric.PRODUCTION), 0, "week " + t);
            }
        }

        @Test
        void whenTheReleaseComesBackXsMinesRunUpToItAFifthOfTheWayAWeek() {
            for (int k = 0; k < 13; k++) {
                assertEquals(30 * (1 - Math.pow(0.8, k + 1)), run.at(204 + k, X, Metric.PRODUCTION), 1e-6,
                        "week " + (204 + k));
            }
        }

        /**
         * The price the nil year left, about 100, comes down to the 55.6 that clears 30 a week once the mines'
         * stock is rebuilt: from week 240, 36 weeks after the release came back, it stays within 10% of it (it was
         * still 100 in week 275 when the mines planned on what they sold in the nil year).
         */
        @Test
        void theReleaseSetsXsPriceAndStockAgain() {
            for (int t = 240; t < 420; t++) {
                double p = run.at(t, X, Metric.PRICE);
                assertEquals(5 * Math.pow(100.0 / 30, 2), p, 0.1 * 5 * Math.pow(100.0 / 30, 2), "week " + t + ": P_X");
            }
            near(30, mean(run, X, Metric.PRODUCTION, 300, 420), "X's output = the release");
            near(5 * Math.pow(100.0 / 30, 2), mean(run, X, Metric.PRICE, 300, 420), "P_X: D_X(p) = 30");
            near(4 * 30, mean(run, X, Metric.STOCK, 300, 420), "X's stock = 4 weeks of the release");
        }

        /**
         * After the nil year the release is 300 a week, 30 a mine, above the 20 each can make: the quota no longer
         * holds them. At the price the nil year left, about 100, far above their marginal cost at full capacity,
         * {@code 2 + 10 = 12}, each expects to sell all it can make, 20, and runs up to it a fifth of the way a week:
         * X makes {@code 200 (1 - 0.8^(k + 1))} in week 204 + k, 40 in the first week and 134.5 in the fifth (read as
         * it was, 0.4 and 1.5).
         */
        @Test
        void releasedFromANilYearXsMinesRunUpToWhatTheirPriceJustifies() throws Exception {
            TextbookTest.Run freed = isoelasticXUnderAQuota(220, 30 * 52 + ", 0, " + 300 * 52);
            for (int k = 0; k < 5; k++) {
                assertEquals(200 * (1 - Math.pow(0.8, k + 1)), freed.at(204 + k, X, Metric.PRODUCTION), 1e-6,
                        "week " + (204 + k));
            }
        }
    }

    /**
     * A near-nil release is read as a nil one. X's mines are held to 30 a week from week 100 and to nothing in the
     * quota's second year; from week 204 a quota that replaces it releases 0.01 a week, a thousandth of a mine's week
     * shared among ten, for half a year, and ends in week 230. Beside them, the same mines are held to nothing until
     * week 230. Under the near-nil release they sell about what it lets them make, so what they normally sell runs
     * down to about it, as under the nil one it runs down to nothing. Read as a release like any other, they planned
     * on that when the quota ended and their runs grew by a few percent a week: X made 0.09 in week 230, 5.3 in week
     * 300 and its free-trade output only in week 382, its price at its buyers' limit of 100 until week 338, while
     * after the nil release it made that output five weeks after the end. With the quota over, nothing holds them;
     * at the price it left, about 100, far above their marginal cost at full capacity, {@code 2 + 10 = 12}, each
     * expects to sell all it can make, 20, after either release, and runs up to it a fifth of the way a week
     * ({@code behaviour.outputAdjustment}) from what it planned the week before, nothing or at most its share of 0.01:
     * X makes {@code 200 - (200 - q) 0.8^(k + 1)} in week 230 + k, from a plan of {@code q} in week 229.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ANearNilReleaseEnded {
        static final double NEAR_NIL = 0.01;
        static final int END = 230;
        TextbookTest.Run nil;
        TextbookTest.Run nearNil;
        /** X's free-trade price ({@link #isoelasticXsFreeTradePrice}). */
        double free;

        @BeforeAll
        void run() throws Exception {
            nil = lastReleaseFor26Weeks(0);
            nearNil = lastReleaseFor26Weeks(NEAR_NIL);
            free = isoelasticXsFreeTradePrice();
        }

        /** The nil year's quota, replaced from week 204 by one that releases {@code weekly} a week until week 230. */
        TextbookTest.Run lastReleaseFor26Weeks(double weekly) throws Exception {
            return new TextbookTest.Run(isoelasticX(260), "[{\"type\": \"productionQuota\", \"id\": \"mining-quota\","
                    + " \"region\": \"X\", \"commodity\": \"metal\", \"start\": 100, \"end\": 204,"
                    + " \"yearlyVolumes\": [" + 30 * 52 + ", 0]},"
                    + " {\"type\": \"productionQuota\", \"id\": \"last-release\", \"region\": \"X\","
                    + " \"commodity\": \"metal\", \"start\": 204, \"end\": " + END + ", \"volume\": "
                    + weekly * 26 + ", \"per\": \"measure\", \"replaces\": \"mining-quota\"}]");
        }

        @Test
        void theLastReleaseIsNilInOneWorldAndNearNilInTheOther() {
            for (int t = 204; t < END; t++) {
                assertEquals(0.0, nil.at(t, X, Metric.PRODUCTION), 0, "nil, week " + t);
                double made = nearNil.at(t, X, Metric.PRODUCTION);
                assertTrue(made > 0 && made <= NEAR_NIL * (1 + 1e-9), "near-nil, week " + t + ": " + made);
            }
        }

        @Test
        void whenTheQuotaEndsXsMinesRunUpToAllTheyCanMakeAFifthOfTheWayAWeekAfterEither() {
            for (int k = 0; k < 6; k++) {
                double runUp = 200 * (1 - Math.pow(0.8, k + 1));
                assertEquals(runUp, nil.at(END + k, X, Metric.PRODUCTION), 1e-6, "nil, week " + (END + k));
                // From a plan of at most 0.01 in week 229 rather than nothing: 0.01 × 0.8^(k + 1) more at most.
                assertEquals(runUp, nearNil.at(END + k, X, Metric.PRODUCTION), NEAR_NIL * Math.pow(0.8, k + 1),
                        "near-nil, week " + (END + k));
            }
        }

        /**
         * At the free-trade price of 9.2 X's mines make {@code S_X(9.2) = 144}. Running up to 200 a fifth of the way
         * a week they first make it in the week k after the end where {@code 200 (1 - 0.8^(k + 1)) >= 144}: k = 5,
         * 147.6 against 134.5 the week before. So they do after the near-nil release as after the nil one.
         */
        @Test
        void xMakesItsFreeTradeOutputInTheSameWeekAfterEither() {
            double freeOutput = supplyX(free);
            assertEquals(144, freeOutput, 1, "S_X(9.2)");
            int k = 0;
            while (200 * (1 - Math.pow(0.8, k + 1)) < freeOutput) {
                k++;
            }
            assertEquals(5, k, "weeks after the end");
            assertEquals(END + k, firstWeekMaking(nil, freeOutput), "nil");
            assertEquals(END + k, firstWeekMaking(nearNil, freeOutput), "near-nil");
        }

        /**
         * X's price through the half-year after the end, from the buyers' limit of 100 down past free trade, is
         * after the near-nil release what it is after the nil one, within 1% a week.
         */
        @Test
        void xsPriceAfterTheNearNilReleaseIsItsPriceAfterTheNilOne() {
            for (int t = END; t < END + 26; t++) {
                double p = nil.at(t, X, Metric.PRICE);
                assertEquals(p, nearNil.at(t, X, Metric.PRICE), 0.01 * p, "week " + t + ": P_X");
            }
        }

        int firstWeekMaking(TextbookTest.Run run, double output) {
            for (int t = END; t < 260; t++) {
                if (run.at(t, X, Metric.PRODUCTION) >= output) {
                    return t;
                }
            }
            return -1;
        }
    }

    /**
     * The quota of 30 a week on X's mines from week 100 ends in week 204. At free trade X's price is 9.2, where its
     * mines make {@code S_X(9.2) = 144} a week and hold four weeks of it, 576. The week the quota ends is news as a
     * raise is, from each mine's share of 3 a week to all it can make, 20: the price it counts on falls from the
     * quota's 54 to the marginal cost of its whole plant, {@code 2 + 10 × 20 / 20 = 12}, above the free-trade price,
     * so it still runs up to all it can make a fifth of the way a week and plans less as the price it then meets comes
     * down. Read as no news, the mines counted on the quota's price for months after it was gone, made up to 193 a
     * week while their buyers took 88 to 119, and their stock reached 1,371, 2.4 times 576, with the price down to
     * 7.3; with the news it peaks at 835.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AQuotasEnd {
        TextbookTest.Run run;

        @BeforeAll
        void run() throws Exception {
            run = new TextbookTest.Run(isoelasticX(320), "[{\"type\": \"productionQuota\", \"id\": \"mining-quota\","
                    + " \"region\": \"X\", \"commodity\": \"metal\", \"start\": 100, \"end\": 204,"
                    + " \"yearlyVolumes\": [" + 30 * 52 + "]}]");
        }

        @Test
        void xsStockNeverRunsPastOneAndAHalfTimesItsFreeTradeLevel() {
            double freeStock = 4 * supplyX(isoelasticXsFreeTradePrice());
            assertEquals(576, freeStock, 5, "4 × S_X(9.2)");
            for (int t = 204; t < 320; t++) {
                double stock = run.at(t, X, Metric.STOCK);
                assertTrue(stock < 1.5 * freeStock, "week " + t + ": X's stock " + stock + " over 1.5 × 576 = 864");
            }
        }

        @Test
        void xReturnsToFreeTrade() {
            double free = isoelasticXsFreeTradePrice();
            near(free, mean(run, X, Metric.PRICE, 260, 320), "P_X at free trade");
            near(supplyX(free), mean(run, X, Metric.PRODUCTION, 260, 320), "X's output = S_X(9.2)");
        }

        /**
         * Replaced in week 204 by a release of 300 a week, 30 a mine against the 20 each can make, the quota holds
         * nothing, and the raise is its end: the price each mine counts on falls to the cost of all it can make, 12,
         * not to the cost its curve would reach at 30, {@code 2 + 10 × 30 / 20 = 17}, which no mine bears. Read down
         * to 17 only, the mines planned on more for weeks, and their stock peaked at 921, not 835.
         */
        @Test
        void aReleasePastWhatTheMinesCanMakeFreesThemAsTheQuotasEndDoes() throws Exception {
            TextbookTest.Run replaced = new TextbookTest.Run(isoelasticX(320), "[{\"type\": \"productionQuota\","
                    + " \"id\": \"mining-quota\", \"region\": \"X\", \"commodity\": \"metal\", \"start\": 100,"
                    + " \"end\": 204, \"yearlyVolumes\": [" + 30 * 52 + "]},"
                    + " {\"type\": \"productionQuota\", \"id\": \"past-capacity\", \"region\": \"X\","
                    + " \"commodity\": \"metal\", \"start\": 204, \"yearlyVolumes\": [" + 300 * 52 + "],"
                    + " \"replaces\": \"mining-quota\"}]");
            for (int t = 0; t < 320; t++) {
                assertEquals(run.at(t, X, Metric.PRICE), replaced.at(t, X, Metric.PRICE), "week " + t + ": P_X");
                assertEquals(run.at(t, X, Metric.STOCK), replaced.at(t, X, Metric.STOCK), "week " + t + ": X's stock");
            }
        }
    }

    /**
     * A quota of 20 a week for a year from week 100 ({@code p_X = 5 (100 / 20)^2 = 125}, and X's buyers pay no
     * more than 100), then three times as large, 60 a week ({@code p_X = 5 (100 / 60)^2 = 13.89}). Each of the
     * ten mines may then make 6 a week, at a marginal cost of {@code 2 + 10 × 6 / 20 = 5}: far below the price, so
     * the quota still binds at every price X's buyers pay on the way down from 100 to 13.89. While the mines'
     * stock runs above its target of 4 × 60 = 240 they plan to make less than their shares for a while; they still
     * hold out for what their stock fetches under the quota, since it is all they may make again, and do not drop
     * their ask to their marginal cost in the week they do (which took X's price from 61 to 4.5 in week 164 and
     * left X's buyers stocked up to buy nothing the week after, six times in the next 36 weeks).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AQuotaTripledAfterItsFirstYear {
        TextbookTest.Run run;

        @BeforeAll
        void run() throws Exception {
            run = isoelasticXUnderAQuota(520, 20 * 52 + ", " + 60 * 52);
        }

        /**
         * The week the release is tripled the mines' normal sales, run down to their shares of 2 a week, are raised to
         * their new shares of 6, which the price justifies (whatever the raise reads of it, no lower than their
         * marginal cost of 5 at 6); from their plans of 2 their runs move a fifth of the way to 6 that week and each
         * week after ({@code behaviour.outputAdjustment}): X makes {@code 60 - 40 × 0.8^(k + 1)} in week 152 + k,
         * 28 in the first and 57.8, 95% of 60, in the thirteenth. Planning on normal sales of 20 a week, with a
         * stock target of four weeks of them, the mines made 25.7 in the first week and 53.6 in the ninth, not 54.6.
         */
        @Test
        void theWeekOfTheRaiseXsMinesRunUpToTheirNewSharesAFifthOfTheWayAWeek() {
            for (int k = 0; k < 52; k++) {
                assertEquals(60 - 40 * Math.pow(0.8, k + 1), run.at(152 + k, X, Metric.PRODUCTION), 1e-9,
                        "X's output, week " + (152 + k));
            }
        }

        @Test
        void xsPriceNeverFallsToTheMinesCost() {
            for (int t = 152; t < 520; t++) {
                double p = run.at(t, X, Metric.PRICE);
                assertTrue(p > 0.8 * 13.89, "week " + t + ": P_X " + p + " below 0.8 × 13.89 = 11.1");
                assertTrue(run.at(t, X, Metric.TRADED) > 20, "week " + t + ": X's buyers took "
                        + run.at(t, X, Metric.TRADED));
            }
        }

        @Test
        void theTripledReleaseSetsXsPriceAndStock() {
            near(60, mean(run, X, Metric.PRODUCTION, 400, 520), "X's output = the second year's release");
            near(5 * Math.pow(100.0 / 60, 2), mean(run, X, Metric.PRICE, 400, 520), "P_X: D_X(p) = 60");
            near(4 * 60, mean(run, X, Metric.STOCK, 400, 520), "X's stock = 4 weeks of the quota");
        }

        @Test
        void xsMinesBuildNothingForTheQuotasRent() {
            for (int t = 0; t < 520; t++) {
                assertEquals(200.0, run.at(t, X, Metric.CAPACITY), 1e-9, "X's capacity, week " + t);
            }
        }
    }

    /**
     * A production quota is news to everyone who buys the region's output, from the week it is announced. At
     * free trade X's mines make {@code S_X(8.9) = 138} a week, 61 for X's buyers and 77 shipped to M, where
     * M's own mines add {@code S_M(9.4) = 22}. A quota of 110 announced in week 80 for week 100 holds back
     * {@code 138 - 110 = 28} of X's output, a share {@code 28 / 138 = 0.2029}: X's buyers read all their supply
     * as X's output, so their risk is that share; M's read it on the 77 they import of their 99, a risk of
     * {@code 77 * 0.2029 / 99 = 0.1578}. Nobody reads anything before the announcement.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AProductionQuotaIsNewsToTheBuyersOfTheRegionsOutput {
        @Test
        void fromItsAnnouncementTheShareItHoldsBackIsARiskAtHomeAndWhereTheOutputIsShipped() throws Exception {
            readTheQuotaOf110OnTheNews(announcedIn80(110));
        }

        /** A quota of 160 a week is above the 138 X's mines make: it holds nothing back and is no news. */
        @Test
        void aQuotaAboveWhatTheRegionMakesIsNoNews() throws Exception {
            SupplyShockModel model = announcedIn80(160);
            for (int t = 0; t < 120; t++) {
                model.stepTick();
                assertEquals(0.0, model.supplyRisk().of(X), 0, "X, week " + t);
                assertEquals(0.0, model.supplyRisk().of(M), 0, "M, week " + t);
            }
        }

        /**
         * Two quotas on X's mines, of 110 and of 120 a week, announced together: each mine may make no more than
         * the smaller of its two shares, so only the 110 binds, and buyers read what it holds back, 28 of the
         * 138, as for the quota of 110 alone; not the 28 + 18 = 46 the two hold back counted one by one.
         */
        @Test
        void twoQuotasOnOneRegionsOutputThreatenWhatTheTighterHoldsBack() throws Exception {
            readTheQuotaOf110OnTheNews(withQuotas(quota("mining-quota", 110, ""), quota("smelting-quota", 120, "")));
        }

        /** No risk before week 80; in week 80, (138 - 110) / 138 in X and 77 of M's 99 at that share in M. */
        private void readTheQuotaOf110OnTheNews(SupplyShockModel model) {
            for (int t = 0; t < 80; t++) {
                model.stepTick();
                assertEquals(0.0, model.supplyRisk().of(X), 0, "X before the news, week " + t);
                assertEquals(0.0, model.supplyRisk().of(M), 0, "M before the news, week " + t);
            }
            model.stepTick();
            double share = (138.0 - 110) / 138;
            near(share, model.supplyRisk().of(X), "X's risk on the news: (138 - 110) / 138");
            near(77 * share / 99, model.supplyRisk().of(M), "M's risk on the news: 77 of its 99 from X");
        }

        /**
         * A quota in force for the single week 100 is news from week 80 to week 100 and none after: from week 101
         * nothing threatens X's output, and the risk halves in the 26 weeks of its half-life, so in week 126 it is
         * half what it was in week 100, at home and in M.
         */
        @Test
        void aQuotaThatHasEndedIsNoNews() throws Exception {
            riskHalvesFromWeek100ToWeek126(withQuotas(quota("mining-quota", 110, ", \"end\": 101")));
        }

        /**
         * In force the quota holds X's mines to their shares of 110, so beyond its first week, in which they still
         * plan the 138 they made before, it threatens nothing: the risk its news raised halves in the 26 weeks of
         * its half-life, at home and in M, however long the quota lasts.
         */
        @Test
        void inForceAQuotaIsNewsOnlyInItsFirstWeek() throws Exception {
            riskHalvesFromWeek100ToWeek126(announcedIn80(110));
        }

        /** The quota's first week, 100, is news; from week 101 nothing is, and the risk halves by week 126. */
        private void riskHalvesFromWeek100ToWeek126(SupplyShockModel model) {
            for (int t = 0; t < 100; t++) {
                model.stepTick();
            }
            // In its first week the quota holds back what X's mines plan beyond its 110, of what they normally sell,
            // read going into the week: about (138 - 110) / 138 = 0.203, above what is left of the news of week 80,
            // the same share halved over 20 of its 26 weeks' half-life, 0.12.
            Firms firms = model.firms();
            double planned = 0;
            double normal = 0;
            for (int f = 0; f < firms.count; f++) {
                if (firms.market(f) == X) {
                    planned += firms.plannedOutput(f);
                    normal += Math.max(0, firms.normalSales(f));
                }
            }
            // Going into the week the mines plan and normally sell about free trade's S_X(8.9) = 138 (seed 1: a plan a
            // unit short of it, 0.196 held back); the model's own reading of them is held to 1e-9 below.
            near(138.0, planned, "X's mines' plan going into the quota's first week");
            near(138.0, normal, "X's mines' normal sales going into the quota's first week");
            model.stepTick();
            double x = model.supplyRisk().of(X);
            double m = model.supplyRisk().of(M);
            assertEquals((planned - 110) / normal, x, 1e-9, "X's risk in the quota's first week: what it holds back");
            for (int t = 101; t <= 126; t++) {
                model.stepTick();
            }
            near(x / 2, model.supplyRisk().of(X), "X's risk halved from week 100 to week 126");
            near(m / 2, model.supplyRisk().of(M), "M's risk halved from week 100 to week 126");
        }

        /**
         * A second year's release of 100 a week after a first of 120 is news in its first week, 152: X's mines
         * plan the 120 of their shares in week 151, so the new release holds back 20 of the 120 they normally sell
         * by then, a risk of 20 / 120 = 0.167, above what is left of the first year's news (about
         * (138 - 120) / 138 = 0.13 in week 100, halved twice since).
         */
        @Test
        void aLowerReleaseInALaterYearIsNewsInItsFirstWeek() throws Exception {
            SupplyShockModel model = withQuotas("{\"type\": \"productionQuota\", \"id\": \"mining-quota\","
                    + " \"region\": \"X\", \"commodity\": \"metal\", \"announce\": 80, \"start\": 100,"
                    + " \"yearlyVolumes\": [" + 120 * 52 + ", " + 100 * 52 + "]}");
            for (int t = 0; t <= 152; t++) {
                model.stepTick();
            }
            near(20.0 / 120, model.supplyRisk().of(X), "X's risk in week 152: 20 / 120");
        }

        private SupplyShockModel announcedIn80(double perWeek) throws Exception {
            return withQuotas(quota("mining-quota", perWeek, ""));
        }

        /** A quota of {@code perWeek} on X's mines announced in week 80 for week 100; {@code more} adds fields. */
        private static String quota(String id, double perWeek, String more) {
            return "{\"type\": \"productionQuota\", \"id\": \"" + id + "\", \"region\": \"X\","
                    + " \"commodity\": \"metal\", \"announce\": 80, \"start\": 100,"
                    + " \"yearlyVolumes\": [" + perWeek * 52 + "]" + more + "}";
        }

        private SupplyShockModel withQuotas(String... quotas) throws Exception {
            ObjectNode json = (ObjectNode) Json.mapper().readTree(LINEAR);
            json.set("policies", Json.mapper().readTree("[" + String.join(", ", quotas) + "]"));
            SupplyShockModel model =
                    new SupplyShockModel(ScenarioLoader.fromJson(json, "quota news").scenario(), 1, -1);
            model.start();
            return model;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ABanReplacedByAQuotaForItsOwnPeriod {
        TextbookTest.Run run;

        /**
         * A ban on every destination (none listed) from tick 120, replaced at tick 200 by a quota of 6000 for the
         * rest of the run (120 ticks): two entries, and no annualising by hand.
         */
        @BeforeAll
        void run() throws Exception {
            run = ExporterInstrumentsTest.run("""
                    [{"type": "exportBan", "id": "ban", "region": "X", "commodities": ["metal"], "start": 120},
                     {"type": "exportQuota", "id": "quota", "region": "X", "commodities": ["metal"], "start": 200,
                      "volume": 6000, "per": "measure", "replaces": "ban"}]""");
        }

        @Test
        void nothingLeavesUnderTheBan() {
            assertEquals(0.0, mean(run, X, Metric.EXPORTS, 125, 200), 1e-9, "the ban covers M without naming it");
            near(19.0 / 3, mean(run, X, Metric.PRICE, 160, 200), "X alone: 20 (p - 2) = 150 - 10 p");
        }

        /** 6000 over 120 ticks is 50 a tick: {@code ES(p_X) = 50}, {@code p_X = 8}; {@code ED(p_M) = 50}, {@code p_M = 10.75}. */
        @Test
        void thenTheQuotaAloneHoldsAtItsVolumeOverItsPeriod() {
            near(50, mean(run, X, Metric.EXPORTS, 240, 320), "exports = 6000 / 120");
            near(8.0, mean(run, X, Metric.PRICE, 240, 320), "P_X: 30 p - 190 = 50");
            near(10.75, mean(run, M, Metric.PRICE, 240, 320), "P_M: 265 - 20 p = 50");
        }
    }

    /** A state plant of capacity 60 in X on X's own cost curve, {@code c(q) = 2 + 10 q / 60}: {@code S = 6 (p - 2)}. */
    static final String STATE_PLANT = """
            {"id": "x-state-plant", "type": "producer", "region": "X", "commodity": "metal", "capacity": 60,
             "cost": {"base": 2.0, "slope": 10.0, "exponent": 1}, "status": "planned"}""";

    static String withStatePlant(String world) {
        return world.replace(
                "\"initialUtilization\": 0.4}],", "\"initialUtilization\": 0.4},\n" + STATE_PLANT + "],");
    }

    /**
     * A state plant built while a production quota binds takes its share of the quota from the week it comes
     * into use, and gives it back the week it closes, whichever of the two measures the scenario lists first.
     * X is held to 110 a week from week 100 and would make more at any price the quota leaves it (its mines
     * alone make 110 at a marginal cost of 2 + 10 × 11 / 20 = 7.5, below the 9.83 the quota sets). The plant of
     * 60 runs from week 120 to week 200. With it X's plants have a capacity of 200 + 60 = 260: the mines may
     * make 110 × 200 / 260 = 84.62 a week between them, and cut to it at once; the plant's share is
     * 110 × 60 / 260 = 25.38, and its plan, starting from nothing, moves a fifth of the way to it in its first
     * week ({@code outputAdjustment} 0.2): X makes 84.62 + 5.08 = 89.69 in week 120, not a unit above the quota.
     * In week 200 the plant has closed and the mines share the 110 alone; their plans, at 84.62 the week
     * before, move a fifth of the way to it: 84.62 + 0.2 × 25.38 = 89.69 again.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aStatePlantTakesItsShareOfAProductionQuotaFromItsFirstWeekToItsLast(boolean quotaListedFirst)
            throws Exception {
        String quota = "{\"type\": \"productionQuota\", \"id\": \"mining-quota\", \"region\": \"X\","
                + " \"commodity\": \"metal\", \"start\": 100, \"yearlyVolumes\": [" + 110 * 52 + "]}";
        String plant = "{\"type\": \"stateCapacity\", \"id\": \"state-plant\", \"region\": \"X\","
                + " \"firm\": \"x-state-plant\", \"start\": 120, \"end\": 200}";
        TextbookTest.Run run = new TextbookTest.Run(withStatePlant(LINEAR),
                quotaListedFirst ? "[" + quota + ", " + plant + "]" : "[" + plant + ", " + quota + "]");
        for (int t = 100; t < 320; t++) {
            assertTrue(run.at(t, X, Metric.PRODUCTION) <= 110 * (1 + 1e-9),
                    "week " + t + ": X makes " + run.at(t, X, Metric.PRODUCTION) + ", above the quota of 110");
        }
        double mines = 110.0 * 200 / 260;
        double plantsShare = 110.0 * 60 / 260;
        assertEquals(mines + 0.2 * plantsShare, run.at(120, X, Metric.PRODUCTION), 1e-6,
                "week 120: the mines' shares and a fifth of the plant's");
        assertEquals(mines + 0.2 * (110 - mines), run.at(200, X, Metric.PRODUCTION), 1e-6,
                "week 200: the mines' plans a fifth of the way back to the whole quota");
        assertEquals(260, run.at(120, X, Metric.CAPACITY), 1e-9, "X's capacity with the plant");
        assertEquals(200, run.at(200, X, Metric.CAPACITY), 1e-9, "X's capacity once it has closed");
    }

    /**
     * What a production quota's firms made is all the region made, mines that mothball under it included. X has
     * besides its ten mines five dear ones of 20 a week, {@code c(q) = 8 + 10 q / 20}, held with the rest to a
     * quota of 110 a week from week 100. In week 150 demand at X and M falls to 0.3 of what it was, X's price
     * falls below the dear mines' lowest cost of 8, and two weeks of it ({@code exit.mothballAfterTicks} 2) later
     * they mothball: X's capacity falls from 300 to 200 in some week, the dear mines having made something the
     * week before, when they still ran. X's firms are all mines, none recycles, so the output the quota reports
     * is X's production summed over the quota's weeks, 100 to 319, that last week of the dear mines' included.
     */
    @Test
    void aQuotasFirmsMadeAllTheRegionMadeTheWeekSomeMothballedIncluded() throws Exception {
        String world = LINEAR.replace("\"behaviour\": {\"demandNoise\": 0.0}",
                        "\"behaviour\": {\"demandNoise\": 0.0, \"exit\": {\"mothballAfterTicks\": 2}},"
                        + " \"events\": [{\"type\": \"demandShift\", \"region\": \"X\", \"commodity\": \"metal\","
                        + " \"multiplier\": 0.3, \"start\": 150}, {\"type\": \"demandShift\", \"region\": \"M\","
                        + " \"commodity\": \"metal\", \"multiplier\": 0.3, \"start\": 150}]")
                .replace("\"initialUtilization\": 0.4}],", "\"initialUtilization\": 0.4},\n"
                        + "{\"id\": \"x-dear-mine\", \"type\": \"producer\", \"region\": \"X\", \"commodity\": \"metal\","
                        + " \"count\": 5, \"capacity\": 20, \"cost\": {\"base\": 8.0, \"slope\": 10.0, \"exponent\": 1}}],");
        assertTrue(world.contains("x-dear-mine") && world.contains("mothballAfterTicks"), "the dear mines added");
        TextbookTest.Run run = new TextbookTest.Run(world, "[{\"type\": \"productionQuota\", \"id\": \"mining-quota\","
                + " \"region\": \"X\", \"commodity\": \"metal\", \"start\": 100, \"yearlyVolumes\": [" + 110 * 52 + "]}]");
        int mothballed = -1;
        for (int t = 150; t < 320 && mothballed < 0; t++) {
            if (run.at(t - 1, X, Metric.CAPACITY) == 300 && run.at(t, X, Metric.CAPACITY) == 200) {
                mothballed = t;
            }
        }
        // The week they mothball is their second running below cost, counted from the price their decisions read,
        // their goods' average sale price net, in the same run stepped week by week.
        ObjectNode json = (ObjectNode) Json.mapper().readTree(world);
        json.set("policies", Json.mapper().readTree("[{\"type\": \"productionQuota\", \"id\": \"mining-quota\","
                + " \"region\": \"X\", \"commodity\": \"metal\", \"start\": 100, \"yearlyVolumes\": [" + 110 * 52 + "]}]"));
        SupplyShockModel stepped = new SupplyShockModel(ScenarioLoader.fromJson(json, "textbook").scenario(), 1, -1);
        stepped.start();
        Firms firms = stepped.firms();
        int dear = firms.count - 1;
        assertEquals(8.0, firms.costBase(dear), 0.0, "the last firm is a dear mine");
        int belowSince = -1;
        int mothballedAt = -1;
        while (stepped.tick() < stepped.horizon() && mothballedAt < 0) {
            stepped.stepTick();
            boolean below = firms.capacityNetPrice(dear) < firms.costBase(dear);
            belowSince = !below ? -1 : belowSince < 0 ? stepped.tick() : belowSince;
            mothballedAt = firms.mothballed(dear) ? stepped.tick() : -1;
        }
        assertTrue(belowSince > 150, "below cost once demand falls in week 150: from week " + belowSince);
        assertEquals(belowSince + 2 - 1, mothballedAt, "mothballed in the second week below cost");
        // The series counts the week stepped, the model's clock the week after it.
        assertEquals(mothballedAt - 1, mothballed, "X's capacity falls from 300 to 200 in the series' week");
        assertTrue(run.at(mothballed - 1, X, Metric.PRODUCTION) > 0, "X made something the week before");
        double made = 0;
        for (int t = 100; t < 320; t++) {
            made += run.at(t, X, Metric.PRODUCTION);
        }
        double reported = run.outcome.model().policyIndicators().get("mining-quota").get("outputUnderQuota");
        assertEquals(made, reported, 1e-9 * made, "output under the quota = X's production in its weeks");
    }

    /**
     * A state plant is found by its entry's id, not by a neighbour whose id only looks like one of its members'.
     * X has, listed before the planned plant {@code x-state-plant} of 60, an ordinary mine of 20 named
     * {@code x-state-plant-1}, as the first member of a population {@code x-state-plant} would be. The measure
     * builds the plant from week 120 to week 200: X's capacity is its ten mines' 200 and the lone mine's 20, 220,
     * then 220 + 60 = 280 while the plant runs, and 220 again once it has closed, the lone mine still at work; the
     * state pays 100 US$ × 60 × 52 = 312,000 for it.
     */
    @Test
    void aStatePlantIsTheEntryItNamesNotAFirmWhoseIdLooksLikeAMembers() throws Exception {
        String world = withStatePlant(LINEAR).replace("\n" + STATE_PLANT, """

                {"id": "x-state-plant-1", "type": "producer", "region": "X", "commodity": "metal", "capacity": 20,
                 "cost": {"base": 2.0, "slope": 10.0, "exponent": 1}},
                """ + STATE_PLANT);
        assertTrue(world.contains("\"x-state-plant-1\""), "the lone mine added");
        TextbookTest.Run run = new TextbookTest.Run(world, "[{\"type\": \"stateCapacity\", \"id\": \"state-plant\","
                + " \"region\": \"X\", \"firm\": \"x-state-plant\", \"start\": 120, \"end\": 200,"
                + " \"capexPerAnnualUnit\": 100}]");
        assertEquals(220, run.at(119, X, Metric.CAPACITY), 1e-9, "X's capacity before the plant");
        assertEquals(280, run.at(120, X, Metric.CAPACITY), 1e-9, "X's capacity with the plant");
        assertEquals(220, run.at(200, X, Metric.CAPACITY), 1e-9, "X's capacity once the plant has closed");
        assertEquals(60, run.outcome.model().policyIndicators().get("state-plant").get("capacityAdded"), 1e-9,
                "the plant's capacity added");
        assertEquals(312_000, run.outcome.model().policyIndicators().get("state-plant").get("capitalCost"), 1e-6,
                "its capital cost");
        assertEquals(0, run.outcome.summary().totals().plantValueChange(), 0.0, "closed in week 200: worth nothing");
    }

    /**
     * The same plant left to run to the horizon, week 320: in service from week 120, it has used 200 / 52 = 3.846 of
     * its 20 years, and keeps the capital-recovery payments still to come at 8%, a(16.154) / a(20) =
     * 0.906 of its 312,000, a(k) = (1 - 1.08^-k) / 0.08: the state's capital is an asset at the end, as a stock
     * it bought would be, and comes off the loss.
     */
    @Test
    void aStatePlantRunningAtTheHorizonKeepsWhatIsLeftOfItsCapital() throws Exception {
        TextbookTest.Run run = new TextbookTest.Run(withStatePlant(LINEAR), "[{\"type\": \"stateCapacity\","
                + " \"id\": \"state-plant\", \"region\": \"X\", \"firm\": \"x-state-plant\", \"start\": 120,"
                + " \"capexPerAnnualUnit\": 100}]");
        double years = (320 - 120) / 52.0;
        double left = 312_000 * (1 - Math.pow(1.08, years - 20)) / (1 - Math.pow(1.08, -20));
        assertEquals(0.906, left / 312_000, 5e-4);
        var totals = run.outcome.summary().totals();
        assertEquals(left, totals.plantValueChange(), 1e-9 * left);
        assertEquals(312_000, totals.fiscalCost(), 1e-6, "the state paid it all in week 120");
    }

    /** A planned plant that no stateCapacity builds never runs: X stays at free trade, {@code P_X = 8.9}, all run. */
    @Test
    void aStatePlantNobodyBuildsStaysIdle() throws Exception {
        TextbookTest.Run run = new TextbookTest.Run(withStatePlant(LINEAR), "[]");
        near(8.9, mean(run, X, Metric.PRICE, 200, 320), "P_X without the plant");
        near(supplyX(8.9), mean(run, X, Metric.PRODUCTION, 200, 320), "X's output = S_X(8.9)");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class StateCapacityAddedOnADate {
        TextbookTest.Run run;

        @BeforeAll
        void run() throws Exception {
            run = new TextbookTest.Run(withStatePlant(LINEAR), "[{\"type\": \"stateCapacity\", \"id\": \"state-plant\","
                    + " \"region\": \"X\", \"firm\": \"x-state-plant\", \"start\": 120, \"capexPerAnnualUnit\": 100}]");
        }

        @Test
        void untilItsDateThePlantIsIdleAndTheMarketAtFreeTrade() {
            near(8.9, mean(run, X, Metric.PRICE, 60, 120), "P_X before the plant");
            near(supplyX(8.9), mean(run, X, Metric.PRODUCTION, 60, 120), "X's output = S_X(8.9)");
        }

        /**
         * With the plant X's supply is {@code 26 (p - 2)}, its excess supply {@code 36 p - 202}: {@code 36 p_X - 202 =
         * 255 - 20 p_X}, so {@code p_X = 457 / 56 = 8.161}, {@code p_M = 8.661}, exports 91.8 and X makes 160.2.
         */
        @Test
        void afterItThePriceFallsToTheEquilibriumWithTheLargerCapacity() {
            double px = 457.0 / 56;
            near(px, mean(run, X, Metric.PRICE, 200, 320), "P_X with the plant");
            near(px + TRANSPORT, mean(run, M, Metric.PRICE, 200, 320), "P_M with the plant");
            near(26 * (px - 2), mean(run, X, Metric.PRODUCTION, 200, 320), "X's output = 26 (P_X - 2)");
            near(36 * px - 202, mean(run, X, Metric.EXPORTS, 200, 320), "exports");
        }

        /** The state pays 100 US$ per t of yearly capacity: 100 x 60 x 52 = 312,000, in the tick it comes into use. */
        @Test
        void theStatePaysItsCapitalCostWhenItComesIntoUse() {
            double total = 0;
            for (int t = 0; t < 320; t++) {
                total += run.at(t, X, Metric.FISCAL_COST);
            }
            near(312_000, total, "capital cost over the run");
            near(312_000, run.at(120, X, Metric.FISCAL_COST), "paid at tick 120");
        }
    }
}
