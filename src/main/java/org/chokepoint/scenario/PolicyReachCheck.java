package org.chokepoint.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.scenario.Scenario.FirmSpec;
import org.chokepoint.scenario.Scenario.TraderSpec;
import org.chokepoint.scenario.spec.CapacityOutageSpec;
import org.chokepoint.scenario.spec.CapexSubsidySpec;
import org.chokepoint.scenario.spec.ConsortiumSpec;
import org.chokepoint.scenario.spec.ContractForDifferenceSpec;
import org.chokepoint.scenario.spec.DiversificationRequirementSpec;
import org.chokepoint.scenario.spec.ImporterInstrumentSpec;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.ProductionQuotaSpec;
import org.chokepoint.scenario.spec.PurchaseGuaranteeSpec;
import org.chokepoint.scenario.spec.ResilienceStandardSpec;
import org.chokepoint.scenario.spec.StrategicStockpileSpec;
import org.chokepoint.scenario.spec.TariffFloorSpec;
import org.chokepoint.scenario.spec.TariffRateQuotaSpec;

/**
 * Policies and outages that would reach no one: an entry whose firms, cargo or users are not in the scenario (a
 * region, commodity or prefix mistyped) validated, then ran as the world without it, and a comparison showed an
 * option that cost nothing and changed nothing. Each entry's own references are checked before; an unknown one is
 * not reported again here.
 */
final class PolicyReachCheck extends ScenarioCheck {

    PolicyReachCheck(ValidationContext v) {
        super(v);
    }

    /**
     * A contract for difference or a purchase guarantee supports the firms making its commodity in its eligible
     * regions whose id starts with its firmIdPrefix. Where none does (a prefix mistyped, a region without such
     * firms) it validated and then paid and bought nothing, and a comparison showed it as an option costing
     * nothing that changed nothing.
     */
    void checkSupportedFirms() {
        for (int i = 0; i < s.policies().size(); i++) {
            PolicySpec p = s.policies().get(i);
            List<String> eligible;
            String regionsField;
            String commodity;
            String prefix;
            if (p instanceof ContractForDifferenceSpec c) {
                eligible = c.eligibleRegions() == null ? List.of(c.region()) : c.eligibleRegions();
                regionsField = c.eligibleRegions() == null ? "region" : "eligibleRegions";
                commodity = c.commodity();
                prefix = c.firmIdPrefix();
            } else if (p instanceof PurchaseGuaranteeSpec g) {
                eligible = g.eligibleRegions() != null ? g.eligibleRegions()
                        : List.of(g.marketRegion() != null ? g.marketRegion() : g.region());
                regionsField = g.eligibleRegions() != null ? "eligibleRegions"
                        : g.marketRegion() != null ? "marketRegion" : "region";
                commodity = g.commodity();
                prefix = g.firmIdPrefix();
            } else {
                continue;
            }
            if (!v.isCommodity(commodity) || !v.regionIds().containsAll(eligible)) {
                continue;
            }
            boolean makers = false;
            boolean named = false;
            for (FirmSpec f : s.firms()) {
                if (commodity.equals(f.commodity()) && eligible.contains(f.region())) {
                    makers = true;
                    named |= EntryIdCheck.someInstanceStartsWith(f.id(), f.countOrDefault(), prefix);
                }
            }
            String at = "/policies/" + i;
            String where = String.join(", ", eligible);
            if (!makers) {
                v.problem(at + "/" + regionsField, "no firm makes " + commodity + " in " + where + ", where the firms"
                        + " it supports are, so it would support no one: give eligibleRegions where such firms are");
            } else if (!named) {
                v.problem(at + "/firmIdPrefix", "no firm making " + commodity + " in " + where + " has an id starting"
                        + " with '" + prefix + "', so it would support no one: give the start of such a firm's id");
            }
        }
    }

    /** A capital subsidy whose eligible regions have no firm making its commodities lowered no one's hurdle. */
    void checkCapexSubsidiesReach() {
        for (int i = 0; i < s.policies().size(); i++) {
            if (!(s.policies().get(i) instanceof CapexSubsidySpec c) || c.commodities() == null
                    || !v.commodityIds().containsAll(c.commodities())
                    || (c.eligibleRegions() != null && (!v.regionIds().containsAll(c.eligibleRegions())
                    || c.eligibleRegions().contains(c.excludeRegion())))) {
                continue;
            }
            List<String> eligible = new ArrayList<>(c.eligibleRegions() != null ? c.eligibleRegions()
                    : v.regionIds());
            eligible.remove(c.excludeRegion());
            boolean reaches = s.firms().stream()
                    .anyMatch(f -> eligible.contains(f.region()) && c.commodities().contains(f.commodity()));
            // A subsidy with no eligible region at all is reported as such by its own check.
            if (!eligible.isEmpty() && !reaches) {
                v.problem("/policies/" + i + "/commodities", "no firm makes " + String.join(" or ", c.commodities())
                        + " in " + (c.eligibleRegions() != null ? String.join(", ", c.eligibleRegions())
                        : "any region but " + c.excludeRegion()) + ", where the firms it subsidises are, so it"
                        + " would subsidise no one: give commodities such firms make");
            }
        }
    }

