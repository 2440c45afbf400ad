package org.chokepoint.scenario;

import org.chokepoint.scenario.Scenario.FirmSpec;
import org.chokepoint.scenario.Scenario.RecipeSpec;

/**
 * Who in a region uses a commodity by the recipes its manufacturers follow: the users an opening stock, a stockpile,
 * a standard or a consortium needs there to mean anything.
 */
final class RecipeUse {

    private RecipeUse() {
    }

    /**
     * Whether a manufacturer in the region whose id starts with {@code prefix} ("" for any) follows a recipe that
     * takes the commodity.
     */
    static boolean usedIn(Scenario s, String region, String commodity, String prefix) {
        return s.firms().stream().anyMatch(f -> "manufacturer".equals(f.type()) && region.equals(f.region())
                && takes(s, f, commodity)
                && EntryIdCheck.someInstanceStartsWith(f.id(), f.countOrDefault(), prefix));
    }

    /**
     * Whether a manufacturer in the region whose id starts with {@code prefix} ("" for any) makes {@code product} by
     * a recipe that takes {@code input}.
     */
    static boolean madeFrom(Scenario s, String region, String product, String input, String prefix) {
        return s.firms().stream().anyMatch(f -> "manufacturer".equals(f.type()) && region.equals(f.region())
                && product.equals(f.commodity()) && takes(s, f, input)
                && EntryIdCheck.someInstanceStartsWith(f.id(), f.countOrDefault(), prefix));
    }

    /** Whether firm {@code f}'s recipe (the one it names, or the one making its commodity) takes {@code input}. */
    private static boolean takes(Scenario s, FirmSpec f, String input) {
        for (RecipeSpec r : s.recipes()) {
            boolean follows = f.recipe() != null ? r.id().equals(f.recipe()) : r.output().equals(f.commodity());
            if (follows && r.inputs().stream().anyMatch(in -> input.equals(in.commodity()))) {
                return true;
            }
        }
        return false;
    }
}
