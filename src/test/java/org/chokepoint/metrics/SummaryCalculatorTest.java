package org.chokepoint.metrics;

import static org.chokepoint.metrics.SummaryCalculator.demandIntegral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chokepoint.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The consumer-surplus integral and the pre-shock window, against numbers worked out by hand. */
class SummaryCalculatorTest {

    @Test
    void isoelasticAreaUnderTheDemandCurve() {
        // ∫_10^20 100 (x/10)^-0.5 dx = 100 · 10 / 0.5 · (2^0.5 − 1) = 2000 (√2 − 1)
        assertEquals(828.4271247461902, demandIntegral(100, 10, -0.5, false, 10, 20), 1e-9);
        // and the other way round, as when a price falls back below its counterfactual
        assertEquals(-828.4271247461902, demandIntegral(100, 10, -0.5, false, 20, 10), 1e-9);
    }

    @Test
    void unitElasticAreaIsALogarithm() {
        // ∫_4^8 50 · 4 / x dx = 200 ln 2
        assertEquals(138.62943611198907, demandIntegral(50, 4, -1.0, false, 4, 8), 1e-9);
    }

    /**
     * A market flooded by producers with no costs can quote 0, where the households' isoelastic curve is flat
     * below 1e-15 of its reference price: the area down to 0 is that flat part's rectangle plus the curve's own
     * area above it, finite, where the curve's own integral to 0 is infinite at an elasticity of -1 or below (the
     * summary's consumer surplus was null in a two-region world whose exporter, banned from exporting, quoted 0).
     * Unit elastic through (4, 50): 4e-15 · 5e16 = 200, and 200 ln(4 / 4e-15) = 200 · 15 ln 10 = 6,907.76; at
     * elasticity -2 through (1, 1): 1e-15 · 1e30 = 1e15, and 1/1e-15 − 1.
     */
    @Test
    void theAreaDownToAZeroPriceIsFinite() {
        assertEquals(-7107.755278982137, demandIntegral(50, 4, -1.0, false, 4, 0), 1e-9);
        assertEquals(7107.755278982137, demandIntegral(50, 4, -1.0, false, 0, 4), 1e-9);
        assertEquals(2e15 - 1, demandIntegral(1, 1, -2.0, false, 0, 1), 1.0);
        // within the flat part the area is the rectangle alone: 1e-16 · 5e16
        assertEquals(5.0, demandIntegral(50, 4, -1.0, false, 0, 1e-16), 1e-9);
    }

    @Test
    void linearAreaIsATrapezoid() {
        // A = 120, p0 = 8, ε = −1: D(x) = 240 − 15x. ∫_6^8 = 480 − 7.5 (64 − 36) = 270
        assertEquals(270.0, demandIntegral(120, 8, -1.0, true, 6, 8), 1e-9);
        assertEquals(-270.0, demandIntegral(120, 8, -1.0, true, 8, 6), 1e-9);
    }

    @Test
    void linearDemandStopsAtTheChokePrice() {
        // D(x) = 240 − 15x is zero from x = 16 on: ∫_12^20 = ∫_12^16 = 960 − 7.5 (256 − 144) = 120
        assertEquals(120.0, demandIntegral(120, 8, -1.0, true, 12, 20), 1e-9);
        assertEquals(0.0, demandIntegral(120, 8, -1.0, true, 17, 30), 1e-12);
    }

    /**
     * Above its choke price a sector buys nothing, so the area stops there: the linear curve through (8, 120)
     * of elasticity −1 choked at 9 gives 120 × [(2x − x²/16)] from 8 to 9 = 112.5 whether the price went to 9.5
     * or 10.27, and nothing between two prices above the choke; an isoelastic one (−0.5, through (10, 100))
     * choked at 15 gives 2,000 × (√1.5 − 1) = 449.49.
     */
    @Test
    void theAreaStopsAtTheChokePrice() {
        assertEquals(112.5, demandIntegral(120, 8, -1.0, true, 9, 8, 10.27), 1e-9);
        assertEquals(112.5, demandIntegral(120, 8, -1.0, true, 9, 8, 9.5), 1e-9);
        assertEquals(-112.5, demandIntegral(120, 8, -1.0, true, 9, 10.27, 8), 1e-9);
        assertEquals(0.0, demandIntegral(120, 8, -1.0, true, 9, 9.5, 10.27), 1e-12);
        assertEquals(449.49, demandIntegral(100, 10, -0.5, false, 15, 10, 20), 0.01);
        assertEquals(828.4271247461902, demandIntegral(100, 10, -0.5, false, 200, 10, 20), 1e-9,
                "a choke price above both prices changes nothing");
    }

