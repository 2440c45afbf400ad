package org.chokepoint.model;

import org.chokepoint.metrics.Summary;

/**
 * One run of a scenario and what it came to.
 *
 * @param model          the run as specified, after its last tick
 * @param counterfactual the same scenario and seed without its shocks (its background events and policies
 *                       kept), or null when it has no shock (the run is then its own counterfactual)
 * @param summary        the run's per-market and total figures, differences taken against the counterfactual
 */
public record RunOutcome(SupplyShockModel model, SupplyShockModel counterfactual, Summary summary) { }
