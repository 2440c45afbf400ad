package org.chokepoint.cli;

import java.math.BigInteger;
import picocli.CommandLine;

/**
 * Reads {@code --seed}: a 32-bit integer, as MASON keeps. A number outside that range is refused with the range
 * in the message, since "is not an int" does not say what would be.
 */
public final class SeedConverter implements CommandLine.ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        String text = value.strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            boolean integer;
            try {
                new BigInteger(text);
                integer = true;
            } catch (NumberFormatException notAnInteger) {
                integer = false;
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is "
                    + (integer ? "outside" : "not a whole number in") + " the range of a seed, a 32-bit integer from "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
    }
}
