package org.chokepoint.scenario;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * The text of a number in every file the project writes: the shortest decimal that reads back as the same
 * number (Schubfach, through Jackson's writer), which is what {@link Double#toString(double)} prints from Java 19
 * on. Java 17's own {@code Double.toString} gives a longer decimal for about one value in a hundred drawn
 * across the range of doubles ({@code 4.3368086899420177E-19} where Java 19 prints {@code 4.336808689942018E-19},
 * the same double), so with it the same run wrote other bytes on another Java, and an ensemble's or a Spark
 * cluster's files depended on the Java each machine ran.
 */
public final class DecimalText {

    private DecimalText() {
    }

    /** {@code v} as the shortest decimal that reads back as {@code v}: {@code Double.toString}'s form. */
    public static String of(double v) {
        return NumberOutput.toString(v, true);
    }

    /** {@code v} as the shortest decimal that reads back as the float {@code v}: {@code Float.toString}'s form. */
    public static String of(float v) {
        return NumberOutput.toString(v, true);
    }
}
