package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.chokepoint.market.OrderBook;
import org.chokepoint.scenario.BehaviourSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lowest price a seller asks under a contract for difference. The contract pays, on top of the sale price,
 * {@code (strike - reference) x covered share} a unit sold, the reference being another market's price (China's
 * NdPr price), so revenue a unit is {@code p + payment} and the seller sells down to {@code MC - payment} and no
 * lower, whatever it expects its own market to pay. Settled against the seller's own price under a cap, it makes
 * up the strike on the seller's part of the cap, which is asked lower.
 *
 * <p>The seller is the minimal scenario's mine: capacity 100, {@code MC(q) = 20 + 30 (q / 100)^2}; planned at 50,
 * {@code MC = 20 + 30 x 0.25 = 27.5}. It holds 10 against a target of 4 weeks of 50 sales, so its stock does not
 * cut its ask.
 */
class ProducersTest {
    static final double STRIKE = 110;
    static final double UPSIDE = 0.3;
    /** The contract's volume cap covered 376 of the 470 t its holders sold last week. */
    static final double COVERED = 376.0 / 470.0;

    Firms firms;
    Producers producers;
    int mine;

    @BeforeEach
    void seller() throws Exception {
        firms = MinimalMine.firms();
        mine = MinimalMine.MINE;
        producers = new Producers(firms, BehaviourSpec.DEFAULTS, 52);
        firms.status[mine] = FirmStatus.ACTIVE;
        firms.plannedOutput[mine] = 50;
        firms.normalSales[mine] = 50;
        firms.stock[mine] = 10;
    }

    /**
     * The mine under the contract, expecting $20 and paid $8 a unit over it, with no stock and sales that would take
     * all it can make, plans from last week's plan within what it may make this week.
     */
    private void planPaidEightOverTwentyFrom(double lastPlan, double available) {
        firms.supports.give(mine, STRIKE, UPSIDE, COVERED * (STRIKE - 100));
        firms.expectedPrice[mine] = 20;
        firms.plannedOutput[mine] = lastPlan;
        firms.normalSales[mine] = 1000;
        firms.stock[mine] = 0;
        producers.plan(mine, firms.supports.supportedPrice(mine, 20), available);
    }

    private double ask(double expectedOwnPrice) {
        firms.expectedPrice[mine] = expectedOwnPrice;
        OrderBook book = new OrderBook();
        producers.offer(mine, 0, 0, book);
        assertEquals(1, book.askCount());
        return book.askLimit(0);
    }

    @Test
    void withoutSupportTheSellerAsksItsMarginalCost() {
        assertEquals(27.5, ask(40), 1e-9);
    }

    /**
     * Reference $100, strike $110: the contract pays 0.8 x 10 = $8 a unit, so the seller takes no less than
     * 27.5 - 8 = $19.5, both when it expects its own market at $60 and when it expects $20. Planning on its own
     * expected price, as if the contract settled against its own sale, it would ask 60 - (110 - 27.5) < 0, and
     * each lower price it got would lower its next ask.
     */
    @Test
    void belowTheStrikeItSellsDownToItsCostLessWhatTheContractPaysAUnitAndNoLower() {
        double payment = COVERED * (STRIKE - 100);
        assertEquals(8.0, payment, 1e-12);
        firms.supports.give(mine, STRIKE, UPSIDE, payment);
        assertEquals(19.5, ask(60), 1e-9);
        assertEquals(19.5, ask(20), 1e-9);
    }

    /** Reference $120: the seller pays back 0.8 x 0.3 x 10 = $2.4 a unit, so it asks 27.5 + 2.4 = $29.9. */
    @Test
    void aboveTheStrikeItAsksItsCostPlusTheClawback() {
        double payment = -COVERED * UPSIDE * (120 - STRIKE);
        firms.supports.give(mine, STRIKE, UPSIDE, payment);
        assertEquals(29.9, ask(120), 1e-9);
    }

    /** Reference $30: 0.8 x 80 = $64 a unit exceeds the cost, and the seller would sell at any price. */
    @Test
    void aPaymentAboveTheCostLeavesNoFloorAboveZero() {
        firms.supports.give(mine, STRIKE, UPSIDE, COVERED * (STRIKE - 30));
        assertEquals(0.0, ask(40), 1e-9);
    }

