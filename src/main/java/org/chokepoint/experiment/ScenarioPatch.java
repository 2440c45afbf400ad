package org.chokepoint.experiment;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;

/**
 * Scenario values addressed by JSON pointers (RFC 6901), as sweeps and sensitivity analyses vary them. A
 * pointer must name an existing array element or a member of an object; members and objects that do not exist
 * yet are created (an optional setting left at its default, such as {@code /behaviour/demandNoise} in a
 * scenario without a {@code behaviour} object), array elements never are; every patched scenario is checked again by
 * {@link ScenarioLoader#fromJson}, so a value the scenario format does not allow is reported like a file
 * problem.
 */
public final class ScenarioPatch {

    private ScenarioPatch() {
    }

    /** One value for one pointer. */
    public record Assignment(String pointer, JsonNode value) {
        /** The value as a table cell: numbers and booleans as JSON, as the outputs write them; text unquoted. */
        public String text() {
            return value.isTextual() ? value.asText() : Json.text(value);
        }
    }

    /** Parses a pointer, checking that it addresses a place the document has (or can have). */
    public static JsonPointer pointer(JsonNode doc, String text) throws ExperimentException {
        JsonPointer p;
        try {
            p = JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new ExperimentException("bad JSON pointer '" + text + "': " + e.getMessage()
                    + " (a pointer starts with '/', e.g. /behaviour/demandNoise or /firms/0/capacity)");
        }
        if (p.matches()) {
            throw new ExperimentException("bad JSON pointer '" + text + "': it names the whole scenario");
        }
        parent(doc, p, text, false);
        return p;
    }

    /**
     * {@link #pointer} for a sweep or a design over {@code base}: a problem names the scenario file, as a problem
     * of a patched point does.
     */
    public static JsonPointer pointerIn(LoadedScenario base, String text) throws ExperimentException {
        try {
            return pointer(base.json(), text);
        } catch (ExperimentException e) {
            throw new ExperimentException(base.source() + ": " + e.getMessage());
        }
    }

    /** What elements a list of {@code n} has, for a pointer to one it does not. */
    private static String elements(int n) {
        return n == 0 ? "it is empty" : n == 1 ? "it has 1, numbered 0" : "it has " + n + ", numbered 0 to " + (n - 1);
    }

    /**
     * The container that holds the pointer's last step. Missing objects on the way may be created (when
     * {@code create}) if the step into them is a member name of an existing object; array elements must exist.
     */
    private static JsonNode parent(JsonNode doc, JsonPointer p, String text, boolean create)
            throws ExperimentException {
        JsonNode node = doc;
        StringBuilder at = new StringBuilder();
        boolean virtual = false; // below a member that does not exist yet (checking only)
        for (JsonPointer step = p; !step.tail().matches(); step = step.tail()) {
            String name = step.getMatchingProperty();
            boolean missing = virtual || node.isObject() && node.get(name) == null;
            if (missing && step.tail().getMatchingIndex() >= 0) {
                // An element of a list the scenario does not have: made as an object, the scenario would be
                // refused for a list that is not one.
                throw new ExperimentException("JSON pointer '" + text + "': the scenario has no "
                        + at + "/" + name + " (an element of a list can be set only in a list it has)");
            }
            if (virtual) {
                at.append('/').append(name);
                continue;
            }
            if (node.isObject()) {
                JsonNode child = node.get(name);
                if (child == null) {
                    if (create) {
                        child = ((ObjectNode) node).putObject(name);
                    } else {
                        virtual = true;
                    }
                } else if (!child.isContainerNode()) {
                    throw new ExperimentException("JSON pointer '" + text + "': " + at + "/" + name
                            + " is a value, not an object or array");
                }
                node = child;
            } else if (node.isArray()) {
                int i = step.getMatchingIndex();
                if (i < 0 || i >= node.size()) {
                    throw new ExperimentException("JSON pointer '" + text + "': no element " + name + " in "
                            + (at.length() == 0 ? "/" : at) + " (" + elements(node.size()) + ")");
                }
                node = node.get(i);
            }
            at.append('/').append(name);
        }
        if (virtual) {
            return null;
        }
        if (node.isArray()) {
            int i = p.last().getMatchingIndex();
            if (i < 0 || i >= node.size()) {
                throw new ExperimentException("JSON pointer '" + text + "': no element "
                        + p.last().getMatchingProperty() + " in " + (at.length() == 0 ? "/" : at) + " ("
                        + elements(node.size()) + ")");
            }
        }
        return node;
    }

    /** A copy of {@code doc} with every assignment applied in order. */
    public static JsonNode apply(JsonNode doc, List<Assignment> assignments) throws ExperimentException {
        JsonNode copy = doc.deepCopy();
        for (Assignment a : assignments) {
            JsonPointer p = pointer(copy, a.pointer());
            JsonNode parent = parent(copy, p, a.pointer(), true);
            if (parent.isObject()) {
                ((ObjectNode) parent).set(p.last().getMatchingProperty(), a.value());
            } else {
                ((ArrayNode) parent).set(p.last().getMatchingIndex(), a.value());
            }
        }
        return copy;
    }

