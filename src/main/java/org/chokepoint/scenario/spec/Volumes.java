package org.chokepoint.scenario.spec;

/**
 * A quota's volume, given for a year ({@code yearlyVolume}, or {@code volume} with {@code per: "year"}) or for
 * the measure's whole period ({@code volume} with {@code per: "measure"}), so that a measure of some months
 * states its own volume rather than one annualised by hand.
 */
public final class Volumes {
    /** The volume is for a year from the measure's start, and again for each year after. */
    public static final String YEAR = "year";
    /** The volume is for the whole of the measure, from its start to its end (or the horizon). */
    public static final String MEASURE = "measure";

    private Volumes() { }

    /** Ticks in the period a volume is given for. */
    static int periodTicks(String per, PolicySpec p, int ticksPerYear, int horizonTicks) {
        if (MEASURE.equals(per)) {
            int start = p.start() == null ? 0 : p.start();
            int end = p.end() == null ? horizonTicks : p.end();
            return Math.max(1, end - start);
        }
        return ticksPerYear;
    }

    /** Exactly one of {@code yearlyVolume} and {@code volume}; {@code per} only beside {@code volume}. */
    static void checkOne(SpecCheck at, Double yearlyVolume, Double volume, String per) {
        if ((yearlyVolume == null) == (volume == null)) {
            at.problem("", "give the quota's volume once: 'yearlyVolume' (a year's), or 'volume' with 'per' \"year\""
                    + " or \"measure\" (the whole period from start to end); got "
                    + (volume == null ? "neither" : "both"));
        }
        if (per != null && volume == null) {
            at.problem("per", "'per' says what period 'volume' is given for; it needs 'volume'");
        }
    }
}
