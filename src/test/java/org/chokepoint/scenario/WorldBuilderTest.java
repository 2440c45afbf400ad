package org.chokepoint.scenario;

import static org.chokepoint.scenario.ScenarioLoaderTest.firm;
import static org.chokepoint.scenario.ScenarioLoaderTest.mutated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

class WorldBuilderTest {

    /** The maker names no recipe and follows sinter, the one that makes magnets; the mine's oxide has none. */
    @Test
    void aFirmNamingNoRecipeFollowsTheOneThatMakesItsCommodity() throws Exception {
        Scenario s = ScenarioLoader.fromText(mutated(json -> { }), "minimal").scenario();
        World world = WorldBuilder.build(s);
        assertEquals("sinter", world.recipe(WorldBuilder.recipeOf(s.firms().get(1), world)).id(), "the maker's");
        assertEquals(-1, WorldBuilder.recipeOf(s.firms().get(0), world), "the mine's");
    }

    /**
     * With a second recipe for magnets, press (0.5 oxide a magnet), listed after sinter, each maker follows the one
     * it names: the maker press, the sinterer sinter.
     */
    @Test
    void aFirmNamingARecipeFollowsIt() throws Exception {
        Scenario s = ScenarioLoader.fromText(mutated(json -> {
            ((ArrayNode) json.get("recipes")).addObject().put("id", "press").put("output", "magnet")
                    .putArray("inputs").addObject().put("commodity", "oxide").put("perUnit", 0.5);
            ((ArrayNode) json.get("firms")).add(firm(json, 1).deepCopy().put("id", "sinterer").put("recipe", "sinter"));
            firm(json, 1).put("recipe", "press");
        }), "two recipes for magnets").scenario();
        World world = WorldBuilder.build(s);
        assertEquals("press", world.recipe(WorldBuilder.recipeOf(s.firms().get(1), world)).id(), "the maker's");
        assertEquals("sinter", world.recipe(WorldBuilder.recipeOf(s.firms().get(2), world)).id(), "the sinterer's");
    }
}
