package org.chokepoint.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.chokepoint.scenario.Scenario;

/**
 * Ticks as calendar dates, counted as the scenarios count them: at 52 ticks a year tick t falls {@code 7 t} days
 * after {@code time.startDate}, at 12 a year t calendar months after it, at 365 a year t days after it, and at any
 * other rate {@code t * 365 / ticksPerYear} days after it, to the nearest day. Without a start date, charts count
 * years from tick 0 instead.
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

    /**
     * Days from tick 0 to tick t: whole weeks, days or calendar months at 52, 365 or 12 ticks a year,
     * {@code t * 365 / ticksPerYear} to the nearest day at any other rate; a fraction of a tick is that fraction
     * of the days to the next.
     */
    public double days(double tick) {
        long whole = (long) Math.floor(tick);
        long before = wholeDays(whole);
        return before + (tick - whole) * (wholeDays(whole + 1) - before);
    }

    private long wholeDays(long tick) {
        return switch (ticksPerYear) {
            case 52 -> 7 * tick;
            case 365 -> tick;
            case 12 -> start != null ? ChronoUnit.DAYS.between(start, start.plusMonths(tick))
                    : Math.round(tick * 365.0 / 12);
            default -> Math.round(tick * 365.0 / ticksPerYear);
        };
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
        return date(tick).toString();
    }

    /**
     * A tick that need not be whole, a mean over runs, as the date nearest to it ({@code 76.75} weeks after
     * 2025-01-06 is 2026-06-27), or as the number without a start date.
     */
    public String label(double tick) {
        if (start == null || !Double.isFinite(tick)) {
            return ChartStyle.figure(tick);
        }
        return start.plusDays(Math.round(days(tick))).toString();
    }

    /** The day tick t starts on; the calendar must have a start date. */
    public LocalDate date(int tick) {
        return start.plusDays(wholeDays(tick));
    }
}
