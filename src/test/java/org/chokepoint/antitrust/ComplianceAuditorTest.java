package org.chokepoint.antitrust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chokepoint.scenario.spec.JointProcurementSpec.Mode;
import org.junit.jupiter.api.Test;

/**
 * Each rule judged on conduct built by hand: three complexes (firms 0, 1 and 4) buying naphtha jointly after a
 * cut-off, then a downstream buyer (firm 2, not a member) asking for resin. Each rule fires on the tick that
 * breaks it, and stays silent on the compliant tick that differs from it only in what breaks the rule.
 */
class ComplianceAuditorTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final int BUYER = 2;
    private static final int C = 4;
    private static final int DIALYSIS = 2;
    private static final int PLASTICS = 4;
    private static final AllocationKey MEDICAL_FIRST =
            new AllocationKey(AllocationKey.PRIORITY_CLASSES, Map.of("dialysis-circuit", 1));
    private static final String[] FIRMS = {"complex-1", "complex-2", "plastics-maker-1", "circuit-maker-1",
        "complex-3"};
    private static final String[] GOODS = {"naphtha", "resin", "dialysis-circuit", "medical-device",
        "general-plastics"};

    private static ComplianceAuditor auditor(Mode mode) {
        ComplianceAuditor a = new ComplianceAuditor(mode, 4, 0.15, 4, FIRMS, GOODS);
        a.fixKey(MEDICAL_FIRST, -1);
        return a;
    }

    private static TickConduct conduct() {
        return new TickConduct(new MessageLog(32), new AllocationRecord(4));
    }

    /** A tick of a compliant consortium acting on a cut-off: imports at a fifth of their baseline. */
    private static TickConduct compliantTick(TickConduct c, int tick) {
        c.open(tick);
        c.baseline = 100;
        c.importsAverage = 20;
        c.cutoffThreshold = 0.5;
        c.basis = Activation.CUT_OFF;
        c.acted = true;
        c.membersUse = 10;
        c.allUse = 100;
        c.membersOutput = 10;
        c.allOutput = 100;
        MessageLog log = c.messages;
        log.deliver(A, MessageLog.CONSORTIUM, InformationField.REQUIRED_VOLUME, A, 30);
        log.deliver(B, MessageLog.CONSORTIUM, InformationField.REQUIRED_VOLUME, B, 10);
        log.deliver(C, MessageLog.CONSORTIUM, InformationField.REQUIRED_VOLUME, C, 5);
        log.deliver(MessageLog.CONSORTIUM, A, InformationField.REQUIRED_VOLUME, MessageLog.AGGREGATE, 45);
        log.deliver(MessageLog.CONSORTIUM, B, InformationField.REQUIRED_VOLUME, MessageLog.AGGREGATE, 45);
        log.deliver(MessageLog.CONSORTIUM, C, InformationField.REQUIRED_VOLUME, MessageLog.AGGREGATE, 45);
        // Six tonnes of resin for a circuit maker (first class) asking 4 and a plastics maker asking 10: the key
        // gives 4 and 2.
        AllocationRecord r = c.allocation;
        r.key = MEDICAL_FIRST;
        r.available = 6;
        r.ask(3, false, DIALYSIS, 1, 4, 4);
        r.ask(BUYER, false, PLASTICS, Integer.MAX_VALUE, 10, 10);
        r.got[0] = 4;
        r.got[1] = 2;
        return c;
    }

    private static Set<String> rules(ComplianceAuditor a) {
        return a.violations().stream().map(ComplianceAuditor.Violation::rule).collect(Collectors.toSet());
    }

    @Test
    void aCompliantTickBreaksNoRule() {
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        a.audit(compliantTick(conduct(), 60));
        a.finish(60);
        assertEquals(Set.of(), rules(a));
    }

    @Test
    void actingBeforeAnyCutOffOrNoticeBreaksTheTrigger() {
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = compliantTick(conduct(), 55);
        c.importsAverage = 95;
        c.basis = Activation.AHEAD;
        a.audit(c);
        assertEquals(Set.of("TRIGGER"), rules(a));

        // The same imports, with a government notice in force: the trigger holds.
        ComplianceAuditor b = auditor(Mode.AFTER_SHOCK);
        c.noticeInForce = true;
        b.audit(c);
        assertEquals(Set.of(), rules(b));
    }

    @Test
    void actingPastTheGracePeriodBreaksDurationAndWithinItDoesNot() {
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = conduct();
        a.audit(compliantTick(c, 60));
        for (int t = 61; t <= 66; t++) {
            compliantTick(c, t);
            c.importsAverage = 90;
            c.basis = t <= 64 ? Activation.GRACE : Activation.KEPT_ON;
            a.audit(c);
            // Grace of four ticks: 61 to 64 pass, 65 breaks.
            assertEquals(t >= 65 ? Set.of("DURATION") : Set.of(), rules(a), "tick " + t);
        }
        a.finish(66);
        assertEquals(1, a.triggerHeld().size());
        assertEquals(List.of(60, 60), List.of(a.triggerHeld().get(0)[0], a.triggerHeld().get(0)[1]));
        ComplianceAuditor.Violation v = a.violations().get(0);
        assertEquals(65, v.tick());
        assertEquals(2, v.ticks());
        // The cut-off held at tick 60 and lapsed at 61; the grace of 61-64 ended after 64.
        assertEquals("acted (kept operating after the trigger lapsed) after its 4-tick grace period ended; the"
                + " trigger last held at tick 60", v.detail());
        assertEquals(60, v.evidence().get(0).get("lastTrigger"));
    }

    @Test
    void aMemberPassingItsSellingPriceBreaksTheScopeAndNothingElse() {
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = compliantTick(conduct(), 60);
        c.messages.deliver(A, MessageLog.CONSORTIUM, InformationField.SELLING_PRICE, A, 1650);
        a.audit(c);
        assertEquals(Set.of("INFORMATION_SCOPE"), rules(a));
        assertEquals(List.of("complex-1"), a.violations().get(0).parties());
        assertEquals("sellingPrice", a.violations().get(0).evidence().get(0).get("field"));
    }

    @Test
    void aFirmThatJoinsABreachAfterItsFirstTickIsOneOfItsParties() {
        // Complex 1 passes its selling price from tick 60, complex 2 from tick 62: one breach of three ticks, and
        // both took part in it, though only complex 1 did on its first tick, whose messages are the evidence.
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = conduct();
        for (int t = 60; t <= 62; t++) {
            compliantTick(c, t);
            c.messages.deliver(A, MessageLog.CONSORTIUM, InformationField.SELLING_PRICE, A, 1650);
            if (t == 62) {
                c.messages.deliver(B, MessageLog.CONSORTIUM, InformationField.SELLING_PRICE, B, 1700);
            }
            a.audit(c);
        }
        a.finish(62);
        ComplianceAuditor.Violation v = a.violations().get(0);
        assertEquals(1, a.violations().size());
        assertEquals(3, v.ticks());
        assertEquals(List.of("complex-1", "complex-2"), v.parties());
        assertEquals(1, v.evidence().size());
        assertEquals(60, v.evidence().get(0).get("tick"));
    }

    /**
     * The auditor judges every tick of a run, and a breach can last the whole of it (the price-sharing
     * counterexample's two ran 88 ticks). A tick that continues a breach with no new party allocates nothing: 10,000
     * such ticks of complex 1 passing its selling price allocate less than a byte a tick, where copying the parties
     * to look for a new one took a list and its array every tick (480,432 bytes).
     */
    @Test
    void aTickThatContinuesABreachWithNoNewPartyAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = conduct();
        int tick = 60;
        // Warm up, so that what is measured is the auditor's own per-tick work, not class loading or compilation.
        for (int i = 0; i < 20_000; i++) {
            breachTick(a, c, tick++);
        }
        long before = threads.getThreadAllocatedBytes(me);
        for (int i = 0; i < 10_000; i++) {
            breachTick(a, c, tick++);
        }
        long allocated = threads.getThreadAllocatedBytes(me) - before;
        assertTrue(allocated < 10_000, "bytes allocated over 10,000 ticks of a breach: " + allocated);
        a.finish(tick - 1);
        assertEquals(List.of("complex-1"), a.violations().get(0).parties());
        assertEquals(30_000, a.violations().get(0).ticks());
    }

    /** A compliant tick but for complex 1 receiving its own selling price. */
    private static void breachTick(ComplianceAuditor a, TickConduct c, int tick) {
        compliantTick(c, tick);
        c.messages.deliver(A, MessageLog.CONSORTIUM, InformationField.SELLING_PRICE, A, 1650);
        a.audit(c);
    }

    @Test
    void membersReceivingEvenTheAverageSellingPriceCanAlignWhatTheySell() {
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = compliantTick(conduct(), 60);
        c.messages.deliver(MessageLog.CONSORTIUM, B, InformationField.SELLING_PRICE, MessageLog.AGGREGATE, 1650);
        a.audit(c);
        // An aggregate keeps the firewall; it is still downstream information.
        assertEquals(Set.of("NO_DOWNSTREAM_COORDINATION"), rules(a));
        assertEquals(List.of("complex-2"), a.violations().get(0).parties());
    }

    @Test
    void aMemberReceivingAnotherMembersRequiredVolumeBreaksTheFirewall() {
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = compliantTick(conduct(), 60);
        c.messages.deliver(MessageLog.CONSORTIUM, B, InformationField.REQUIRED_VOLUME, A, 30);
        a.audit(c);
        assertEquals(Set.of("FIREWALL"), rules(a));
        assertEquals(List.of("complex-2", "complex-1"), a.violations().get(0).parties());

        // Its own figure coming back is no breach.
        ComplianceAuditor b = auditor(Mode.AFTER_SHOCK);
        TickConduct own = compliantTick(conduct(), 60);
        own.messages.deliver(MessageLog.CONSORTIUM, A, InformationField.REQUIRED_VOLUME, A, 30);
        b.audit(own);
        assertEquals(Set.of(), rules(b));
    }

    /**
     * With two members the total passed back is no aggregate: complex-1, told the pool needs 40 and needing 30
     * itself, knows complex-2 needs 10, and complex-2 knows complex-1's 30. Both are parties. The same exchange among
     * three (30, 10 and 5, a total of 45) gives no one's figure, and a total of one member is its own.
     */
    @Test
    void aTotalOfTwoMembersFiguresBreaksTheFirewall() {
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = conduct();
        compliantTick(c, 60);
        MessageLog two = c.messages;
        two.open(60);
        two.deliver(A, MessageLog.CONSORTIUM, InformationField.REQUIRED_VOLUME, A, 30);
        two.deliver(B, MessageLog.CONSORTIUM, InformationField.REQUIRED_VOLUME, B, 10);
        two.deliver(MessageLog.CONSORTIUM, A, InformationField.REQUIRED_VOLUME, MessageLog.AGGREGATE, 40);
        two.deliver(MessageLog.CONSORTIUM, B, InformationField.REQUIRED_VOLUME, MessageLog.AGGREGATE, 40);
        a.audit(c);
        assertEquals(Set.of("FIREWALL"), rules(a));
        ComplianceAuditor.Violation v = a.violations().get(0);
        assertEquals(List.of("complex-1", "complex-2"), v.parties());
        assertEquals("members received a total of two members' figures, from which each works out the other's",
                v.detail());

        ComplianceAuditor three = auditor(Mode.AFTER_SHOCK);
        three.audit(compliantTick(conduct(), 60));
        assertEquals(Set.of(), rules(three));

        ComplianceAuditor one = auditor(Mode.AFTER_SHOCK);
        TickConduct alone = conduct();
        compliantTick(alone, 60);
        alone.messages.open(60);
        alone.messages.deliver(A, MessageLog.CONSORTIUM, InformationField.REQUIRED_VOLUME, A, 30);
        alone.messages.deliver(MessageLog.CONSORTIUM, A, InformationField.REQUIRED_VOLUME, MessageLog.AGGREGATE, 30);
        one.audit(alone);
        assertEquals(Set.of(), rules(one));
    }

    @Test
    void aBuyerThatAskedAndWasTurnedAwayBreaksEqualTreatment() {
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = compliantTick(conduct(), 60);
        // The plastics maker is refused: the circuit maker gets its 4, the 2 left stay with the makers.
        c.allocation.got[1] = 0;
        a.audit(c);
        assertEquals(Set.of("EQUAL_TREATMENT"), rules(a));
        Map<String, Object> e = a.violations().get(0).evidence().get(0);
        assertEquals("plastics-maker-1", e.get("buyer"));
        assertEquals(false, e.get("member"));
        assertEquals(2.0, (double) e.get("keyGives"), 1e-12);
        assertEquals(0.0, (double) e.get("got"), 1e-12);
    }

    @Test
    void applyingAnotherKeyThanTheOneFixedInAdvanceBreaksTheRule() {
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = compliantTick(conduct(), 60);
        AllocationKey byBaseline = new AllocationKey(AllocationKey.BASELINE_PRO_RATA, Map.of());
        c.allocation.key = byBaseline;
        // Pro rata to baseline weights 4 and 10 with 6 to share, capped at 4: 12/7 and 30/7.
        c.allocation.priority[0] = 0;
        c.allocation.priority[1] = 0;
        c.allocation.got[0] = 6 * 4 / 14.0;
        c.allocation.got[1] = 6 * 10 / 14.0;
        a.audit(c);
        assertEquals(Set.of("KEY_FIXED_IN_ADVANCE"), rules(a));
        // The members that share by the key are its parties, as they are to the consortium's acting.
        assertEquals(List.of(FIRMS[A], FIRMS[B], FIRMS[C]), a.violations().get(0).parties());

        // The same key, fixed only once the cut-off had been observed, is not fixed in advance either.
        ComplianceAuditor late = new ComplianceAuditor(Mode.AFTER_SHOCK, 4, 0.15, 4, FIRMS, GOODS);
        late.fixKey(MEDICAL_FIRST, 61);
        late.audit(compliantTick(conduct(), 60));
        late.audit(compliantTick(conduct(), 61));
        assertEquals(Set.of("KEY_FIXED_IN_ADVANCE"), rules(late));
    }

    @Test
    void aKeyAdoptedOnceTheTriggerHasHeldIsAChangeAndOneAdoptedBeforeIsTheKeyFixed() {
        AllocationKey byBaseline = new AllocationKey(AllocationKey.BASELINE_PRO_RATA, Map.of());
        // Pro rata to baseline weights 4 and 10 with 6 to share: 12/7 and 30/7, as above.
        TickConduct c = compliantTick(conduct(), 60);
        c.allocation.key = byBaseline;
        c.allocation.priority[0] = 0;
        c.allocation.priority[1] = 0;
        c.allocation.got[0] = 6 * 4 / 14.0;
        c.allocation.got[1] = 6 * 10 / 14.0;
        ComplianceAuditor before = auditor(Mode.AFTER_SHOCK);
        before.adoptKey(byBaseline, 55);
        before.audit(c);
        assertEquals(Set.of(), rules(before), "adopted at tick 55, the cut-off first observed at 60");

        // Adopted on the tick the cut-off is first observed, it is not fixed before it.
        ComplianceAuditor same = auditor(Mode.AFTER_SHOCK);
        same.adoptKey(byBaseline, 60);
        same.audit(c);
        assertEquals(Set.of("KEY_FIXED_IN_ADVANCE"), rules(same));

        // Adopted once the cut-off has been observed, the key fixed in advance stays the medical-first one.
        ComplianceAuditor after = auditor(Mode.AFTER_SHOCK);
        after.audit(compliantTick(conduct(), 59));
        after.adoptKey(byBaseline, 60);
        after.audit(c);
        assertEquals(Set.of("KEY_FIXED_IN_ADVANCE"), rules(after));
        Map<String, Object> e = after.violations().get(0).evidence().get(0);
        assertEquals(Map.of("key", AllocationKey.PRIORITY_CLASSES, "priority", Map.of("dialysis-circuit", 1)),
                e.get("keyFixed"));
        assertEquals(59, e.get("firstTrigger"));
    }

    @Test
    void aPeacetimeArrangementAboveFifteenPercentOfEitherMarketBreaksTheShareLimit() {
        ComplianceAuditor a = auditor(Mode.PEACETIME);
        TickConduct c = compliantTick(conduct(), 60);
        c.basis = Activation.STANDING;
        c.importsAverage = 100;
        a.audit(c);
        assertEquals(Set.of(), rules(a), "10% of both markets");
        c.membersOutput = 15;
        a.audit(c);
        assertEquals(Set.of(), rules(a), "15% of the selling market does not exceed the limit");
        c.membersOutput = 16;
        a.audit(c);
        assertEquals(Set.of("PEACETIME_SHARE"), rules(a), "16% of the selling market");
        assertEquals(0.16, (double) a.violations().get(0).evidence().get(0).get("sellingShare"), 1e-12);
    }

    @Test
    void aBreachThatLastsIsOneViolationWithItsLengthAndOneThatRecursIsAnother() {
        ComplianceAuditor a = auditor(Mode.AFTER_SHOCK);
        TickConduct c = conduct();
        for (int t = 60; t < 70; t++) {
            compliantTick(c, t);
            if (t < 63 || t >= 66) {
                c.messages.deliver(A, MessageLog.CONSORTIUM, InformationField.COSTS, A, 500);
            }
            a.audit(c);
        }
        a.finish(69);
        assertEquals(List.of(60, 66), a.violations().stream().map(ComplianceAuditor.Violation::tick).toList());
        assertEquals(List.of(3, 4), a.violations().stream().map(ComplianceAuditor.Violation::ticks).toList());
    }
}
