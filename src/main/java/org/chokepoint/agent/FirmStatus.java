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

    private FirmStatus() { }

    public static String name(byte status) {
        return switch (status) {
            case ACTIVE -> "active";
            case MOTHBALLED -> "mothballed";
            case RESTARTING -> "restarting";
            case PLANNED -> "planned";
            default -> "exited";
        };
    }
}
