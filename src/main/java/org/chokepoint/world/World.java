package org.chokepoint.world;

import java.util.List;
import java.util.Map;

/**
 * The fixed geography and technology of a scenario, with every id resolved to an index. Markets are
 * numbered {@code region * commodityCount + commodity}.
 */
public final class World implements java.io.Serializable {
    private final List<Region> regions;
    private final List<Commodity> commodities;
    private final List<Recipe> recipes;
    private final List<Route> routes;
    private final Map<String, Integer> regionIndex;
    private final Map<String, Integer> commodityIndex;
    private final Map<String, Integer> recipeIndex;
    private final int[] recipeOfCommodity;
    private final int ticksPerYear;

    public World(List<Region> regions, List<Commodity> commodities, List<Recipe> recipes, List<Route> routes,
                 int ticksPerYear) {
        this.regions = List.copyOf(regions);
        this.commodities = List.copyOf(commodities);
        this.recipes = List.copyOf(recipes);
        this.routes = List.copyOf(routes);
        this.ticksPerYear = ticksPerYear;
        this.regionIndex = index(regions.stream().map(Region::id).toList());
        this.commodityIndex = index(commodities.stream().map(Commodity::id).toList());
        this.recipeIndex = index(recipes.stream().map(Recipe::id).toList());
        this.recipeOfCommodity = new int[commodities.size()];
        java.util.Arrays.fill(recipeOfCommodity, -1);
        for (Recipe r : recipes) {
            if (recipeOfCommodity[r.output()] < 0) {
                recipeOfCommodity[r.output()] = r.index();
            }
        }
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            m.put(ids.get(i), i);
        }
        return Map.copyOf(m);
    }

    public int regionCount() { return regions.size(); }
    public int commodityCount() { return commodities.size(); }
    public int marketCount() { return regions.size() * commodities.size(); }
    public int ticksPerYear() { return ticksPerYear; }
    public double daysPerTick() { return 365.0 / ticksPerYear; }

    public Region region(int i) { return regions.get(i); }
    public Commodity commodity(int i) { return commodities.get(i); }
    public Recipe recipe(int i) { return recipes.get(i); }
    public Route route(int i) { return routes.get(i); }
    public List<Region> regions() { return regions; }
    public List<Commodity> commodities() { return commodities; }
    public List<Recipe> recipes() { return recipes; }
    public List<Route> routes() { return routes; }

    public int regionIndex(String id) { return lookup(regionIndex, id, "region"); }
    public int commodityIndex(String id) { return lookup(commodityIndex, id, "commodity"); }
    public int recipeIndex(String id) { return lookup(recipeIndex, id, "recipe"); }

    /** The first recipe that makes the commodity, or -1. */
    public int recipeFor(int commodity) { return recipeOfCommodity[commodity]; }

    public int market(int region, int commodity) { return region * commodities.size() + commodity; }
    public int regionOfMarket(int market) { return market / commodities.size(); }
    public int commodityOfMarket(int market) { return market % commodities.size(); }

    /** The lane from one region to another, or -1 when there is none. */
    public int routeBetween(int from, int to) {
        for (Route r : routes) {
            if (r.from() == from && r.to() == to) {
                return r.index();
            }
        }
        return -1;
    }

    private static int lookup(Map<String, Integer> m, String id, String kind) {
        Integer i = m.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + id + "'");
        }
        return i;
    }
}
