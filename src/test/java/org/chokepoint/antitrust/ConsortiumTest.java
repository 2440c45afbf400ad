package org.chokepoint.antitrust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chokepoint.metrics.Metric;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.Simulation;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/** Joint procurement and allocation on the naphtha scenario, audited against the casebook's conditions. */
class ConsortiumTest {
    private static final Path NONE = Path.of("scenarios/naphtha-hormuz-2026.json");
    private static final Path CASE6 = Path.of("scenarios/naphtha-hormuz-2026-case6.json");
    private static final Path CASE67 = Path.of("scenarios/naphtha-hormuz-2026-case6-7.json");
    private static final Path COUNTEREXAMPLE = Path.of("scenarios/counterexamples/naphtha-price-sharing.json");
    private static final int CLOSURE = 60;

    private static SupplyShockModel run(Scenario s, int seed) {
        SupplyShockModel m = new SupplyShockModel(s, seed, -1);
        m.start();
        m.runToHorizon();
        return m;
    }

    private static Scenario load(Path p) throws Exception {
        return ScenarioLoader.load(p).scenario();
    }

    /**
     * A structural fact, not a rule of the audit: nothing the consortium exposes hands anyone one member's
     * figures; what members learn is what the message log carries, and the auditor judges that.
     */
    @Test
    void theConsortiumExposesNoMembersOwnFigures() {
        for (Method m : Consortium.class.getMethods()) {
            String n = m.getName().toLowerCase();
            assertFalse(n.contains("price") || n.contains("output") || n.contains("customer") || n.contains("cost")
                    || n.contains("required"), "public method " + m.getName());
        }
    }

    @Test
    void aCompliantTwinExchangesExactlyTheFieldsTheCasebookAllows() {
        List<String> every = Stream.of(InformationField.values()).map(InformationField::label).toList();
        JointProcurementSpec spec = new JointProcurementSpec("jp", "JP", null, "naphtha", "ME", null, null, null,
                null, null, List.of("US"), every, null, null, null, null, null, null, null);
        assertEquals(Stream.of(InformationField.values()).filter(InformationField::allowed)
                .map(InformationField::label).toList(), spec.compliant().exchange());
    }

    @Test
    void anAfterShockConsortiumNeverActsBeforeItsTriggerNorPastItsGracePeriod() throws Exception {
        SupplyShockModel m = run(load(CASE6), 3);
        Consortium c = m.consortia().get(0);
        @SuppressWarnings("unchecked")
        List<ComplianceAuditor.Period> periods = (List<ComplianceAuditor.Period>) c.report().get("activePeriods");
        assertFalse(periods.isEmpty());
        assertTrue(periods.get(0).from() > CLOSURE, "first acts at " + periods.get(0).from()
                + ", after the closure at " + CLOSURE + " cuts imports");
        assertEquals("cut-off observed", periods.get(0).basis());
        for (ComplianceAuditor.Period p : periods) {
            assertTrue(List.of("cut-off observed", "grace period").contains(p.basis()), p.toString());
            if (p.basis().equals("grace period")) {
                assertTrue(p.to() - p.from() + 1 <= 4, "grace lasts at most four ticks: " + p);
            }
        }
        assertTrue(c.violations().isEmpty(), c.violations().toString());
    }