    /**
     * An importer's instrument on one market acts on something there, or the run was the world without it. A tariff
     * floor, a tariff-rate quota and a diversification requirement act on cargo landing in their region, a trader's
     * on a lane into it or a consortium's bought abroad, from an origin they do not exempt (not on a market the
     * region exports from, a good nobody ships, or every shipping origin exempt). A strategic stockpile's target is
     * days of its region's use of the commodity and a resilience standard mandates a share of its purchases: they
     * need someone in the region to use it (a manufacturer taking it as an input, or final demand there).
     */
    void checkActedOnMarkets() {
        for (int i = 0; i < s.policies().size(); i++) {
            PolicySpec p = s.policies().get(i);
            if (!(p instanceof ImporterInstrumentSpec m) || m.commodity() == null || !v.isRegion(m.region())
                    || !v.isCommodity(m.commodity())) {
                continue;
            }
            String region = m.region();
            String commodity = m.commodity();
            String at = "/policies/" + i;
            String onImports = p instanceof TariffFloorSpec ? "the tariff floor would levy nothing"
                    : p instanceof TariffRateQuotaSpec ? "the tariff-rate quota would levy and ration nothing"
                    : p instanceof DiversificationRequirementSpec ? "the diversification requirement would limit"
                    + " nothing" : null;
            String onUse = p instanceof StrategicStockpileSpec ? "the stockpile's target, days of that use, would be"
                    + " nothing and it would buy nothing"
                    : p instanceof ResilienceStandardSpec ? "the standard would mandate a share of nothing" : null;
            if (onImports != null) {
                List<String> exempt = p instanceof TariffFloorSpec t ? t.exemptOrigins()
                        : p instanceof TariffRateQuotaSpec t ? t.exemptOrigins() : null;
                Set<String> origins = new TreeSet<>();
                for (TraderSpec t : s.traders()) {
                    if (region.equals(t.to()) && commodity.equals(t.commodity())) {
                        origins.add(t.from());
                    }
                }
                for (ConsortiumSpec cs : s.consortia()) {
                    if (cs instanceof JointProcurementSpec c && region.equals(c.region())
                            && commodity.equals(c.input()) && c.candidateSuppliers() != null) {
                        origins.addAll(c.candidateSuppliers());
                    }
                }
                if (origins.isEmpty()) {
                    v.problem(at + "/commodity", "no trader ships " + commodity + " into " + region + " and no"
                            + " consortium of " + region + " buys it abroad, so " + onImports + ": give a commodity"
                            + " the region imports");
                } else if (exempt != null && exempt.containsAll(origins)) {
                    v.problem(at + "/exemptOrigins", "every origin that ships " + commodity + " into " + region + " ("
                            + String.join(", ", origins) + ") is exempt, so " + onImports + ": leave out an origin it"
                            + " should apply to");
                }
            } else if (onUse != null && !RecipeUse.usedIn(s, region, commodity, "")
                    && s.demand().stream().noneMatch(d -> region.equals(d.region()) && commodity.equals(d.commodity()))) {
                v.problem(at + "/commodity", "nobody in " + region + " uses " + commodity + " (no manufacturer takes"
                        + " it as an input and it has no final demand there), so " + onUse + ": give a commodity the"
                        + " region uses");
            }
        }
    }

    /**
     * A capacity outage or a production quota on a market where no firm makes the commodity (a region or a
     * commodity mistyped, say C for CN) would strike no one: the run would go on as if the entry were not there,
     * its counterfactual the same world, and the summary would report no loss from a shock the user meant. A quota
     * holds back no recycler (recycled output is outside it), so on a market only recyclers serve it strikes no one
     * either; an outage takes a recycler's plant as any other's.
     */
    void checkStruckMarkets() {
        for (int i = 0; i < s.events().size(); i++) {
            if (s.events().get(i) instanceof CapacityOutageSpec o) {
                checkStruck("/events/" + i, o.region(), o.commodity(), true, "the outage would take no capacity");
            }
        }
        for (int i = 0; i < s.policies().size(); i++) {
            if (s.policies().get(i) instanceof ProductionQuotaSpec q) {
                checkStruck("/policies/" + i, q.region(), q.commodity(), false, "the quota would hold no one back");
            }
        }
    }

    private void checkStruck(String at, String region, String commodity, boolean strikesRecyclers,
                             String consequence) {
        if (region == null || commodity == null || !v.isRegion(region) || !v.isCommodity(commodity)) {
            return; // reported as an unknown reference
        }
        boolean recyclers = false;
        for (FirmSpec f : s.firms()) {
            if (commodity.equals(f.commodity()) && region.equals(f.region())) {
                if (strikesRecyclers || !"recycler".equals(f.type())) {
                    return;
                }
                recyclers = true;
            }
        }
        v.problem(at + "/region", (recyclers ? "only recyclers make " + commodity + " in " + region
                + ", whose output a quota leaves free" : "no firm makes " + commodity + " in " + region)
                + ", so " + consequence + ": give the region and commodity of firms it strikes");
    }
}
