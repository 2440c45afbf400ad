package org.chokepoint.policy;

import static org.chokepoint.policy.ExporterInstrumentsTest.isoelasticX;
import static org.chokepoint.policy.ExporterInstrumentsTest.isoelasticXsFreeTradePrice;
import static org.chokepoint.policy.ExporterInstrumentsTest.supplyX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.agent.Firms;
import org.chokepoint.metrics.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * X's mines, ten of 20 a week at {@code MC = 2 + 10 q / 20}, are shut whole by an outage from week 190 to week 240 of
 * the isoelastic two-region world, where free trade sets X's price at 9.2 and its mines make {@code S_X(9.2) = 144}.
 * Through the outage they sell their stock, then nothing, and X's price stands at its buyers' limit of 100. Planning
 * on normal sales that had run down to almost nothing, they came back a few percent a week: 1.8 the week they were
 * back, 21 forty weeks on, X's price at 100 until about week 290. Back from such an outage a firm restarts as one
 * back from a mothball does: it expects to sell what its price justifies, and reads its return as a quota's end after
 * a nil release, the price it counts on falling to its marginal cost at full runs, {@code 2 + 10 = 12}. So its plan
 * moves a fifth of the way to all its plant makes in the first week, at least 40, and the price comes down to where
 * its own output sets it within three weeks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholePlantOutageTest {
    static final int X = 0;
    TextbookTest.Run run;

    @BeforeAll
    void run() throws Exception {
        run = new TextbookTest.Run(world(320), "[]");
    }

    /** The isoelastic two-region world of {@code horizon} weeks with X's mines out from week 190 to week 240. */
    static String world(int horizon) {
        String world = isoelasticX(horizon).replace("\"behaviour\"", "\"events\": [{\"type\": \"capacityOutage\","
                + " \"id\": \"x-down\", \"region\": \"X\", \"commodity\": \"metal\", \"share\": 1.0, \"start\": 190,"
                + " \"end\": 240}], \"behaviour\"");
        assertTrue(world.contains("x-down"), "the outage written in");
        return world;
    }

    /**
     * A quota of 30 a week on X's mines from week 100 holds nothing while the outage leaves them nothing to make, so
     * whether it ends in week 204, within the outage, or in week 240, the week they are back, the mines come back to
     * the same world: week by week from 240 they make, stock and price alike. Ending with the outage, the quota's end
     * stood in the way of the return, which the mines then did not read: they counted on the buyers' limit of 100,
     * ran up to 194 a week, and their stock reached 1,387 against the 1,059 it reaches when the quota ends at 204.
     */
    @Test
    void aQuotaThatEndsTheWeekTheMinesAreBackLeavesThemAsOneThatEndedWithinTheOutage() throws Exception {
        String world = world(320);
        String quota = "[{\"type\": \"productionQuota\", \"id\": \"mining-quota\", \"region\": \"X\","
                + " \"commodity\": \"metal\", \"start\": 100, \"yearlyVolumes\": [" + 30 * 52 + "], \"end\": ";
        TextbookTest.Run withinTheOutage = new TextbookTest.Run(world, quota + "204}]");
        TextbookTest.Run withTheOutage = new TextbookTest.Run(world, quota + "240}]");
        for (int t = 240; t < 320; t++) {
            for (Metric metric : new Metric[] {Metric.PRODUCTION, Metric.STOCK, Metric.PRICE}) {
                assertEquals(withinTheOutage.at(t, X, metric), withTheOutage.at(t, X, metric), "week " + t + ": " + metric);
            }
        }
    }

    @Test
    void throughTheOutageXMakesNothingAndItsPriceStandsAtItsBuyersLimit() {
        for (int t = 190; t < 240; t++) {
            assertEquals(0.0, run.at(t, X, Metric.PRODUCTION), 0, "week " + t);
        }
        assertEquals(100.0, run.at(239, X, Metric.PRICE), 1e-9, "the buyers' limit");
    }

    /**
     * The week the outage starts X's mines make nothing, and what they sell comes from a stock they cannot make again
     * until week 240: a unit sold now is one fewer to sell later. So they ask what they expect it to fetch, the price
     * of free trade they have followed, and X's buyers take their usual {@code D_X(9.2) = 100 (5 / 9.2)^0.5 = 73.7}
     * while the stock lasts. Asking the marginal cost of a plant that makes nothing, the cost base of 2, the mines sold
     * 230 in week 190 against their normal 148, X's households taking 147 against their usual 74, at 2.00, and 8.11
     * the week after.
     */
    @Test
    void theFirstWeeksOfTheOutageXsMinesSellTheirStockAtThePriceTheyExpectNotAtTheirCostBase() {
        double free = isoelasticXsFreeTradePrice();
        for (int t = 190; t <= 191; t++) {
            double p = run.at(t, X, Metric.PRICE);
            assertEquals(free, p, 0.01 * free, "week " + t + ": P_X");
            assertEquals(100 * Math.sqrt(5 / free), run.at(t, X, Metric.CONSUMPTION), 0.01 * 73.7,
                    "week " + t + ": D_X");
        }
    }

    /**
     * Through the outage each mine's price followed X's, the buyers' limit of 100. The week it is back it counts on
     * the marginal cost of all its plant makes, {@code 2 + 10 × 20 / 20 = 12}, which is below that, so 12 exactly.
     * Counting on 100, the mines ran up to almost all their plant into a price that fell past their cost: they made up
     * to 194 a week, their stock reached 1,400 and X's price 7.1, against 1,055 and 7.6.
     */
    @Test
    void theWeekTheyAreBackXsMinesCountOnTheCostOfTheirWholePlant() throws Exception {
        Firms firms = new TextbookTest.Run(world(241), "[]").outcome.model().firms();
        int mines = 0;
        for (int f = 0; f < firms.count; f++) {
            if (firms.market(f) == X) {
                assertEquals(12.0, firms.expectedPrice(f), 1e-12, firms.id(f) + " after week 240");
                mines++;
            }
        }
        assertEquals(10, mines, "X's mines");
    }

    /**
     * Through the outage X's price stands at the buyers' limit of 100, far above the mines' full cost of 12 and the
     * 12 × 1.25 = 15 that makes plant worth building, but what holds the mines back is the outage, not their plant:
     * it takes the same share, all, of any plant they add. So they build none, through the outage or after it, when
     * they make 144 of their 200 again, and none in six years of an outage with no end: 10 mines of 20 a week, 200,
     * in every week. Read as short of plant, they ordered a fifth more after 26 weeks at 100 and came back with 240;
     * with no end to the outage they had 1,300 by week 519, none of which could make anything.
     */
    @Test
    void xsMinesBuildNoPlantForThePriceAnOutageOfTheirWholePlantSets() throws Exception {
        String endless = world(520).replace(", \"end\": 240}", "}");
        assertTrue(!endless.contains("\"end\": 240"), "the outage's end taken out");
        TextbookTest.Run forGood = new TextbookTest.Run(endless, "[]");
        for (int t = 0; t < 520; t++) {
            if (t < 320) {
                assertEquals(200.0, run.at(t, X, Metric.CAPACITY), 1e-9, "X's capacity, week " + t);
            }
            assertEquals(200.0, forGood.at(t, X, Metric.CAPACITY), 1e-9, "X's capacity, no end, week " + t);
        }
        assertEquals(100.0, forGood.at(519, X, Metric.PRICE), 1e-9, "the buyers' limit to the end");
    }

    @Test
    void backFromTheOutageXsMinesRunUpAFifthOfTheWayToTheirWholePlantInTheFirstWeek() {
        assertTrue(run.at(240, X, Metric.PRODUCTION) >= 0.2 * 200, "week 240: " + run.at(240, X, Metric.PRODUCTION));
        double free = isoelasticXsFreeTradePrice();
        int week = 240;
        while (run.at(week, X, Metric.PRODUCTION) < supplyX(free)) {
            week++;
        }
        assertTrue(week <= 245, "X makes S_X(9.2) = 144 again in week " + week);
    }

    @Test
    void fromTheThirdWeekBackXsPriceStaysWithinHalfAgainOfFreeTrade() {
        double free = isoelasticXsFreeTradePrice();
        for (int t = 243; t < 320; t++) {
            double p = run.at(t, X, Metric.PRICE);
            assertTrue(p < 1.5 * free, "week " + t + ": P_X " + p + " against 1.5 × 9.2 = 13.8");
        }
    }
}