    /** Applies and validates, naming the point in every problem's file name. */
    public static LoadedScenario load(LoadedScenario base, List<Assignment> assignments, String label)
            throws ExperimentException, ScenarioException {
        JsonNode patched = apply(base.json(), assignments);
        return ScenarioLoader.fromJson(patched, base.source() + " [" + label + "]");
    }

    /**
     * A value from the command line: JSON if it parses as a number, boolean, null or quoted string, otherwise
     * the text itself.
     */
    public static JsonNode parseValue(String text) {
        String t = text.trim();
        try {
            JsonNode n = Json.mapper().readTree(t);
            if (n != null && n.isValueNode()) {
                return n;
            }
        } catch (Exception e) {
            // not JSON: a bare word
        }
        return TextNode.valueOf(t);
    }

    /**
     * Why {@code value} may not be read as text, or null when it may: one that opens a quoted string without
     * closing it is most often a string with a comma, which the list has cut in two; read as text, each half
     * would be a point of its own.
     */
    public static String unclosedQuote(String value) {
        String t = value.trim();
        if (t.startsWith("\"") && parseValue(t).textValue().equals(t)) { // read as text: not one JSON string
            return "'" + t + "' opens a quoted string that does not close (a value cannot contain a comma)";
        }
        return null;
    }

    /**
     * Why {@code value}, written {@code text}, may not join {@code earlier} in a list given on the command line (a
     * sweep's values, a comparison's levels), or null when it may: a number beyond a double would reach the scenario
     * as an "Infinity" nobody wrote, and 10, 10.0 and 1e1 are one number to the scenario, which reads it as a
     * double, so a second of them would run the same point again under another name.
     */
    public static String refusedFromList(String text, JsonNode value, List<JsonNode> earlier, String noun) {
        if (value.isNumber() && Double.isInfinite(value.doubleValue())) {
            return text + " is beyond the largest number a double holds (about 1.8e308)";
        }
        for (JsonNode e : earlier) {
            if (e.equals(value) || e.isNumber() && value.isNumber() && e.doubleValue() == value.doubleValue()) {
                return "the " + noun + " " + text + " is given twice";
            }
        }
        return null;
    }

    /** {@code /pointer=v1,v2,...} */
    public record ValueList(String pointer, List<JsonNode> values) { }

    /** {@code /pointer=min:max} */
    public record Range(String pointer, double min, double max, boolean integers) {

        /**
         * This range as drawn into {@code doc}: its values are rounded to integers when both bounds were written as
         * integers and the field takes integers, as the number the scenario holds there is one or the scenario
         * format asks for one there (so {@code /time/horizonTicks=52:104}, or {@code /time/warmupTicks=0:52} in a
         * scenario that leaves the warm-up out or writes it {@code 52.0}, stays a whole number of ticks); doubles
         * otherwise (write {@code 80.0:120.0} for a continuous range).
         */
        public Range over(JsonNode doc) {
            return !integers || takesIntegers(doc) ? this : new Range(pointer, min, max, false);
        }

        private boolean takesIntegers(JsonNode doc) {
            if (doc.at(pointer).isIntegralNumber()) {
                return true;
            }
            // Not an integer the scenario holds: the format decides, since an integer field may be written 52.0,
            // which the format reads as the integer it is.
            try {
                JsonNode probe = apply(doc, List.of(new Assignment(pointer, DoubleNode.valueOf(0.5))));
                return ScenarioLoader.takesOnlyIntegersAt(probe, pointer);
            } catch (ExperimentException e) {
                return false; // a pointer the scenario cannot take: the design's validation says so
            }
        }

        /**
         * The value of a hypercube's stratified {@code u} in [0, 1): for a range of whole numbers, each of its
         * {@code max - min + 1} numbers takes an equal share of [0, 1), so that strata spread evenly over them;
         * rounding {@link #at} instead gave each end number half the share of the others (over 4:6, a quarter of the
         * points each at 4 and 6, half at 5), and an average over the points weighed the middle twice. A continuous
         * range is {@link #at} itself.
         */
        public JsonNode stratified(double u) {
            if (!integers) {
                return at(u);
            }
            double numbers = Math.floor(max) - Math.ceil(min) + 1;
            double v = Math.ceil(min) + Math.floor(Math.max(0, u) * numbers);
            return LongNode.valueOf((long) Math.min(v, Math.floor(max)));
        }

