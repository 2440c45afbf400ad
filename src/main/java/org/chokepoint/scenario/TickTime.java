package org.chokepoint.scenario;

/**
 * Spans of calendar time, as a scenario states behaviour, in the scenario's ticks. A week is
 * {@code ticksPerYear / 52} ticks, so with the default 52 ticks a year a span of weeks is the same number of
 * ticks, exactly, and a monthly scenario (12 ticks a year) reads 13 weeks as 3 ticks.
 */
public final class TickTime {
    private static final double WEEKS_PER_YEAR = 52.0;

    private TickTime() { }

    /** Ticks in a span of weeks. */
    public static double ticks(double weeks, int ticksPerYear) {
        return weeks * (ticksPerYear / WEEKS_PER_YEAR);
    }

    /**
     * Ticks in a span of weeks that buffers a tick's flow of sales: a week's flow and a margin beyond it (a seller
     * offering a week and a half of sales in a tick, a trader holding two weeks of stock once a tick's sales are
     * made). Where a tick is longer than a week the span is the tick's flow and the same margin: read as calendar
     * weeks alone, a seller with monthly ticks offered a week and a half of sales in a tick that takes a month's
     * orders, and no market could clear at rest. With weekly ticks (or shorter) it is the span in ticks, exactly.
     */
    public static double bufferTicks(double weeks, int ticksPerYear) {
        return coverTicks(ticks(weeks, ticksPerYear), ticksPerYear);
    }

    /**
     * The stock a seller aims to hold when it plans, for a cover stated in ticks of its sales
     * ({@code stockCoverTicks}): it sells from that stock before it makes the tick's output, so the stock holds the
     * tick's sales and the rest buffers them. With weekly ticks the four weeks of the default are a week's sales and
     * three weeks' buffer. Where a tick is longer than a week the part of the tick beyond its first week is added (as
     * {@link #bufferTicks} adds it to a span of weeks): a monthly scenario that
     * states the same four weeks as 0.92 months aims for a month's sales and the same three weeks, 1.69 months. Read as
     * 0.92 months alone, a seller at its target held less than the month's orders, offered all of it and sold out
     * every month, and the worked example's motors opened 20% above their equilibrium in the first month. With weekly
     * ticks (or shorter) it is the cover as stated, exactly.
     */
    public static double coverTicks(double coverTicks, int ticksPerYear) {
        return coverTicks + Math.max(0.0, 1.0 - ticks(1.0, ticksPerYear));
    }

    /**
     * The share of a tick's flow that falls in its first week: 1 with weekly ticks (or shorter), 12/52 of a month's
     * with monthly ones. A buyer values the steps of its order over this much of the tick's use
     * ({@code agent.BidSteps}).
     */
    public static double firstWeek(int ticksPerYear) {
        return Math.min(1.0, ticks(1.0, ticksPerYear));
    }

    /** A span of weeks in whole ticks, rounded to the nearest and never fewer than {@code least}. */
    public static int wholeTicks(double weeks, int ticksPerYear, int least) {
        return (int) Math.max(least, Math.round(ticks(weeks, ticksPerYear)));
    }

    /**
     * The weight of the latest tick in an exponential average that follows its input over a span of weeks:
     * one over the span in ticks (the average's time constant), at most one, when the span is shorter than a
     * tick and the average is just the last value.
     */
    public static double averageWeight(double weeks, int ticksPerYear) {
        return Math.min(1.0, 1.0 / ticks(weeks, ticksPerYear));
    }
}
