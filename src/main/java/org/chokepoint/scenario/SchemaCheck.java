package org.chokepoint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chokepoint.scenario.spec.JsonPointers;

/**
 * Checks a scenario document against {@code scenario.schema.json} and turns each failure into a
 * {@link ScenarioProblem} that says what is wrong and what is allowed, in the words of the format
 * (not of JSON Schema).
 */
final class SchemaCheck {

    /** Copied next to this class from {@code scenarios/schema/} by the build. */
    static final String RESOURCE = "scenario.schema.json";
    private static final String SCHEMA_ID = "urn:chokepoint:scenario:1";
    private static final String ID_PATTERN = "^[A-Za-z][A-Za-z0-9_-]*$";
    /** The type of a policy or a consortium: an unknown one is a type this version does not support. */
    private static final Pattern TYPED_ENTRY = Pattern.compile("^/(policies|consortia)/\\d+/type$");
    private static final String PARAM_FORMS =
            "a parameter is a number, {\"min\": a, \"max\": b} or {\"median\": m, \"sigma\": s}";

    private static final JsonNode SCHEMA_NODE = readSchema();
    private static final JsonSchema SCHEMA = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(SCHEMA_ID), SCHEMA_NODE, SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .locale(Locale.ENGLISH)
                    .build());

    private SchemaCheck() {
    }

    private static JsonNode readSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("scenario schema missing from the classpath: "
                        + SchemaCheck.class.getPackageName().replace('.', '/') + "/" + RESOURCE);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario schema", e);
        }
    }

    /** The schema as JSON, for tools that want to show or export it. */
    static JsonNode schema() {
        return SCHEMA_NODE;
    }

    static List<ScenarioProblem> check(JsonNode document, String file, SourceLocations where) {
        Set<String> seen = new LinkedHashSet<>();
        List<ScenarioProblem> problems = new ArrayList<>();
        for (ValidationMessage m : SCHEMA.validate(document)) {
            String[] pm = translate(m);
            if (seen.add(pm[0] + "\u0000" + pm[1])) {
                problems.add(where.problem(file, pm[0], pm[1]));
            }
        }
        return problems;
    }

    /**
     * Whether the schema refuses {@code document} only for want of an integer at {@code pointer}: the document holds
     * a non-integer number there, and the schema's type for that place is integer alone.
     */
    static boolean wantsIntegerAt(JsonNode document, String pointer) {
        for (ValidationMessage m : SCHEMA.validate(document)) {
            if ("type".equals(m.getType()) && pointer.equals(pointer(m.getInstanceLocation()))
                    && indexOf(m.getSchemaLocation() == null ? null : m.getSchemaLocation().getFragment(), "anyOf") < 0) {
                JsonNode expected = at(m.getSchemaLocation().getFragment(), 0);
                if (expected != null && expected.isTextual() && "integer".equals(expected.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {pointer, message}. */
    private static String[] translate(ValidationMessage m) {
        String pointer = pointer(m.getInstanceLocation());
        JsonNode value = m.getInstanceNode();
        JsonNodePath fragment = m.getSchemaLocation() == null ? null : m.getSchemaLocation().getFragment();
        JsonNode keyword = at(fragment, 0);
        JsonNode owner = at(fragment, 1);
        String name = lastName(pointer);
        String type = m.getType() == null ? "" : m.getType();
        int anyOf = indexOf(fragment, "anyOf");
        if (anyOf >= 0 && !"anyOf".equals(type)) {
            // A failed branch of an anyOf: report the anyOf once, not each branch.
            type = "anyOf";
            keyword = at(fragment, fragment.getNameCount() - anyOf - 1);
        }
        switch (type) {
            case "required": {
                String field = m.getProperty() != null ? m.getProperty() : String.valueOf(m.getArguments()[0]);
                return new String[] {JsonPointers.child(pointer, field),
                        "missing required field '" + field + "'" + condition(fragment)};
            }
            case "additionalProperties":
            case "unevaluatedProperties": {
                String field = m.getProperty() != null ? m.getProperty() : String.valueOf(m.getArguments()[0]);
                String p = pointer.endsWith("/" + JsonPointers.escape(field))
                        ? pointer : JsonPointers.child(pointer, field);
                List<String> allowed = new ArrayList<>();
                if (owner != null && owner.has("properties")) {
                    owner.get("properties").fieldNames().forEachRemaining(allowed::add);
                }
                String where = condition(fragment);
                return new String[] {p, "unknown field '" + field + "'" + where
                        + (allowed.isEmpty() ? "" : "; allowed fields: " + String.join(", ", allowed))};
            }
            case "type":
                if (keyword != null && isParam(owner)) {
                    return new String[] {pointer, PARAM_FORMS + "; got " + describe(value)};
                }
                return new String[] {pointer, subject(name) + "must be " + article(keyword)
                        + ", got " + describe(value)};
            case "minimum":
                return new String[] {pointer, subject(name) + "must be >= " + num(keyword) + ", got " + describe(value)};
            case "exclusiveMinimum":
                return new String[] {pointer, subject(name) + "must be > " + num(keyword) + ", got " + describe(value)};
            case "maximum":
                return new String[] {pointer, subject(name) + "must be <= " + num(keyword) + ", got " + describe(value)};
            case "exclusiveMaximum":
                return new String[] {pointer, subject(name) + "must be < " + num(keyword) + ", got " + describe(value)};
            case "enum": {
                List<String> options = new ArrayList<>();
                if (keyword != null) {
                    keyword.forEach(o -> options.add(o.asText()));
                }
                Matcher typed = TYPED_ENTRY.matcher(pointer);
                if (typed.matches()) {
                    return new String[] {pointer, "unsupported " + ("policies".equals(typed.group(1)) ? "policy"
                            : "consortium") + " type " + describe(value) + " (supported: " + String.join(", ", options)
                            + ")"};
                }
                return new String[] {pointer, subject(name) + "must be one of " + String.join(", ", options)
                        + "; got " + describe(value)};
            }
            case "pattern":
                if (keyword != null && ID_PATTERN.equals(keyword.asText())) {
                    return new String[] {pointer, subject(name) + describe(value) + " is not a valid id: an id starts"
                            + " with a letter and has only letters, digits, '_' and '-'"};
                }
                if ("startDate".equals(name)) {
                    return new String[] {pointer, "startDate must be a date written YYYY-MM-DD, got " + describe(value)};
                }
                return new String[] {pointer, subject(name) + "must match " + keyword.asText() + ", got " + describe(value)};
            case "minItems":
                return new String[] {pointer, subject(name) + "needs at least " + num(keyword) + " entr"
                        + (keyword != null && keyword.asInt() == 1 ? "y" : "ies") + ", got " + value.size()};
            case "uniqueItems":
                return new String[] {pointer, subject(name) + "must not list the same entry twice, got " + describe(value)};
            case "minLength":
                return new String[] {pointer, subject(name) + "must not be empty"};
            case "minProperties":
            case "maxProperties":
            case "dependentRequired":
                return new String[] {pointer, PARAM_FORMS + "; got " + describe(value)};
            case "anyOf": {
                List<String> options = new ArrayList<>();
                if (keyword != null) {
                    keyword.forEach(o -> o.path("required").forEach(r -> options.add(r.asText())));
                }
                return new String[] {pointer, "needs at least one of " + String.join(", ", options) + condition(fragment)};
            }
            default:
                return new String[] {pointer, m.getError() != null ? m.getError() : m.getMessage()};
        }
    }

    /**
     * " (when type is X)" when the failing keyword sits in the then-branch of an if on the type, or in the
     * definition of one type of a typed entry (whose {@code type} is a constant).
     */
    private static String condition(JsonNodePath fragment) {
        if (fragment == null) {
            return "";
        }
        if (fragment.getNameCount() >= 2 && "$defs".equals(fragment.getName(0))) {
            JsonNode constant = SCHEMA_NODE.path("$defs").path(fragment.getName(1)).path("properties").path("type")
                    .get("const");
            if (constant != null) {
                return " (when type is " + constant.asText() + ")";
            }
        }
        for (int i = fragment.getNameCount() - 1; i >= 0; i--) {
            if ("then".equals(fragment.getName(i))) {
                JsonNode node = SCHEMA_NODE;
                for (int j = 0; j < i && node != null; j++) {
                    node = child(node, fragment.getElement(j));
                }
                JsonNode constant = node == null ? null : node.path("if").path("properties").path("type").get("const");
                return constant == null ? "" : " (when type is " + constant.asText() + ")";
            }
        }
        return "";
    }

    private static int indexOf(JsonNodePath fragment, String name) {
        if (fragment != null) {
            for (int i = 0; i < fragment.getNameCount(); i++) {
                if (name.equals(fragment.getName(i))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isParam(JsonNode owner) {
        return owner != null && owner.has("dependentRequired");
    }

    /** The schema node at the fragment, dropping {@code up} trailing names. */
    private static JsonNode at(JsonNodePath fragment, int up) {
        if (fragment == null) {
            return null;
        }
        JsonNode node = SCHEMA_NODE;
        for (int i = 0; i < fragment.getNameCount() - up && node != null; i++) {
            node = child(node, fragment.getElement(i));
        }
        return node;
    }

    private static JsonNode child(JsonNode node, Object element) {
        return element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
    }

    static String pointer(JsonNodePath path) {
        StringBuilder s = new StringBuilder();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                Object e = path.getElement(i);
                s.append('/').append(e instanceof Integer ? e.toString() : JsonPointers.escape(String.valueOf(e)));
            }
        }
        return s.toString();
    }

    private static String lastName(String pointer) {
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        return last.isEmpty() || last.chars().allMatch(Character::isDigit) ? "" : last.replace("~1", "/").replace("~0", "~");
    }

    private static String subject(String name) {
        return name.isEmpty() ? "" : name + " ";
    }

    private static String num(JsonNode n) {
        if (n == null) {
            return "?";
        }
        return n.isNumber() ? Limits.format(n.doubleValue()) : n.asText();
    }

    private static String article(JsonNode expected) {
        if (expected == null) {
            return "of another type";
        }
        List<String> names = new ArrayList<>();
        if (expected.isArray()) {
            expected.forEach(e -> names.add(typeName(e.asText())));
        } else {
            names.add(typeName(expected.asText()));
        }
        return String.join(" or ", names);
    }

    private static String typeName(String jsonType) {
        switch (jsonType) {
            case "integer": return "an integer";
            case "number": return "a number";
            case "string": return "a string";
            case "boolean": return "true or false";
            case "object": return "an object";
            case "array": return "an array";
            default: return jsonType;
        }
    }

    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        if (value.isContainerNode()) {
            String text = Json.text(value);
            String kind = value.isObject() ? "an object " : "an array ";
            return kind + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
        }
        return Json.text(value);
    }
}