        /** The value at {@code u} in [0, 1] of the range, once {@link #over resolved} against the scenario. */
        public JsonNode at(double u) {
            // The range's ends are its own values: min + 1 × (max - min) is max give or take its last digit, and
            // 0.06:0.9 ran its top at 0.9000000000000001, past a bound a field may have there.
            double v = u <= 0 ? min : u >= 1 ? max : min + u * (max - min);
            return integers ? LongNode.valueOf(Math.round(v)) : DoubleNode.valueOf(v);
        }
    }

    public static ValueList parseValueList(String spec) throws ExperimentException {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new ExperimentException("--set '" + spec + "': expected /json/pointer=value1,value2,...");
        }
        List<JsonNode> values = new ArrayList<>();
        for (String v : spec.substring(eq + 1).split(",", -1)) {
            if (v.isBlank()) {
                throw new ExperimentException("--set '" + spec + "': an empty value in the list");
            }
            String unclosed = unclosedQuote(v);
            if (unclosed != null) {
                throw new ExperimentException("--set '" + spec + "': " + unclosed);
            }
            String[] range = range(v);
            if (range != null) {
                // read as text, the range would reach the scenario as a string and be refused there as a wrong type
                throw new ExperimentException("--set '" + spec + "': a min:max range is for Latin-hypercube sampling"
                        + " (add --lhs K for K points); a grid sweep takes a list of values, /pointer=v1,v2,... such as "
                        + spec.substring(0, eq) + "=" + range[0] + "," + range[1]);
            }
            JsonNode value = parseValue(v);
            String refused = refusedFromList(v.trim(), value, values, "value");
            if (refused != null) {
                throw new ExperimentException("--set '" + spec + "': " + refused);
            }
            values.add(value);
        }
        return new ValueList(spec.substring(0, eq), values);
    }

    /** A range from the smallest and largest numbers of a list, as an example in a message; min:max otherwise. */
    private static String example(String list) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        String low = "min";
        String high = "max";
        for (String v : list.split(",", -1)) {
            JsonNode n = parseValue(v);
            if (!n.isNumber()) {
                return "min:max";
            }
            if (n.doubleValue() < lo) {
                lo = n.doubleValue();
                low = v.trim();
            }
            if (n.doubleValue() > hi) {
                hi = n.doubleValue();
                high = v.trim();
            }
        }
        return lo < hi ? low + ":" + high : "min:max";
    }

    /** The two bounds of {@code value} if it is written as a range of numbers, {@code min:max}, or null. */
    private static String[] range(String value) {
        String[] mm = value.trim().split(":", -1);
        if (mm.length != 2) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            mm[i] = mm[i].trim();
            if (!parseValue(mm[i]).isNumber()) {
                return null;
            }
        }
        return mm;
    }

    public static Range parseRange(String option, String spec) throws ExperimentException {
        int eq = spec.indexOf('=');
        String usage = option + " '" + spec + "': expected /json/pointer=min:max with numbers min < max";
        if (eq <= 0) {
            throw new ExperimentException(usage);
        }
        String pointer = spec.substring(0, eq);
        String value = spec.substring(eq + 1);
        String[] mm = value.split(":", -1);
        if (mm.length != 2) {
            if (mm.length == 1 && value.contains(",")) {
                // a grid's list where a range belongs: say which command takes which
                throw new ExperimentException(option + " '" + spec + "': " + (option.equals("--set")
                        ? "with --lhs each --set is a range min:max to sample, such as " + pointer + "=" + example(value)
                        + "; a list of values v1,v2,... is a grid (leave out --lhs)"
                        : "a parameter is a range min:max whose levels the design chooses, such as " + pointer + "="
                        + example(value) + ", not a list of values"));
            }
            throw new ExperimentException(usage);
        }
        double min;
        double max;
        try {
            min = Double.parseDouble(mm[0].trim());
            max = Double.parseDouble(mm[1].trim());
        } catch (NumberFormatException e) {
            throw new ExperimentException(usage);
        }
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new ExperimentException(usage);
        }
        if (!(min < max)) {
            throw new ExperimentException(option + " '" + spec + "': the range " + (min == max
                    ? "is empty, min " + mm[0].trim() + " = max " + mm[1].trim() + " (a value to hold fixed belongs in"
                    + " the scenario)" : "runs backwards, min " + mm[0].trim() + " > max " + mm[1].trim()
                    + " (write the smaller bound first: " + pointer + "=" + mm[1].trim() + ":" + mm[0].trim() + ")"));
        }
        if (Double.isInfinite(max - min)) {
            // Each value is min + u (max - min): a width beyond a double would write infinity (or NaN at u = 0)
            // into the scenario, refused there as a value the user never wrote.
            throw new ExperimentException(option + " '" + spec + "': the range is wider than a double holds (max -"
                    + " min must be below about 1.8e308)");
        }
        boolean integers = mm[0].trim().matches("-?\\d+") && mm[1].trim().matches("-?\\d+");
        return new Range(spec.substring(0, eq), min, max, integers);
    }
}
