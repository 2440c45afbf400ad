package org.chokepoint.antitrust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.WorldBuilder;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.junit.jupiter.api.Test;

/**
 * Japan's naphtha consortium (scenarios/naphtha-hormuz-2026-case6.json: a cut-off below half the baseline, a
 * 13-tick baseline window, imports averaged over eight weeks) watching 100 kt a week arrive from the Middle East
 * until the strait closes, and 40 kt a week after. What it hears in a tick is what landed in the tick before, so
 * in the first tick it has heard nothing yet: that silence is no observation of the baseline. Worked by hand: the
 * eight-week average falls below 50 once seven of its weeks are 40 kt, {@code (100 + 7 × 40) / 8 = 47.5}; at six
 * it is {@code (2 × 100 + 6 × 40) / 8 = 55}.
 */
class ActivationTest {
    private static final int CLOSED = 30;

    private static ConsortiumTerms terms() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026-case6.json")).scenario();
        return new ConsortiumTerms((JointProcurementSpec) s.consortia().get(0), WorldBuilder.build(s), s.behaviour());
    }

    /** What the consortium hears at a tick: nothing before anything has landed, then last tick's imports. */
    private static double heard(int tick) {
        return tick == 0 ? 0 : tick - 1 < CLOSED ? 100 : 40;
    }

    /** The first tick it finds a cut-off, with a warm-up of {@code warmup} ticks; -1 if none by tick 60. */
    private static int firstCutOff(int warmup, TickConduct record) throws Exception {
        Activation a = new Activation(terms());
        for (int tick = 0; tick < 60; tick++) {
            record.open(tick);
            a.decide(tick, warmup, heard(tick), false, record);
            if (record.cutOff()) {
                return tick;
            }
        }
        return -1;
    }

    @Test
    void withTheUsualWarmUpItsBaselineIsTheThirteenWeeksBeforeItEnds() throws Exception {
        TickConduct record = new TickConduct(new MessageLog(1), new AllocationRecord(1));
        // Imports of 40 are first heard at tick 31; the seventh such week is heard at tick 37.
        assertEquals(CLOSED + 7, firstCutOff(20, record));
        assertEquals(100, record.baseline, 1e-12);
        assertEquals(47.5, record.importsAverage, 1e-12);
    }

    @Test
    void aRunWithoutWarmUpTakesItsBaselineFromTheFirstImportsItHears() throws Exception {
        // With no warm-up the baseline was the silence of the first tick, 0: no fall in imports was ever below
        // half of it, and the consortium never acted on a cut-off.
        TickConduct record = new TickConduct(new MessageLog(1), new AllocationRecord(1));
        assertEquals(CLOSED + 7, firstCutOff(0, record));
        assertEquals(100, record.baseline, 1e-12);
        assertEquals(CLOSED + 7, firstCutOff(1, record));
    }

    @Test
    void aWarmUpShorterThanTheBaselineWindowAveragesOnlyWhatWasHeard() throws Exception {
        // Five ticks of warm-up: the silence of tick 0 counted as a week of no imports put the baseline at
        // 4 × 100 / 5 = 80, and 40 a week, exactly half of it, was never a cut-off.
        TickConduct record = new TickConduct(new MessageLog(1), new AllocationRecord(1));
        assertEquals(CLOSED + 7, firstCutOff(5, record));
        assertEquals(100, record.baseline, 1e-12);
    }

    @Test
    void beforeSevenWeeksOfTheFallAreInTheAverageItIsNoCutOff() throws Exception {
        TickConduct record = new TickConduct(new MessageLog(1), new AllocationRecord(1));
        Activation a = new Activation(terms());
        for (int tick = 0; tick <= CLOSED + 6; tick++) {
            record.open(tick);
            assertFalse(a.decide(tick, 0, heard(tick), false, record), "tick " + tick);
        }
        assertEquals(55, record.importsAverage, 1e-12);
        record.open(CLOSED + 7);
        assertTrue(a.decide(CLOSED + 7, 0, heard(CLOSED + 7), false, record));
        assertEquals(Activation.CUT_OFF, record.basis);
    }
}
