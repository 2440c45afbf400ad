package org.chokepoint.world;

/**
 * @param valuePerUnit US dollars in one quantity unit at a price of one price unit
 */
public record Commodity(int index, String id, Stage stage, String quantityUnit, String priceUnit,
                        double valuePerUnit, double initialPrice, boolean contractPriced) implements java.io.Serializable { }
