package org.chokepoint.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.chokepoint.world.World;

/** The instrument types this version runs, and how each is made from its scenario entry. */
public final class PolicyTypes {
    private PolicyTypes() { }

    /** Every supported {@code type} of a scenario's {@code policies} entry. */
    public static final List<String> SUPPORTED = List.of();

    static Instrument create(JsonNode spec, World world, int horizon) {
        String type = spec.path("type").asText();
        throw new IllegalArgumentException("unsupported policy type '" + type + "'");
    }
}
