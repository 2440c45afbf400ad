package org.chokepoint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.scenario.Scenario.CommoditySpec;
import org.chokepoint.scenario.Scenario.DemandSpec;
import org.chokepoint.scenario.Scenario.FirmSpec;
import org.chokepoint.scenario.Scenario.RecipeSpec;
import org.chokepoint.scenario.Scenario.RouteSpec;
import org.chokepoint.scenario.Scenario.TraderSpec;
import org.chokepoint.scenario.spec.CapacityOutageSpec;
import org.chokepoint.scenario.spec.CapexSubsidySpec;
import org.chokepoint.scenario.spec.ConsortiumSpec;
import org.chokepoint.scenario.spec.ContractForDifferenceSpec;
import org.chokepoint.scenario.spec.DiversificationRequirementSpec;
import org.chokepoint.scenario.spec.ExportSubsidySpec;
import org.chokepoint.scenario.spec.ImporterInstrumentSpec;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.scenario.spec.JsonPointers;
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
 * and every event, policy and consortium is of a supported type.
 */
public final class SemanticValidator {

    /** Policy types this version can run; a policy of any other type is an error. */
    public static final List<String> SUPPORTED_POLICY_TYPES = List.copyOf(SpecTypes.of(PolicySpec.class).keySet());

    /** Consortium types this version can run; a consortium of any other type is an error. */
    public static final List<String> SUPPORTED_CONSORTIUM_TYPES =
            List.copyOf(SpecTypes.of(ConsortiumSpec.class).keySet());

    private final String file;
    private final JsonNode json;
    private final Scenario s;
    private final SourceLocations where;
    private final List<ScenarioProblem> problems = new ArrayList<>();

    private final Map<String, String> regions = new LinkedHashMap<>();
    private final Map<String, CommoditySpec> commodities = new LinkedHashMap<>();
    private final Map<String, RecipeSpec> recipes = new LinkedHashMap<>();

    SemanticValidator(String file, JsonNode json, Scenario scenario, SourceLocations where) {
        this.file = file;
        this.json = json;
        this.s = scenario;
        this.where = where;
    }

    /** Checks a scenario built in memory, without positions. */
    public static List<ScenarioProblem> validate(String file, JsonNode json, Scenario scenario) {
        return new SemanticValidator(file, json, scenario, SourceLocations.none()).validate();
    }

    List<ScenarioProblem> validate() {
        indexIds();
        Integer decision = s.time().decisionTick();
        if (decision != null && s.time().horizonTicks() != null && decision >= s.time().horizonTicks()) {
            problem("/time/decisionTick", "decisionTick must be < horizonTicks (" + s.time().horizonTicks()
                    + "), got " + decision + "; present values are discounted to a tick of the run");
        }
        checkStartDate();
        checkPriceBase();
        checkRecipes();
        checkRecipeCycles();
        checkRoutes();
        checkFirms();
        checkTraders();
        checkDemand();
        checkStocks();
        for (int i = 0; i < s.events().size(); i++) {
            s.events().get(i).check(new EntryCheck("/events/" + i));
        }
        checkRanges();
        for (int i = 0; i < s.policies().size(); i++) {
            s.policies().get(i).check(new EntryCheck("/policies/" + i));
        }
        for (int i = 0; i < s.consortia().size(); i++) {
            s.consortia().get(i).check(new EntryCheck("/consortia/" + i));
        }
        checkTypedIds("policies", "policy", json.path("policies"));
        Replacements.check(s.policies(), this::problem);
        checkStateCapacity();
        checkStackedExportSubsidies();
        checkCertifiedSources();
        checkSupportedFirms();
        checkStruckMarkets();
        checkConsortia();
        checkCapexSubsidiesReach();
        checkActedOnMarkets();
        checkTypedIds("consortia", "consortium", json.path("consortia"));
        checkMembers("firms", "firm", json.path("firms"));
        checkMembers("traders", "trader", json.path("traders"));
        if (problems.isEmpty()) {
            for (String[] p : RunLimits.check(s, s.time().horizonTicks())) {
                problem(p[0], p[1]);
            }
        }
        return problems;
    }

