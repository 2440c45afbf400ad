package org.chokepoint.world;

import java.util.List;

/** A one-way shipping lane; a bidirectional route in a scenario becomes two of these. */
public record Route(int index, int from, int to, int transitTicks, double costPerUnit, List<String> chokepoints) implements java.io.Serializable { }
