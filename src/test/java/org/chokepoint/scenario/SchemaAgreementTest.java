package org.chokepoint.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.antitrust.InformationField;
import org.chokepoint.policy.PolicyTypes;
import org.chokepoint.scenario.spec.ConsortiumSpec;
import org.chokepoint.scenario.spec.EventSpec;
import org.chokepoint.scenario.spec.ExportMeasureSpec;
import org.chokepoint.scenario.spec.ImporterInstrumentSpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.SpecTypes;
import org.chokepoint.scenario.spec.SupplyMeasureSpec;
import org.junit.jupiter.api.Test;

/**
 * The scenario schema and the records a scenario is read into say the same thing: every type the model can run
 * has its branch in the schema and every branch a type; each branch has exactly its record's fields, with
 * compatible JSON types, down through nested objects; and the defaults the schema shows editors are the ones
 * the records apply. The schema is written beside the records, so this is what keeps the two in step.
 */
class SchemaAgreementTest {
    private static final JsonNode SCHEMA = SchemaCheck.schema();
    private static final JsonNode DEFS = SCHEMA.get("$defs");

    /** Each family, the schema definition that dispatches on its {@code type}. */
    private static final Map<Class<?>, String> FAMILIES = Map.of(
            PolicySpec.class, "policy", EventSpec.class, "event", ConsortiumSpec.class, "consortium");

    @Test
    void everyTypeHasABranchAndEveryBranchATypeInTheSameOrder() {
        FAMILIES.forEach((family, dispatcher) -> {
            List<String> types = List.copyOf(SpecTypes.of(family).keySet());
            JsonNode node = DEFS.get(dispatcher);
            List<String> listed = new ArrayList<>();
            node.at("/properties/type/enum").forEach(t -> listed.add(t.asText()));
            assertEquals(types, listed, dispatcher + ": the types an editor offers");
            List<String> branched = new ArrayList<>();
            for (JsonNode rule : node.get("allOf")) {
                String type = rule.at("/if/properties/type/const").asText();
                branched.add(type);
                assertEquals("#/$defs/" + type, rule.at("/then/$ref").asText(), dispatcher + " branch of " + type);
                assertEquals(type, DEFS.at("/" + type + "/properties/type/const").asText(), "the branch's own type");
            }
            assertEquals(types, branched, dispatcher + ": one branch per type");
        });
    }

    @Test
    void everyShippedPolicyTypeHasAnInstrumentAndEveryInstrumentAType() {
        assertEquals(new LinkedHashSet<>(SpecTypes.of(PolicySpec.class).values()),
                new LinkedHashSet<>(PolicyTypes.STANDARD.specTypes()));
    }

    @Test
    void everyRecordASealedFamilyPermitsIsKnownByItsTypeName() {
        for (Class<?> family : List.of(ExportMeasureSpec.class, ImporterInstrumentSpec.class, SupplyMeasureSpec.class,
                EventSpec.class,
                ConsortiumSpec.class)) {
            Set<Class<?>> named = Set.copyOf(SpecTypes.of(family).values());
            for (Class<?> permitted : family.getPermittedSubclasses()) {
                assertTrue(named.contains(permitted), family.getSimpleName() + " permits " + permitted.getSimpleName()
                        + " but does not list it in @JsonSubTypes");
            }
            assertEquals(family.getPermittedSubclasses().length, named.size(), family.getSimpleName());
        }
    }

    @Test
    void eachBranchHasExactlyItsRecordsFieldsWithCompatibleTypes() {
        for (Class<?> family : FAMILIES.keySet()) {
            SpecTypes.of(family).forEach((type, record) -> agree(record, DEFS.get(type), "/$defs/" + type));
        }
        agree(BehaviourSpec.class, SCHEMA.at("/properties/behaviour"), "/properties/behaviour");
        agree(Scenario.OutputsSpec.class, SCHEMA.at("/properties/outputs"), "/properties/outputs");
        agree(Scenario.TimeSpec.class, SCHEMA.at("/properties/time"), "/properties/time");
    }

    @Test
    void theDefaultsEditorsShowAreTheOnesTheRecordsApply() throws Exception {
        int checked = 0;
        for (Class<?> family : FAMILIES.keySet()) {
            for (String type : SpecTypes.of(family).keySet()) {
                JsonNode branch = DEFS.get(type);
                ObjectNode least = Json.mapper().createObjectNode().put("type", type);
                for (JsonNode required : branch.get("required")) {
                    if (!required.asText().equals("type")) {
                        least.set(required.asText(), placeholder(resolve(branch.at("/properties/" + required.asText()))));
                    }
                }
                Object spec = Json.mapper().treeToValue(least, family);
                checked += defaults(branch, Json.mapper().valueToTree(spec), "/$defs/" + type);
            }
        }
        checked += defaults(SCHEMA.at("/properties/behaviour"), Json.mapper().valueToTree(BehaviourSpec.DEFAULTS),
                "/properties/behaviour");
        checked += defaults(SCHEMA.at("/properties/outputs"), Json.mapper().valueToTree(Scenario.OutputsSpec.DEFAULTS),
                "/properties/outputs");
        Scenario.TimeSpec time = new Scenario.TimeSpec(null, 52, null, null, null, null, null, null, null);
        assertEquals(SCHEMA.at("/properties/time/properties/ticksPerYear/default").asInt(), time.ticksPerYearOrDefault());
        assertEquals(SCHEMA.at("/properties/time/properties/baselineWindowTicks/default").asInt(),
                time.baselineWindowOrDefault());
        assertEquals(SCHEMA.at("/properties/time/properties/warmupTicks/default").asInt(), time.warmupOrDefault());
        assertEquals(SCHEMA.at("/properties/time/properties/discountRate/default").asDouble(),
                time.discountRateOrDefault());
        assertTrue(checked > 60, "defaults checked: " + checked);
    }

