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
import org.chokepoint.scenario.Scenario.RecipeSpec;
import org.chokepoint.scenario.Scenario.RouteSpec;
import org.chokepoint.scenario.spec.JsonPointers;
import org.chokepoint.scenario.spec.SpecCheck;

/**
 * What every semantic check of one scenario reads and where they all report: the file, its JSON and the scenario
 * bound from it, the index of its region, commodity and recipe ids and of the lanes and chokepoints its routes
 * open, and the one list of problems, in the order they were found (validate prints them so).
 */
final class ValidationContext {

    final String file;
    final JsonNode json;
    final Scenario s;
    private final SourceLocations where;
    private final List<ScenarioProblem> problems = new ArrayList<>();

    private final Map<String, String> regions = new LinkedHashMap<>();
    private final Map<String, CommoditySpec> commodities = new LinkedHashMap<>();
    private final Map<String, RecipeSpec> recipes = new LinkedHashMap<>();
    private final Set<String> lanes = new LinkedHashSet<>();
    private final Set<String> chokepoints = new TreeSet<>();

    ValidationContext(String file, JsonNode json, Scenario scenario, SourceLocations where) {
        this.file = file;
        this.json = json;
        this.s = scenario;
        this.where = where;
    }

    void problem(String pointer, String message) {
        problems.add(where.problem(file, pointer, message));
    }

    List<ScenarioProblem> problems() {
        return problems;
    }

    // ---- ids -------------------------------------------------------------------------------------

    /**
     * Indexes the ids that other entries name, reporting each duplicate; an id defined twice is indexed at its first
     * definition. Then the lanes and chokepoints the routes open, which the route checks report on.
     */
    void indexIds() {
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
        for (RouteSpec r : s.routes()) {
            chokepoints.addAll(r.chokepoints());
            if (r.from().equals(r.to())) {
                continue;
            }
            // Kept even when a region is unknown: that is reported once, at the route, not again for every trader.
            lanes.add(lane(r.from(), r.to()));
            if (r.bothWays()) {
                lanes.add(lane(r.to(), r.from()));
            }
        }
    }

    boolean unique(String kind, String id, String base, Map<String, Integer> seen) {
        Integer first = seen.putIfAbsent(id, seen.size());
        if (first != null) {
            String firstAt = base.substring(0, base.lastIndexOf('/') + 1) + indexOf(base, id);
            problem(base + "/id", "duplicate " + kind + " id '" + id + "': first defined at " + firstAt
                    + "; ids must be unique among " + plural(kind));
            return false;
        }
        return true;
    }

    /** Index of the first element with this id in the array at base's parent. */
    private String indexOf(String base, String id) {
        JsonNode array = json.at(base.substring(0, base.lastIndexOf('/')));
        for (int i = 0; i < array.size(); i++) {
            if (id.equals(array.get(i).path("id").asText(null))) {
                return Integer.toString(i);
            }
        }
        return "?";
    }

    static String plural(String kind) {
        switch (kind) {
            case "commodity": return "commodities";
            case "policy": return "policies";
            case "consortium": return "consortia";
            default: return kind + "s";
        }
    }

    boolean region(String pointer, String id) {
        if (id != null && !regions.containsKey(id)) {
            problem(pointer, "unknown region '" + id + "'; known regions: " + known(regions.keySet()));
            return false;
        }
        return true;
    }

    boolean commodity(String pointer, String id) {
        if (id != null && !commodities.containsKey(id)) {
            problem(pointer, "unknown commodity '" + id + "'; known commodities: " + known(commodities.keySet()));
            return false;
        }
        return true;
    }

    static String known(Set<String> ids) {
        return ids.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(ids));
    }

    boolean isRegion(String id) {
        return regions.containsKey(id);
    }

    /** The region ids, in file order, each once. */
    Set<String> regionIds() {
        return regions.keySet();
    }

    /** The commodity of this id, or null when it names none. */
    CommoditySpec commodityOf(String id) {
        return commodities.get(id);
    }

    boolean isCommodity(String id) {
        return commodities.containsKey(id);
    }

    /** The commodity ids, in file order, each once. */
    Set<String> commodityIds() {
        return commodities.keySet();
    }

    /** The recipe of this id (its first definition), or null when it names none. */
    RecipeSpec recipeOf(String id) {
        return recipes.get(id);
    }

    Set<String> recipeIds() {
        return recipes.keySet();
    }

    boolean isScrap(String commodity) {
        CommoditySpec c = commodities.get(commodity);
        return c != null && "scrap".equals(c.stage());
    }

    // ---- lanes -----------------------------------------------------------------------------------

    static String lane(String from, String to) {
        return from + "\u0000" + to;
    }

    boolean laneExists(String from, String to) {
        return lanes.contains(lane(from, to));
    }

    String routeList() {
        List<String> out = new ArrayList<>();
        for (String l : lanes) {
            out.add(l.replace("\u0000", "->"));
        }
        return out.isEmpty() ? "(none)" : String.join(", ", out);
    }

    static String num(Double d) {
        if (d == null) {
            return "null";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : DecimalText.of(d);
    }

    // ---- events, policies and consortia -------------------------------------------------------------

    /** The checks of one entry, reporting at pointers below {@code base}. */
    SpecCheck entryCheck(String base) {
        return new EntryCheck(base);
    }

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
            ValidationContext.this.problem(pointer(field), message);
        }

        @Override
        public boolean region(String field, String id) {
            return ValidationContext.this.region(pointer(field), id);
        }

        @Override
        public boolean commodity(String field, String id) {
            return ValidationContext.this.commodity(pointer(field), id);
        }

        @Override
        public void commodityKeys(String field, Map<String, ?> byCommodity) {
            for (String id : byCommodity.keySet()) {
                commodity(JsonPointers.child(field, id), id);
            }
        }

        @Override
        public boolean laneExists(String from, String to) {
            return ValidationContext.this.laneExists(from, to);
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
}
