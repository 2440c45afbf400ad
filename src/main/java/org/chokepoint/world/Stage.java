package org.chokepoint.world;

/**
 * Where a commodity sits in the chain; lead times and downstream losses are defined by stage. Scrap is collected
 * from final goods at the end of their life and re-enters the chain as an input; it is neither downstream output
 * nor a primary resource, but it is traded and restricted like one.
 */
public enum Stage {
    RAW, REFINED, COMPONENT, FINAL, SCRAP;

    public static Stage parse(String s) {
        return switch (s) {
            case "raw" -> RAW;
            case "refined" -> REFINED;
            case "component" -> COMPONENT;
            case "final" -> FINAL;
            case "scrap" -> SCRAP;
            default -> throw new IllegalArgumentException("unknown stage " + s);
        };
    }

    /** Component and final goods: the output whose loss is the shock's real cost. */
    public boolean isDownstream() {
        return this == COMPONENT || this == FINAL;
    }
}
