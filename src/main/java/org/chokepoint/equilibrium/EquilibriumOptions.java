package org.chokepoint.equilibrium;

/**
 * Choices about what the equilibrium includes and how closely it is solved.
 *
 * @param includeMothballed count mothballed firms as producing (by default they are idle, as the scenario
 *                          starts them)
 * @param triggeredInForce count instruments that wait for a trigger as in force (by default they are not:
 *                         a trigger fires on a departure from the baseline, which a world at rest does not make)
 * @param tolerance largest relative residual accepted: excess demand as a share of a market's volume,
 *                  complementarity gap as a share of the value traded, change of the wedges between rounds
 * @param maxRounds most rounds of updating the wedges before the solver gives up
 */
public record EquilibriumOptions(boolean includeMothballed, boolean triggeredInForce, double tolerance,
                                 int maxRounds) {

    public static final EquilibriumOptions DEFAULTS = new EquilibriumOptions(false, false, 1e-7, 500);

    public EquilibriumOptions {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be at least 1, got " + maxRounds);
        }
    }

    public EquilibriumOptions withMothballed(boolean include) {
        return new EquilibriumOptions(include, triggeredInForce, tolerance, maxRounds);
    }

    public EquilibriumOptions withTriggeredInForce(boolean inForce) {
        return new EquilibriumOptions(includeMothballed, inForce, tolerance, maxRounds);
    }
}