    @Test
    void aGovernmentNoticeOpensJointProcurementBeforeTheCutOffIsFelt() throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(CASE6.toFile());
        ArrayNode policies = root.putArray("policies");
        policies.addObject().put("type", "governmentNotice").put("region", "JP").put("start", 56).put("end", 70)
                .putArray("commodities").add("naphtha");
        SupplyShockModel m = run(ScenarioLoader.fromJson(root, "notice").scenario(), 3);
        @SuppressWarnings("unchecked")
        List<ComplianceAuditor.Period> periods =
                (List<ComplianceAuditor.Period>) m.consortia().get(0).report().get("activePeriods");
        assertEquals(56, periods.get(0).from());
        assertEquals("government notice", periods.get(0).basis());
        assertTrue(m.consortia().get(0).violations().isEmpty());
    }

    @Test
    void theCounterexampleIsFlaggedForSharingPricesAndOutstayingItsTriggerWhileCompliantVariantsAreClean()
            throws Exception {
        SupplyShockModel bad = run(load(COUNTEREXAMPLE), 1);
        Set<String> rules = bad.consortia().get(0).violations().stream().map(ComplianceAuditor.Violation::rule)
                .collect(Collectors.toSet());
        assertTrue(rules.contains("INFORMATION_SCOPE"), rules.toString());
        assertTrue(rules.contains("NO_DOWNSTREAM_COORDINATION"), rules.toString());
        assertTrue(rules.contains("DURATION"), rules.toString());
        for (Path good : List.of(CASE6, CASE67)) {
            assertTrue(run(load(good), 1).consortia().get(0).violations().isEmpty(), good.toString());
        }
    }

    @Test
    void theCaseSevenAllocationAppliesOneKeyToAllAndKeepsItsResults() throws Exception {
        Map<String, Object> report = run(load(CASE67), 2).consortia().get(0).report();
        @SuppressWarnings("unchecked")
        Map<String, Object> allocation = (Map<String, Object>) report.get("allocation");
        assertEquals("priorityClasses", allocation.get("key"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) allocation.get("results");
        Map<String, Object> dialysis = results.stream().filter(r -> r.get("buyersMaking").equals("dialysis-circuit"))
                .findFirst().orElseThrow();
        assertEquals((double) dialysis.get("requested"), (double) dialysis.get("allocated"), 1e-9,
                "the first class is served in full");
    }

    /** Share of a market's output lost against the counterfactual, from the end of the warm-up. */
    static double shortfall(RunOutcome o, String commodity) {
        World w = o.model().world();
        int m = w.market(w.regionIndex("JP"), w.commodityIndex(commodity));
        double lost = 0;
        double base = 0;
        for (int t = o.model().scenario().time().warmupOrDefault(); t < o.model().horizon(); t++) {
            double cf = o.counterfactual().series().get(t, m, Metric.PRODUCTION);
            lost += cf - o.model().series().get(t, m, Metric.PRODUCTION);
            base += cf;
        }
        return lost / base;
    }

    /**
     * The scenario with the strait shut outright for twenty-six weeks and no partial reopening: long enough that
     * the complexes' month of stock and the spare capacity outside the Gulf run out, which is when an allocation
     * key decides who goes without.
     */
    private static Scenario longClosure(Path p) throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(p.toFile());
        ArrayNode events = root.putArray("events");
        events.addObject().put("type", "chokepointClosure").put("id", "hormuz-closure").put("chokepoint", "hormuz")
                .put("start", CLOSURE).put("end", CLOSURE + 26);
        return ScenarioLoader.fromJson(root, p.getFileName().toString()).scenario();
    }

    /**
     * No closed form gives how much of a shortfall the key moves once the stocks run out, so what the key leaves is
     * held to a band about what seeds 1–6 measure: the shares of their output the dialysis circuits and the other
     * medical devices lose add up to 3.11% without cooperation, 0.52% with joint procurement and the medical-first key,
     * a sixth of it (0.166). The band, 0.11 to 0.25 of it, fails a key that saves only half the shortfall, or that
     * leaves twice or half what it does.
     */
    @Test
    void medicalOutputLosesLessWithJointProcurementAndMedicalPriorityThanWithoutCooperation() throws Exception {
        Scenario none = longClosure(NONE);
        Scenario both = longClosure(CASE67);
        int runs = 6;
        double lossNone = 0;
        double lossBoth = 0;
        for (int seed = 1; seed <= runs; seed++) {
            RunOutcome a = Simulation.run(none, seed, -1);
            RunOutcome b = Simulation.run(both, seed, -1);
            lossNone += shortfall(a, "dialysis-circuit") + shortfall(a, "medical-device");
            lossBoth += shortfall(b, "dialysis-circuit") + shortfall(b, "medical-device");
        }
        double kept = lossBoth / lossNone;
        assertTrue(kept > 0.11 && kept < 0.25,
                "medical shortfall " + lossBoth / runs + " vs " + lossNone / runs + ", " + kept + " of it kept");
    }
}
