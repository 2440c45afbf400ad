package org.chokepoint.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Counts as progress and summary lines say them: one run is "1 run", any other number "runs", none included. */
class CountTest {

    @Test
    void oneIsSingularAndEveryOtherNumberPlural() {
        assertEquals("1 run", Count.of(1, "run"));
        assertEquals("0 runs", Count.of(0, "run"));
        assertEquals("2 runs", Count.of(2, "run"));
        assertEquals("1000000 simulations", Count.of(1_000_000, "simulation"));
    }

    /**
     * An ensemble of one run, done: the line reads "1/1 run", as "3/3 runs" would for three; the rate stays a rate
     * of runs per second whatever the count.
     */
    @Test
    void theProgressOfABatchOfOneRunCountsOneRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = new Progress("ensemble", 1, 0, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Progress.Mode.LINES)) {
            p.runDone();
        }
        String line = bytes.toString(StandardCharsets.UTF_8).strip();

        assertTrue(line.matches("ensemble 1/1 run, [0-9.]+ runs/s, 0s left"), line);
    }
}
