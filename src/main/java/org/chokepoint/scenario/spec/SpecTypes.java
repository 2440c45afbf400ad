package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The types a family of specs declares to Jackson, by the name a scenario gives in {@code type}. */
public final class SpecTypes {
    private SpecTypes() { }

    /** Every concrete type under {@code family}, by type name, in the order the families list them. */
    public static Map<String, Class<?>> of(Class<?> family) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        collect(family, out);
        return Collections.unmodifiableMap(out);
    }

    private static void collect(Class<?> type, Map<String, Class<?>> out) {
        JsonSubTypes sub = type.getAnnotation(JsonSubTypes.class);
        if (sub == null) {
            out.put(nameOf(type), type);
            return;
        }
        for (JsonSubTypes.Type t : sub.value()) {
            collect(t.value(), out);
        }
    }

    /** The name a scenario gives the type in its {@code type} field. */
    public static String nameOf(Class<?> type) {
        JsonTypeName name = type.getAnnotation(JsonTypeName.class);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " has no @JsonTypeName");
        }
        return name.value();
    }
}
