package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Every route through a chokepoint is closed.
 *
 * @param chokepoint a chokepoint some route names
 */
@JsonTypeName(ChokepointClosureSpec.TYPE)
public record ChokepointClosureSpec(String id, Integer start, Integer end, String chokepoint, String role)
        implements EventSpec {
    public static final String TYPE = "chokepointClosure";

    @Override
    public void check(SpecCheck at) {
        checkTimes(at);
        if (!at.chokepointNamed(chokepoint)) {
            at.problem("chokepoint", "unknown chokepoint '" + chokepoint + "'; chokepoints named by routes: "
                    + at.chokepoints());
        }
    }
}
