package org.chokepoint.model;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.metrics.Summary;
import org.chokepoint.metrics.SummaryCalculator;
import org.chokepoint.policy.PolicyTypes;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.spec.ConsortiumSpec;
import org.chokepoint.scenario.spec.JointProcurementSpec;

/** Runs a scenario to its horizon, with its no-shock, no-policy counterfactual when it has one. */
public final class Simulation {

    private Simulation() {
    }

    /**
     * Runs the scenario and, when it has any shock among its events and policies, the counterfactual without
     * its shocks (its background kept) under the same seed, so that both runs draw the same random numbers where they do the same things (common
     * random numbers) and the differences in the summary are the shock's and the policies' doing.
     *
     * @param horizonOverride ticks to run, or a value below 1 for the scenario's {@code time.horizonTicks}
     */
    public static RunOutcome run(Scenario scenario, int seed, int horizonOverride) {
        return run(scenario, seed, horizonOverride, 1);
    }

    /**
     * As {@link #run(Scenario, int, int)}, each model sharing its ticks among {@code tickThreads} threads
     * (see {@link SupplyShockModel#setTickThreads}); the results do not depend on it.
     */
    public static RunOutcome run(Scenario scenario, int seed, int horizonOverride, int tickThreads) {
        return run(scenario, seed, horizonOverride, tickThreads, PolicyTypes.STANDARD);
    }

    /**
     * As {@link #run(Scenario, int, int, int)}, with the scenario's policies built by {@code policyTypes}: a
     * registry that knows a study's own instruments besides the shipped ones ({@link PolicyTypes#with}).
     */
    public static RunOutcome run(Scenario scenario, int seed, int horizonOverride, int tickThreads,
                                 PolicyTypes policyTypes) {
        SupplyShockModel model = runOne(scenario, seed, horizonOverride, tickThreads, policyTypes, null);
        SupplyShockModel counterfactual = null;
        if (scenario.hasShocks()) {
            counterfactual = runOne(counterfactualOf(scenario), seed, horizonOverride, tickThreads, policyTypes,
                    nothingInForceAtStart(scenario) ? model : null);
        }
        Summary summary = SummaryCalculator.compute(model, counterfactual);
        Scenario twin = compliantTwinOf(scenario);
        SupplyShockModel compliant = twin == scenario ? null
                : runOne(twin, seed, horizonOverride, tickThreads, policyTypes, null);
        return new RunOutcome(model, counterfactual, summary, compliant);
    }

    /**
     * The same scenario with every joint-procurement consortium keeping the rules its declaration breaks
     * ({@link JointProcurementSpec#compliant}); the scenario itself when none breaks any.
     */
    public static Scenario compliantTwinOf(Scenario s) {
        List<ConsortiumSpec> twins = new ArrayList<>();
        boolean differs = false;
        for (ConsortiumSpec c : s.consortia()) {
            ConsortiumSpec t = c instanceof JointProcurementSpec j ? j.compliant() : c;
            differs |= !t.equals(c);
            twins.add(t);
        }
        if (!differs) {
            return s;
        }
        return new Scenario(s.meta(), s.time(), s.regions(), s.commodities(), s.recipes(), s.routes(),
                s.behaviour(), s.firms(), s.traders(), s.demand(), s.events(), s.policies(), twins,
                s.openingStocks(), s.stockists(), s.outputs());
    }

    /** The same scenario with its background events and policies only ({@link Scenario#counterfactual()}). */
    public static Scenario counterfactualOf(Scenario s) {
        return s.counterfactual();
    }

    /** Whether no event and no policy of the scenario acts at tick 0, where a run's equilibrium is solved. */
    public static boolean nothingInForceAtStart(Scenario s) {
        return s.events().stream().allMatch(e -> e.start() != null && e.start() > 0)
                && s.policies().stream().allMatch(p -> p.start() != null && p.start() > 0);
    }

    private static SupplyShockModel runOne(Scenario scenario, int seed, int horizon, int tickThreads,
                                           PolicyTypes policyTypes, SupplyShockModel startLike) {
        SupplyShockModel model = new SupplyShockModel(scenario, seed, horizon, policyTypes);
        if (startLike != null) {
            model.reuseStart(startLike);
        }
        model.setTickThreads(tickThreads);
        model.start();
        model.runToHorizon();
        return model;
    }
}
