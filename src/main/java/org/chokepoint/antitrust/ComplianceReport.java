package org.chokepoint.antitrust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.agent.Firms;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.world.World;

/**
 * What {@code compliance.json} holds for one consortium: the rules checked with what each requires; the
 * periods it acted in, with their basis; the members; the messages delivered over the run, by field and route;
 * the members that priced with a collusive markup and for how long; what was procured from whom; the keys
 * applied and the allocation's results by buyer class; and each violation with its evidence.
 */
final class ComplianceReport {
    private ComplianceReport() {
    }

    static Map<String, Object> of(ConsortiumTerms terms, World w, Firms x, Membership members,
                                  PooledProcurement procurement, CaseSevenAllocation allocation,
                                  DownstreamCoordination coordination, MessageLog log, ComplianceAuditor auditor) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("consortium", terms.id);
        r.put("type", JointProcurementSpec.TYPE);
        r.put("region", w.region(terms.region).id());
        r.put("mode", terms.mode.name());
        r.put("procures", w.commodity(terms.input).id());
        List<Map<String, String>> rules = new ArrayList<>();
        for (ComplianceAuditor.Rule rule : ComplianceAuditor.Rule.values()) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("rule", rule.name());
            e.put("requires", rule.requirement());
            rules.add(e);
        }
        r.put("rulesChecked", rules);
        List<Map<String, Integer>> held = new ArrayList<>();
        for (int[] t : auditor.triggerHeld()) {
            Map<String, Integer> span = new LinkedHashMap<>();
            span.put("from", t[0]);
            span.put("to", t[1]);
            held.add(span);
        }
        r.put("triggerHeld", held);
        r.put("graceTicks", terms.grace);
        r.put("activePeriods", auditor.periods());
        List<String> ids = new ArrayList<>();
        for (int f : members.candidates) {
            if (members.member[f]) {
                ids.add(x.id(f));
            }
        }
        r.put("members", ids);
        r.put("peacetimeShareLimit", terms.peacetimeMaxShare);
        Map<String, Object> ex = new LinkedHashMap<>();
        ex.put("fieldsExchanged", java.util.Arrays.stream(terms.exchanged).map(InformationField::label).toList());
        ex.put("membersSee", terms.disclosure.name());
        List<Map<String, Object>> counts = new ArrayList<>();
        for (InformationField f : InformationField.values()) {
            long in = log.delivered(f, MessageLog.TO_CONSORTIUM);
            long agg = log.delivered(f, MessageLog.AGGREGATE_TO_MEMBER);
            long ind = log.delivered(f, MessageLog.INDIVIDUAL_TO_MEMBER);
            if (in + agg + ind == 0) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("field", f.label());
            e.put("allowed", f.allowed());
            e.put("toConsortium", in);
            e.put("aggregatesToMembers", agg);
            e.put("individualFiguresToMembers", ind);
            counts.add(e);
        }
        ex.put("messagesDelivered", counts);
        r.put("exchanges", ex);
        Map<String, Object> coordinated = new LinkedHashMap<>();
        for (int f : members.candidates) {
            if (coordination.coordinatedTicks[f] > 0) {
                coordinated.put(x.id(f), coordination.coordinatedTicks[f]);
            }
        }
        Map<String, Object> co = new LinkedHashMap<>();
        co.put("markupOverMarginalCost", terms.collusiveMarkup);
        co.put("ticksByMember", coordinated);
        r.put("downstreamCoordination", co);
        Map<String, Object> proc = new LinkedHashMap<>();
        proc.put("volume", procurement.procured());
        proc.put("bySupplier", procurement.bySupplier(w));
        proc.put("candidateSuppliers", terms.supplierIds);
        r.put("procurement", proc);
        if (terms.key != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("product", w.commodity(terms.product).id());
            a.put("key", terms.key.kind());
            a.put("priority", terms.key.priority());
            a.put("refuses", terms.refusedIds);
            a.put("keysApplied", auditor.keysApplied());
            a.put("results", allocation.results(w));
            r.put("allocation", a);
        }
        r.put("violations", auditor.violations());
        return r;
    }
}
