package org.chokepoint.model;

import org.chokepoint.market.Participant;

/**
 * The phases of one tick, in order: each is one entry of MASON's schedule, at the ordering of its ordinal,
 * and calls one hook of every {@link Participant}.
 */
public enum Phase {
    /** Shocks start or end; governments and their instruments act; consortia check their trigger. */
    EVENTS,
    /** Goods handed out by a key fixed in advance, before any order is posted (casebook case 7). */
    ALLOCATE,
    /** Producers plan and post asks; manufacturers, households and stockpiles post bids. */
    PLAN,
    /**
     * Cargo lands; traders offer it and bid for new cargo; consortia hand landed cargo to members and bid for
     * their pooled order.
     */
    SHIP,
    /** Markets clear; every fill goes back to whoever posted the order. */
    CLEAR,
    /** Recipes turn inputs into output; mines and recyclers produce. */
    PRODUCE,
    /** Investment, mothballing, exit and thrifting; slow averages; instruments close their accounts. */
    DECIDE,
    /** The tick's metrics are recorded, and the mass balance checked when asked. */
    RECORD
}
