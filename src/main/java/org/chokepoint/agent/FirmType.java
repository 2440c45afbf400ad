package org.chokepoint.agent;

public enum FirmType {
    /** A mine or other primary producer: output from its own capacity. */
    PRODUCER,
    /** Turns purchased inputs into its output by a Leontief recipe (refiners, magnet and motor makers). */
    MANUFACTURER,
    /** Recovers output from scrap of a final good consumed in its region some time ago. */
    RECYCLER;

    public static FirmType parse(String s) {
        return switch (s) {
            case "producer" -> PRODUCER;
            case "manufacturer" -> MANUFACTURER;
            case "recycler" -> RECYCLER;
            default -> throw new IllegalArgumentException("unknown firm type " + s);
        };
    }
}
