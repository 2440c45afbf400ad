package org.chokepoint.world;

public record Region(int index, String id, String name) implements java.io.Serializable { }
