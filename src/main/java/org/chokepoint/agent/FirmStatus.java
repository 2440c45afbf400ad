package org.chokepoint.agent;

/** Operating states, held as small ints in {@link Firms} so a tick touches only primitive arrays. */
public final class FirmStatus {
    public static final byte ACTIVE = 0;
    public static final byte MOTHBALLED = 1;
    /** Decided to restart; produces again when the restart lead time has passed. */
    public static final byte RESTARTING = 2;
    public static final byte EXITED = 3;
    /** State capacity not yet built: it makes, buys and decides nothing until a policy commissions it. */
    public static final byte PLANNED = 4;
    /**
     * A project the scenario declares, awaiting its investment decision: it makes, buys and sells nothing, and
     * commits to being built once the price pays its levelised cost ({@link Prospects}).
     */
    public static final byte PROSPECT = 5;
    /** A prospect that has committed: under construction, making nothing until its lead time has passed. */
    public static final byte BUILDING = 6;

    private FirmStatus() { }

    public static String name(byte status) {
        return switch (status) {
            case ACTIVE -> "active";
            case MOTHBALLED -> "mothballed";
            case RESTARTING -> "restarting";
            case PLANNED -> "planned";
            case PROSPECT -> "prospect";
            case BUILDING -> "building";
            default -> "exited";
        };
    }
}
