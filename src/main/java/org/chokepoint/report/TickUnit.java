package org.chokepoint.report;

/**
 * What a report calls a tick: its length in calendar time when {@code time.ticksPerYear} makes it a common one
 * (a week at 52 a year, a month at 12), and a tick otherwise.
 */
record TickUnit(String singular, String plural) {

    static TickUnit of(int ticksPerYear) {
        return switch (ticksPerYear) {
            case 1 -> new TickUnit("year", "years");
            case 4 -> new TickUnit("quarter", "quarters");
            case 12 -> new TickUnit("month", "months");
            case 52 -> new TickUnit("week", "weeks");
            case 365 -> new TickUnit("day", "days");
            default -> new TickUnit("tick", "ticks");
        };
    }
}
