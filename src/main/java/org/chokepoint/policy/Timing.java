package org.chokepoint.policy;

import org.chokepoint.scenario.spec.PolicySpec;

/**
 * When an instrument is announced, takes effect and ends (absent end: the horizon; absent announce: the
 * start).
 */
public record Timing(int announce, int start, int end) implements java.io.Serializable {
    public static Timing of(PolicySpec spec, int horizon) {
        return new Timing(spec.announce(), spec.start(), spec.end() == null ? horizon : spec.end());
    }
}
