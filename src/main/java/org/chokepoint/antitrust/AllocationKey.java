package org.chokepoint.antitrust;

import java.util.Map;

/**
 * The objective key, fixed before the shock, by which scarce product made from jointly procured material is
 * shared among the downstream firms that ask for it (casebook case 7), members or not.
 *
 * @param kind {@code priorityClasses}: classes by the buyer's output, served in order of priority (1 first),
 *             pro rata to verified need within a class; {@code baselineProRata}: pro rata to each buyer's use
 *             in the pre-shock baseline window
 * @param priority the priority of each output commodity id (absent: after every listed class)
 */
public record AllocationKey(String kind, Map<String, Integer> priority) implements java.io.Serializable {
    public static final String PRIORITY_CLASSES = "priorityClasses";
    public static final String BASELINE_PRO_RATA = "baselineProRata";

    public AllocationKey {
        // Kept in the scenario's order: compliance.json lists the classes as the key states them, and
        // Map.copyOf would list them in an order that changes from one JVM to the next.
        priority = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(priority));
    }

    /** Priority of a buyer making {@code output}: listed classes first, the rest last. */
    public int priorityOf(String output) {
        Integer p = priority.get(output);
        return p == null ? Integer.MAX_VALUE : p;
    }
}
