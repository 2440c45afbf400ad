package org.chokepoint.equilibrium;

/** The solver could not find the equilibrium within its tolerance; the message says how far it got. */
public final class EquilibriumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient EquilibriumResult.Convergence convergence;

    EquilibriumException(String message, EquilibriumResult.Convergence convergence) {
        super(message);
        this.convergence = convergence;
    }

    /** How far the solver got; null when it failed before any step. */
    public EquilibriumResult.Convergence convergence() {
        return convergence;
    }
}
