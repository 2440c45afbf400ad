package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One entry of a scenario's {@code policies}: a government's instrument, read by its {@code type} into the
 * record of that type. The shipped types form three sealed families, {@link ExportMeasureSpec},
 * {@link ImporterInstrumentSpec} and {@link SupplyMeasureSpec}; each record's fields are its type's fields in the file, documented in
 * {@code docs/scenario-format.md} and described field by field in the scenario schema.
 *
 * <p>Every policy is in force during {@code [start, end)} and known to traders from {@code announce}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(ExportMeasureSpec.class), @JsonSubTypes.Type(ImporterInstrumentSpec.class),
        @JsonSubTypes.Type(SupplyMeasureSpec.class)})
@JsonInclude(JsonInclude.Include.NON_NULL)
public interface PolicySpec {

    /** A label for outputs; the type's name when the file gives none. */
    String id();

    /** The region whose government applies the instrument. */
    String region();

    /** Tick from which traders know of it; its start when the file gives none. */
    Integer announce();

    /** First tick in force; 0 when the file gives none. */
    Integer start();

    /** First tick no longer in force; null for the horizon. */
    Integer end();

    /**
     * {@link Role#BACKGROUND} (kept in the no-shock counterfactual) or {@link Role#SHOCK}; null (absent) is a
     * shock. Instruments defined outside the shipped families are shocks unless they say otherwise.
     */
    default String role() {
        return null;
    }

    /**
     * The id of another policy that this one ends when it takes effect (a ban replaced by a quota): the other
     * stays in force until this one's {@code start} or its own end, whichever comes first. Null for none.
     */
    default String replaces() {
        return null;
    }

    /** The rules a schema cannot state: ids that must name something, and fields that bound each other. */
    void check(SpecCheck at);

    /**
     * The commodities a policy entry names, as its file writes them: its {@code commodities} in their order, or
     * its one {@code commodity}; none for a type that names neither (state capacity names a firm).
     */
    static java.util.List<String> commoditiesNamed(com.fasterxml.jackson.databind.JsonNode policy) {
        java.util.List<String> named = new java.util.ArrayList<>();
        if (policy.path("commodities").isArray()) {
            policy.get("commodities").forEach(c -> named.add(c.asText()));
        } else if (policy.path("commodity").isTextual()) {
            named.add(policy.get("commodity").asText());
        }
        return named;
    }
}
