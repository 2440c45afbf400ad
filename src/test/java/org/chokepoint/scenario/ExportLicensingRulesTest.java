package org.chokepoint.scenario;

import static org.chokepoint.scenario.ScenarioLoaderTest.mutated;
import static org.chokepoint.scenario.ScenarioLoaderTest.problemAt;
import static org.chokepoint.scenario.ScenarioLoaderTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.chokepoint.scenario.spec.ExportLicensingSpec;
import org.junit.jupiter.api.Test;

/**
 * What validation says of a licensing office's queue, schedule and denial list: each problem at its JSON
 * pointer, with what is wrong and what is allowed. The scenario is {@code scenarios/minimal.json}: regions CN
 * and JP, commodities oxide and magnet, 52 ticks.
 */
class ExportLicensingRulesTest {

    private static String licensing(Consumer<ObjectNode> fields) {
        return mutated(s -> {
            ObjectNode p = s.putArray("policies").addObject().put("type", "exportLicensing").put("region", "CN")
                    .put("leadTicks", 4).put("start", 10).put("end", 40);
            p.putArray("commodities").add("oxide");
            fields.accept(p);
        });
    }

    @Test
    void aWellFormedQueueScheduleAndDenialListLoads() throws Exception {
        ScenarioLoader.fromText(licensing(p -> {
            p.putObject("capacityPerWeek").put("oxide", 2.5);
            p.putArray("approvalSchedule").addObject().put("from", 20).put("rate", 0.4)
                    .putArray("destinations").add("JP");
            p.putArray("deniedDestinations").add("JP");
            p.putArray("capacitySchedule").addObject().put("from", 30).put("capacityPerWeek", 5);
            p.putArray("denialSchedule").addObject().put("from", 25).put("denied", false)
                    .putArray("destinations").add("JP");
        }), "test.json");
    }

    @Test
    void stepsOfOneTickApplyInFileOrderWhateverOrderTheirTicksAreListedIn() throws Exception {
        LoadedScenario loaded = ScenarioLoader.fromText(licensing(p -> {
            p.putObject("capacityPerWeek").put("oxide", 1);
            p.putArray("capacitySchedule").addObject().put("from", 30).put("capacityPerWeek", 9);
            p.withArray("capacitySchedule").addObject().put("from", 20).put("capacityPerWeek", 5);
            p.withArray("capacitySchedule").addObject().put("from", 20).put("capacityPerWeek", 7);
        }), "test.json");
        ExportLicensingSpec spec = (ExportLicensingSpec) loaded.scenario().policies().get(0);
        assertEquals(1.0, spec.capacityAt("oxide", 19));
        assertEquals(7.0, spec.capacityAt("oxide", 20), "the later of two steps of tick 20 in the file");
        assertEquals(7.0, spec.capacityAt("oxide", 29));
        assertEquals(9.0, spec.capacityAt("oxide", 30), "listed first, applied last");
    }

    /**
     * JP is denied (deniedDestinations) both of the measure's commodities. Listed: from 30 every commodity to every
     * destination denied; from 20 oxide to JP denied, then oxide to every destination let in; from 25 magnet let
     * in. Oxide to JP: denied before 20, let in from 20 (the later of the two steps of tick 20 in the file),
     * denied from 30. Magnet to JP: denied before 25, let in from 25, denied from 30.
     */
    @Test
    void denialStepsApplyByTickThenFileOrderEachToItsOwnCommodities() throws Exception {
        LoadedScenario loaded = ScenarioLoader.fromText(licensing(p -> {
            p.withArray("commodities").add("magnet");
            p.putArray("deniedDestinations").add("JP");
            p.putArray("denialSchedule").addObject().put("from", 30).put("denied", true);
            ObjectNode first = p.withArray("denialSchedule").addObject().put("from", 20).put("denied", true);
            first.putArray("commodities").add("oxide");
            first.putArray("destinations").add("JP");
            p.withArray("denialSchedule").addObject().put("from", 20).put("denied", false)
                    .putArray("commodities").add("oxide");
            p.withArray("denialSchedule").addObject().put("from", 25).put("denied", false)
                    .putArray("commodities").add("magnet");
        }), "test.json");
        ExportLicensingSpec spec = (ExportLicensingSpec) loaded.scenario().policies().get(0);
        assertTrue(spec.deniedAt("oxide", "JP", 19));
        assertEquals(false, spec.deniedAt("oxide", "JP", 20), "the later of the two steps of tick 20 in the file");
        assertEquals(false, spec.deniedAt("oxide", "JP", 29));
        assertTrue(spec.deniedAt("oxide", "JP", 30), "listed first, applied last");
        assertTrue(spec.deniedAt("magnet", "JP", 24), "the steps of tick 20 set oxide alone");
        assertEquals(false, spec.deniedAt("magnet", "JP", 25));
        assertTrue(spec.deniedAt("magnet", "JP", 30));
    }