    @Test
    void theInformationFieldsAConsortiumMayListAreTheAuditorsOwn() {
        List<String> labels = new ArrayList<>();
        for (InformationField f : InformationField.values()) {
            labels.add(f.label());
        }
        List<String> listed = new ArrayList<>();
        DEFS.at("/jointProcurement/properties/exchange/items/enum").forEach(l -> listed.add(l.asText()));
        assertEquals(labels, listed);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** The record's components and the object schema's properties (less a typed entry's type) are the same. */
    private static void agree(Class<?> record, JsonNode schema, String at) {
        assertNotNull(schema, at);
        JsonNode object = resolve(schema);
        assertEquals("object", object.path("type").asText(), at + " is an object");
        assertTrue(object.path("additionalProperties").isBoolean() && !object.get("additionalProperties").asBoolean(),
                at + " is closed, so a misspelt field is an error");
        Set<String> properties = new TreeSet<>();
        object.get("properties").fieldNames().forEachRemaining(properties::add);
        properties.remove("type");
        Set<String> components = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(jsonName(c));
        }
        assertEquals(components, properties, at + " against " + record.getSimpleName());
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = object.get("properties").get(jsonName(c));
            compatible(c.getGenericType(), property, at + "/properties/" + jsonName(c));
        }
    }

    private static void compatible(Type java, JsonNode property, String at) {
        JsonNode s = resolve(property);
        Class<?> raw = java instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) java;
        if (raw.isEnum()) {
            Set<String> constants = new TreeSet<>();
            for (Object e : raw.getEnumConstants()) {
                constants.add(((Enum<?>) e).name());
            }
            Set<String> listed = new TreeSet<>();
            s.get("enum").forEach(v -> listed.add(v.asText()));
            assertEquals(constants, listed, at);
        } else if (raw == String.class) {
            assertTrue("string".equals(s.path("type").asText()) || s.has("enum"), at + " holds text: " + s);
        } else if (raw == Integer.class || raw == int.class) {
            assertEquals("integer", s.path("type").asText(), at);
        } else if (raw == Double.class || raw == double.class) {
            assertEquals("number", s.path("type").asText(), at);
        } else if (raw == Boolean.class || raw == boolean.class) {
            assertEquals("boolean", s.path("type").asText(), at);
        } else if (List.class.isAssignableFrom(raw)) {
            assertEquals("array", s.path("type").asText(), at);
            compatible(((ParameterizedType) java).getActualTypeArguments()[0], s.get("items"), at + "/items");
        } else if (Map.class.isAssignableFrom(raw)) {
            assertEquals("object", s.path("type").asText(), at);
            compatible(((ParameterizedType) java).getActualTypeArguments()[1], s.get("additionalProperties"),
                    at + "/additionalProperties");
        } else if (raw.isRecord()) {
            agree(raw, s, at);
        } else {
            throw new AssertionError(at + ": no JSON type known for " + java);
        }
    }

    /** How many defaults were compared: each property's {@code default} against the record's value. */
    private static int defaults(JsonNode schema, JsonNode value, String at) {
        int n = 0;
        JsonNode object = resolve(schema);
        for (Map.Entry<String, JsonNode> e : iterable(object.get("properties"))) {
            JsonNode property = resolve(e.getValue());
            JsonNode actual = value.get(e.getKey());
            String where = at + "/properties/" + e.getKey();
            if (e.getValue().has("default") || property.has("default")) {
                JsonNode expected = e.getValue().has("default") ? e.getValue().get("default") : property.get("default");
                assertNotNull(actual, where + ": the record applies no default");
                if (expected.isNumber()) {
                    assertEquals(expected.doubleValue(), actual.doubleValue(), where);
                } else {
                    assertEquals(expected, actual, where);
                }
                n++;
            } else if ("object".equals(property.path("type").asText()) && property.has("properties")
                    && actual != null && actual.isObject()) {
                n += defaults(property, actual, where);
            }
        }
        return n;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return new ArrayList<>(object.properties());
    }

    /** A value of the property's type, for a required field whose value does not matter. */
    private static JsonNode placeholder(JsonNode s) {
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        return switch (s.path("type").asText()) {
            case "integer" -> Json.mapper().getNodeFactory().numberNode(1);
            case "number" -> Json.mapper().getNodeFactory().numberNode(1.0);
            case "boolean" -> Json.mapper().getNodeFactory().booleanNode(false);
            case "array" -> Json.mapper().createArrayNode();
            case "object" -> Json.mapper().createObjectNode();
            default -> Json.mapper().getNodeFactory().textNode("x");
        };
    }

    /** The schema a {@code $ref} points to (its siblings, descriptions and defaults, are read where it stands). */
    private static JsonNode resolve(JsonNode s) {
        while (s.has("$ref")) {
            s = SCHEMA.at(s.get("$ref").asText().substring(1));
        }
        return s;
    }

    /** The component's name in the file: its {@code @JsonProperty} name when it has one. */
    private static String jsonName(RecordComponent c) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        return p == null ? c.getName() : p.value();
    }
}
