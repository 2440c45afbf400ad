package org.chokepoint.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.chokepoint.scenario.Scenario;

/**
 * Ticks as calendar dates: tick t falls {@code t * 365 / ticksPerYear} days after {@code time.startDate}
 * (a tick is a week at 52 a year). Without a start date, charts count years from tick 0 instead.
 */
public final class Calendar {

    private static final double MS_PER_DAY = 86_400_000.0;

    private final LocalDate start;
    private final int ticksPerYear;

    public Calendar(LocalDate start, int ticksPerYear) {
        this.start = start;
        this.ticksPerYear = ticksPerYear;
    }

    /** The calendar of a scenario's {@code time}; an unreadable start date counts as none. */
    public static Calendar of(Scenario.TimeSpec time) {
        LocalDate start = null;
        if (time.startDate() != null) {
            try {
                start = LocalDate.parse(time.startDate());
            } catch (DateTimeParseException e) {
                start = null;
            }
        }
        return new Calendar(start, time.ticksPerYearOrDefault());
    }

    public boolean dated() {
        return start != null;
    }

    public int ticksPerYear() {
        return ticksPerYear;
    }

    /** Days from tick 0 to tick t. */
    public double days(double tick) {
        return tick * 365.0 / ticksPerYear;
    }

    /**
     * The chart's x value of a tick: milliseconds since 1970 (UTC) with a start date, years since tick 0
     * without one.
     */
    public double x(double tick) {
        if (start == null) {
            return tick / ticksPerYear;
        }
        return start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + days(tick) * MS_PER_DAY;
    }

    /** The tick as a date ({@code 2010-07-05}), or as {@code week 78} without a start date. */
    public String label(int tick) {
        if (start == null) {
            return (ticksPerYear == 52 ? "week " : "tick ") + tick;
        }
        return start.plusDays(Math.round(days(tick))).toString();
    }
}