    @Test
    void aCapacityStepFallsWhileTheMeasureIsInForceForItsOwnCommoditiesAndAboveZero() {
        String text = licensing(p -> {
            p.putArray("capacitySchedule").addObject().put("from", 9).put("capacityPerWeek", 2);
            p.withArray("capacitySchedule").addObject().put("capacityPerWeek", 2)
                    .putArray("commodities").add("magnet");
        });
        assertEquals("'from' must fall while the measure is in force, from its start (10) to before its end (40),"
                + " got 9", problemAt(text, "/policies/0/capacitySchedule/0/from").message());
        assertEquals("commodity 'magnet' is not among the measure's commodities [oxide]",
                problemAt(text, "/policies/0/capacitySchedule/1/commodities/0").message());

        ScenarioProblem zero = single(licensing(p -> p.putArray("capacitySchedule").addObject()
                .put("capacityPerWeek", 0)));
        assertEquals("/policies/0/capacitySchedule/0/capacityPerWeek", zero.pointer());
        assertEquals("capacityPerWeek must be >= 1e-9, got 0", zero.message());
        ScenarioProblem denormal = single(licensing(p -> p.putArray("capacitySchedule").addObject()
                .put("capacityPerWeek", Double.MIN_VALUE)));
        assertEquals("capacityPerWeek must be >= 1e-9, got 4.9E-324", denormal.message());
        ScenarioProblem none = single(licensing(p -> p.putArray("capacitySchedule").addObject().put("from", 20)));
        assertEquals("/policies/0/capacitySchedule/0/capacityPerWeek", none.pointer());
        assertTrue(none.message().contains("capacityPerWeek"), none.message());
    }

    @Test
    void aCapacityIsForOneOfTheMeasuresOwnCommoditiesAndAboveZero() {
        String text = licensing(p -> p.putObject("capacityPerWeek").put("magnet", 3).put("ore", 1));
        assertEquals("commodity 'magnet' is not among the measure's commodities [oxide]",
                problemAt(text, "/policies/0/capacityPerWeek/magnet").message());
        assertTrue(problemAt(text, "/policies/0/capacityPerWeek/ore").message().startsWith("unknown commodity 'ore'"));

        ScenarioProblem negative = single(licensing(p -> p.putObject("capacityPerWeek").put("oxide", -1)));
        assertEquals("/policies/0/capacityPerWeek/oxide", negative.pointer());
        assertEquals("oxide must be >= 1e-9, got -1", negative.message());
        // An office that decides nothing would leave every application waiting for ever: that is an export ban.
        ScenarioProblem zero = single(licensing(p -> p.putObject("capacityPerWeek").put("oxide", 0)));
        assertEquals("oxide must be >= 1e-9, got 0", zero.message());
    }

    /**
     * The wait a trader is told is the backlog over the office's capacity. The largest backlog a run can build,
     * every tick of 10,000 a full application of a million traders of 1e12 a tick, is 1e22; over the least
     * capacity, 1e-9 a week, decided at the finest tick (10,000 ticks a year, 192 a week: 5.2e-12 a tick), it
     * waits 1.9e33 ticks, a finite number. A capacity of the smallest double, 4.9e-324 a week, is a wait of
     * infinity over a backlog of one tonne, which no output can write.
     */
    @Test
    void theLeastCapacityAnOfficeMayHaveKeepsTheWaitItTellsFinite() throws Exception {
        ScenarioLoader.fromText(licensing(p -> p.putObject("capacityPerWeek").put("oxide", 1e-9)), "test.json");
        ScenarioProblem tiny = single(licensing(p -> p.putObject("capacityPerWeek").put("oxide", 1e-10)));
        assertEquals("/policies/0/capacityPerWeek/oxide", tiny.pointer());
        assertEquals("oxide must be >= 1e-9, got 1.0E-10", tiny.message());
    }

    @Test
    void aScheduleStepFallsWhileTheMeasureIsInForceAndNamesWhatItCovers() {
        String text = licensing(p -> {
            p.putArray("approvalSchedule").addObject().put("from", 40).put("rate", 0.5);
            p.withArray("approvalSchedule").addObject().put("from", 12).put("rate", 0.5)
                    .putArray("commodities").add("magnet");
            p.withArray("approvalSchedule").addObject().put("rate", 0.5)
                    .putArray("destinations").add("CN");
        });
        assertEquals("'from' must fall while the measure is in force, from its start (10) to before its end (40),"
                + " got 40", problemAt(text, "/policies/0/approvalSchedule/0/from").message());
        assertEquals("commodity 'magnet' is not among the measure's commodities [oxide]",
                problemAt(text, "/policies/0/approvalSchedule/1/commodities/0").message());
        assertEquals("'CN' is the exporting region itself, which the measure does not cover: name another region",
                problemAt(text, "/policies/0/approvalSchedule/2/destinations/0").message());
    }

