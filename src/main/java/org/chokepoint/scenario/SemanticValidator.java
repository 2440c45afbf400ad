package org.chokepoint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.scenario.Scenario.FirmSpec;
import org.chokepoint.scenario.Scenario.TraderSpec;
import org.chokepoint.scenario.spec.CapacityOutageSpec;
import org.chokepoint.scenario.spec.CapexSubsidySpec;
import org.chokepoint.scenario.spec.ConsortiumSpec;
import org.chokepoint.scenario.spec.ContractForDifferenceSpec;
import org.chokepoint.scenario.spec.DiversificationRequirementSpec;
import org.chokepoint.scenario.spec.ExportSubsidySpec;
import org.chokepoint.scenario.spec.ImporterInstrumentSpec;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.ProductionQuotaSpec;
import org.chokepoint.scenario.spec.PurchaseGuaranteeSpec;
import org.chokepoint.scenario.spec.Replacements;
import org.chokepoint.scenario.spec.ResilienceStandardSpec;
import org.chokepoint.scenario.spec.Role;
import org.chokepoint.scenario.spec.SpecCheck;
import org.chokepoint.scenario.spec.SpecTypes;
import org.chokepoint.scenario.spec.StateCapacitySpec;
import org.chokepoint.scenario.spec.StrategicStockpileSpec;
import org.chokepoint.scenario.spec.TariffFloorSpec;
import org.chokepoint.scenario.spec.TariffRateQuotaSpec;

/**
 * The rules of a scenario that a schema cannot state: ids are unique and every reference resolves,
 * recipes form no cycle, every manufacturer has a recipe, every trader lane has a route, ranges are
 * ordered, and events, policies and consortia make sense in this scenario (each entry checks itself, see
 * {@link SpecCheck}). Runs on a document that already passed the schema, so every required field is present
 * and every event, policy and consortium is of a supported type. Each part of the scenario has its own check
 * ({@link TimeCheck}, {@link ChainCheck}, {@link FirmCheck}, {@link StockAndDemandCheck}, {@link RangeCheck},
 * and the policies and consortia checked here), all reading the scenario and its id index from one
 * {@link ValidationContext} and reporting to its one list.
 */
public final class SemanticValidator {

    /** Policy types this version can run; a policy of any other type is an error. */
    public static final List<String> SUPPORTED_POLICY_TYPES = List.copyOf(SpecTypes.of(PolicySpec.class).keySet());

    /** Consortium types this version can run; a consortium of any other type is an error. */
    public static final List<String> SUPPORTED_CONSORTIUM_TYPES =
            List.copyOf(SpecTypes.of(ConsortiumSpec.class).keySet());

    private final ValidationContext v;
    private final Scenario s;

    SemanticValidator(String file, JsonNode json, Scenario scenario, SourceLocations where) {
        this.v = new ValidationContext(file, json, scenario, where);
        this.s = scenario;
    }

    /** Checks a scenario built in memory, without positions. */
    public static List<ScenarioProblem> validate(String file, JsonNode json, Scenario scenario) {
        return new SemanticValidator(file, json, scenario, SourceLocations.none()).validate();
    }

    /**
     * Runs the checks in an order users and tests read: the problems come out as found, so the order of these
     * calls is the order of the report.
     */
    List<ScenarioProblem> validate() {
        TimeCheck time = new TimeCheck(v);
        ChainCheck chain = new ChainCheck(v);
        StockAndDemandCheck stockAndDemand = new StockAndDemandCheck(v);
        v.indexIds();
        time.checkDecisionTick();
        time.checkStartDate();
        time.checkPriceBase();
        chain.checkRecipes();
        chain.checkRecipeCycles();
        chain.checkRoutes();
        new FirmCheck(v).checkFirms();
        chain.checkTraders();
        stockAndDemand.checkDemand();
        stockAndDemand.checkStocks();
        for (int i = 0; i < s.events().size(); i++) {
            s.events().get(i).check(v.entryCheck("/events/" + i));
        }
        new RangeCheck(v).checkRanges();
        for (int i = 0; i < s.policies().size(); i++) {
            s.policies().get(i).check(v.entryCheck("/policies/" + i));
        }
        for (int i = 0; i < s.consortia().size(); i++) {
            s.consortia().get(i).check(v.entryCheck("/consortia/" + i));
        }
        checkTypedIds("policies", "policy");
        Replacements.check(s.policies(), v::problem);
        checkStateCapacity();
        checkStackedExportSubsidies();
        checkCertifiedSources();
        checkSupportedFirms();
        checkStruckMarkets();
        checkConsortia();
        checkCapexSubsidiesReach();
        checkActedOnMarkets();
        checkTypedIds("consortia", "consortium");
        checkMembers("firms", "firm");
        checkMembers("traders", "trader");
        if (v.problems().isEmpty()) {
            for (String[] p : RunLimits.check(s, s.time().horizonTicks())) {
                v.problem(p[0], p[1]);
            }
        }
        return v.problems();
    }

