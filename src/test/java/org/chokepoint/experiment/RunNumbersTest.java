package org.chokepoint.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sweep's runs kept as arrays of numbers beside one shared list of their names. */
class RunNumbersTest {

    private static LinkedHashMap<String, Double> summary(Object... nameThenValue) {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValue.length; i += 2) {
            m.put((String) nameThenValue[i], (Double) nameThenValue[i + 1]);
        }
        return m;
    }

    /**
     * Two runs of one world name the same numbers (a price of 42 and 45, a shortage of 0 and 3): they share one
     * list of names, each run holding only its two numbers, where each held a map of its own with its own copies.
     */
    @Test
    void runsWithTheSameNumbersShareTheirNames() {
        RunNumbers.Names names = new RunNumbers.Names();
        RunNumbers a = names.of(summary("JP.magnet.peakPrice", 42.0, "JP.magnet.cumulativeShortage", 0.0));
        RunNumbers b = names.of(summary("JP.magnet.peakPrice", 45.0, "JP.magnet.cumulativeShortage", 3.0));
        assertSame(a.names(), b.names());
        int[] at = RunNumbers.positions(a.names(), a.names());
        assertArrayEquals(new int[] {0, 1}, at);
        assertEquals(45.0, b.at(at[0]));
        assertEquals(3.0, b.at(at[1]));
    }

    /**
     * A run that lacks a column of the sweep (a shock's days of cover where its shock came after the run) reads NaN
     * there, as does a number it has as null: both are written NA, as the map's missing entry and null were.
     */
    @Test
    void aNumberARunLacksOrHasAsNullReadsNaN() {
        RunNumbers.Names names = new RunNumbers.Names();
        RunNumbers late = names.of(summary("JP.magnet.peakPrice", 45.0, "JP.magnet.recoveryTick", null));
        List<String> columns = List.of("JP.magnet.daysOfCoverAtShock", "JP.magnet.peakPrice", "JP.magnet.recoveryTick");
        int[] at = RunNumbers.positions(columns, late.names());
        assertArrayEquals(new int[] {-1, 0, 1}, at);
        assertTrue(Double.isNaN(late.at(at[0])));
        assertEquals(45.0, late.at(at[1]));
        assertTrue(Double.isNaN(late.at(at[2])));
        assertEquals("NA", Ensemble.format(late.at(at[0])));
    }
}
