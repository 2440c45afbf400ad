package org.chokepoint.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chokepoint.world.World;

/**
 * Reads one {@code policies} entry field by field, collecting every problem with its JSON pointer instead
 * of stopping at the first, so validation can report them all and construction can trust what it reads.
 * Unknown fields are problems too: a misspelt field must not be silently ignored.
 */
public final class SpecReader {
    private final JsonNode node;
    private final String pointer;
    private final Set<String> regions;
    private final Set<String> commodities;
    private final List<String[]> problems = new ArrayList<>();
    private final java.util.HashSet<String> read = new java.util.HashSet<>();

    public SpecReader(JsonNode node, String pointer, Set<String> regions, Set<String> commodities) {
        this.node = node;
        this.pointer = pointer;
        this.regions = regions;
        this.commodities = commodities;
        read.add("type");
    }

    public static SpecReader of(JsonNode node, World world) {
        java.util.Set<String> r = new java.util.LinkedHashSet<>();
        world.regions().forEach(x -> r.add(x.id()));
        java.util.Set<String> c = new java.util.LinkedHashSet<>();
        world.commodities().forEach(x -> c.add(x.id()));
        return new SpecReader(node, "", r, c);
    }

    /** Problems as (pointer, message) pairs. */
    public List<String[]> problems() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!read.contains(n)) {
                problems.add(new String[] {pointer + "/" + n, "unknown field '" + n + "' for policy type '"
                        + node.path("type").asText() + "'; allowed: " + String.join(", ", new java.util.TreeSet<>(read))});
            }
        }
        return problems;
    }

    public void problem(String field, String message) {
        problems.add(new String[] {pointer + "/" + field, message});
    }

    public String text(String field, String fallback) {
        read.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                problem(field, "required field '" + field + "' is missing");
            }
            return fallback;
        }
        if (!v.isTextual()) {
            problem(field, "'" + field + "' must be a string");
            return fallback;
        }
        return v.asText();
    }

    public String region(String field) {
        String id = text(field, null);
        if (id != null && !regions.contains(id)) {
            problem(field, "unknown region '" + id + "'; known regions: " + String.join(", ", regions));
        }
        return id;
    }

    /** A list of region ids; absent means all regions ({@code null} returned). */
    public List<String> regions(String field) {
        return ids(field, regions, "region", false);
    }

    /** One commodity id; {@code fallback} null makes it required. */
    public String commodity(String field, String fallback) {
        String id = text(field, fallback);
        if (id != null && !id.isEmpty() && !commodities.contains(id)) {
            problem(field, "unknown commodity '" + id + "'; known commodities: " + String.join(", ", commodities));
        }
        return id;
    }

    /** A region id that may be absent ({@code null} returned). */
    public String optionalRegion(String field) {
        String id = text(field, "");
        if (id.isEmpty()) {
            return null;
        }
        if (!regions.contains(id)) {
            problem(field, "unknown region '" + id + "'; known regions: " + String.join(", ", regions));
        }
        return id;
    }

    public List<String> commodities(String field) {
        List<String> l = ids(field, commodities, "commodity", true);
        if (l == null) {
            problem(field, "required field '" + field + "' is missing (a list of commodity ids)");
        }
        return l;
    }

    /**
     * A list of ids, each known and listed once. An empty list is a problem: where absent has a meaning
     * (every other region, the government's own region) an empty list would quietly mean nothing at all.
     */
    private List<String> ids(String field, Set<String> known, String kind, boolean required) {
        read.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            problem(field, "'" + field + "' must be an array of " + kind + " ids");
            return List.of();
        }
        if (v.isEmpty()) {
            problem(field, "'" + field + "' must list at least one " + kind + " id"
                    + (required ? "" : " (leave the field out for its default)"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String id = v.get(i).asText();
            if (!known.contains(id)) {
                problems.add(new String[] {pointer + "/" + field + "/" + i, "unknown " + kind + " '" + id
                        + "'; known: " + String.join(", ", known)});
            } else if (out.contains(id)) {
                problems.add(new String[] {pointer + "/" + field + "/" + i, kind + " '" + id + "' is listed twice"});
            }
            out.add(id);
        }
        return out;
    }

    /** A list of strings; null when absent. */
    public List<String> strings(String field) {
        read.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            problem(field, "'" + field + "' must be an array of strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** Every field of this object, each a known commodity id, as an integer rank from 1 (served first). */
    public Map<String, Integer> ranksByCommodity(int maxRank) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            read.add(e.getKey());
            String at = pointer + "/" + escape(e.getKey());
            if (!commodities.contains(e.getKey())) {
                problems.add(new String[] {at, "unknown commodity '" + e.getKey() + "'; known commodities: "
                        + String.join(", ", commodities)});
            }
            JsonNode v = e.getValue();
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > maxRank) {
                problems.add(new String[] {at, "must be an integer in [1, " + maxRank + "] (1 is served first), got "
                        + v});
            }
            out.put(e.getKey(), v.asInt());
        }
        return out;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A number within [min, max]; {@code fallback} null makes it required. */
    public double number(String field, Double fallback, double min, double max) {
        read.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                problem(field, "required field '" + field + "' is missing (a number in " + range(min, max) + ")");
                return Double.NaN;
            }
            return fallback;
        }
        if (!v.isNumber()) {
            problem(field, "'" + field + "' must be a number in " + range(min, max));
            return Double.NaN;
        }
        double d = v.asDouble();
        if (!(d >= min && d <= max)) {
            problem(field, "'" + field + "' must be in " + range(min, max) + ", got " + v);
        }
        return d;
    }

    public int integer(String field, Integer fallback, int min, int max) {
        read.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                problem(field, "required field '" + field + "' is missing (an integer in [" + min + ", " + max + "])");
                return min;
            }
            return fallback;
        }
        if (!v.isIntegralNumber()) {
            problem(field, "'" + field + "' must be an integer in [" + min + ", " + max + "]");
            return min;
        }
        if (!v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            problem(field, "'" + field + "' must be in [" + min + ", " + max + "], got " + v);
            return min;
        }
        return v.asInt();
    }

    private static String range(double min, double max) {
        return "[" + org.chokepoint.scenario.Limits.format(min) + ", " + org.chokepoint.scenario.Limits.format(max) + "]";
    }

    public boolean bool(String field, boolean fallback) {
        read.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problem(field, "'" + field + "' must be true or false");
            return fallback;
        }
        return v.asBoolean();
    }

    /** An object of region id to number in [min, max]; absent gives an empty map. */
    public Map<String, Double> regionNumbers(String field, double min, double max) {
        read.add(field);
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            problem(field, "'" + field + "' must be an object of region id to number");
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = pointer + "/" + field + "/" + e.getKey();
            if (!regions.contains(e.getKey())) {
                problems.add(new String[] {at, "unknown region '" + e.getKey() + "'; known regions: "
                        + String.join(", ", regions)});
            }
            if (!e.getValue().isNumber() || !(e.getValue().asDouble() >= min && e.getValue().asDouble() <= max)) {
                problems.add(new String[] {at, "must be a number in " + range(min, max)});
            }
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    /** A nested object, read with its own reader sharing this one's problems; null when absent. */
    public SpecReader object(String field) {
        read.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            problem(field, "'" + field + "' must be an object");
            return null;
        }
        SpecReader child = new SpecReader(v, pointer + "/" + field, regions, commodities);
        child.read.remove("type");
        return child;
    }

    /** Folds a nested reader's problems into this one's. */
    public void absorb(SpecReader child) {
        if (child != null) {
            problems.addAll(child.problems());
        }
    }
}
