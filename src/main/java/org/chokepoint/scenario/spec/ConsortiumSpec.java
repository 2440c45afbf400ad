package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One entry of a scenario's {@code consortia}, read by its {@code type} into the record of that type. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes(@JsonSubTypes.Type(JointProcurementSpec.class))
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ConsortiumSpec permits JointProcurementSpec {

    /** A label for outputs; the type's name when the file gives none. */
    String id();

    /** The region whose firms form it. */
    String region();

    /** The rules a schema cannot state: ids that must name something. */
    void check(SpecCheck at);
}
