package org.chokepoint.scenario;

import java.util.List;
import org.chokepoint.scenario.spec.JointProcurementSpec;

/**
 * A joint-procurement consortium is its region's manufacturers that take its input, buying it from its
 * candidate suppliers across their lanes home and watching the region's imports from the disrupted origin for
 * a cut-off; its allocation hands out what members make from the pooled input to the region's manufacturers
 * that use it. Where no manufacturer of the region takes the input it never has a member; a candidate that is
 * the consortium's own region, or has no route to it, is never bought from; an after-shock consortium watching
 * its own region watches imports that cannot exist, so it never sees a cut-off; an allocation of a product no
 * member makes from the input, or that no manufacturer of the region uses, hands nobody anything. Each ran as
 * if the entry, or the part of it, were not there (a region or commodity mistyped), and compliance.json showed
 * a consortium with no members, no purchases or no allocations.
 */
final class ConsortiumCheck extends ScenarioCheck {

    ConsortiumCheck(ValidationContext v) {
        super(v);
    }

    void checkConsortia() {
        for (int i = 0; i < s.consortia().size(); i++) {
            if (!(s.consortia().get(i) instanceof JointProcurementSpec c)
                    || !v.isRegion(c.region()) || !v.isCommodity(c.input())) {
                continue;
            }
            String at = "/consortia/" + i;
            if (!RecipeUse.usedIn(s, c.region(), c.input(), "")) {
                v.problem(at + "/input", "no manufacturer in " + c.region() + " takes " + c.input() + " as an input,"
                        + " so the consortium would have no members: give the input its region's manufacturers buy");
                continue;
            }
            boolean nobody = !RecipeUse.usedIn(s, c.region(), c.input(), c.firmIdPrefix());
            if (nobody) {
                v.problem(at + "/firmIdPrefix", "no manufacturer in " + c.region() + " that takes " + c.input()
                        + " has an id starting with '" + c.firmIdPrefix() + "', so no one could join: give the start"
                        + " of such a firm's id");
            }
            if (c.mode() == JointProcurementSpec.Mode.AFTER_SHOCK && c.region().equals(c.disruptedOrigin())) {
                v.problem(at + "/disruptedOrigin", c.region() + " is the consortium's own region, which it imports"
                        + " nothing from, so it would never see a cut-off: give the region whose supply of "
                        + c.input() + " is at risk");
            }
            if (c.mode() == JointProcurementSpec.Mode.AFTER_SHOCK && c.joinCoverTicks() == 0) {
                // A firm joins when its cover falls below the mark; no stock covers fewer than 0 ticks.
                v.problem(at + "/joinCoverTicks", "a firm joins an after-shock consortium when its stock of "
                        + c.input() + " covers fewer ticks of its use than this, and no stock covers fewer than 0,"
                        + " so no one would ever join: give a cover above 0 (the default is 8)");
            }
            List<String> suppliers = c.candidateSuppliers() == null ? List.of() : c.candidateSuppliers();
            for (int k = 0; k < suppliers.size(); k++) {
                String from = suppliers.get(k);
                if (from.equals(c.region())) {
                    v.problem(at + "/candidateSuppliers/" + k, from + " is the consortium's own region: it buys"
                            + " only across a lane home, so it would never buy there; list regions with a route to "
                            + c.region());
                } else if (v.isRegion(from) && !v.laneExists(from, c.region())) {
                    v.problem(at + "/candidateSuppliers/" + k, "no route from " + from + " to " + c.region()
                            + ", so the consortium would never buy there; list regions with a route to "
                            + c.region() + "; routes (with direction): " + v.routeList());
                }
            }
            JointProcurementSpec.Allocation a = c.allocation();
            // A pool of no one allocates nothing whatever its product: the prefix's own problem says so.
            if (a == null || nobody || !v.isCommodity(a.product())) {
                continue;
            }
            if (!RecipeUse.madeFrom(s, c.region(), a.product(), c.input(), c.firmIdPrefix())) {
                // Only members' output is allocated: with a prefix, a maker of the product outside it is no member.
                v.problem(at + "/allocation/product", "no manufacturer in " + c.region()
                        + (c.firmIdPrefix().isEmpty() ? "" : " whose id starts with '" + c.firmIdPrefix() + "'")
                        + " makes " + a.product() + " from " + c.input() + ", so no member output would be allocated:"
                        + " give what members make from the pooled input");
            } else if (!RecipeUse.usedIn(s, c.region(), a.product(), "")) {
                v.problem(at + "/allocation/product", "no manufacturer in " + c.region() + " takes " + a.product()
                        + " as an input, so no buyer would ask for the allocation: give a product the region's"
                        + " manufacturers use");
            }
        }
    }
}
