package org.chokepoint.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.scenario.Scenario.FirmSpec;
import org.chokepoint.scenario.spec.ExportSubsidySpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.Replacements;
import org.chokepoint.scenario.spec.ResilienceStandardSpec;
import org.chokepoint.scenario.spec.Role;
import org.chokepoint.scenario.spec.StateCapacitySpec;

/**
 * Policies that meet on one plant, lane or set of producers and must agree there: a planned plant built by one
 * stateCapacity, export subsidies on a lane that leave the cargo some cost, standards over the same producers that
 * share one market for certificates.
 */
final class PolicyOverlapCheck extends ScenarioCheck {

    PolicyOverlapCheck(ValidationContext v) {
        super(v);
    }

    /**
     * Each stateCapacity names a planned firm entry, and no planned firm is built twice (it would be paid for twice).
     * A planned firm that no stateCapacity builds is valid and stays idle: it is the world in which the state does
     * not build it, which is what the same scenario without its policies (the world at rest) describes.
     */
    void checkStateCapacity() {
        Map<String, Integer> builtBy = new HashMap<>();
        for (int i = 0; i < s.policies().size(); i++) {
            if (!(s.policies().get(i) instanceof StateCapacitySpec state)) {
                continue;
            }
            String at = "/policies/" + i + "/firm";
            FirmSpec firm = s.firms().stream().filter(f -> f.id().equals(state.firm())).findFirst().orElse(null);
            if (firm == null) {
                v.problem(at, "no firm entry has id '" + state.firm() + "'; a stateCapacity names a firm entry with"
                        + " status \"planned\"");
            } else if (!"planned".equals(firm.statusOrDefault())) {
                v.problem(at, "firm '" + state.firm() + "' has status \"" + firm.statusOrDefault() + "\"; the"
                        + " capacity a state builds is a firm entry with status \"planned\"");
            } else {
                Integer first = builtBy.putIfAbsent(state.firm(), i);
                if (first != null) {
                    // The id as well as the pointer: in a comparison the first builder may be a background entry
                    // put back in front of the option's own, at a pointer the options file does not have.
                    v.problem(at, "firm '" + state.firm() + "' is already built by /policies/" + first + " ('"
                            + s.policies().get(first).id() + "'); a planned firm is built by one stateCapacity");
                }
            }
        }
    }

    /**
     * Export subsidies as a share of the origin price add up on a lane. At a whole of it or more the exporter pays
     * the trader at least what the cargo costs at the origin, whatever its price: a bid, the origin price at which
     * the cargo still pays, has no value, and the run stopped the lane the subsidies pay for. Checked at the start of
     * each subsidy, where the most of them are in force together, in each world a run makes: the scenario as written,
     * where a subsidy that another measure replaces ends at that measure's start (a rebate of 60% cut to 50% is never
     * 110%: it was refused as such), and its no-shock counterfactual, where a background subsidy replaced by a shock
     * runs to its own end.
     */
    void checkStackedExportSubsidies() {
        int horizon = s.time().horizonTicks() == null ? Integer.MAX_VALUE : s.time().horizonTicks();
        List<PolicySpec> all = s.policies();
        if (checkStackedExportSubsidies(all, horizon, "")) {
            return;
        }
        List<PolicySpec> background = new ArrayList<>();
        for (PolicySpec p : all) {
            if (Role.isBackground(p.role())) {
                background.add(p);
            }
        }
        if (background.size() < all.size()) {
            checkStackedExportSubsidies(background, horizon, " in the no-shock counterfactual, where no shock"
                    + " replaces them");
        }
    }

    /** The check above in the world of {@code policies}; whether it found a problem. */
    private boolean checkStackedExportSubsidies(List<PolicySpec> policies, int horizon, String world) {
        int[] ends = Replacements.ends(policies, horizon);
        List<ExportSubsidySpec> rated = new ArrayList<>();
        List<Integer> ratedEnds = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i) instanceof ExportSubsidySpec sub && sub.rate() != null && sub.region() != null
                    && sub.commodities() != null) {
                rated.add(sub);
                ratedEnds.add(ends[i]);
            }
        }
        for (int k = 0; k < rated.size(); k++) {
            ExportSubsidySpec first = rated.get(k);
            int tick = first.start();
            for (String c : first.commodities()) {
                for (String d : v.regionIds()) {
                    if (d.equals(first.region()) || !subsidises(first, ratedEnds.get(k), c, d, tick)) {
                        continue;
                    }
                    double sum = 0;
                    List<String> ids = new ArrayList<>();
                    for (int j = 0; j < rated.size(); j++) {
                        ExportSubsidySpec other = rated.get(j);
                        if (other.region().equals(first.region()) && subsidises(other, ratedEnds.get(j), c, d, tick)) {
                            sum += other.rate();
                            ids.add("'" + other.id() + "'");
                        }
                    }
                    if (sum >= 1) {
                        v.problem("/policies/" + indexOf(first) + "/rate", "export subsidies of '" + first.region()
                                + "' on " + c + " to " + d + " add up to a rate of " + ValidationContext.num(sum)
                                + " from tick " + tick + world + " (" + String.join(", ", ids) + "): at 1 or more of"
                                + " the origin price the cargo costs its trader nothing whatever it is bought at;"
                                + " give rates that add up to less than 1");
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The index in the scenario's policies of {@code policy}, the very entry. */
    private int indexOf(PolicySpec policy) {
        for (int i = 0; i < s.policies().size(); i++) {
            if (s.policies().get(i) == policy) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code sub}, in force until {@code end}, subsidises {@code c} to {@code d} at {@code tick}. */
    private static boolean subsidises(ExportSubsidySpec sub, int end, String c, String d, int tick) {
        return sub.start() <= tick && tick < end && sub.commodities().contains(c)
                && (sub.destinations() == null || sub.destinations().contains(d));
    }

    /**
     * Resilience standards whose certified sources overlap share one pool of certificates, which needs one
     * definition of the sources and one shortfall rule: otherwise a firm's certificate would have two prices.
     */
    void checkCertifiedSources() {
        List<ResilienceStandardSpec> standards = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < s.policies().size(); i++) {
            if (s.policies().get(i) instanceof ResilienceStandardSpec std) {
                for (int k = 0; k < standards.size(); k++) {
                    ResilienceStandardSpec other = standards.get(k);
                    if (std.certifiesSomeOf(other) && !std.certificatesKey().equals(other.certificatesKey())) {
                        v.problem("/policies/" + i, "resilience standard '" + std.id() + "' certifies some of the"
                                + " same " + std.commodity() + " producers as /policies/" + at.get(k) + " ('"
                                + other.id() + "'); standards over the same producers share their certificates, so"
                                + " they must name the same certifiedRegions and firmIdPrefix and the same shortfall"
                                + " and penaltyPerUnit (or certify producers apart)");
                        break;
                    }
                }
                standards.add(std);
                at.add(i);
            }
        }
    }
}
