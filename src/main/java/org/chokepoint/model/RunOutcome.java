package org.chokepoint.model;

import org.chokepoint.metrics.Summary;

/**
 * One run of a scenario and what it came to.
 *
 * @param model          the run as specified, after its last tick
 * @param counterfactual the same scenario and seed without its shocks (its background events and policies
 *                       kept), or null when it has no shock (the run is then its own counterfactual)
 * @param summary        the run's per-market and total figures, differences taken against the counterfactual
 * @param compliantTwin  the same scenario and seed with every consortium keeping the rules its declaration
 *                       breaks, or null when none breaks any: what a breach's harm is measured against
 */
public record RunOutcome(SupplyShockModel model, SupplyShockModel counterfactual, Summary summary,
                         SupplyShockModel compliantTwin) {
    public RunOutcome(SupplyShockModel model, SupplyShockModel counterfactual, Summary summary) {
        this(model, counterfactual, summary, null);
    }
}
