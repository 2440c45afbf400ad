package org.chokepoint.scenario;

/**
 * The largest (and, for prices, the smallest) values a scenario may hold, so that whatever passes
 * validation runs to its end with finite numbers and with every market's goods adding up to within a
 * billionth. The schema ({@code scenarios/schema/scenario.schema.json}) writes the same numbers out field
 * by field, in the branch of each policy and consortium type as in the file's own sections (a test holds
 * the two to each other); {@code docs/scenario-format.md} ("Bounds") gives the reasoning.
 *
 * <p>Doubles carry 16 significant digits whatever their size, so no bound is needed for the relative
 * precision of one number: the bounds keep every quantity, price and sum of money the model forms — a
 * quantity times a price times a value per unit, a demand curve {@code (p / p0)^ε} at any ratio of the
 * bounded prices, growth compounded over a run — more than a hundred orders of magnitude away from the
 * largest double (about 1.8e308) and from the smallest normal one (about 2.2e-308), below which digits
 * are lost. The tick counts keep every array the model sizes by them within an {@code int} and the
 * whole run within memory.
 */
public final class Limits {

    private Limits() {
    }

    /** Ticks in a run: horizonTicks, {@code --ticks}, and any tick or count of ticks in a scenario. */
    public static final int MAX_TICKS = 10_000;

    /** Ticks in a year: 10,000 is finer than one an hour. */
    public static final int MAX_TICKS_PER_YEAR = 10_000;

    /** Transit of a route, and the extra transit of a disruption: cargo at sea is kept tick by tick. */
    public static final int MAX_TRANSIT_TICKS = 1_000;

    /** A quantity per tick (a capacity, a demand, a cap): four orders of magnitude above any physical flow. */
    public static final double MAX_QUANTITY = 1e12;

    /** A quantity per year (a quota): the per-tick bound at the finest tick. */
    public static final double MAX_YEARLY_QUANTITY = 1e16;

    /**
     * The least volume a licensing office decides a week. The wait it tells a trader is its backlog over its
     * capacity a tick: a backlog of 1e22 (a million traders filing 1e12 a tick for 10,000 ticks) over this
     * capacity at the finest tick (5e-12 a tick) is 2e33 ticks, where a capacity of the smallest double makes a
     * tonne's wait infinite.
     */
    public static final double MIN_LICENCE_CAPACITY = 1e-9;

    /** A price per unit (a price, a cost, a floor, a strike). */
    public static final double MAX_PRICE = 1e9;

    /** The smallest price a market can start from or a demand curve can be anchored at. */
    public static final double MIN_PRICE = 1e-6;

    /** US dollars in one quantity unit bought at a price of one price unit. */
    public static final double MAX_VALUE_PER_UNIT = 1e9;

    /** A sum of money in US dollars (a budget, a capital cost): ten times the world's yearly output. */
    public static final double MAX_MONEY = 1e15;

    /** The largest price elasticity of demand, in absolute value: beyond it goods are perfect substitutes. */
    public static final double MAX_ELASTICITY = 10;

    /** How much a demand curve may grow over a run through its trend. */
    public static final double MAX_GROWTH_OVER_RUN = 1e6;

    /**
     * How much investment could multiply a firm's capacity over a run, were its margin always above the
     * hurdle: far beyond anything physical, and still two hundred orders of magnitude short of overflowing
     * what the model multiplies capacity by. The defaults pass for the longest run (1.2 every 26 ticks for
     * 10,000 ticks is 3e30).
     */
    public static final double MAX_CAPACITY_GROWTH = 1e50;

    /**
     * How much discounting to the decision tick may compound a sum of the run's first tick forward,
     * {@code (1 + discountRate)^(decisionTick / ticksPerYear)}: the same bound as capacity's, far beyond any
     * real decision date (3,895 years at the default 3%), and like it two hundred orders of magnitude short of
     * overflowing the sums of money it multiplies.
     */
    public static final double MAX_DISCOUNT_COMPOUNDING = 1e50;

    /** The sigma of a log-normal parameter: 3 spreads the middle two thirds of draws over a factor of 400. */
    public static final double MAX_SIGMA = 3;

    /** A multiple or a ratio (of a price to another, of a cost, of demand); a margin as a share of a price. */
    public static final double MAX_MULTIPLE = 1_000;

    /** Firms or traders in one population entry. */
    public static final int MAX_COUNT = 1_000_000;

    /**
     * The numbers a run keeps in memory for its series, cargo at sea and demand paths (8 bytes each, and a
     * run with a shock holds two models): 2^25 is 256 MiB a model, 40 times the largest reference scenario.
     */
    public static final long MAX_RUN_VALUES = 1L << 25;

    /** A bound as messages write it: 1000, 1e12, 1e-6, 0.5. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String e = String.format(java.util.Locale.ROOT, "%.0e", v);
        if (Double.parseDouble(e) == v) {
            return e.replace("e+0", "e").replace("e+", "e").replace("e-0", "e-");
        }
        return DecimalText.of(v);
    }
}
