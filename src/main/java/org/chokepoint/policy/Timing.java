package org.chokepoint.policy;

import org.chokepoint.scenario.spec.PolicySpec;

/**
 * When an instrument is announced, takes effect and ends (absent end: the horizon; absent announce: the
 * start).
 */
public record Timing(int announce, int start, int end) implements java.io.Serializable {
    /**
     * The spec's schedule. The shipped records fill in an absent start and announcement as they are read; a
     * study's own record may leave them null, and gets the same defaults here.
     */
    public static Timing of(PolicySpec spec, int horizon) {
        int start = spec.start() == null ? 0 : spec.start();
        int announce = spec.announce() == null ? start : spec.announce();
        return new Timing(announce, start, spec.end() == null ? horizon : spec.end());
    }
}
