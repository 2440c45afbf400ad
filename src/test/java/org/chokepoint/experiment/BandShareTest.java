package org.chokepoint.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.chokepoint.model.Simulation;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The share of an ensemble's runs inside a band, the figure a calibration reports per run (13 runs of 100 with NdPr
 * at five times its price or more), with Wilson's score interval: for k of n inside, p = k / n and z the normal
 * quantile of 0.975, the interval is {@code (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n)}.
 */
class BandShareTest {
    private static final double Z = 1.959963984540054;

    private static double[] wilson(int k, int n) {
        double p = (double) k / n;
        double d = 1 + Z * Z / n;
        double centre = (p + Z * Z / (2 * n)) / d;
        double half = Z / d * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n));
        return new double[] {centre - half, centre + half};
    }

    @Test
    void twoOfFourRunsWithAValueLieInsideAndTheRunWithoutOneIsLeftOut() {
        // Five runs, one without a value (NA): 2 and 3 lie in [2, 4], 1 and 5 outside; a bound is inside the band.
        BandShare.Share s = BandShare.parse("JP.ndpr-oxide.peakMultiple=2:4").of(new double[] {1, 2, 3, Double.NaN, 5});
        assertEquals(4, s.n());
        assertEquals(1, s.missing());
        assertEquals(2, s.inside());
        assertEquals(0.5, s.share(), 0);
        // By hand: p = 0.5, n = 4, z^2 = 3.8415: (0.5 + 0.4802 -+ 0.6862) / 1.9604 = 0.1500 to 0.8500.
        assertEquals(0.1500, s.ci95Low(), 1e-4);
        assertEquals(0.8500, s.ci95High(), 1e-4);
        assertEquals(wilson(2, 4)[0], s.ci95Low(), 1e-12);
        assertEquals(wilson(2, 4)[1], s.ci95High(), 1e-12);
        assertEquals("JP.ndpr-oxide.peakMultiple in [2, 4]: 2 of 4 runs (50%, 95% CI 15-85%), 1 without a value",
                s.describe());
    }

    @Test
    void noRunInsideStillHasAnIntervalAboveNothing() {
        // 0 of 8: the normal approximation gives [0, 0]; Wilson's upper end is z^2 / (n + z^2) = 3.8415 / 11.8415.
        BandShare.Share s = BandShare.parse("JP.ndpr-oxide.peakMultiple=5:").of(new double[] {4, 4.2, 3.3, 4.9, 4.1,
            3.9, 4.4, 4.0});
        assertEquals(0, s.inside());
        assertEquals(0.0, s.ci95Low(), 1e-15);
        assertEquals(Z * Z / (8 + Z * Z), s.ci95High(), 1e-12);
        assertEquals(0.3244, s.ci95High(), 1e-4);
        assertEquals("JP.ndpr-oxide.peakMultiple >= 5: 0 of 8 runs (0%, 95% CI 0-32%)", s.describe());
    }

    /**
     * With no run inside Wilson's lower end is 0, with every run inside its upper end 1, exactly: the
     * {@code p + z²/2n} and the root cancel. Computed as they are written, they missed by a rounding error: 0 of 21
     * gave -1.17e-17, which the terminal printed as "95% CI -0-15%", and 11 of 11 gave 1.0000000000000002, an
     * interval reaching past every run. The other ends are {@code z² / (n + z²)} = 3.8415 / 24.8415 = 0.1546 and
     * {@code n / (n + z²)} = 11 / 14.8415 = 0.7412.
     */
    @Test
    void noRunOrEveryRunInsideGivesAnIntervalEndingAtNothingOrAll() {
        double[] none = new double[21];
        java.util.Arrays.fill(none, 4.0);
        BandShare.Share s = BandShare.parse("JP.ndpr-oxide.peakMultiple=5:").of(none);
        assertEquals(0.0, s.ci95Low(), 0);
        assertEquals(0.1546, s.ci95High(), 1e-4);
        assertEquals("0.0", s.toJson().get("ci95Low").toString());
        assertEquals("JP.ndpr-oxide.peakMultiple >= 5: 0 of 21 runs (0%, 95% CI 0-15%)", s.describe());
        double[] all = new double[11];
        java.util.Arrays.fill(all, 6.0);
        BandShare.Share t = BandShare.parse("JP.ndpr-oxide.peakMultiple=5:").of(all);
        assertEquals(0.7412, t.ci95Low(), 1e-4);
        assertEquals(1.0, t.ci95High(), 0);
        assertEquals("JP.ndpr-oxide.peakMultiple >= 5: 11 of 11 runs (100%, 95% CI 74-100%)", t.describe());
    }

    /** 199 runs of 200 inside is not all of them, and 1 of 400 is not none: the share is then given to a tenth. */
    @Test
    void aShareNearAllOrNoneIsNotRoundedToAllOrNone() {
        double[] values = new double[200];
        values[0] = 1;
        assertTrue(BandShare.parse("x=0:0").of(values).describe().startsWith("x in [0, 0]: 199 of 200 runs (99.5%,"));
        double[] most = new double[400];
        most[0] = 1;
        assertTrue(BandShare.parse("x=1:").of(most).describe().startsWith("x >= 1: 1 of 400 runs (0.3%,"));
        assertTrue(BandShare.parse("x=0:").of(most).describe().startsWith("x >= 0: 400 of 400 runs (100%,"));
    }

    @Test
    void anOpenBoundIsNullInStatsJson() {
        BandShare b = BandShare.parse("totals.downstreamOutputLoss=:0");
        assertEquals(Double.NEGATIVE_INFINITY, b.low());
        assertEquals(0.0, b.high());
        var json = b.of(new double[] {-1, 2}).toJson();
        assertTrue(json.get("low").isNull(), json.toString());
        assertEquals(0.0, json.get("high").asDouble());
        assertEquals(1, json.get("inside").asInt());
    }

    /**
     * The terminal's line is ASCII, as chokepoint's other lines on standard output are: under a C locale Java
     * writes what the terminal's encoding lacks as '?', and a band open above printed as "[5, ?)". An open band
     * reads as the inequality it is.
     */
    @Test
    void theTerminalLineOfAnOpenBandIsItsInequalityInAscii() {
        BandShare.Share above = BandShare.parse("JP.dy-oxide.peakMultiple=10:").of(new double[] {9, 10, 12, 30});
        assertEquals("JP.dy-oxide.peakMultiple >= 10: 3 of 4 runs (75%, 95% CI 30-95%)", above.describe());
        BandShare.Share below = BandShare.parse("totals.fiscalCost=:0").of(new double[] {-2.5, 0, 1});
        assertEquals("totals.fiscalCost <= 0: 2 of 3 runs (67%, 95% CI 21-94%)", below.describe());
        assertTrue(java.nio.charset.StandardCharsets.US_ASCII.newEncoder()
                .canEncode(above.describe() + below.describe()));
        assertEquals("[10, ∞)", above.band().interval(), "report.html, a UTF-8 page, writes the interval");
    }

    @Test
    void withoutARunWithAValueTheShareIsUndefined() {
        BandShare.Share s = BandShare.parse("JP.dy-oxide.recoveryTick=0:100").of(new double[] {Double.NaN});
        assertEquals(0, s.n());
        assertTrue(Double.isNaN(s.share()));
        assertTrue(s.toJson().get("share").isNull());
        assertEquals("JP.dy-oxide.recoveryTick in [0, 100]: no run has a value, 1 without a value", s.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"totals.fiscalCost", "totals.fiscalCost=", "totals.fiscalCost=:", "=1:2",
        "totals.fiscalCost=a:2", "totals.fiscalCost=3:1", "totals.fiscalCost=1:Infinity", "totals.fiscalCost=NaN:1", "totals.fiscalCost=5d:", "totals.fiscalCost=0x1p3:",
        "totals.fiscalCost=1e999:"})
    void aBandThatIsNotTwoOrderedBoundsIsRefusedSayingWhatIsAllowed(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BandShare.parse(spec));
        assertTrue(e.getMessage().contains("'" + spec + "'"), e.getMessage());
    }

    /**
     * A band is checked against the summary numbers of a run of one tick, before any run: which numbers a summary
     * holds follows from the scenario's markets, regions, policies, consortia, prospects and plant capital, not from
     * how the run went. The scenarios with the most of them give the same columns after a whole run.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scenarios/ndpr-price-floor-2025.json", "scenarios/naphtha-hormuz-2026-case6-7.json"})
    void theColumnsOfARunOfOneTickAreThoseOfAWholeRun(String file) throws Exception {
        LoadedScenario s = ScenarioLoader.load(Path.of(file));
        Set<String> whole = Simulation.run(s.scenario(), 3, s.scenario().time().horizonTicks()).summary().flatten()
                .keySet();
        assertEquals(whole, Ensemble.summaryColumns(s));
        BandShare misspelt = BandShare.parse("totals.downstreamOutputLos=0:");
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> BandShare.checkAll(List.of(misspelt), whole, "this scenario"));
        assertTrue(e.getMessage().contains("totals.downstreamOutputLoss"), e.getMessage());
    }
}