    /**
     * A startDate of the form the schema asks for (YYYY-MM-DD) that is no day of the calendar: 2009-13-45,
     * 2009-02-30. It names no tick, so the report's dates would be lost without a word.
     */
    private void checkStartDate() {
        String date = s.time().startDate();
        if (date == null || !date.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return;
        }
        int year = Integer.parseInt(date.substring(0, 4));
        int month = Integer.parseInt(date.substring(5, 7));
        int day = Integer.parseInt(date.substring(8, 10));
        String why = null;
        if (month < 1 || month > 12) {
            why = "there is no month " + month;
        } else {
            java.time.YearMonth ym = java.time.YearMonth.of(year, month);
            if (day < 1 || day > ym.lengthOfMonth()) {
                why = ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                        + year + " has " + ym.lengthOfMonth() + " days";
            }
        }
        if (why == null) {
            try {
                java.time.LocalDate.parse(date);
            } catch (java.time.format.DateTimeParseException e) {
                why = "it is no date of the calendar";
            }
        }
        if (why != null) {
            problem("/time/startDate", "startDate must be a date of the calendar written YYYY-MM-DD, got '" + date
                    + "': " + why);
        }
    }

    private void checkPriceBase() {
        Integer year = PriceBase.priceYear(s);
        Integer base = s.outputs().priceBaseYear();
        if (base == null || base.equals(year)) {
            return;
        }
        if (year == null) {
            problem("/outputs/priceBaseYear", "restating money in " + base + " dollars needs the year the scenario's"
                    + " prices are in: give time.priceYear or time.startDate");
        } else if (!PriceBase.cpi().containsKey(year)) {
            problem(s.time().priceYear() != null ? "/time/priceYear" : "/time/startDate", "no US CPI for " + year
                    + " to restate its dollars in " + base + " dollars; the table has " + PriceBase.cpi().keySet());
        } else if (!PriceBase.cpi().containsKey(base)) {
            problem("/outputs/priceBaseYear", "no US CPI for " + base + "; the table has " + PriceBase.cpi().keySet()
                    + " (or leave it out to state money in the scenario's " + year + " dollars)");
        }
    }

    private void problem(String pointer, String message) {
        problems.add(where.problem(file, pointer, message));
    }

    // ---- ids -------------------------------------------------------------------------------------

