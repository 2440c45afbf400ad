package org.chokepoint.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.scenario.spec.Role;

/**
 * An option's events and policies against the scenario's, by role: the background every world of a comparison
 * keeps, the shocks an option's patch may leave out, and the economy (all but the shocks) that options sharing one
 * share their counterfactual by.
 */
final class OptionRoles {

    private OptionRoles() {
    }

    /**
     * The scenario without what the counterfactual drops (shock events and policies) and what runs never read
     * (meta): options with the same key share one counterfactual.
     */
    static String economyKey(JsonNode json) {
        ObjectNode copy = json.deepCopy();
        for (String list : BACKGROUND_LISTS) {
            com.fasterxml.jackson.databind.node.ArrayNode kept = copy.arrayNode();
            copy.path(list).forEach(e -> {
                if (Role.isBackground(e.path("role").asText(null))) {
                    kept.add(e);
                }
            });
            copy.set(list, kept);
        }
        copy.remove("meta");
        return copy.toString();
    }

    /** The lists whose entries have a role. */
    static final List<String> BACKGROUND_LISTS = List.of("events", "policies");

    /**
     * The patched scenario with the base scenario's background entries that the patch left out put back: a
     * merge patch replaces an array whole, and an option that lists its own policies must not take the world's
     * background away. An entry the option gives itself, under the same type and id, stands in for the base's.
     */
    static JsonNode keepBackground(JsonNode base, JsonNode patched) {
        ObjectNode out = patched.deepCopy();
        for (String list : BACKGROUND_LISTS) {
            com.fasterxml.jackson.databind.node.ArrayNode merged = out.arrayNode();
            JsonNode own = out.path(list);
            if (!own.isMissingNode() && !own.isArray()) {
                // Not a list (a lone policy without its brackets, a number): left as the patch wrote it, so that
                // the scenario's check refuses it at its pointer, rather than its values read as entries or a
                // scalar dropped and the option run on the background alone.
                continue;
            }
            for (JsonNode e : base.path(list)) {
                if (Role.isBackground(e.path("role").asText(null)) && !listed(list, own, e)) {
                    merged.add(e);
                }
            }
            if (merged.isEmpty()) {
                continue;
            }
            own.forEach(merged::add);
            out.set(list, merged);
        }
        return out;
    }

    /**
     * The index in {@code base}'s {@code list} of entry {@code i} of the merged list {@link #keepBackground} makes
     * with the patch's {@code own} list, where that entry is one of the base's background entries put back; -1
     * where it is not (the patch's own entries follow those put back).
     */
    static int putBackFrom(JsonNode base, JsonNode own, String list, int i) {
        if (own.isNull()) {
            // a patch that removes the list ("policies": null) keeps every background entry, in the base's order
            own = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!own.isArray()) {
            return -1;
        }
        int seen = 0;
        JsonNode entries = base.path(list);
        for (int k = 0; k < entries.size(); k++) {
            JsonNode e = entries.get(k);
            if (Role.isBackground(e.path("role").asText(null)) && !listed(list, own, e) && seen++ == i) {
                return k;
            }
        }
        return -1;
    }

    /** The shocks of {@code base} that {@code patched} leaves out, by list and id: {@link Comparison#droppedShocks}. */
    static Map<String, List<String>> droppedShocks(JsonNode base, JsonNode patched) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String list : BACKGROUND_LISTS) {
            JsonNode entries = base.path(list);
            for (int i = 0; i < entries.size(); i++) {
                JsonNode e = entries.get(i);
                if (!Role.isBackground(e.path("role").asText(null)) && !listed(list, patched.path(list), e)) {
                    out.computeIfAbsent(list, k -> new ArrayList<>())
                            .add(e.hasNonNull("id") ? e.get("id").asText() : "/" + list + "/" + i);
                }
            }
        }
        return out;
    }

    private static boolean listed(String list, JsonNode entries, JsonNode entry) {
        for (JsonNode e : entries) {
            if (e.equals(entry) || sameEntry(list, e, entry)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an option's entry stands in for one of the scenario's: the same type and id. A policy without an id
     * goes by its type, as the scenario's check and the outputs name it (two such of one type are refused); an
     * event without one, which nothing names, is the scenario's when it says the same but for its role. Matched
     * only when identical node for node (the patch's numbers are decimals, so hardly ever), a background entry
     * repeated, with its role or without, ran twice in the option's world (the scenario's put back beside the
     * option's), and a shock repeated as background was taken for one the option leaves out while the option ran
     * it in its world without shocks.
     */
    static boolean sameEntry(String list, JsonNode a, JsonNode b) {
        if (!a.path("type").equals(b.path("type"))) {
            return false;
        }
        if (list.equals("policies")) {
            return label(a).equals(label(b));
        }
        if (a.hasNonNull("id") || b.hasNonNull("id")) {
            return a.path("id").equals(b.path("id"));
        }
        return a.isObject() && b.isObject() && withoutRole(a).equals(SAME_VALUE, withoutRole(b));
    }

    /**
     * Numbers equal by value: the merge patch hands back the option's numbers as decimals where the scenario's
     * are doubles, and an event repeated as it stands must still be the scenario's.
     */
    private static final java.util.Comparator<JsonNode> SAME_VALUE = (x, y) ->
            x.isNumber() && y.isNumber() ? Double.compare(x.doubleValue(), y.doubleValue()) : x.equals(y) ? 0 : 1;

    private static String label(JsonNode policy) {
        return policy.path("id").isTextual() ? policy.get("id").textValue() : policy.path("type").asText();
    }

    private static JsonNode withoutRole(JsonNode entry) {
        ObjectNode copy = ((ObjectNode) entry).deepCopy();
        copy.remove("role");
        return copy;
    }
}