    /**
     * Policies and consortia are reported under their ids (a policy's indicators in summary.json), so two
     * entries must not share one; an entry without an id goes by its type.
     */
    private void checkTypedIds(String field, String kind) {
        JsonNode entries = v.json.path(field);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            boolean named = e.path("id").isTextual();
            String id = named ? e.get("id").textValue() : e.path("type").asText();
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                v.problem("/" + field + "/" + i + (named ? "/id" : ""), "duplicate " + kind + " id '" + id + "'"
                        + (named ? "" : " (an entry without an id goes by its type)") + ": /" + field + "/" + first
                        + " has it too; give each of the " + ValidationContext.plural(kind) + " its own id, as outputs report them"
                        + " by it");
            }
        }
    }

    /**
     * The members of a population are named {@code id-1}, {@code id-2}, ...: no member may take the id of
     * another entry or of another population's member, since outputs name firms and traders by these ids.
     */
    private void checkMembers(String field, String kind) {
        JsonNode entries = v.json.path(field);
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i).path("id").asText();
            int count = entries.get(i).path("count").asInt(1);
            for (int k = 1; k <= count; k++) {
                String member = member(id, count, k);
                Integer first = owner.putIfAbsent(member, i);
                boolean reportedAsDuplicateId = count == 1 && first != null
                        && entries.get(first).path("count").asInt(1) == 1;
                if (first != null && first != i && !reportedAsDuplicateId) {
                    v.problem("/" + field + "/" + i + "/id", kind + " id '" + member + "'" + (count == 1 ? ""
                            : " (member " + k + " of population '" + id + "')") + " is also used by /" + field + "/"
                            + first + (entries.get(first).path("count").asInt(1) == 1 ? ""
                            : " (members of a population are named id-1, id-2, ...)")
                            + "; ids must be unique among " + ValidationContext.plural(kind) + " and their members");
                    break;
                }
            }
        }
    }

    /**
     * Whether one of the firms of an entry, {@code id} alone or {@code id-1} to {@code id-count}, starts so: each
     * member named as {@link #checkMembers} names it, which has already walked them all.
     */
    static boolean someInstanceStartsWith(String id, int count, String prefix) {
        for (int k = 1; k <= count; k++) {
            if (member(id, count, k).startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String member(String id, int count, int k) {
        return count == 1 ? id : id + "-" + k;
    }

    /**
     * Each stateCapacity names a planned firm entry, and no planned firm is built twice (it would be paid for twice).
     * A planned firm that no stateCapacity builds is valid and stays idle: it is the world in which the state does
     * not build it, which is what the same scenario without its policies (the world at rest) describes.
     */
    private void checkStateCapacity() {
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
                v.problem(at, "firm '" + state.firm() + "' has status \"" + firm.statusOrDefault() + "\"; the capacity"
                        + " a state builds is a firm entry with status \"planned\"");
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
    private void checkStackedExportSubsidies() {
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
                                + "' on " + c + " to " + d + " add up to a rate of " + ValidationContext.num(sum) + " from tick " + tick
                                + world + " (" + String.join(", ", ids) + "): at 1 or more of the origin price the cargo"
                                + " costs its trader nothing whatever it is bought at; give rates that add up to"
                                + " less than 1");
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private int indexOf(PolicySpec policy) {
        for (int i = 0; i < s.policies().size(); i++) {
            if (s.policies().get(i) == policy) {
                return i;
            }
        }
        return -1;
    }

    private static boolean subsidises(ExportSubsidySpec sub, int end, String c, String d, int tick) {
        return sub.start() <= tick && tick < end && sub.commodities().contains(c)
                && (sub.destinations() == null || sub.destinations().contains(d));
    }

    /**
     * Resilience standards whose certified sources overlap share one pool of certificates, which needs one
     * definition of the sources and one shortfall rule: otherwise a firm's certificate would have two prices.
     */
    private void checkCertifiedSources() {
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

    /**
     * A contract for difference or a purchase guarantee supports the firms making its commodity in its eligible
     * regions whose id starts with its firmIdPrefix. Where none does (a prefix mistyped, a region without such
     * firms) it validated and then paid and bought nothing, and a comparison showed it as an option costing
     * nothing that changed nothing.
     */
    private void checkSupportedFirms() {
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
                    named |= someInstanceStartsWith(f.id(), f.countOrDefault(), prefix);
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

    private void checkCapexSubsidiesReach() {
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
    private void checkActedOnMarkets() {
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
                v.problem(at + "/commodity", "nobody in " + region + " uses " + commodity + " (no manufacturer takes it"
                        + " as an input and it has no final demand there), so " + onUse + ": give a commodity the"
                        + " region uses");
            }
        }
    }

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
    private void checkConsortia() {
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

    /**
     * A capacity outage or a production quota on a market where no firm makes the commodity (a region or a
     * commodity mistyped, say C for CN) would strike no one: the run would go on as if the entry were not there,
     * its counterfactual the same world, and the summary would report no loss from a shock the user meant. A quota
     * holds back no recycler (recycled output is outside it), so on a market only recyclers serve it strikes no one
     * either; an outage takes a recycler's plant as any other's.
     */
    private void checkStruckMarkets() {
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
        if (region == null || commodity == null || !v.isRegion(region)
                || !v.isCommodity(commodity)) {
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