    /**
     * A contract at 110 on the mine's own price, capped so that it covers 0.8 of what its holders made last week, with
     * that price last at $100: the mine counts on 100 + 0.8 x (110 - 100) = $108 a unit. Of its offer,
     * 10 x 1.5 / 4 = 3.75 t, its part of the cap, 2 t, is made up to the strike whatever it sells at, and it asks for it
     * as under a contract with no cap: its expected price less the room the strike leaves over its cost,
     * 100 - (110 - 27.5) = $17.5. The other 1.75 t it asks at its cost less the covered share's payment,
     * 27.5 - 8 = $19.5. A part of the cap of 5 t, more than it offers, has all 3.75 t asked at $17.5.
     */
    @Test
    void underACappedContractOnItsOwnPriceItOffersItsPartOfTheCapAsUnderNoCapAndTheRestAtItsCostLessThePayment() {
        firms.expectedPrice[mine] = 100;
        firms.supports.give(mine, STRIKE, UPSIDE, COVERED * (STRIKE - 100), 2, Double.NaN);
        assertEquals(108.0, firms.supports.supportedPrice(mine, 100), 1e-9);
        OrderBook book = new OrderBook();
        producers.offer(mine, 0, 0, book);
        assertEquals(2, book.askCount());
        assertEquals(17.5, book.askLimit(0), 1e-9);
        assertEquals(2.0, book.askQuantity(0), 1e-12);
        assertEquals(19.5, book.askLimit(1), 1e-9);
        assertEquals(1.75, book.askQuantity(1), 1e-12);

        firms.supports.give(mine, STRIKE, UPSIDE, COVERED * (STRIKE - 100), 5, Double.NaN);
        book = new OrderBook();
        producers.offer(mine, 0, 0, book);
        assertEquals(1, book.askCount());
        assertEquals(17.5, book.askLimit(0), 1e-9);
        assertEquals(3.75, book.askQuantity(0), 1e-12);
    }

    /**
     * The same capped contract on the mine's own price, the mine certified with a premium of $5 a unit and planning
     * nothing, so that it asks its cost base, $20, less what it is paid a unit: on its part of the cap the strike's
     * room over its expected price, 110 - 100 = $10, and the premium, so 20 - 10 - 5 = $5; on the rest the covered
     * share's payment, 0.8 x 10 = $8, and the premium, 20 - 8 - 5 = $7. The premium counted on the rest but not on its
     * part of the cap, that part stood at 20 - 10 = $10, above the rest.
     */
    @Test
    void aCertifiedSellersPartOfACappedContractsCapCountsItsPremiumAsTheRestDoes() {
        firms.expectedPrice[mine] = 100;
        firms.plannedOutput[mine] = 0;
        firms.premium(mine, 5);
        firms.supports.give(mine, STRIKE, UPSIDE, COVERED * (STRIKE - 100), 2, Double.NaN);
        OrderBook book = new OrderBook();
        producers.offer(mine, 0, 0, book);
        assertEquals(2, book.askCount());
        assertEquals(5.0, book.askLimit(0), 1e-9);
        assertEquals(7.0, book.askLimit(1), 1e-9);
    }

    /**
     * The contract at 110 settled against another market's price, last at $95, capped so that it covers 0.8 of what
     * its holders made last week, the mine expecting $100 in its own: the whole gap is 110 - 95 = $15 a unit, the
     * covered share of it 0.8 x 15 = $12, and the mine counts on 100 + 12 = $112. Its part of the cap, 2 t of its
     * 3.75 t offer, earns the whole $15 over its sale price, and it asks for it its cost less that, 27.5 - 15 = $12.5,
     * not the $17.5 a contract on its own price makes up to the strike; the other 1.75 t it asks at 27.5 - 12 = $15.5.
     */
    @Test
    void underACappedContractOnAnotherPriceItOffersItsPartOfTheCapAtItsCostLessTheWholeGap() {
        firms.expectedPrice[mine] = 100;
        firms.supports.give(mine, STRIKE, UPSIDE, COVERED * (STRIKE - 95), 2, STRIKE - 95);
        assertEquals(112.0, firms.supports.supportedPrice(mine, 100), 1e-9);
        OrderBook book = new OrderBook();
        producers.offer(mine, 0, 0, book);
        assertEquals(2, book.askCount());
        assertEquals(12.5, book.askLimit(0), 1e-9);
        assertEquals(2.0, book.askQuantity(0), 1e-12);
        assertEquals(15.5, book.askLimit(1), 1e-9);
        assertEquals(1.75, book.askQuantity(1), 1e-12);
    }

    /**
     * Expecting $20 in its own market and paid $8 a unit, it is paid $28 and makes no more than where
     * {@code MC = 28}: {@code 20 + 30 u^2 = 28}, {@code u = sqrt(8 / 30) = 0.5164}, 51.64 t. Planning 100 last week,
     * with sales that would take all it can make, it moves a fifth of the way: {@code 100 - 0.2 x 48.36 = 90.33}.
     */
    @Test
    void itMakesNoMoreThanWhereItsCostReachesItsPricePlusThePayment() {
        planPaidEightOverTwentyFrom(100, 100);
        double cap = 100 * Math.sqrt(8.0 / 30);
        assertEquals(51.64, cap, 0.005);
        assertEquals(100 - 0.2 * (100 - cap), firms.plannedOutput[mine], 1e-9);
        assertEquals(90.33, firms.plannedOutput[mine], 0.005);
    }

