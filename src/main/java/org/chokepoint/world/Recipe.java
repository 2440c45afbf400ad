package org.chokepoint.world;

/**
 * Leontief recipe: one unit of {@code output} needs {@code perUnit[j]} units of {@code inputs[j]}. Thrifting
 * can lower an input's intensity down to {@code minPerUnit[j]}.
 */
public record Recipe(int index, String id, int output, int[] inputs, double[] perUnit, double[] minPerUnit) implements java.io.Serializable {
    public int inputCount() {
        return inputs.length;
    }
}
