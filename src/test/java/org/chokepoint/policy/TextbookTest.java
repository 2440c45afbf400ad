package org.chokepoint.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.DoubleUnaryOperator;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.Summary;
import org.chokepoint.metrics.SummaryCalculator;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Trade instruments against their closed forms, within 2%: the textbook small-country importer and a two-region
 * exporter, each run once with its instrument in force from tick 120 and measured as the mean over ticks
 * [200, 320). Every expected figure is worked out here from the curves the scenarios state, evaluated at the
 * model's own world price where the small-country case takes it as given; none is read from the model's
 * code. Demand noise is off, so one run is the answer.
 */
class TextbookTest {
    static final int FROM = 200;
    static final int TO = 320;
    static final int START = 120;
    static final double TOLERANCE = 0.02;
    static final int W = 0;
    static final int D = 1;

    /**
     * The importer: W has an almost flat supply at about 5 and ships to D at 0.5 a unit; D's own supply is
     * {@code S(p) = 10 (p - 3)} up to 100, its demand {@code D(p) = 100 (p / 10)^-0.5}.
     */
    static final String IMPORTER = """
            {"meta": {"name": "textbook-importer"},
             "time": {"ticksPerYear": 52, "horizonTicks": 320, "warmupTicks": 100, "baselineWindowTicks": 13},
             "regions": [{"id": "W"}, {"id": "D"}],
             "commodities": [{"id": "metal", "stage": "final", "initialPrice": 6.0, "valuePerUnit": 1}],
             "routes": [{"from": "W", "to": "D", "transitTicks": 1, "costPerUnit": 0.5}],
             "firms": [
               {"id": "w-mine", "type": "producer", "region": "W", "commodity": "metal", "count": 20, "capacity": 100,
                "cost": {"base": 5.0, "slope": 0.1, "exponent": 1}, "initialUtilization": 0.3},
               {"id": "d-mine", "type": "producer", "region": "D", "commodity": "metal", "count": 10, "capacity": 10,
                "cost": {"base": 3.0, "slope": 10.0, "exponent": 1}, "initialUtilization": 0.3}],
             "traders": [{"id": "w-to-d", "commodity": "metal", "from": "W", "to": "D", "count": 30,
                          "capacityPerTick": 8, "minMargin": {"min": 0.002, "max": 0.01}}],
             "demand": [
               {"region": "W", "commodity": "metal", "baseQuantity": 500, "referencePrice": 5.0, "elasticity": -0.5,
                "form": "linear"},
               {"region": "D", "commodity": "metal", "baseQuantity": 100, "referencePrice": 10.0, "elasticity": -0.5}],
             "behaviour": {"demandNoise": 0.0}}
            """;

    /**
     * The exporter: X's supply {@code S_X(p) = 20 (p - 2)} up to 200 and demand {@code 100 (p / 5)^-0.5}; M's
     * supply {@code S_M(p) = 5 (p - 5)} up to 50 and demand {@code 80 (p / 6)^-0.5}; X ships to M at 0.5 a unit.
     */
    static final String EXPORTER = """
            {"meta": {"name": "textbook-exporter"},
             "time": {"ticksPerYear": 52, "horizonTicks": 320, "warmupTicks": 100, "baselineWindowTicks": 13},
             "regions": [{"id": "X"}, {"id": "M"}],
             "commodities": [{"id": "metal", "stage": "final", "initialPrice": 5.0, "valuePerUnit": 1}],
             "routes": [{"from": "X", "to": "M", "transitTicks": 1, "costPerUnit": 0.5}],
             "firms": [
               {"id": "x-mine", "type": "producer", "region": "X", "commodity": "metal", "count": 10, "capacity": 20,
                "cost": {"base": 2.0, "slope": 10.0, "exponent": 1}, "initialUtilization": 0.5},
               {"id": "m-mine", "type": "producer", "region": "M", "commodity": "metal", "count": 5, "capacity": 10,
                "cost": {"base": 5.0, "slope": 10.0, "exponent": 1}, "initialUtilization": 0.2}],
             "traders": [{"id": "x-to-m", "commodity": "metal", "from": "X", "to": "M", "count": 20,
                          "capacityPerTick": 8, "minMargin": {"min": 0.002, "max": 0.01}}],
             "demand": [
               {"region": "X", "commodity": "metal", "baseQuantity": 100, "referencePrice": 5.0, "elasticity": -0.5},
               {"region": "M", "commodity": "metal", "baseQuantity": 80, "referencePrice": 6.0, "elasticity": -0.5}],
             "behaviour": {"demandNoise": 0.0}}
            """;