    @Test
    void aStepNeedsARateBetweenZeroAndOne() {
        ScenarioProblem missing = single(licensing(p -> p.putArray("approvalSchedule").addObject().put("from", 20)));
        assertEquals("/policies/0/approvalSchedule/0/rate", missing.pointer());
        assertTrue(missing.message().contains("rate"), missing.message());

        ScenarioProblem high = single(licensing(p -> p.putArray("approvalSchedule").addObject().put("rate", 1.5)));
        assertEquals("/policies/0/approvalSchedule/0/rate", high.pointer());
        assertEquals("rate must be <= 1, got 1.5", high.message());
    }

    @Test
    void aDeniedDestinationIsAnotherRegionTheMeasureCovers() {
        String text = licensing(p -> p.putArray("deniedDestinations").add("CN").add("US"));
        assertEquals("'CN' is the exporting region itself, which the measure does not cover: name another region",
                problemAt(text, "/policies/0/deniedDestinations/0").message());
        assertTrue(problemAt(text, "/policies/0/deniedDestinations/1").message().startsWith("unknown region 'US'"));
    }

    @Test
    void aDenialStepFallsWhileTheMeasureIsInForceNamesWhatItCoversAndSaysWhetherItDenies() {
        String text = licensing(p -> {
            p.putArray("denialSchedule").addObject().put("from", 40).put("denied", false);
            p.withArray("denialSchedule").addObject().put("denied", true)
                    .putArray("commodities").add("magnet");
            p.withArray("denialSchedule").addObject().put("from", 20).put("denied", true)
                    .putArray("destinations").add("CN");
        });
        assertEquals("'from' must fall while the measure is in force, from its start (10) to before its end (40),"
                + " got 40", problemAt(text, "/policies/0/denialSchedule/0/from").message());
        assertEquals("commodity 'magnet' is not among the measure's commodities [oxide]",
                problemAt(text, "/policies/0/denialSchedule/1/commodities/0").message());
        assertEquals("'CN' is the exporting region itself, which the measure does not cover: name another region",
                problemAt(text, "/policies/0/denialSchedule/2/destinations/0").message());

        ScenarioProblem missing = single(licensing(p -> p.putArray("denialSchedule").addObject().put("from", 20)));
        assertEquals("/policies/0/denialSchedule/0/denied", missing.pointer());
        assertTrue(missing.message().contains("denied"), missing.message());
    }

    /**
     * A name that is no commodity or region of the scenario is said to be unknown, once: not again as one the
     * measure does not cover, which is true of it but says nothing more.
     */
    @Test
    void aNameThatNamesNothingIsSaidToBeUnknownOnce() {
        ScenarioProblem step = single(licensing(p -> p.putArray("denialSchedule").addObject()
                .put("denied", true).putArray("commodities").add("neodymium")));
        assertEquals("/policies/0/denialSchedule/0/commodities/0", step.pointer());
        assertTrue(step.message().startsWith("unknown commodity 'neodymium'"), step.message());

        ScenarioProblem capacity = single(licensing(p -> p.putObject("capacityPerWeek").put("neodymium", 5)));
        assertEquals("/policies/0/capacityPerWeek/neodymium", capacity.pointer());
        assertTrue(capacity.message().startsWith("unknown commodity 'neodymium'"), capacity.message());

        ScenarioProblem destination = single(licensing(p -> {
            p.putArray("destinations").add("JP");
            p.putArray("approvalSchedule").addObject().put("rate", 0.5).putArray("destinations")
                    .add("KR");
        }));
        assertEquals("/policies/0/approvalSchedule/0/destinations/0", destination.pointer());
        assertTrue(destination.message().startsWith("unknown region 'KR'"), destination.message());
    }

    /** A step is made known no earlier than its measure (here announced with its start, 10) nor after its own tick. */
    @Test
    void aStepIsMadeKnownFromTheMeasuresNewsToItsOwnTick() {
        ScenarioProblem late = single(licensing(p -> p.putArray("denialSchedule").addObject().put("from", 20)
                .put("announce", 21).put("denied", true)));
        assertEquals("/policies/0/denialSchedule/0/announce", late.pointer());
        assertEquals("'announce' must fall from the measure's announce (10) to the step's first tick (20), got 21",
                late.message());
        ScenarioProblem early = single(licensing(p -> p.putArray("approvalSchedule").addObject().put("from", 20)
                .put("announce", 9).put("rate", 0.5)));
        assertEquals("/policies/0/approvalSchedule/0/announce", early.pointer());
        assertEquals("'announce' must fall from the measure's announce (10) to the step's first tick (20), got 9",
                early.message());
    }
}