    @Test
    void perfectlyInelasticDemandIsARectangle() {
        assertEquals(200.0, demandIntegral(40, 8, 0.0, true, 5, 10), 1e-12);
        assertEquals(200.0, demandIntegral(40, 8, 0.0, false, 5, 10), 1e-12);
    }

    @Test
    void theWindowEndsAtTheFirstShock() {
        Scenario.TimeSpec time = new Scenario.TimeSpec(52, 520, 13, 104, null, null, null, null, null);

        assertEquals(new SummaryCalculator.Window(187, 200), SummaryCalculator.window(time, 200, 520));
        assertEquals(new SummaryCalculator.Window(0, 5), SummaryCalculator.window(time, 5, 520),
                "an early shock leaves a short window");
    }

    @Test
    void withoutAShockTheWindowEndsWithTheWarmUp() {
        Scenario.TimeSpec time = new Scenario.TimeSpec(52, 520, 13, 104, null, null, null, null, null);

        assertEquals(new SummaryCalculator.Window(91, 104), SummaryCalculator.window(time, -1, 520));
        assertEquals(new SummaryCalculator.Window(47, 60), SummaryCalculator.window(time, -1, 60),
                "clipped to a horizon shorter than the warm-up");
    }

    /**
     * A run that starts at its equilibrium needs no warm-up, so {@code warmupTicks} 0 is a natural setting; with
     * no shock after tick 0 the W ticks before the warm-up's end are none, and every market's baseline price,
     * peak multiple, recovery and crossings came out null. The window is then tick 0, the price the run starts
     * at.
     */
    @Test
    void withNoWarmUpAndNoLaterShockTheWindowIsTheFirstTick() {
        Scenario.TimeSpec time = new Scenario.TimeSpec(52, 520, 13, 0, null, null, null, null, null);

        assertEquals(new SummaryCalculator.Window(0, 1), SummaryCalculator.window(time, -1, 520), "no shock");
        assertEquals(new SummaryCalculator.Window(0, 1), SummaryCalculator.window(time, 0, 520), "a shock at tick 0");
        assertEquals(new SummaryCalculator.Window(0, 3), SummaryCalculator.window(time, 3, 520),
                "a later shock still ends the window");
    }

    @Test
    void flattenNamesEveryNumberAndWritesMissingValuesAsNaN() {
        Summary s = new Summary(
                List.of(new Summary.MarketSummary("CN", "ndpr-oxide", 60, 90, 210, 1.5, null, 12, null, null, null,
                        null, 205, null)),
                new Summary.Totals(1, 2, 3, 0));

        var row = s.flatten();

        assertEquals(List.of("totals.downstreamOutputLoss", "totals.finalDemandShortage",
                "totals.consumerSurplusChange", "totals.producerSurplusChange", "totals.fiscalCost",
                "totals.publicStockValue", "totals.levyRevenue", "totals.quotaRent", "totals.traderSurplusChange",
                "totals.privateStockValueChange", "totals.plantValueChange", "totals.deadweightLoss",
                "pv.downstreamOutputLoss", "pv.finalDemandShortage",
                "pv.consumerSurplusChange", "pv.producerSurplusChange", "pv.fiscalCost", "pv.publicStockValue",
                "pv.levyRevenue", "pv.quotaRent", "pv.traderSurplusChange", "pv.privateStockValueChange",
                "pv.plantValueChange",
                "pv.deadweightLoss",
                "CN.ndpr-oxide.baselinePrice",
                "CN.ndpr-oxide.peakPrice", "CN.ndpr-oxide.peakTick", "CN.ndpr-oxide.peakMultiple",
                "CN.ndpr-oxide.recoveryTick", "CN.ndpr-oxide.cumulativeShortage",
                "CN.ndpr-oxide.daysOfCoverAtShock", "CN.ndpr-oxide.outputLoss", "CN.ndpr-oxide.outputLossShare",
                "CN.ndpr-oxide.ticksToExhaustion", "CN.ndpr-oxide.firstTickAbove2x",
                "CN.ndpr-oxide.firstTickAbove5x"),
                List.copyOf(row.keySet()));
        assertEquals(1.5, row.get("CN.ndpr-oxide.peakMultiple"));
        assertEquals(-(2 + 3 - 0), row.get("totals.deadweightLoss"), "minus the surplus changes net of outlays");
        assertTrue(row.get("CN.ndpr-oxide.recoveryTick").isNaN());
        assertTrue(row.get("CN.ndpr-oxide.daysOfCoverAtShock").isNaN());
        assertTrue(row.get("CN.ndpr-oxide.outputLoss").isNaN(), "no counterfactual, no loss");
        assertEquals(205.0, row.get("CN.ndpr-oxide.firstTickAbove2x"));
        assertTrue(row.get("CN.ndpr-oxide.firstTickAbove5x").isNaN(), "never five times: NA");
    }

