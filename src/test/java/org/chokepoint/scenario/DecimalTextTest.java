package org.chokepoint.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * A number is written as the shortest decimal that reads back as the same double, whatever Java runs: files
 * written on Java 17 and on Java 25 are the same bytes.
 */
class DecimalTextTest {

    /**
     * The permanent gallium licensing's {@code licencesHeld} in week 143 of {@code run scenarios/gallium-2023.json
     * --seed 2}: Java 17's {@code Double.toString} wrote it with seventeen digits, Java 25's with sixteen. Both
     * read back as the same double, and sixteen is the fewest that do.
     */
    @Test
    void aDoubleThatJava17WroteLongIsWrittenAsJava25WritesIt() {
        double held = 4.3368086899420177E-19;
        assertEquals(held, 4.336808689942018E-19);
        assertEquals("4.336808689942018E-19", DecimalText.of(held));
        assertEquals("1.0E23", DecimalText.of(1e23));
        assertEquals("0.001", DecimalText.of(0.001));
        assertEquals("1.0E7", DecimalText.of(1e7));
        assertEquals("306.16888543690237", DecimalText.of(306.16888543690237));
        assertEquals("-0.0", DecimalText.of(-0.0));
        assertEquals("NaN", DecimalText.of(Double.NaN));
        assertEquals("Infinity", DecimalText.of(Double.POSITIVE_INFINITY));
        assertEquals("3.8518597E-34", DecimalText.of(3.8518597E-34f));
    }

    /** JSON outputs write their numbers the same way. */
    @Test
    void jsonOutputsWriteTheSameDecimal() throws Exception {
        assertEquals("4.336808689942018E-19", Json.mapper().writeValueAsString(4.3368086899420177E-19));
        assertEquals("1.0E23", Json.mapper().writeValueAsString(1e23));
    }

    /** It reads back as the double written, and one significant digit fewer never does. */
    @Property(tries = 20000)
    void theDecimalReadsBackAndNoShorterOneDoes(@ForAll double v) {
        if (!Double.isFinite(v) || v == 0) {
            return;
        }
        String text = DecimalText.of(v);
        assertEquals(v, Double.parseDouble(text), text);
        int digits = new BigDecimal(text).stripTrailingZeros().precision();
        if (digits > 1) {
            double shorter = new BigDecimal(v).round(new MathContext(digits - 1)).doubleValue();
            assertNotEquals(v, shorter, text + " could be written with " + (digits - 1) + " digits");
        }
    }
}
