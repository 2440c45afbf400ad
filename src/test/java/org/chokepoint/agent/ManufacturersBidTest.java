package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.nio.file.Path;
import org.chokepoint.market.OrderBook;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A magnet maker's bid for its oxide, worked by hand. The minimal scenario's maker, given 50 t a week of plant,
 * {@code MC(q) = 10 + 5 (q / 50)^2}, 0.3 t of oxide a tonne of magnet, every value per unit 1, plans 40 t with normal
 * sales of 40, expecting $90 for a magnet and $100 for oxide. Its average variable cost at 40 is
 * {@code 10 + 5 x 0.8^2 / 3 = 11.0667}, so the most its plan lets it pay for oxide, its reservation, is
 * {@code (90 - 11.0667) / 0.3 = 263.11}. It orders the week's use, {@code 0.3 x 40 = 12}, plus an eighth of the gap
 * to its target of {@code 6 x 12 = 72} (six weeks' cover), and, the only buyer of oxide in Japan, bids it in four
 * equal steps.
 */
class ManufacturersBidTest {
    private static final int MAKER = 1;

    private SupplyShockModel model;
    private Firms x;
    private Manufacturers manufacturers;
    private int slot;
    private OrderBook book;

    @BeforeEach
    void maker() throws Exception {
        model = new SupplyShockModel(
                ScenarioLoader.load(Path.of("src/test/resources/scenarios/minimal.json")).scenario(), 1, 52);
        model.start();
        x = model.firms();
        assertEquals("maker", x.id(MAKER));
        manufacturers = new Manufacturers(x, model.world(), model.scenario().behaviour());
        slot = x.firstSlot(MAKER);
        assertEquals(4, manufacturers.bidSteps(slot), "the only buyer of its input bids four steps");
        x.status[MAKER] = FirmStatus.ACTIVE;
        x.capacity[MAKER] = 50;
        x.plannedOutput[MAKER] = 40;
        x.normalSales[MAKER] = 40;
        x.expectedPrice[MAKER] = 90;
        x.inputExpectedPrice[slot] = 100;
        x.expectedInputCost[MAKER] = 0.3 * 100;
        book = model.markets().book(x.inputMarket(slot));
        book.reset();
    }

    private void bidWith(double stock) {
        x.inputStock[slot] = stock;
        manufacturers.prepareBids(MAKER);
        manufacturers.bid(slot, model.markets());
        assertEquals(4, book.bidCount());
    }

    /**
     * With no oxide left it would bid three times the $100 it expects, but no more than its reservation: every step
     * at 263.11, for {@code (12 + 72 / 8) / 4 = 5.25} t each.
     */
    @Test
    void aMakerWithNoStockBidsUpToWhatItsPlanLetsItPay() {
        bidWith(0);
        assertEquals(78.9333, x.inputBudget[MAKER], 1e-4, "90 less the average variable cost of 40, 11.0667");
        for (int k = 0; k < 4; k++) {
            assertEquals(263.111, book.bidLimit(k), 1e-3, "step " + (k + 1));
            assertEquals(5.25, book.bidQuantity(k), 1e-9, "step " + (k + 1));
        }
    }

    /**
     * With its stock at its target, 72, it orders the week's use, 12, in steps of 3, each valued at the stock the
     * use and a purchase of its size up to the middle of the step leave: {@code 72 - 12 (1 - (k - 0.5) / 4)}, 61.5
     * for the first and 70.5 for the last, so it bids {@code 100 (72 / 61.5)^0.2 = 103.20} down to
     * {@code 100 (72 / 70.5)^0.2 = 100.42}, far below its reservation.
     */
    @Test
    void aMakerAtItsTargetBidsAboutWhatItExpects() {
        bidWith(72);
        assertStepsAtTarget(book, 3.0);
    }

    /**
     * The four steps of a maker at its target of 72 with 12 of use valued a step, as worked above: the stock left
     * 61.5, 64.5, 67.5 and 70.5, bids of {@code 100 (72 / held)^0.2}, 103.20 down to 100.42, each of
     * {@code stepQuantity}.
     */
    static void assertStepsAtTarget(OrderBook book, double stepQuantity) {
        double[] held = {61.5, 64.5, 67.5, 70.5};
        for (int k = 0; k < 4; k++) {
            assertEquals(100 * Math.pow(72 / held[k], 0.2), book.bidLimit(k), 1e-9, "step " + (k + 1));
            assertEquals(stepQuantity, book.bidQuantity(k), 1e-9, "step " + (k + 1));
        }
        assertEquals(103.20, book.bidLimit(0), 0.005);
        assertEquals(100.42, book.bidLimit(3), 0.005);
    }

    /**
     * Under a contract for difference at a strike of 95, above the $90 it expects, each magnet brings it 95, and
     * that is what it plans its output on, so it is what its oxide is worth to it: its reservation is
     * {@code (95 - 11.0667) / 0.3 = 279.78}, not 263.11; with no oxide left every step stands there, below three
     * times the 100 it expects. The upside it would pay back above the strike does not enter below it.
     */
    @Test
    void aMakerUnderAContractForDifferenceBidsWhatTheStrikeLetsItPay() {
        x.supports.give(MAKER, 95, 0.3, Double.NaN);
        bidWith(0);
        assertEquals(83.9333, x.inputBudget[MAKER], 1e-4, "the strike 95 less the average variable cost of 40");
        for (int k = 0; k < 4; k++) {
            assertEquals(279.778, book.bidLimit(k), 1e-3, "step " + (k + 1));
        }
    }

    /** A certificate premium of 5 a magnet on top of the $90 it expects is worth the same to it as a strike of 95. */
    @Test
    void aMakerWhoseMagnetsEarnACertificatePremiumBidsWithIt() {
        x.premium(MAKER, 5);
        bidWith(0);
        assertEquals(83.9333, x.inputBudget[MAKER], 1e-4, "90 and the premium 5 less the average variable cost of 40");
        for (int k = 0; k < 4; k++) {
            assertEquals(279.778, book.bidLimit(k), 1e-3, "step " + (k + 1));
        }
    }

    /**
     * Under supply risk what it pays at most moves from its reservation toward what the oxide is worth to a maker
     * that keeps its plant, in proportion to the risk: its magnet less the least its conversion can cost, 10, per
     * 0.3 t of oxide. At a risk of one half and the $90 it expects, {@code (90 - 10) / 0.3 = 266.67}, so it pays at
     * most {@code 263.11 + (266.67 - 263.11) / 2 = 264.89}.
     */
    @Test
    void aMakerThatSeesItsSupplyAtRiskBidsTowardWhatTheOxideIsWorthToIt() throws Exception {
        halfTheOxideAtRisk();
        bidWith(0);
        for (int k = 0; k < 4; k++) {
            assertEquals(264.889, book.bidLimit(k), 1e-3, "step " + (k + 1));
        }
    }

    /**
     * Under the contract at a strike of 95 a magnet brings it 95, and its capacity rule closes it only when that
     * less its inputs falls below its lowest conversion cost, so the oxide is worth {@code (95 - 10) / 0.3 = 283.33}
     * to it: at a risk of one half it pays at most {@code 279.78 + (283.33 - 279.78) / 2 = 281.56}. Read on the $90
     * the market pays, the oxide was worth 266.67, less than its reservation, and the risk added nothing.
     */
    @Test
    void aMakerUnderAContractForDifferenceThatSeesItsSupplyAtRiskBidsTowardWhatTheStrikeMakesTheOxideWorth()
            throws Exception {
        x.supports.give(MAKER, 95, 0.3, Double.NaN);
        halfTheOxideAtRisk();
        bidWith(0);
        for (int k = 0; k < 4; k++) {
            assertEquals(281.556, book.bidLimit(k), 1e-3, "step " + (k + 1));
        }
    }

    /** Buyers of Japan's oxide see half their supply at risk (the risk is read from the news, not set, in a run). */
    private void halfTheOxideAtRisk() throws Exception {
        SupplyRisk risk = new SupplyRisk(model.markets().count(), model.scenario().behaviour().precaution(),
                model.world().ticksPerYear());
        Field perceived = SupplyRisk.class.getDeclaredField("risk");
        perceived.setAccessible(true);
        ((double[]) perceived.get(risk))[x.inputMarket(slot)] = 0.5;
        manufacturers.useRisk(risk);
    }
}
