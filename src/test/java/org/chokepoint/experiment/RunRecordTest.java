package org.chokepoint.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A run's record is named by its index in ASCII digits whatever the machine's language: an ensemble begun on a
 * machine set to Arabic wrote {@code run-٠٠٠٠٠٧.bin}, which {@code --resume} on a machine set to English (or a
 * reader of the folder) did not know as run 7.
 */
class RunRecordTest {

    @Test
    void aRunsFileNameHasTheSameDigitsInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.forLanguageTag("ar-SA"), Locale.forLanguageTag("hi-IN-u-nu-deva"),
                    Locale.GERMANY, Locale.ROOT}) {
                Locale.setDefault(l);
                assertEquals("run-000007.bin", RunRecord.fileName(7), l.toLanguageTag());
                assertEquals("run-123456.bin", RunRecord.fileName(123456), l.toLanguageTag());
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
