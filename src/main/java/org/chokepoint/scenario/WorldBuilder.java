package org.chokepoint.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.world.Commodity;
import org.chokepoint.world.Recipe;
import org.chokepoint.world.Region;
import org.chokepoint.world.Route;
import org.chokepoint.world.Stage;
import org.chokepoint.world.World;

/** Resolves a validated scenario's ids into a {@link World}. */
public final class WorldBuilder {
    private WorldBuilder() { }

    /**
     * The recipe a firm of the scenario follows in the world built from it: the one it names, or else the first
     * that makes its commodity (-1 when none does).
     */
    public static int recipeOf(Scenario.FirmSpec firm, World world) {
        if (firm.recipe() != null) {
            return world.recipeIndex(firm.recipe());
        }
        return world.recipeFor(world.commodityIndex(firm.commodity()));
    }

    public static World build(Scenario s) {
        List<Region> regions = new ArrayList<>();
        Map<String, Integer> regionIdx = new HashMap<>();
        for (Scenario.RegionSpec r : s.regions()) {
            regionIdx.put(r.id(), regions.size());
            regions.add(new Region(regions.size(), r.id(), r.name() == null ? r.id() : r.name()));
        }
        List<Commodity> commodities = new ArrayList<>();
        Map<String, Integer> commodityIdx = new HashMap<>();
        for (Scenario.CommoditySpec c : s.commodities()) {
            commodityIdx.put(c.id(), commodities.size());
            commodities.add(new Commodity(commodities.size(), c.id(), Stage.parse(c.stage()),
                    c.quantityUnit() == null ? "t" : c.quantityUnit(),
                    c.priceUnit() == null ? "USD/kg" : c.priceUnit(),
                    c.valuePerUnitOrDefault(), c.initialPrice(), c.contractPriced()));
        }
        List<Recipe> recipes = new ArrayList<>();
        for (Scenario.RecipeSpec r : s.recipes()) {
            int n = r.inputs().size();
            int[] in = new int[n];
            double[] per = new double[n];
            double[] min = new double[n];
            for (int j = 0; j < n; j++) {
                Scenario.RecipeSpec.Input input = r.inputs().get(j);
                in[j] = commodityIdx.get(input.commodity());
                per[j] = input.perUnit();
                min[j] = input.minPerUnit() == null ? input.perUnit() : input.minPerUnit();
            }
            recipes.add(new Recipe(recipes.size(), r.id(), commodityIdx.get(r.output()), in, per, min));
        }
        List<Route> routes = new ArrayList<>();
        for (Scenario.RouteSpec r : s.routes()) {
            int from = regionIdx.get(r.from());
            int to = regionIdx.get(r.to());
            int transit = r.transitTicks() == null ? 1 : r.transitTicks();
            double cost = r.costPerUnit() == null ? 0.0 : r.costPerUnit();
            routes.add(new Route(routes.size(), from, to, transit, cost, r.chokepoints()));
            if (r.bothWays()) {
                routes.add(new Route(routes.size(), to, from, transit, cost, r.chokepoints()));
            }
        }
        return new World(regions, commodities, recipes, routes, s.time().ticksPerYearOrDefault());
    }
}
