package org.chokepoint.model;

/** The orderings of one tick in MASON's schedule: each phase runs for every agent before the next one starts. */
public enum Phase {
    /** Shocks start or end; governments act. */
    EVENTS,
    /** Producers plan and post asks; manufacturers and households post bids. */
    PLAN,
    /** Traders unload arrivals, offer them, and bid for new cargo. */
    SHIP,
    /** Markets clear and trades settle. */
    CLEAR,
    /** Recipes turn inputs into output; mines and recyclers produce. */
    PRODUCE,
    /** Investment, mothballing, exit and thrifting. */
    DECIDE,
    /** The tick's metrics are recorded. */
    RECORD
}