    /** Its revenue a unit, on which it plans, is its expected price plus the payment: 45 + 8 = $53. */
    @Test
    void itPlansOnItsPricePlusThePayment() {
        firms.supports.give(mine, STRIKE, UPSIDE, COVERED * (STRIKE - 100));
        assertEquals(53.0, firms.supports.supportedPrice(mine, 45), 1e-9);
    }

    /**
     * A plant whose marginal cost is nil (base 0, slope 0) planning 50 with sales of 50 and its stock at its target
     * of 4 x 50 = 200, expecting $10: any positive price is infinitely many times its cost, so it expects to sell
     * {@code maxPricePull} (2) x 50 = 100 and moves a fifth of the way, to 60, as a plant of cost $0.000001 does
     * ({@code 10 / 1e-6} is far beyond the pull's bound). Read as no signal, the price left it at 50 for good.
     */
    @Test
    void aPlanThatCostsNothingIsPulledAsHardAsOneThatCostsAlmostNothing() {
        for (double base : new double[] {0, 1e-6}) {
            firms.costBase[mine] = base;
            firms.costSlope[mine] = 0;
            firms.plannedOutput[mine] = 50;
            firms.normalSales[mine] = 50;
            firms.stock[mine] = 200;
            producers.plan(mine, 10, 100);
            assertEquals(60, firms.plannedOutput[mine], 1e-9, "base " + base);
        }
    }

    /**
     * A mine that starts idle, with no sales, no stock and no plan, expecting $40: like a plant back from a mothball
     * it expects to sell its supply curve's output, {@code 20 + 30 u^2 = 40}, {@code u = sqrt(2/3)}, 81.65 t. Its
     * plan's cost is its base, 20, so the price pulls twice its sales, and its stock target of 4 x 81.65 is missing:
     * it wants {@code 2 x 81.65 + 326.6 / 8 = 204}, more than its 100 t of plant, and moves a fifth of the way, to 20.
     * Planning on no sales it planned nothing, sold nothing and so never planned anything.
     */
    @Test
    void aFirmThatStartsIdleExpectsToSellItsSupplyCurvesOutput() {
        firms.expectedPrice[mine] = 40;
        firms.plannedOutput[mine] = 0;
        firms.normalSales[mine] = 0;
        firms.stock[mine] = 0;
        producers.plan(mine, 40, 100);
        assertEquals(81.65, firms.normalSales(mine), 0.005);
        assertEquals(20, firms.plannedOutput[mine], 1e-9);
    }

    /**
     * The same contract, with a production quota holding the mine to 60 t of its 100: paid $28 a unit, it makes no
     * more than the 51.64 t where its cost reaches that, within the 60 it may make. From a plan of 60 it moves a fifth
     * of the way, to {@code 60 - 0.2 x 8.36 = 58.33}. Its share caps its output, not its plant: read as the curve
     * squeezed into 60 t, the bound was {@code 0.5164 x 60 = 30.98} and the plan fell to 54.20.
     */
    @Test
    void underAQuotaItStillMakesWhereItsCostReachesWhatItIsPaid() {
        planPaidEightOverTwentyFrom(60, 60);
        assertEquals(60 - 0.2 * (60 - 100 * Math.sqrt(8.0 / 30)), firms.plannedOutput[mine], 1e-9);
        assertEquals(58.33, firms.plannedOutput[mine], 0.005);
    }

    /**
     * A mine held to nothing for a while and now to 60 t of its 100, expecting $30: it expects to sell what that price
     * justifies, {@code 20 + 30 u^2 = 30}, {@code u = sqrt(1/3)}, 57.74 t, within its 60. Read as the curve squeezed
     * into its share, it expected {@code 0.5774 x 60 = 34.64}.
     */
    @Test
    void aMineReleasedFromANilQuotaExpectsItsSupplyCurvesOutputWithinItsShare() {
        firms.normalSales[mine] = 0.5;
        producers.resume(mine, 30, 60);
        assertEquals(100 * Math.sqrt(1.0 / 3), firms.normalSales(mine), 1e-9);
        assertEquals(57.74, firms.normalSales(mine), 0.005);
    }

    /**
     * A mine back from a mothball while an outage leaves it half its plant: the 50 t left run along its curve over
     * 50, {@code 20 + 30 (q / 50)^2}, on which it plans and asks, so at the $27.5 it expects they justify
     * {@code 50 sqrt(7.5 / 30) = 25} t, and that is what it expects to sell. Read on its whole plant, it expected
     * {@code 100 sqrt(0.25) = 50}, all the outage leaves it, at a cost on those plants of 50.
     */
    @Test
    void aPlantBackFromAMothballDuringAnOutageExpectsToSellWhatItsRemainingPlantsJustify() {
        firms.status[mine] = FirmStatus.MOTHBALLED;
        firms.setOperableShare(firms.market(mine), 0.5);
        firms.netPrice[mine] = 27.5;
        firms.startOperating(mine);
        assertEquals(25, firms.normalSales(mine), 1e-9);
    }
}
