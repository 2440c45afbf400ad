package org.chokepoint.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.scenario.Scenario.RecipeSpec;
import org.chokepoint.scenario.Scenario.RouteSpec;
import org.chokepoint.scenario.Scenario.TraderSpec;

/**
 * The supply chain's structure: recipes make known goods from known inputs and no good is its own input at any
 * depth, routes join two regions once per direction, and every trader ships along a route.
 */
final class ChainCheck extends ScenarioCheck {

    ChainCheck(ValidationContext v) {
        super(v);
    }

    // ---- recipes ---------------------------------------------------------------------------------

    void checkRecipes() {
        for (int i = 0; i < s.recipes().size(); i++) {
            RecipeSpec r = s.recipes().get(i);
            String base = "/recipes/" + i;
            if (v.commodity(base + "/output", r.output()) && v.isScrap(r.output())) {
                v.problem(base + "/output", "'" + r.output() + "' is of stage scrap, which only collection makes (a"
                        + " recycler whose commodity is the scrap and whose recycling.feedstock is the final good it"
                        + " comes from); a recipe may take scrap as an input, never make it");
            }
            Set<String> inputs = new LinkedHashSet<>();
            for (int j = 0; j < r.inputs().size(); j++) {
                RecipeSpec.Input in = r.inputs().get(j);
                String ib = base + "/inputs/" + j;
                v.commodity(ib + "/commodity", in.commodity());
                if (!inputs.add(in.commodity())) {
                    v.problem(ib + "/commodity", "input '" + in.commodity() + "' appears twice in recipe '" + r.id()
                            + "'; list each input once with its total perUnit");
                }
                if (in.minPerUnit() != null && in.minPerUnit() > in.perUnit()) {
                    v.problem(ib + "/minPerUnit", "minPerUnit must be <= perUnit ("
                            + ValidationContext.num(in.perUnit()) + "), got " + ValidationContext.num(in.minPerUnit())
                            + ": thrift lowers use toward the floor, never raises it");
                }
            }
        }
    }

    /** Commodity graph: output -> each input. A cycle means a good is, at some depth, its own input. */
    void checkRecipeCycles() {
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
                v.problem("/recipes/" + closing, "recipe cycle: " + String.join(" <- ", cycle) + " (through recipes "
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

    void checkRoutes() {
        Map<String, Integer> directed = new HashMap<>();
        for (int i = 0; i < s.routes().size(); i++) {
            RouteSpec r = s.routes().get(i);
            String base = "/routes/" + i;
            v.region(base + "/from", r.from());
            v.region(base + "/to", r.to());
            if (r.from().equals(r.to())) {
                v.problem(base + "/to", "a route joins two different regions; got from = to = '" + r.from() + "'");
                continue;
            }
            Integer earlier = directed.putIfAbsent(ValidationContext.lane(r.from(), r.to()), i);
            if (earlier != null) {
                v.problem(base, "duplicate route " + r.from() + " -> " + r.to() + ": /routes/" + earlier
                        + " already connects them in this direction; a lane has one route");
            }
            if (r.bothWays()) {
                directed.putIfAbsent(ValidationContext.lane(r.to(), r.from()), i);
            }
        }
    }

    // ---- traders ---------------------------------------------------------------------------------

    void checkTraders() {
        for (int i = 0; i < s.traders().size(); i++) {
            TraderSpec t = s.traders().get(i);
            String base = "/traders/" + i;
            v.commodity(base + "/commodity", t.commodity());
            boolean ok = v.region(base + "/from", t.from()) & v.region(base + "/to", t.to());
            if (!ok) {
                continue;
            }
            if (t.from().equals(t.to())) {
                v.problem(base + "/to", "a trader ships between two different regions; got from = to = '" + t.from()
                        + "'");
            } else if (!v.laneExists(t.from(), t.to())) {
                v.problem(base, "no route from " + t.from() + " to " + t.to() + " for trader '" + t.id()
                        + "'; routes (with direction): " + v.routeList()
                        + "; add a route (bidirectional unless it says \"bidirectional\": false)");
            }
        }
    }
}
