package org.chokepoint.scenario.spec;

import java.util.List;

/**
 * What an event or a policy is to the comparisons a run makes. A {@code background} entry belongs to the
 * world the shocks hit (a demand trend, an exporter's dumping phase): it is present in every world, the
 * no-shock counterfactual included. A {@code shock} entry (the default) is what the counterfactual removes,
 * so the losses a summary reports are the shocks' doing given the background.
 */
public final class Role {
    public static final String BACKGROUND = "background";
    public static final String SHOCK = "shock";
    public static final List<String> ALL = List.of(BACKGROUND, SHOCK);

    private Role() {
    }

    /** Whether a role as given in a file (null when absent) makes its entry background. */
    public static boolean isBackground(String role) {
        return BACKGROUND.equals(role);
    }

    static void check(String role, SpecCheck at) {
        if (role != null && !ALL.contains(role)) {
            at.problem("role", "role must be one of " + ALL + ", got '" + role + "'; absent means \"shock\"");
        }
    }
}