    private void indexIds() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < s.regions().size(); i++) {
            String id = s.regions().get(i).id();
            if (unique("region", id, "/regions/" + i, seen)) {
                regions.put(id, id);
            }
        }
        seen.clear();
        for (int i = 0; i < s.commodities().size(); i++) {
            CommoditySpec c = s.commodities().get(i);
            if (unique("commodity", c.id(), "/commodities/" + i, seen)) {
                commodities.put(c.id(), c);
            }
        }
        seen.clear();
        for (int i = 0; i < s.recipes().size(); i++) {
            RecipeSpec r = s.recipes().get(i);
            if (unique("recipe", r.id(), "/recipes/" + i, seen)) {
                recipes.put(r.id(), r);
            }
        }
        seen.clear();
        for (int i = 0; i < s.firms().size(); i++) {
            unique("firm", s.firms().get(i).id(), "/firms/" + i, seen);
        }
        seen.clear();
        for (int i = 0; i < s.traders().size(); i++) {
            unique("trader", s.traders().get(i).id(), "/traders/" + i, seen);
        }
        seen.clear();
        for (int i = 0; i < s.events().size(); i++) {
            if (s.events().get(i).id() != null) {
                unique("event", s.events().get(i).id(), "/events/" + i, seen);
            }
        }
    }

    /**
     * Policies and consortia are reported under their ids (a policy's indicators in summary.json), so two
     * entries must not share one; an entry without an id goes by its type.
     */
    private void checkTypedIds(String field, String kind, JsonNode entries) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            boolean named = e.path("id").isTextual();
            String id = named ? e.get("id").textValue() : e.path("type").asText();
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                problem("/" + field + "/" + i + (named ? "/id" : ""), "duplicate " + kind + " id '" + id + "'"
                        + (named ? "" : " (an entry without an id goes by its type)") + ": /" + field + "/" + first
                        + " has it too; give each of the " + plural(kind) + " its own id, as outputs report them"
                        + " by it");
            }
        }
    }

    /**
     * The members of a population are named {@code id-1}, {@code id-2}, ...: no member may take the id of
     * another entry or of another population's member, since outputs name firms and traders by these ids.
     */
    private void checkMembers(String field, String kind, JsonNode entries) {
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
                    problem("/" + field + "/" + i + "/id", kind + " id '" + member + "'" + (count == 1 ? ""
                            : " (member " + k + " of population '" + id + "')") + " is also used by /" + field + "/"
                            + first + (entries.get(first).path("count").asInt(1) == 1 ? ""
                            : " (members of a population are named id-1, id-2, ...)")
                            + "; ids must be unique among " + plural(kind) + " and their members");
                    break;
                }
            }
        }
    }

    private boolean unique(String kind, String id, String base, Map<String, Integer> seen) {
        Integer first = seen.putIfAbsent(id, seen.size());
        if (first != null) {
            String firstAt = base.substring(0, base.lastIndexOf('/') + 1) + indexOf(base, id, kind);
            problem(base + "/id", "duplicate " + kind + " id '" + id + "': first defined at " + firstAt
                    + "; ids must be unique among " + plural(kind));
            return false;
        }
        return true;
    }

    /** Index of the first element with this id in the array at base's parent. */
    private String indexOf(String base, String id, String kind) {
        JsonNode array = json.at(base.substring(0, base.lastIndexOf('/')));
        for (int i = 0; i < array.size(); i++) {
            if (id.equals(array.get(i).path("id").asText(null))) {
                return Integer.toString(i);
            }
        }
        return "?";
    }

    private static String plural(String kind) {
        switch (kind) {
            case "commodity": return "commodities";
            case "policy": return "policies";
            case "consortium": return "consortia";
            default: return kind + "s";
        }
    }

    private boolean region(String pointer, String id) {
        if (id != null && !regions.containsKey(id)) {
            problem(pointer, "unknown region '" + id + "'; known regions: " + known(regions.keySet()));
            return false;
        }
        return true;
    }

    private boolean commodity(String pointer, String id) {
        if (id != null && !commodities.containsKey(id)) {
            problem(pointer, "unknown commodity '" + id + "'; known commodities: " + known(commodities.keySet()));
            return false;
        }
        return true;
    }

    private static String known(Set<String> ids) {
        return ids.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(ids));
    }

    // ---- recipes ---------------------------------------------------------------------------------

    private void checkRecipes() {
        for (int i = 0; i < s.recipes().size(); i++) {
            RecipeSpec r = s.recipes().get(i);
            String base = "/recipes/" + i;
            if (commodity(base + "/output", r.output()) && isScrap(r.output())) {
                problem(base + "/output", "'" + r.output() + "' is of stage scrap, which only collection makes (a"
                        + " recycler whose commodity is the scrap and whose recycling.feedstock is the final good it"
                        + " comes from); a recipe may take scrap as an input, never make it");
            }
            Set<String> inputs = new LinkedHashSet<>();
            for (int j = 0; j < r.inputs().size(); j++) {
                RecipeSpec.Input in = r.inputs().get(j);
                String ib = base + "/inputs/" + j;
                commodity(ib + "/commodity", in.commodity());
                if (!inputs.add(in.commodity())) {
                    problem(ib + "/commodity", "input '" + in.commodity() + "' appears twice in recipe '" + r.id()
                            + "'; list each input once with its total perUnit");
                }
                if (in.minPerUnit() != null && in.minPerUnit() > in.perUnit()) {
                    problem(ib + "/minPerUnit", "minPerUnit must be <= perUnit (" + num(in.perUnit())
                            + "), got " + num(in.minPerUnit()) + ": thrift lowers use toward the floor, never raises it");
                }
            }
        }
    }

    /** Commodity graph: output -> each input. A cycle means a good is, at some depth, its own input. */
    private void checkRecipeCycles() {
        Map<String, List<Integer>> byOutput = new LinkedHashMap<>();
        for (int i = 0; i < s.recipes().size(); i++) {
            byOutput.computeIfAbsent(s.recipes().get(i).output(), k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> state = new HashMap<>(); // 1 = on the stack, 2 = done
        List<String> stack = new ArrayList<>();
        List<Integer> via = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (String c : byOutput.keySet()) {
            dfs(c, byOutput, state, stack, via, reported);
        }
    }

    private void dfs(String c, Map<String, List<Integer>> byOutput, Map<String, Integer> state,
                     List<String> stack, List<Integer> via, Set<String> reported) {
        Integer st = state.get(c);
        if (st != null && st == 2) {
            return;
        }
        if (st != null && st == 1) {
            int from = stack.indexOf(c);
            List<String> cycle = new ArrayList<>(stack.subList(from, stack.size()));
            cycle.add(c);
            List<String> recipeIds = new ArrayList<>();
            for (int k = from; k < via.size(); k++) {
                recipeIds.add(s.recipes().get(via.get(k)).id());
            }
            String key = String.join(",", new TreeSet<>(cycle));
            if (reported.add(key)) {
                int closing = via.get(via.size() - 1);
                problem("/recipes/" + closing, "recipe cycle: " + String.join(" <- ", cycle) + " (through recipes "
                        + String.join(", ", recipeIds) + "); each commodity must be made, at any depth,"
                        + " from inputs other than itself");
            }
            return;
        }
        state.put(c, 1);
        stack.add(c);
        for (int r : byOutput.getOrDefault(c, List.of())) {
            for (RecipeSpec.Input in : s.recipes().get(r).inputs()) {
                via.add(r);
                dfs(in.commodity(), byOutput, state, stack, via, reported);
                via.remove(via.size() - 1);
            }
        }
        stack.remove(stack.size() - 1);
        state.put(c, 2);
    }

    // ---- routes ----------------------------------------------------------------------------------

    private final Set<String> lanes = new LinkedHashSet<>();
    private final Set<String> chokepoints = new TreeSet<>();

    private static String lane(String from, String to) {
        return from + "\u0000" + to;
    }

    private void checkRoutes() {
        Map<String, Integer> directed = new HashMap<>();
        for (int i = 0; i < s.routes().size(); i++) {
            RouteSpec r = s.routes().get(i);
            String base = "/routes/" + i;
            region(base + "/from", r.from());
            region(base + "/to", r.to());
            chokepoints.addAll(r.chokepoints());
            if (r.from().equals(r.to())) {
                problem(base + "/to", "a route joins two different regions; got from = to = '" + r.from() + "'");
                continue;
            }
            Integer earlier = directed.putIfAbsent(lane(r.from(), r.to()), i);
            if (earlier != null) {
                problem(base, "duplicate route " + r.from() + " -> " + r.to() + ": /routes/" + earlier
                        + " already connects them in this direction; a lane has one route");
            }
            if (r.bothWays()) {
                directed.putIfAbsent(lane(r.to(), r.from()), i);
            }
            // Kept even when a region is unknown: that is reported once, here, not again for every trader.
            lanes.add(lane(r.from(), r.to()));
            if (r.bothWays()) {
                lanes.add(lane(r.to(), r.from()));
            }
        }
    }

    private String routeList() {
        List<String> out = new ArrayList<>();
        for (String l : lanes) {
            out.add(l.replace("\u0000", "->"));
        }
        return out.isEmpty() ? "(none)" : String.join(", ", out);
    }

    // ---- firms -----------------------------------------------------------------------------------

    private void checkFirms() {
        for (int i = 0; i < s.firms().size(); i++) {
            FirmSpec f = s.firms().get(i);
            String base = "/firms/" + i;
            region(base + "/region", f.region());
            boolean known = commodity(base + "/commodity", f.commodity());
            String type = f.type();
            if (known && "producer".equals(type) && isScrap(f.commodity())) {
                problem(base + "/type", "'" + f.commodity() + "' is of stage scrap, which comes only from collecting"
                        + " final goods at the end of their life: make the firm a recycler with recycling.feedstock"
                        + " the good it is collected from");
            }
            if ("manufacturer".equals(type)) {
                checkManufacturerRecipe(f, base, known);
            } else if (f.recipe() != null) {
                problem(base + "/recipe", "only a manufacturer follows a recipe; a " + type
                        + " makes its output from " + ("recycler".equals(type) ? "scrap" : "capacity")
                        + " (remove recipe or make the firm a manufacturer)");
            }
            checkProspect(f, base);
            if (f.recycling() != null) {
                if (!"recycler".equals(type)) {
                    problem(base + "/recycling", "recycling applies only to type recycler, got type " + type);
                } else {
                    checkRecycling(f, base + "/recycling");
                }
            }
        }
    }

    /**
     * Each stateCapacity names a planned firm entry, and no planned firm is built twice (it would be paid for twice).
     * A planned firm that no stateCapacity builds is valid and stays idle: it is the world in which the state does
     * not build it, which is what the same scenario without its policies (the world at rest) describes.
     */
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
                        problem("/policies/" + i, "resilience standard '" + std.id() + "' certifies some of the"
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
                for (String d : regions.keySet()) {
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
                        problem("/policies/" + indexOf(first) + "/rate", "export subsidies of '" + first.region()
                                + "' on " + c + " to " + d + " add up to a rate of " + num(sum) + " from tick " + tick
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
            if (!commodities.containsKey(commodity) || !regions.keySet().containsAll(eligible)) {
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
                problem(at + "/" + regionsField, "no firm makes " + commodity + " in " + where + ", where the firms"
                        + " it supports are, so it would support no one: give eligibleRegions where such firms are");
            } else if (!named) {
                problem(at + "/firmIdPrefix", "no firm making " + commodity + " in " + where + " has an id starting"
                        + " with '" + prefix + "', so it would support no one: give the start of such a firm's id");
            }
        }
    }

    /** A capital subsidy whose eligible regions have no firm making its commodities lowered no one's hurdle. */
    private void checkCapexSubsidiesReach() {
        for (int i = 0; i < s.policies().size(); i++) {
            if (!(s.policies().get(i) instanceof CapexSubsidySpec c) || c.commodities() == null
                    || !commodities.keySet().containsAll(c.commodities())
                    || (c.eligibleRegions() != null && (!regions.keySet().containsAll(c.eligibleRegions())
                    || c.eligibleRegions().contains(c.excludeRegion())))) {
                continue;
            }
            List<String> eligible = new ArrayList<>(c.eligibleRegions() != null ? c.eligibleRegions()
                    : regions.keySet());
            eligible.remove(c.excludeRegion());
            boolean reaches = s.firms().stream()
                    .anyMatch(f -> eligible.contains(f.region()) && c.commodities().contains(f.commodity()));
            // A subsidy with no eligible region at all is reported as such by its own check.
            if (!eligible.isEmpty() && !reaches) {
                problem("/policies/" + i + "/commodities", "no firm makes " + String.join(" or ", c.commodities())
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
            if (!(p instanceof ImporterInstrumentSpec m) || m.commodity() == null || !regions.containsKey(m.region())
                    || !commodities.containsKey(m.commodity())) {
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
                    problem(at + "/commodity", "no trader ships " + commodity + " into " + region + " and no"
                            + " consortium of " + region + " buys it abroad, so " + onImports + ": give a commodity"
                            + " the region imports");
                } else if (exempt != null && exempt.containsAll(origins)) {
                    problem(at + "/exemptOrigins", "every origin that ships " + commodity + " into " + region + " ("
                            + String.join(", ", origins) + ") is exempt, so " + onImports + ": leave out an origin it"
                            + " should apply to");
                }
            } else if (onUse != null && !usedIn(region, commodity, "")
                    && s.demand().stream().noneMatch(d -> region.equals(d.region()) && commodity.equals(d.commodity()))) {
                problem(at + "/commodity", "nobody in " + region + " uses " + commodity + " (no manufacturer takes it"
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
                    || !regions.containsKey(c.region()) || !commodities.containsKey(c.input())) {
                continue;
            }
            String at = "/consortia/" + i;
            if (!usedIn(c.region(), c.input(), "")) {
                problem(at + "/input", "no manufacturer in " + c.region() + " takes " + c.input() + " as an input,"
                        + " so the consortium would have no members: give the input its region's manufacturers buy");
                continue;
            }
            boolean nobody = !usedIn(c.region(), c.input(), c.firmIdPrefix());
            if (nobody) {
                problem(at + "/firmIdPrefix", "no manufacturer in " + c.region() + " that takes " + c.input()
                        + " has an id starting with '" + c.firmIdPrefix() + "', so no one could join: give the start"
                        + " of such a firm's id");
            }
            if (c.mode() == JointProcurementSpec.Mode.AFTER_SHOCK && c.region().equals(c.disruptedOrigin())) {
                problem(at + "/disruptedOrigin", c.region() + " is the consortium's own region, which it imports"
                        + " nothing from, so it would never see a cut-off: give the region whose supply of "
                        + c.input() + " is at risk");
            }
            if (c.mode() == JointProcurementSpec.Mode.AFTER_SHOCK && c.joinCoverTicks() == 0) {
                // A firm joins when its cover falls below the mark; no stock covers fewer than 0 ticks.
                problem(at + "/joinCoverTicks", "a firm joins an after-shock consortium when its stock of "
                        + c.input() + " covers fewer ticks of its use than this, and no stock covers fewer than 0,"
                        + " so no one would ever join: give a cover above 0 (the default is 8)");
            }
            List<String> suppliers = c.candidateSuppliers() == null ? List.of() : c.candidateSuppliers();
            for (int k = 0; k < suppliers.size(); k++) {
                String from = suppliers.get(k);
                if (from.equals(c.region())) {
                    problem(at + "/candidateSuppliers/" + k, from + " is the consortium's own region: it buys"
                            + " only across a lane home, so it would never buy there; list regions with a route to "
                            + c.region());
                } else if (regions.containsKey(from) && !lanes.contains(lane(from, c.region()))) {
                    problem(at + "/candidateSuppliers/" + k, "no route from " + from + " to " + c.region()
                            + ", so the consortium would never buy there; list regions with a route to "
                            + c.region() + "; routes (with direction): " + routeList());
                }
            }
            JointProcurementSpec.Allocation a = c.allocation();
            // A pool of no one allocates nothing whatever its product: the prefix's own problem says so.
            if (a == null || nobody || !commodities.containsKey(a.product())) {
                continue;
            }
            if (!madeFrom(c.region(), a.product(), c.input(), c.firmIdPrefix())) {
                // Only members' output is allocated: with a prefix, a maker of the product outside it is no member.
                problem(at + "/allocation/product", "no manufacturer in " + c.region()
                        + (c.firmIdPrefix().isEmpty() ? "" : " whose id starts with '" + c.firmIdPrefix() + "'")
                        + " makes " + a.product() + " from " + c.input() + ", so no member output would be allocated:"
                        + " give what members make from the pooled input");
            } else if (!usedIn(c.region(), a.product(), "")) {
                problem(at + "/allocation/product", "no manufacturer in " + c.region() + " takes " + a.product()
                        + " as an input, so no buyer would ask for the allocation: give a product the region's"
                        + " manufacturers use");
            }
        }
    }

    /**
     * Whether a manufacturer in the region whose id starts with {@code prefix} ("" for any) makes {@code product} by
     * a recipe that takes {@code input}.
     */
    private boolean madeFrom(String region, String product, String input, String prefix) {
        return s.firms().stream().anyMatch(f -> "manufacturer".equals(f.type()) && region.equals(f.region())
                && product.equals(f.commodity()) && takes(f, input)
                && someInstanceStartsWith(f.id(), f.countOrDefault(), prefix));
    }

    /** Whether firm {@code f}'s recipe (the one it names, or the one making its commodity) takes {@code input}. */
    private boolean takes(FirmSpec f, String input) {
        for (RecipeSpec r : s.recipes()) {
            boolean follows = f.recipe() != null ? r.id().equals(f.recipe()) : r.output().equals(f.commodity());
            if (follows && r.inputs().stream().anyMatch(in -> input.equals(in.commodity()))) {
                return true;
            }
        }
        return false;
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
        if (region == null || commodity == null || !regions.containsKey(region)
                || !commodities.containsKey(commodity)) {
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
        problem(at + "/region", (recyclers ? "only recyclers make " + commodity + " in " + region
                + ", whose output a quota leaves free" : "no firm makes " + commodity + " in " + region)
                + ", so " + consequence + ": give the region and commodity of firms it strikes");
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

    /** The id of member {@code k} (from 1) of a population of {@code count}: the entry's own id when it is alone. */
    private static String member(String id, int count, int k) {
        return count == 1 ? id : id + "-" + k;
    }

    private void checkStateCapacity() {
        Map<String, Integer> builtBy = new HashMap<>();
        for (int i = 0; i < s.policies().size(); i++) {
            if (!(s.policies().get(i) instanceof StateCapacitySpec state)) {
                continue;
            }
            String at = "/policies/" + i + "/firm";
            FirmSpec firm = s.firms().stream().filter(f -> f.id().equals(state.firm())).findFirst().orElse(null);
            if (firm == null) {
                problem(at, "no firm entry has id '" + state.firm() + "'; a stateCapacity names a firm entry with"
                        + " status \"planned\"");
            } else if (!"planned".equals(firm.statusOrDefault())) {
                problem(at, "firm '" + state.firm() + "' has status \"" + firm.statusOrDefault() + "\"; the capacity"
                        + " a state builds is a firm entry with status \"planned\"");
            } else {
                Integer first = builtBy.putIfAbsent(state.firm(), i);
                if (first != null) {
                    // The id as well as the pointer: in a comparison the first builder may be a background entry
                    // put back in front of the option's own, at a pointer the options file does not have.
                    problem(at, "firm '" + state.firm() + "' is already built by /policies/" + first + " ('"
                            + s.policies().get(first).id() + "'); a planned firm is built by one stateCapacity");
                }
            }
        }
    }

    /**
     * A prospect decides on its levelised cost, which needs its capital cost. An operating or idle firm may give one
     * for the plant it adds; a planned plant's capital is its stateCapacity's, so one given at its entry would be a
     * number the run ignores.
     */
    private void checkProspect(FirmSpec f, String base) {
        if (f.prospect() && f.capexPerAnnualUnit() == null) {
            problem(base, "firm '" + f.id() + "' has status \"prospect\" but no capexPerAnnualUnit; a prospect"
                    + " decides on its levelised cost, so give its capital cost in US dollars per unit of yearly"
                    + " capacity (a number >= 0)");
        } else if ("planned".equals(f.statusOrDefault()) && f.capexPerAnnualUnit() != null) {
            problem(base + "/capexPerAnnualUnit", "capexPerAnnualUnit does not apply to a firm with status"
                    + " \"planned\": a planned plant's capital cost is its stateCapacity's capexPerAnnualUnit;"
                    + " remove it here and give it there");
        }
    }

    private void checkManufacturerRecipe(FirmSpec f, String base, boolean commodityKnown) {
        if (f.recipe() != null) {
            RecipeSpec r = recipes.get(f.recipe());
            if (r == null) {
                problem(base + "/recipe", "unknown recipe '" + f.recipe() + "'; known recipes: " + known(recipes.keySet()));
            } else if (!r.output().equals(f.commodity())) {
                problem(base + "/recipe", "recipe '" + r.id() + "' makes '" + r.output() + "' but the firm makes '"
                        + f.commodity() + "'; name a recipe whose output is '" + f.commodity() + "'");
            }
            return;
        }
        if (!commodityKnown) {
            return;
        }
        List<String> makers = new ArrayList<>();
        for (RecipeSpec r : s.recipes()) {
            if (r.output().equals(f.commodity())) {
                makers.add(r.id());
            }
        }
        if (makers.isEmpty()) {
            problem(base + "/commodity", "manufacturer '" + f.id() + "' makes '" + f.commodity()
                    + "' but no recipe has output '" + f.commodity() + "'; add a recipe or make the firm a producer");
        } else if (makers.size() > 1) {
            problem(base + "/recipe", "several recipes make '" + f.commodity() + "' (" + String.join(", ", makers)
                    + "); name one in the firm's recipe field");
        }
    }

    private boolean isScrap(String commodity) {
        CommoditySpec c = commodities.get(commodity);
        return c != null && "scrap".equals(c.stage());
    }

    private void checkRecycling(FirmSpec f, String base) {
        Scenario.RecyclingSpec r = f.recycling();
        if (commodity(base + "/feedstock", r.feedstock())) {
            CommoditySpec c = commodities.get(r.feedstock());
            if (!"final".equals(c.stage())) {
                problem(base + "/feedstock", "feedstock must be a commodity of stage final (scrap comes from"
                        + " consumed final goods); '" + c.id() + "' is " + c.stage());
            }
        }
        if (r.collectionShare() > r.maxCollectionShare()) {
            problem(base + "/collectionShare", "collectionShare must be <= maxCollectionShare ("
                    + num(r.maxCollectionShare()) + "), got " + num(r.collectionShare()));
        }
    }

    // ---- traders ---------------------------------------------------------------------------------

    private void checkTraders() {
        for (int i = 0; i < s.traders().size(); i++) {
            TraderSpec t = s.traders().get(i);
            String base = "/traders/" + i;
            commodity(base + "/commodity", t.commodity());
            boolean ok = region(base + "/from", t.from()) & region(base + "/to", t.to());
            if (!ok) {
                continue;
            }
            if (t.from().equals(t.to())) {
                problem(base + "/to", "a trader ships between two different regions; got from = to = '" + t.from() + "'");
            } else if (!lanes.contains(lane(t.from(), t.to()))) {
                problem(base, "no route from " + t.from() + " to " + t.to() + " for trader '" + t.id()
                        + "'; routes (with direction): " + routeList()
                        + "; add a route (bidirectional unless it says \"bidirectional\": false)");
            }
        }
    }

    // ---- opening stocks and stockists ------------------------------------------------------------

    private void checkStocks() {
        Map<String, Integer> stockistIds = new HashMap<>();
        Set<String> stockistMarkets = new LinkedHashSet<>();
        for (int i = 0; i < s.stockists().size(); i++) {
            Scenario.StockistSpec k = s.stockists().get(i);
            String base = "/stockists/" + i;
            unique("stockist", k.id(), base, stockistIds);
            if (region(base + "/region", k.region()) & commodity(base + "/commodity", k.commodity())) {
                stockistMarkets.add(k.region() + "\u0000" + k.commodity());
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        Set<String> stocked = new LinkedHashSet<>();
        for (int i = 0; i < s.openingStocks().size(); i++) {
            Scenario.OpeningStockSpec o = s.openingStocks().get(i);
            String base = "/openingStocks/" + i;
            int given = (o.quantity() != null ? 1 : 0) + (o.days() != null ? 1 : 0) + (o.weeks() != null ? 1 : 0);
            if (given != 1) {
                problem(base, "an opening stock needs exactly one of quantity (in the commodity's unit), days or"
                        + " weeks (of its holders' use); got " + given);
            }
            if (!(region(base + "/region", o.region()) & commodity(base + "/commodity", o.commodity()))) {
                continue;
            }
            String market = o.region() + "\u0000" + o.commodity();
            Integer first = seen.putIfAbsent(market + "\u0000" + o.heldByOrDefault(), i);
            if (first != null) {
                problem(base, "duplicate opening stock of " + o.commodity() + " in " + o.region() + " held by "
                        + o.heldByOrDefault() + ": /openingStocks/" + first + " already gives it");
            }
            if (o.byStockists()) {
                stocked.add(market);
                if (!stockistMarkets.contains(market)) {
                    problem(base + "/heldBy", "no stockist of " + o.commodity() + " in " + o.region()
                            + " to hold this stock; add one under stockists or hold it by \"users\"");
                }
            } else if (!usedIn(o.region(), o.commodity(), "")) {
                problem(base + "/heldBy", "no manufacturer in " + o.region() + " takes " + o.commodity()
                        + " as an input, so no user can hold this stock; hold it by \"stockists\" (and add one)");
            }
        }
        for (int i = 0; i < s.stockists().size(); i++) {
            Scenario.StockistSpec k = s.stockists().get(i);
            if (regions.containsKey(k.region()) && commodities.containsKey(k.commodity())
                    && !stocked.contains(k.region() + "\u0000" + k.commodity())) {
                problem("/stockists/" + i, "stockist '" + k.id() + "' holds the opening stock its region gives its"
                        + " stockists of " + k.commodity() + ", and none is given: add an openingStocks entry for "
                        + k.region() + " and " + k.commodity() + " with \"heldBy\": \"stockists\"");
            }
        }
    }

    /**
     * Whether a manufacturer in the region whose id starts with {@code prefix} ("" for any) follows a recipe that
     * takes the commodity.
     */
    private boolean usedIn(String region, String commodity, String prefix) {
        return s.firms().stream().anyMatch(f -> "manufacturer".equals(f.type()) && region.equals(f.region())
                && takes(f, commodity) && someInstanceStartsWith(f.id(), f.countOrDefault(), prefix));
    }

    // ---- demand ----------------------------------------------------------------------------------

    private void checkDemand() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < s.demand().size(); i++) {
            DemandSpec d = s.demand().get(i);
            String base = "/demand/" + i;
            boolean ok = region(base + "/region", d.region()) & commodity(base + "/commodity", d.commodity());
            Integer first = seen.putIfAbsent(d.region() + "\u0000" + d.commodity(), i);
            if (ok && first != null) {
                problem(base, "duplicate demand for " + d.commodity() + " in " + d.region() + ": /demand/" + first
                        + " already defines it; one demand curve per region and commodity");
            }
        }
    }

    // ---- ranges ----------------------------------------------------------------------------------

    /** Every {min, max} parameter of firms and traders must have min <= max. */
    private void checkRanges() {
        ranges(json.path("firms"), "/firms");
        ranges(json.path("traders"), "/traders");
    }

    private void ranges(JsonNode node, String pointer) {
        if (node.isObject()) {
            if (node.size() == 2 && node.path("min").isNumber() && node.path("max").isNumber()) {
                double min = node.get("min").doubleValue();
                double max = node.get("max").doubleValue();
                if (min > max) {
                    problem(pointer + "/min", "a range needs min <= max, got min " + node.get("min")
                            + " > max " + node.get("max"));
                }
                return;
            }
            node.properties().forEach(e -> ranges(e.getValue(), JsonPointers.child(pointer, e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ranges(node.get(i), pointer + "/" + i);
            }
        }
    }

    // ---- events, policies and consortia -------------------------------------------------------------

    /** The checks of one entry, reporting at pointers below {@code base}. */
    private final class EntryCheck implements SpecCheck {
        private final String base;

        EntryCheck(String base) {
            this.base = base;
        }

        private String pointer(String field) {
            return field.isEmpty() ? base : base + "/" + field;
        }

        @Override
        public int horizonTicks() {
            return s.time().horizonTicks();
        }

        @Override
        public void problem(String field, String message) {
            SemanticValidator.this.problem(pointer(field), message);
        }

        @Override
        public boolean region(String field, String id) {
            return SemanticValidator.this.region(pointer(field), id);
        }

        @Override
        public boolean commodity(String field, String id) {
            return SemanticValidator.this.commodity(pointer(field), id);
        }

        @Override
        public void commodityKeys(String field, Map<String, ?> byCommodity) {
            for (String id : byCommodity.keySet()) {
                commodity(JsonPointers.child(field, id), id);
            }
        }

        @Override
        public boolean laneExists(String from, String to) {
            return lanes.contains(lane(from, to));
        }

        @Override
        public String lanes() {
            return routeList();
        }

        @Override
        public List<String> regionIds() {
            return List.copyOf(regions.keySet());
        }

        @Override
        public boolean chokepointNamed(String chokepoint) {
            return chokepoints.contains(chokepoint);
        }

        @Override
        public String chokepoints() {
            return known(chokepoints);
        }

        @Override
        public SpecCheck at(String field) {
            return new EntryCheck(pointer(field));
        }
    }

    private static String num(Double d) {
        if (d == null) {
            return "null";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
}
