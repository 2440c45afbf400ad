package org.chokepoint.policy;

/**
 * When an instrument is announced, takes effect and ends, read from the common fields {@code announce},
 * {@code start} and {@code end} (absent end: the horizon; absent announce: the start).
 */
public record Timing(int announce, int start, int end) implements java.io.Serializable {
    public static Timing read(SpecReader r, int horizon) {
        int start = r.integer("start", 0, 0, Integer.MAX_VALUE);
        int end = r.integer("end", horizon, 1, Integer.MAX_VALUE);
        int announce = r.integer("announce", start, 0, Integer.MAX_VALUE);
        if (end <= start) {
            r.problem("end", "'end' must be after 'start' (" + start + "), got " + end);
        }
        if (announce > start) {
            r.problem("announce", "'announce' must not be after 'start' (" + start + "), got " + announce);
        }
        return new Timing(announce, start, end);
    }
}