    static double supplyD(double p) {
        return Math.max(0, Math.min(100, 10 * (p - 3)));
    }

    static double demandD(double p) {
        return 100 * Math.pow(p / 10, -0.5);
    }

    static double supplyX(double p) {
        return Math.max(0, Math.min(200, 20 * (p - 2)));
    }

    static double demandX(double p) {
        return 100 * Math.pow(p / 5, -0.5);
    }

    static double supplyM(double p) {
        return Math.max(0, Math.min(50, 5 * (p - 5)));
    }

    static double demandM(double p) {
        return 80 * Math.pow(p / 6, -0.5);
    }

    /** {@code ∫ f} from a to b by the midpoint rule on 10,000 steps. */
    static double integral(DoubleUnaryOperator f, double a, double b) {
        int n = 10_000;
        double h = (b - a) / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += f.applyAsDouble(a + (i + 0.5) * h) * h;
        }
        return sum;
    }

        /** The root of an increasing function on [lo, hi], by bisection. */
    static double root(DoubleUnaryOperator f, double lo, double hi) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if ((f.applyAsDouble(lo) > 0) == (f.applyAsDouble(mid) > 0)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** One run of a world with these policies, and the means and sums the rows read from it. */
    static final class Run {
        final RunOutcome outcome;
        final SeriesRecorder series;

        Run(String world, String policies) throws Exception {
            ObjectNode json = (ObjectNode) Json.mapper().readTree(world);
            json.set("policies", Json.mapper().readTree(policies));
            outcome = Simulation.run(ScenarioLoader.fromJson(json, "textbook").scenario(), 1, -1);
            series = outcome.model().series();
        }

        double mean(int market, Metric metric) {
            double sum = 0;
            for (int t = FROM; t < TO; t++) {
                sum += series.get(t, market, metric);
            }
            return sum / (TO - FROM);
        }

        double at(int tick, int market, Metric metric) {
            return series.get(tick, market, metric);
        }
    }

    static void near(double theory, double model, String what) {
        near(theory, model, TOLERANCE, what);
    }

    /** Within {@code tolerance} of the theory's figure, a share of it. */
    static void near(double theory, double model, double tolerance, String what) {
        assertEquals(theory, model, tolerance * Math.abs(theory), what + ": model " + model + ", theory " + theory);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class FreeTradeImporter {
        Run run;

        @BeforeAll
        void run() throws Exception {
            run = new Run(IMPORTER, "[]");
        }

        @Test
        void theImportersPriceIsLandedCost() {
            near(run.mean(W, Metric.PRICE) + 0.5, run.mean(D, Metric.PRICE), "D's price = W's price + transport");
        }

        @Test
        void domesticProducersSupplyTheirCurveAtThatPrice() {
            near(supplyD(run.mean(D, Metric.PRICE)), run.mean(D, Metric.PRODUCTION), "D's output = S(P_D)");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BindingTariffFloor {
        static final double FLOOR = 8.0;
        Run run;

        @BeforeAll
        void run() throws Exception {
            run = new Run(IMPORTER, "[{\"type\": \"tariffFloor\", \"region\": \"D\", \"commodity\": \"metal\", "
                    + "\"floor\": 8, \"start\": " + START + "}]");
        }

        @Test
        void thePriceSitsAtTheFloorAndOutputOnTheSupplyCurve() {
            near(FLOOR, run.mean(D, Metric.PRICE), "D's price = floor");
            near(supplyD(FLOOR), run.mean(D, Metric.PRODUCTION), "D's output = S(floor)");
            near(demandD(FLOOR) - supplyD(FLOOR), run.mean(D, Metric.IMPORTS), "imports = D(F) - S(F)");
        }

        @Test
        void theLevyIsTheFloorLessLandedCostOnEveryUnitImported() {
            // Each cargo pays the floor less the c.i.f. price its trader saw when it bought, a tick before landing.
            double levy = 0;
            for (int t = FROM; t < TO; t++) {
                levy += (FLOOR - run.at(t - 1, W, Metric.PRICE) - 0.5) * run.at(t, D, Metric.IMPORTS);
            }
            near(levy / (TO - FROM), run.mean(D, Metric.LEVY_REVENUE), "levy = sum (F - cif_t-1) imports_t");
            double cif = run.mean(W, Metric.PRICE) + 0.5;
            near((FLOOR - cif) * (demandD(FLOOR) - supplyD(FLOOR)), run.mean(D, Metric.LEVY_REVENUE),
                    "levy = (F - cif)(D(F) - S(F))");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ContractForDifferenceAboveTheMarket {
        static final double STRIKE = 8.0;
        Run run;

        @BeforeAll
        void run() throws Exception {
            run = new Run(IMPORTER, "[{\"type\": \"contractForDifference\", \"region\": \"D\", \"commodity\": "
                    + "\"metal\", \"strike\": 8, \"upsideShare\": 0.3, \"start\": " + START + "}]");
        }

        @Test
        void firmsProduceTheirSupplyAtTheStrikeWhileThePriceStaysAtLandedCost() {
            near(run.mean(W, Metric.PRICE) + 0.5, run.mean(D, Metric.PRICE), "D's price = landed cost");
            near(supplyD(STRIKE), run.mean(D, Metric.PRODUCTION), "D's output = S(strike)");
        }

        @Test
        void theBudgetPaysTheStrikeLessThePriceOnEveryUnitSold() {
            double cif = run.mean(W, Metric.PRICE) + 0.5;
            near((STRIKE - cif) * supplyD(STRIKE), run.mean(D, Metric.FISCAL_COST),
                    "fiscal cost = (strike - cif) S(strike)");
        }

        /**
         * The payment is the plants' revenue: they earn the strike on S(8) = 50, and their surplus is the area left
         * of S between its intercept 3 and the strike, 10 (8 - 3)^2 / 2 = 125 a tick (at c.i.f. alone it would be
         * about 31).
         */
        @Test
        void theHoldersEarnTheStrikeSoTheirSurplusIsTheAreaLeftOfSupplyUpToIt() {
            near(10 * (STRIKE - 3) * (STRIKE - 3) / 2, run.mean(D, Metric.PRODUCER_SURPLUS),
                    "producer surplus = integral of S from 3 to the strike");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ContractForDifferenceBelowTheMarket {
        static final double STRIKE = 4.0;
        static final double UPSIDE = 0.3;
        Run run;

        @BeforeAll
        void run() throws Exception {
            run = new Run(IMPORTER, "[{\"type\": \"contractForDifference\", \"region\": \"D\", \"commodity\": "
                    + "\"metal\", \"strike\": 4, \"upsideShare\": 0.3, \"start\": " + START + "}]");
        }

        @Test
        void firmsPlanOnThePriceLessTheClawbackAndPayItBack() {
            double p = run.mean(D, Metric.PRICE);
            double net = p - UPSIDE * (p - STRIKE);
            near(supplyD(net), run.mean(D, Metric.PRODUCTION), "D's output = S(P - u (P - K))");
            near(-UPSIDE * (p - STRIKE) * supplyD(net), run.mean(D, Metric.FISCAL_COST),
                    "fiscal cost = -u (P - K) S(P - u (P - K))");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BindingTariffRateQuota {
        static final double QUOTA = 20;
        static final double OUT_OF_QUOTA = 0.5;
        Run run;

        @BeforeAll
        void run() throws Exception {
            run = new Run(IMPORTER, "[{\"type\": \"tariffRateQuota\", \"region\": \"D\", \"commodity\": \"metal\", "
                    + "\"inQuotaTariff\": 0, \"outOfQuotaTariff\": 0.5, \"yearlyQuota\": " + QUOTA * 52
                    + ", \"start\": " + START + "}]");
        }

        @Test
        void thePriceIsLandedCostWithTheOutOfQuotaTariff() {
            double cif = run.mean(W, Metric.PRICE) + 0.5;
            double p = cif * (1 + OUT_OF_QUOTA);
            near(p, run.mean(D, Metric.PRICE), "D's price = cif (1 + t_out)");
            near(demandD(p) - supplyD(p), run.mean(D, Metric.IMPORTS), "imports = D(P) - S(P)");
        }

        @Test
        void quotaHoldersEarnTheTariffTheyAreSpared() {
            double cif = run.mean(W, Metric.PRICE) + 0.5;
            near(OUT_OF_QUOTA * cif * QUOTA, run.mean(D, Metric.QUOTA_RENT), "quota rent = (t_out - t_in) cif quota");
            near(OUT_OF_QUOTA * cif * (run.mean(D, Metric.IMPORTS) - QUOTA), run.mean(D, Metric.LEVY_REVENUE),
                    "tariff revenue = t_out cif (imports - quota)");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ExportQuota {
        static final double TRANSPORT = 0.5;
        Run free;
        Run quota;
        double volume;

        @BeforeAll
        void run() throws Exception {
            free = new Run(EXPORTER, "[]");
            // Half of what X exports at free trade.
            double free = root(p -> supplyX(p) - demandX(p) - (demandM(p + TRANSPORT) - supplyM(p + TRANSPORT)), 2.5,
                    12);
            volume = Math.round(10 * (supplyX(free) - demandX(free)) / 2) / 10.0;
            quota = new Run(EXPORTER, "[{\"type\": \"exportQuota\", \"region\": \"X\", \"commodities\": [\"metal\"], "
                    + "\"yearlyVolume\": " + volume * 52 + ", \"start\": " + START + "}]");
        }

        @Test
        void freeTradeMeetsTheTwoRegionEquilibrium() {
            double px = root(p -> supplyX(p) - demandX(p) - (demandM(p + TRANSPORT) - supplyM(p + TRANSPORT)), 2.5, 12);
            near(px, free.mean(0, Metric.PRICE), "P_X");
            near(px + TRANSPORT, free.mean(1, Metric.PRICE), "P_M = P_X + transport");
            near(supplyX(px) - demandX(px), free.mean(0, Metric.EXPORTS), "exports = S_X - D_X");
        }

        @Test
        void aBindingQuotaSplitsThePricesAndItsRentIsTheGap() {
            double px = root(p -> supplyX(p) - demandX(p) - volume, 2.01, 12);
            double pm = root(p -> demandM(p) - supplyM(p) - volume, 3, 40);
            near(volume, quota.mean(0, Metric.EXPORTS), "exports = quota");
            near(px, quota.mean(0, Metric.PRICE), "P_X: S_X - D_X = quota");
            near(pm, quota.mean(1, Metric.PRICE), "P_M: D_M - S_M = quota");
            near(pm - px - TRANSPORT, quota.mean(1, Metric.PRICE) - quota.mean(0, Metric.PRICE) - TRANSPORT,
                    "the gap P_M - P_X - transport");
        }

        /**
         * The gap the quota opens is the traders' to keep: they buy the quota at P_X, ship it for 0.5 and sell it
         * at P_M, so their surplus, booked in M where the cargo sells, is {@code (P_M - P_X - 0.5) * quota} a week
         * (a unit is worth its price in dollars here). The quota's own rent is this margin: no licence fee or tax
         * takes it.
         */
        @Test
        void theTradersKeepTheGapOnWhatTheQuotaLetsThrough() {
            double px = root(p -> supplyX(p) - demandX(p) - volume, 2.01, 12);
            double pm = root(p -> demandM(p) - supplyM(p) - volume, 3, 40);
            near((pm - px - TRANSPORT) * volume, quota.mean(1, Metric.TRADER_SURPLUS),
                    "traders' surplus = (P_M - P_X - transport) * quota");
            assertEquals(0, quota.mean(0, Metric.TRADER_SURPLUS), 1e-12, "nothing is sold in X by a trader");
        }

        /**
         * The quota's net welfare loss a week is the textbook's two triangles: X's consumers gain
         * {@code ∫ D_X} and its producers lose {@code ∫ S_X} between the two prices of X, M's consumers lose
         * {@code ∫ D_M} and its producers gain {@code ∫ S_M} between the two prices of M, and the traders gain the
         * rent {@code (P_M - P_X - 0.5) * quota}; minus their sum is the loss. Left out, the rent, twice the loss,
         * would make the loss three times what it is.
         */
        @Test
        void theNetWelfareLossIsTheTwoTrianglesOnceTheTradersRentIsCounted() {
            double pxFree = root(p -> supplyX(p) - demandX(p) - (demandM(p + TRANSPORT) - supplyM(p + TRANSPORT)), 2.5,
                    12);
            double pmFree = pxFree + TRANSPORT;
            double px = root(p -> supplyX(p) - demandX(p) - volume, 2.01, 12);
            double pm = root(p -> demandM(p) - supplyM(p) - volume, 3, 40);
            double rent = (pm - px - TRANSPORT) * volume;
            double welfare = integral(TextbookTest::demandX, px, pxFree) - integral(TextbookTest::supplyX, px, pxFree)
                    - integral(TextbookTest::demandM, pmFree, pm) + integral(TextbookTest::supplyM, pmFree, pm) + rent;
            double triangles = -welfare;

            double[][] cs = new double[2][quota.outcome.model().horizon()];
            SummaryCalculator.consumerSurplusChangeByTick(quota.outcome.model(), free.outcome.model(), 0, cs);
            double consumers = 0;
            double producers = 0;
            double traders = 0;
            for (int t = FROM; t < TO; t++) {
                for (int m = 0; m < 2; m++) {
                    consumers += cs[m][t] / (TO - FROM);
                    producers += (quota.series.get(t, m, Metric.PRODUCER_SURPLUS)
                            - free.series.get(t, m, Metric.PRODUCER_SURPLUS)) / (TO - FROM);
                    traders += (quota.series.get(t, m, Metric.TRADER_SURPLUS)
                            - free.series.get(t, m, Metric.TRADER_SURPLUS)) / (TO - FROM);
                }
            }
            near(triangles, Summary.Totals.deadweight(consumers, producers, 0, 0, 0, 0, traders, 0, 0),
                    "net welfare loss a week = the two triangles");
        }
    }

    /**
     * The exporter's quota again, and behind it an importer's tariff-rate quota on M: half the export quota
     * enters at no tariff, the rest at 20% of c.i.f. With the export quota holding M's price far above landed cost
     * plus that tariff, the tariff-rate quota moves neither price nor flow; it only splits the traders' gap
     * {@code (P_M - cif) * quota}: the licence holders' rent is {@code (P_M - cif)} a unit in-quota, the tariff
     * {@code 0.2 cif} a unit beyond, and the traders keep the rest. So the net welfare loss barely moves: the rent
     * and the tariff, a gain of the importer's, are the traders' loss. (Seed 1: 13,821 moved, the loss 58 lower
     * with the TRQ, 0.4% of it: prices shift a little as cargo is re-sorted between traders.) Licences a trader was
     * granted and could not use, its cargo cut by the export quota, go at the tick's end to cargo shipped
     * out-of-quota, so the quota fills. Counting the
     * traders' margin nowhere would score the instrument a gain of the whole rent and tariff.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TariffRateQuotaBehindAnExportQuota {
        static final double TRANSPORT = 0.5;
        static final double OUT_OF_QUOTA = 0.2;
        /** How near the rent and the tariff come to their closed forms: the documents claim 0.1%. */
        static final double SPLIT = 0.002;
        Run exportQuota;
        Run both;
        Run noVoyage;
        double volume;
        /** Under the export quota: X's price where it exports the quota, M's where it imports it, landed cost. */
        double px;
        double pm;
        double cif;

        @BeforeAll
        void run() throws Exception {
            // Half of what X exports at free trade.
            double free = root(p -> supplyX(p) - demandX(p) - (demandM(p + TRANSPORT) - supplyM(p + TRANSPORT)), 2.5,
                    12);
            volume = Math.round(10 * (supplyX(free) - demandX(free)) / 2) / 10.0;
            String quota = "{\"type\": \"exportQuota\", \"region\": \"X\", \"commodities\": [\"metal\"], "
                    + "\"yearlyVolume\": " + volume * 52 + ", \"start\": " + START + "}";
            exportQuota = new Run(EXPORTER, "[" + quota + "]");
            String policies = "[" + quota + ", {\"type\": \"tariffRateQuota\", \"region\": \"M\", "
                    + "\"commodity\": \"metal\", \"inQuotaTariff\": 0, \"outOfQuotaTariff\": " + OUT_OF_QUOTA
                    + ", \"yearlyQuota\": " + volume / 2 * 52 + ", \"start\": " + START + "}]";
            both = new Run(EXPORTER, policies);
            noVoyage = new Run(EXPORTER.replace("\"transitTicks\": 1", "\"transitTicks\": 0"), policies);
            px = root(p -> supplyX(p) - demandX(p) - volume, 2.01, 12);
            pm = root(p -> demandM(p) - supplyM(p) - volume, 3, 40);
            cif = px + TRANSPORT;
        }

        @Test
        void theRentAndTheTariffComeOutOfTheTradersGap() {
            near(pm, both.mean(1, Metric.PRICE), "P_M as under the export quota alone");
            near(volume, both.mean(1, Metric.IMPORTS), "imports = the export quota");
            // The gap on the whole quota is shared three ways: licence holders, the treasury and the traders.
            double rent = both.mean(1, Metric.QUOTA_RENT);
            double tariff = both.mean(1, Metric.LEVY_REVENUE);
            double traders = both.mean(1, Metric.TRADER_SURPLUS);
            near((pm - cif) * volume, rent + tariff + traders, "rent + tariff + traders' surplus = (P_M - cif) * quota");
            // Half the quota enters in-quota, at a rent of (P_M - cif) a unit; the other half pays 0.2 cif a unit.
            // The documents claim these two within 0.1% (seed 1: 0.082% and 0.052% short); held to 0.2%.
            near((pm - cif) * volume / 2, rent, SPLIT, "quota rent = (P_M - cif) * quota / 2");
            near(OUT_OF_QUOTA * cif * volume / 2, tariff, SPLIT, "tariff = 0.2 cif * quota / 2");
        }

        /**
         * Cargo on a voyage of no time lands in the tick it ships, before the licences its claimants could not use
         * are known: customs settles it in-quota all the same, so the split is the one above. Left at the
         * out-of-quota tariff, it kept about 5% of the quota out (seed 1: rent 4% short of this, tariff 4% above).
         */
        @Test
        void cargoThatLandsTheTickItShipsIsSettledInQuotaToo() {
            near(volume, noVoyage.mean(1, Metric.IMPORTS), "imports = the export quota");
            near((pm - cif) * volume / 2, noVoyage.mean(1, Metric.QUOTA_RENT), SPLIT,
                    "quota rent = (P_M - cif) * quota / 2");
            near(OUT_OF_QUOTA * cif * volume / 2, noVoyage.mean(1, Metric.LEVY_REVENUE), SPLIT,
                    "tariff = 0.2 cif * quota / 2");
            near((pm - cif) * volume, noVoyage.mean(1, Metric.QUOTA_RENT) + noVoyage.mean(1, Metric.LEVY_REVENUE)
                    + noVoyage.mean(1, Metric.TRADER_SURPLUS), "rent + tariff + traders' surplus = (P_M - cif) * quota");
        }

        @Test
        void theNetWelfareLossBarelyMoves() {
            Summary.Totals alone = exportQuota.outcome.summary().totals();
            Summary.Totals with = both.outcome.summary().totals();
            double moved = with.quotaRent() - alone.quotaRent() + with.levyRevenue() - alone.levyRevenue();
            assertEquals(-moved, with.traderSurplusChange() - alone.traderSurplusChange(), 0.02 * moved,
                    "the traders lose what the licence holders and the treasury gain");
            double change = with.deadweightLoss() - alone.deadweightLoss();
            assertEquals(0, change, 0.02 * moved, "net welfare loss, with the TRQ less without: " + change
                    + " against " + moved + " moved from traders to licence holders and treasury");
        }
    }
}
