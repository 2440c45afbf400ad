package org.chokepoint.scenario;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.scenario.Scenario.CommoditySpec;
import org.chokepoint.scenario.Scenario.FirmSpec;
import org.chokepoint.scenario.Scenario.RecipeSpec;

/**
 * Each firm entry on its own: what its type makes its output from (a recipe for a manufacturer, scrap for a
 * recycler, capacity for a producer), and the capital cost its status asks for.
 */
final class FirmCheck extends ScenarioCheck {

    FirmCheck(ValidationContext v) {
        super(v);
    }

    void checkFirms() {
        for (int i = 0; i < s.firms().size(); i++) {
            FirmSpec f = s.firms().get(i);
            String base = "/firms/" + i;
            v.region(base + "/region", f.region());
            boolean known = v.commodity(base + "/commodity", f.commodity());
            String type = f.type();
            if (known && "producer".equals(type) && v.isScrap(f.commodity())) {
                v.problem(base + "/type", "'" + f.commodity() + "' is of stage scrap, which comes only from"
                        + " collecting final goods at the end of their life: make the firm a recycler with"
                        + " recycling.feedstock the good it is collected from");
            }
            if ("manufacturer".equals(type)) {
                checkManufacturerRecipe(f, base, known);
            } else if (f.recipe() != null) {
                v.problem(base + "/recipe", "only a manufacturer follows a recipe; a " + type
                        + " makes its output from " + ("recycler".equals(type) ? "scrap" : "capacity")
                        + " (remove recipe or make the firm a manufacturer)");
            }
            checkProspect(f, base);
            if (f.recycling() != null) {
                if (!"recycler".equals(type)) {
                    v.problem(base + "/recycling", "recycling applies only to type recycler, got type " + type);
                } else {
                    checkRecycling(f, base + "/recycling");
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
            v.problem(base, "firm '" + f.id() + "' has status \"prospect\" but no capexPerAnnualUnit; a prospect"
                    + " decides on its levelised cost, so give its capital cost in US dollars per unit of yearly"
                    + " capacity (a number >= 0)");
        } else if ("planned".equals(f.statusOrDefault()) && f.capexPerAnnualUnit() != null) {
            v.problem(base + "/capexPerAnnualUnit", "capexPerAnnualUnit does not apply to a firm with status"
                    + " \"planned\": a planned plant's capital cost is its stateCapacity's capexPerAnnualUnit;"
                    + " remove it here and give it there");
        }
    }

    private void checkManufacturerRecipe(FirmSpec f, String base, boolean commodityKnown) {
        if (f.recipe() != null) {
            RecipeSpec r = v.recipeOf(f.recipe());
            if (r == null) {
                v.problem(base + "/recipe", "unknown recipe '" + f.recipe() + "'; known recipes: "
                        + ValidationContext.known(v.recipeIds()));
            } else if (!r.output().equals(f.commodity())) {
                v.problem(base + "/recipe", "recipe '" + r.id() + "' makes '" + r.output() + "' but the firm makes '"
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
            v.problem(base + "/commodity", "manufacturer '" + f.id() + "' makes '" + f.commodity()
                    + "' but no recipe has output '" + f.commodity() + "'; add a recipe or make the firm a producer");
        } else if (makers.size() > 1) {
            v.problem(base + "/recipe", "several recipes make '" + f.commodity() + "' (" + String.join(", ", makers)
                    + "); name one in the firm's recipe field");
        }
    }

    private void checkRecycling(FirmSpec f, String base) {
        Scenario.RecyclingSpec r = f.recycling();
        if (v.commodity(base + "/feedstock", r.feedstock())) {
            CommoditySpec c = v.commodityOf(r.feedstock());
            if (!"final".equals(c.stage())) {
                v.problem(base + "/feedstock", "feedstock must be a commodity of stage final (scrap comes from"
                        + " consumed final goods); '" + c.id() + "' is " + c.stage());
            }
        }
        if (r.collectionShare() > r.maxCollectionShare()) {
            v.problem(base + "/collectionShare", "collectionShare must be <= maxCollectionShare ("
                    + ValidationContext.num(r.maxCollectionShare()) + "), got "
                    + ValidationContext.num(r.collectionShare()));
        }
    }
}
