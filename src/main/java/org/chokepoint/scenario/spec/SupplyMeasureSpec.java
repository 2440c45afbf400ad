package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/**
 * A government's measure on what its own region makes of a commodity: a production quota that caps it, state
 * capacity that adds to it.
 */
@JsonSubTypes({@JsonSubTypes.Type(ProductionQuotaSpec.class), @JsonSubTypes.Type(StateCapacitySpec.class)})
public sealed interface SupplyMeasureSpec extends PolicySpec permits ProductionQuotaSpec, StateCapacitySpec { }
