package org.chokepoint.world;

/** Where a commodity sits in the chain; lead times and downstream losses are defined by stage. */
public enum Stage {
    RAW, REFINED, COMPONENT, FINAL;

    public static Stage parse(String s) {
        return switch (s) {
            case "raw" -> RAW;
            case "refined" -> REFINED;
            case "component" -> COMPONENT;
            case "final" -> FINAL;
            default -> throw new IllegalArgumentException("unknown stage " + s);
        };
    }

    /** Component and final goods: the output whose loss is the shock's real cost. */
    public boolean isDownstream() {
        return this == COMPONENT || this == FINAL;
    }
}