    @Test
    void stocksRunDownAfterTheShockAtAKnownPace() {
        // 100 t before the shock at tick 10, then 6 t a tick drawn down: 100 - 6 (t - 9) on tick t >= 10.
        // A quarter of 100 is 25; 100 - 6 (t - 9) < 25 first at t - 9 = 13, t = 22: 12 ticks after the shock.
        java.util.function.IntToDoubleFunction stock = t -> t < 10 ? 100 : 100 - 6.0 * (t - 9);
        var window = new SummaryCalculator.Window(0, 10);

        assertEquals(12, SummaryCalculator.ticksToExhaustion(stock, window, 10, 40, 0.25));
        // half: 100 - 6 (t - 9) < 50 first at t - 9 = 9, t = 18
        assertEquals(8, SummaryCalculator.ticksToExhaustion(stock, window, 10, 40, 0.5));
        assertEquals(null, SummaryCalculator.ticksToExhaustion(stock, window, 10, 20, 0.25),
                "the run ended before the stock fell that far");
        assertEquals(null, SummaryCalculator.ticksToExhaustion(stock, window, -1, 40, 0.25), "no shock, no clock");
        assertEquals(null, SummaryCalculator.ticksToExhaustion(t -> 0, window, 10, 40, 0.25),
                "nothing held before the shock: nothing to exhaust");
    }

    @Test
    void thePriceCrossesEachMultipleOfItsBaselineOnce() {
        // 50 until tick 20, then up 10% a tick: 50 * 1.1^(t - 20). Twice the baseline (100) is passed when
        // 1.1^n > 2, n > ln 2 / ln 1.1 = 7.27, so n = 8 (t = 28); five times (250) when n > 16.89: t = 37.
        java.util.function.IntToDoubleFunction price = t -> t <= 20 ? 50 : 50 * Math.pow(1.1, t - 20);

        assertEquals(28, SummaryCalculator.firstTickAbove(price, 7, 100, 2 * 50.0));
        assertEquals(37, SummaryCalculator.firstTickAbove(price, 7, 100, 5 * 50.0));
        assertEquals(null, SummaryCalculator.firstTickAbove(price, 7, 30, 5 * 50.0), "not within the run");
        assertEquals(null, SummaryCalculator.firstTickAbove(price, 7, 100, Double.NaN), "no baseline");
    }

    @Test
    void aPreShockPriceOfZeroHasNoMultipleAndNoCrossings() {
        // A market with no price before the shock, 0, then 3 from tick 20: not "infinitely" dear, and not
        // above twice or five times its pre-shock price at tick 20, since anything is above a multiple of 0.
        java.util.function.IntToDoubleFunction price = t -> t < 20 ? 0 : 3;

        assertTrue(Double.isNaN(SummaryCalculator.peakMultiple(3, 0)), "NA, not Infinity");
        assertTrue(Double.isNaN(SummaryCalculator.peakMultiple(0, 0)));
        assertEquals(null, SummaryCalculator.firstTickAboveMultiple(price, 7, 100, 2, 0));
        assertEquals(null, SummaryCalculator.firstTickAboveMultiple(price, 7, 100, 5, 0));
        assertEquals(1.5, SummaryCalculator.peakMultiple(3, 2));
        assertEquals(20, SummaryCalculator.firstTickAboveMultiple(price, 7, 100, 1, 2.5), "above 2.5 at 20");
    }

    /**
     * The NdPr scenario's restriction is announced in week 156, so its pre-shock window is weeks 143-155 and its
     * totals count from 143; a contract for difference in force from week 26 moves the accounting start to 26, so
     * that the contract's payments and what they change are counted over the same weeks.
     */
    @Test
    void anInstrumentInForceBeforeTheShockIsCountedFromItsStart() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("scenarios/ndpr-price-floor-2025.json"));
        Scenario plain = org.chokepoint.scenario.ScenarioLoader.fromText(text, "ndpr.json").scenario();
        SummaryCalculator.Window window = SummaryCalculator.window(plain.time(), plain.firstShockTick(),
                plain.time().horizonTicks());
        assertEquals(143, window.start());
        assertEquals(143, SummaryCalculator.accountingStart(plain, window));

        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        json.withArray("policies").addObject().put("type", "contractForDifference").put("id", "cfd")
                .put("region", "US").put("commodity", "ndpr-oxide").put("strike", 110.0).put("start", 26);
        Scenario withCfd = org.chokepoint.scenario.ScenarioLoader.fromText(json.toString(), "cfd.json").scenario();
        assertEquals(156, withCfd.firstShockTick(), "an importer's instrument does not move the pre-shock window");
        assertEquals(26, SummaryCalculator.accountingStart(withCfd, window));
    }
}
