package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How long a mothballed plant takes to produce again. The firm is the minimal scenario's separator (lowest
 * variable cost 20, investment lead 78 weeks, so a plant long on care and maintenance takes 39 weeks to restart);
 * its goods fetch 15 until it has stood idle for a given number of weeks, then 30, which covers its cost with the
 * 15% restart margin (23). A restart takes a third of the weeks it stood idle, up to the 39: restarts of
 * curtailed smelters and of mines on care and maintenance reached first output after a tenth to three fifths of the
 * time idle up to the decision, a third in the middle (Alcoa Massena, idle a year, back in about three months;
 * Savannah nickel, a year, seven; Ravensthorpe, 21 months, nine to ten; docs/dynamics.md), and a plant closed for
 * many years is a rebuild.
 */
class RestartLeadTest {
    Firms firms;
    int mine;

    @BeforeEach
    void aSeparator() throws Exception {
        firms = MinimalMine.firms();
        mine = MinimalMine.MINE;
        assertEquals(20.0, firms.costBase[mine], 0.0);
        assertEquals(78, firms.leadTicks[mine]);
    }

    private CapacityDecisions decisions(int restartTicks) {
        assertEquals(1.0 / 3, BehaviourSpec.DEFAULTS.exit().restartPerIdleTick(), 0.0);
        return MinimalMine.defaultDecisions(firms, restartTicks);
    }

    /**
     * Mothballs the plant in week 25 (its 26th below cost, from week 0), or takes it as mothballed from the start
     * when {@code beforeRun}; the price pays for a restart in its {@code idle}-th week mothballed; returns the weeks
     * from that decision to the week it produces again.
     */
    private int restartWeeks(CapacityDecisions decisions, int idle, boolean beforeRun) {
        int t = 0;
        if (beforeRun) {
            firms.status[mine] = FirmStatus.MOTHBALLED;
            firms.mothballedBeforeRun[mine] = true;
            t = 26;
        } else {
            firms.status[mine] = FirmStatus.ACTIVE;
            for (; t < 26; t++) {
                firms.capacityNetPrice[mine] = 15;
                decisions.decide(mine, t);
            }
            assertEquals(FirmStatus.MOTHBALLED, firms.status[mine], "mothballed in week 25");
        }
        for (int week = 1; week < idle; week++, t++) {
            firms.capacityNetPrice[mine] = 15;
            decisions.decide(mine, t);
        }
        firms.capacityNetPrice[mine] = 30;
        decisions.decide(mine, t);
        assertEquals(FirmStatus.RESTARTING, firms.status[mine]);
        int decided = t;
        while (firms.status[mine] != FirmStatus.ACTIVE) {
            decisions.decide(mine, ++t);
        }
        return t - decided;
    }

    @Test
    void aPlantIdleForAQuarterIsBackInFourWeeks() {
        assertEquals(4, restartWeeks(decisions(-1), 12, false), "12 / 3");
    }

    @Test
    void aPlantIdleForTenWeeksIsBackInFour() {
        assertEquals(4, restartWeeks(decisions(-1), 10, false), "10 / 3 = 3.3, a fourth week begun");
    }

    @Test
    void aPlantIdleForThreeYearsTakesTheWholeRestartLead() {
        assertEquals(39, restartWeeks(decisions(-1), 150, false), "150 / 3 = 50, more than half the 78-week lead");
    }

    @Test
    void aPlantTheScenarioGivesAsMothballedTakesTheWholeLeadHoweverLongTheRunHasKeptItIdle() {
        assertEquals(39, restartWeeks(decisions(-1), 12, true));
    }

    @Test
    void aScenarioRestartLeadIsTheMostARestartTakes() {
        assertEquals(4, restartWeeks(decisions(10), 12, false));
        assertEquals(10, restartWeeks(decisions(10), 150, false));
    }

    @Test
    void aPlantMothballedInTheScenarioTakesTheWholeLeadOnceAndThenWhatItsNextIdleSpellGives() throws Exception {
        // The worked example's Japanese separator starts mothballed (investment lead 52, so a whole restart of 26);
        // its cost base is 70.
        SupplyShockModel model = new SupplyShockModel(
                ScenarioLoader.load(Path.of("src/test/resources/scenarios/worked-example.json")).scenario(), 1, 52);
        model.start();
        firms = model.firms();
        mine = -1;
        for (int f = 0; f < firms.count; f++) {
            if (firms.id(f).equals("jp-separator")) {
                mine = f;
            } else {
                assertFalse(firms.mothballedBeforeRun[f], firms.id(f) + " runs at the start");
            }
        }
        assertTrue(firms.mothballedBeforeRun[mine], "mothballed in the scenario");
        assertEquals(70.0, firms.costBase[mine], 0.0);
        CapacityDecisions decisions = decisions(-1);
        int t = 0;
        firms.capacityNetPrice[mine] = 100;
        decisions.decide(mine, t);
        while (firms.status[mine] != FirmStatus.ACTIVE) {
            decisions.decide(mine, ++t);
        }
        assertEquals(26, t, "half its 52-week lead, though the run has kept it idle one week");
        assertFalse(firms.mothballedBeforeRun[mine], "once back, its next idle spell is the run's");
        for (int week = 0; week < 26; week++) {
            firms.capacityNetPrice[mine] = 50;
            decisions.decide(mine, ++t);
        }
        assertEquals(FirmStatus.MOTHBALLED, firms.status[mine]);
        for (int week = 1; week < 12; week++) {
            decisions.decide(mine, ++t);
        }
        firms.capacityNetPrice[mine] = 100;
        decisions.decide(mine, ++t);
        int decided = t;
        while (firms.status[mine] != FirmStatus.ACTIVE) {
            decisions.decide(mine, ++t);
        }
        assertEquals(4, t - decided, "12 weeks idle this time: back in 4");
    }
}
