package org.chokepoint.scenario.spec;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * What an entry's semantic check may ask of the scenario around it, and where it reports. Fields are named
 * relative to the entry being checked ({@code "end"}, {@code "commodities/2"}); the empty field is the entry
 * itself. Problems that only the whole scenario can see (ids that name nothing, times past the horizon,
 * ranges that depend on other fields) are checked here; types, ranges and required fields are the schema's.
 */
public interface SpecCheck {

    /** The scenario's {@code time.horizonTicks}. */
    int horizonTicks();

    /** Reports a problem at {@code field} of the entry. */
    void problem(String field, String message);

    /** Reports an id that names no region; true when the id is known or absent. */
    boolean region(String field, String id);

    /** Reports an id that names no commodity; true when the id is known or absent. */
    boolean commodity(String field, String id);

    /** Checks each region id of a list at {@code field/i}, each named once; an absent list is fine. */
    default void regions(String field, List<String> ids) {
        regions(field, ids, (at, id) -> { });
    }

    /**
     * Checks each region id of a list as {@link #regions(String, List)} does, and hands {@code eachKnown} every id
     * that names a region, the first time it is listed, with its field, for checks of its own: an id reported as
     * unknown or listed twice is not reported again.
     */
    default void regions(String field, List<String> ids, BiConsumer<String, String> eachKnown) {
        namedOnce(field, ids, "region", this::region, eachKnown);
    }

    /** Checks each commodity id of a list at {@code field/i}, each named once; an absent list is fine. */
    default void commodities(String field, List<String> ids) {
        commodities(field, ids, (at, id) -> { });
    }

    /**
     * Checks each commodity id of a list as {@link #commodities(String, List)} does, and hands {@code eachKnown}
     * every id that names a commodity, the first time it is listed, with its field, for checks of its own.
     */
    default void commodities(String field, List<String> ids, BiConsumer<String, String> eachKnown) {
        namedOnce(field, ids, "commodity", this::commodity, eachKnown);
    }

    private void namedOnce(String field, List<String> ids, String noun, BiPredicate<String, String> known,
                           BiConsumer<String, String> eachKnown) {
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                String at = field + "/" + i;
                if (!known.test(at, ids.get(i))) {
                    continue;
                }
                if (ids.subList(0, i).contains(ids.get(i))) {
                    problem(at, noun + " '" + ids.get(i) + "' is listed twice");
                } else {
                    eachKnown.accept(at, ids.get(i));
                }
            }
        }
    }

    /** Checks that every key of an object is a commodity id, each at {@code field/key}. */
    void commodityKeys(String field, Map<String, ?> byCommodity);

    /** Whether a route runs from one region to the other, in that direction. */
    boolean laneExists(String from, String to);

    /** Every lane the routes open, with its direction, for a message. */
    String lanes();

    /** The ids of the scenario's regions, in file order. */
    List<String> regionIds();

    /** Whether some route names the chokepoint. */
    boolean chokepointNamed(String chokepoint);

    /** Every chokepoint the routes name, for a message. */
    String chokepoints();

    /** The checks of a nested object at {@code field}. */
    SpecCheck at(String field);
}
