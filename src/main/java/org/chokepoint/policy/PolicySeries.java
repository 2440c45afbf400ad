package org.chokepoint.policy;

/**
 * One per-tick figure of what an instrument did, for {@code policies.csv}: the licensing office's backlog of a
 * commodity, say.
 *
 * @param policy the instrument's id
 * @param commodity the commodity the figure is of
 * @param metric the figure's name
 * @param values its value on each tick from 0; NaN where undefined (the wait on a tick nothing was decided)
 */
public record PolicySeries(String policy, String commodity, String metric, double[] values) { }
