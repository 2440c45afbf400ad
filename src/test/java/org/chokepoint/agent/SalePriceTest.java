package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chokepoint.market.OrderBook;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The price a firm decides capacity on is the price its goods fetch, not a quote that may be no more than its own
 * unsold ask. The seller is the minimal scenario's mine: capacity 100, {@code MC(q) = 20 + 30 (q / 100)^2}, so its
 * shutdown price is $20. Default behaviour: expectations close 8% of the gap a week, a stock target of 4 weeks of
 * normal sales, asks cut by {@code (target / stock)^0.2}, never below half.
 *
 * <p>It has sold 10 t a week and holds 320 t, eight times its target of 40: to sell that stock it would ask
 * {@code (40 / 320)^0.2 = 0.125^0.2 = e^(0.2 ln 0.125) = e^-0.41589 = 0.65975} of its expected price. Its ask
 * stops at its shutdown price, since below it holding beats selling; the market, where it is the only seller,
 * quotes that ask, $20.50, and buyers take none of it.
 */
class SalePriceTest {
    static final double QUOTE = 20.5;
    static final double SHARE = 0.65975;

    Firms firms;
    Producers producers;
    int mine;

    @BeforeEach
    void sellerLongInStock() throws Exception {
        firms = MinimalMine.firms();
        mine = MinimalMine.MINE;
        producers = new Producers(firms, BehaviourSpec.DEFAULTS, 52);
        firms.status[mine] = FirmStatus.ACTIVE;
        firms.normalSales[mine] = 10;
        firms.stock[mine] = 320;
        firms.plannedOutput[mine] = 0;
        firms.expectedPrice[mine] = QUOTE;
        firms.salePrice[mine] = QUOTE;
        firms.fetched[mine] = Double.NaN;
        firms.sold[mine] = 0;
    }

    /** One week: offers, sells {@code sold}, and plans the next week on the same quote. */
    private void week(double sold) {
        producers.offer(mine, 0, 0, new OrderBook());
        firms.sold[mine] = sold;
        producers.realise(mine, QUOTE);
        firms.sold[mine] = 0;
        producers.expect(mine, QUOTE);
    }

    @Test
    void stockLongByEightTimesWouldSellAtTwoThirdsOfItsPrice() {
        assertEquals(SHARE, producers.stockedShare(mine), 5e-6);
        firms.stock[mine] = 80;
        assertEquals(Math.pow(0.5, 0.2), producers.stockedShare(mine), 1e-12, "twice the target: 0.5^0.2 = 0.87055");
        firms.stock[mine] = 40;
        assertEquals(1.0, producers.stockedShare(mine), "at its target it asks its price");
        firms.stock[mine] = 4000;
        assertEquals(0.5, producers.stockedShare(mine), "a hundred times its target: the floor of one half");
    }

    /**
     * Offered, none sold: the week fetched {@code 20.5 x 0.65975 = 13.525}, and the sale price closes 8% of the
     * gap, {@code 20.5 - 0.08 x (20.5 - 13.525) = 19.942}, below the $20 shutdown price after one week; the quote,
     * and the expected price that follows it, stay at $20.50.
     */
    @Test
    void aWeekInWhichItsOfferWentUnsoldFetchedWhatItWouldHaveHadToAsk() {
        week(0);
        assertEquals(13.525, QUOTE * SHARE, 5e-4);
        assertEquals(19.942, firms.salePrice[mine], 5e-4);
        assertEquals(QUOTE, firms.expectedPrice[mine], 1e-12);
    }

    /** Some of the offer sold: the rest would go at about the quote another week, so it fetched the quote. */
    @Test
    void aWeekInWhichSomeOfItSoldFetchedTheQuote() {
        week(1);
        assertEquals(QUOTE, firms.salePrice[mine], 1e-12);
    }

    /** At or below its target, an unsold offer is no sign it holds more than it can sell. */
    @Test
    void anUnsoldOfferFromAStockAtItsTargetFetchedTheQuote() {
        firms.stock[mine] = 40;
        week(0);
        assertEquals(QUOTE, firms.salePrice[mine], 1e-12);
    }

    /**
     * After n unsold weeks the sale price is {@code 20.5 (0.65975 + 0.34025 x 0.92^n)}: 19.94 after one, 16.55
     * after ten ({@code 0.92^10 = 0.43439}). Deciding on it, the firm's price stays below its $20 shutdown price from the first week and it
     * mothballs in the 26th; on the quote, $20.50 above that price, it would never have.
     */
    @Test
    void aSellerHoldingUpItsOwnQuoteMothballsAfterHalfAYear() {
        CapacityDecisions decisions = new CapacityDecisions(firms, 0.3, 26, 0.1, 26, 260, -1, 0.15, 1.0 / 3, 0.9);
        int mothballedAt = -1;
        for (int t = 1; t <= 30 && mothballedAt < 0; t++) {
            week(0);
            firms.netPrice[mine] = firms.supports.supportedPrice(mine, firms.expectedPrice[mine]);
            firms.capacityNetPrice[mine] = firms.supports.supportedPrice(mine, firms.salePrice[mine]);
            assertTrue(firms.netPrice[mine] > firms.costBase(mine), "the quote alone says it is in the money");
            if (t == 10) {
                assertEquals(QUOTE * (SHARE + (1 - SHARE) * Math.pow(0.92, 10)), firms.salePrice[mine], 1e-4);
                assertEquals(16.555, firms.salePrice[mine], 5e-3);
            }
            decisions.decide(mine, t);
            if (firms.mothballed(mine)) {
                mothballedAt = t;
            }
        }
        assertEquals(26, mothballedAt);
    }

    /**
     * A firm that sells some of what it offers decides on the quote. In the minimal world without events the
     * magnet maker sells to households every week, and its price for capacity is the price it plans output on
     * every week; the mine sells only to the traders of one lane, whose bids in steps along their margins buy
     * some of its offer every week, so its two prices are the same every week too.
     */
    @Test
    void firmsThatSellDecideOnTheQuote() throws Exception {
        SupplyShockModel m = new SupplyShockModel(
                ScenarioLoader.load(Path.of("src/test/resources/scenarios/minimal.json")).scenario(), 1, 52);
        m.start();
        Firms x = m.firms();
        int unsoldWeeks = 0;
        for (int t = 0; t < 52; t++) {
            m.stepTick();
            for (int f = 0; f < x.count; f++) {
                assertEquals(x.netPrice(f), x.capacityNetPrice(f), 0.0, x.id(f) + " at tick " + t);
                if (!Double.isNaN(x.fetched[f])) {
                    unsoldWeeks++;
                }
            }
            assertTrue(x.producing(0), "the mine keeps producing at tick " + t);
        }
        assertEquals("maker", x.id(1));
        assertEquals(0, unsoldWeeks, "weeks in which a firm sold none of what it offered");
    }
}
