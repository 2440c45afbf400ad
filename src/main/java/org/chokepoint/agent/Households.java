package org.chokepoint.agent;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.chokepoint.market.Ledger;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.market.Participant;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.world.World;

/**
 * Final demand, one household sector per region and good: {@code D(p) = D0 * g(t) * s(t) * (p / p0)^ε}
 * (or its linear form through the same point with the same elasticity there),
 * where {@code g} is the trend, {@code s} a demand shift from events, and a persistent log-normal noise
 * term (an AR(1) in logs with mean-one level) gives replications something to differ by.
 *
 * <p>The curve is posted as a schedule of bids on a grid of prices around the quoted price, finer near it,
 * so the call auction finds the crossing within a fraction of a percent.
 */
public final class Households implements Participant {
    /** Log-price offsets of the bid grid around the quote; fine near it, wide enough for a shock. */
    private static final double[] GRID = grid();
    /** Bids a household sector posts in a tick. */
    public static final int ORDERS_PER_TICK = GRID.length;
    /**
     * Below this share of the reference price an isoelastic demand curve is flat: it has no ceiling as
     * the price falls to nothing, and a market flooded for thousands of ticks by producers with no costs can
     * drive its price that far. It is the smallest ratio of the prices a scenario may set (1e-6 to 1e9), so
     * no curve a scenario starts on reaches it, and at the steepest elasticity allowed (-10) it caps demand
     * at 1e150 times the reference quantity.
     */
    public static final double FLAT_BELOW = 1e-15;

    public final int count;
    final int[] market;
    final double[] baseQuantity;
    final double[] referencePrice;
    final double[] elasticity;
    final boolean[] linear;
    final double[] chokePrice;
    final double[] growthPerTick;
    /** The demand curve's scale this tick: {@code D0 * g(t) * s(t) * noise}. */
    final double[] scale;
    private final double[] noise;
    private final double[] gridPrice;
    private final double noiseSigma;
    private final double noisePersistence;
    private int seat;
    private Markets markets;
    private Government government;
    private MersenneTwisterFast random;
    /** The scale of every curve at every tick: {@code [tick * count + h]}, for the surplus measures. */
    private double[] scaleHistory = new double[0];

    private Households(int n, double noiseSigma, double noisePersistence) {
        count = n;
        market = new int[n];
        baseQuantity = new double[n];
        referencePrice = new double[n];
        elasticity = new double[n];
        linear = new boolean[n];
        chokePrice = new double[n];
        growthPerTick = new double[n];
        scale = new double[n];
        noise = new double[n];
        gridPrice = new double[GRID.length];
        this.noiseSigma = noiseSigma;
        this.noisePersistence = noisePersistence;
    }

    private static double[] grid() {
        double[] steps = {0.0025, 0.0075, 0.015, 0.03, 0.05, 0.08, 0.12, 0.18, 0.26, 0.36, 0.5, 0.7, 1.0, 1.4};
        double[] g = new double[steps.length * 2];
        for (int i = 0; i < steps.length; i++) {
            g[steps.length - 1 - i] = -steps[i];
            g[steps.length + i] = steps[i];
        }
        return g;
    }

    /** Its demand at the reference price, before trend, shifts and noise. */
    public double baseQuantity(int h) { return baseQuantity[h]; }
    /** The growth of its demand per tick. */
    public double growthPerTick(int h) { return growthPerTick[h]; }

    public static Households build(List<Scenario.DemandSpec> demand, World world, double noiseSigma,
                                   double noisePersistence) {
        Households h = new Households(demand.size(), noiseSigma, noisePersistence);
        for (int i = 0; i < demand.size(); i++) {
            Scenario.DemandSpec d = demand.get(i);
            h.market[i] = world.market(world.regionIndex(d.region()), world.commodityIndex(d.commodity()));
            h.baseQuantity[i] = d.baseQuantity();
            h.referencePrice[i] = d.referencePrice();
            h.elasticity[i] = d.elasticity();
            h.linear[i] = d.linear();
            h.chokePrice[i] = d.chokePriceOrDefault();
            h.growthPerTick[i] = Math.pow(1 + d.trendOrDefault(), 1.0 / world.ticksPerYear()) - 1;
        }
        return h;
    }

    /**
     * Connects the sectors to the run: its markets, the government whose demand shifts move their curves, the
     * stream their noise draws from, and the horizon whose scales they keep.
     */
    public void connect(Markets markets, Government government, MersenneTwisterFast random, int horizon) {
        this.markets = markets;
        this.government = government;
        this.random = random;
        this.scaleHistory = new double[horizon * count];
    }

    /** Scale of household h's demand curve at a tick, as drawn during the run. */
    public double scaleAt(int tick, int h) {
        return scaleHistory[tick * count + h];
    }

    @Override
    public void seat(int seat) {
        this.seat = seat;
    }

    @Override
    public void countOrders(int[] orders) {
        for (int h = 0; h < count; h++) {
            orders[market[h]] += ORDERS_PER_TICK;
        }
    }

    @Override
    public void markMarkets(boolean[] used) {
        for (int h = 0; h < count; h++) {
            used[market[h]] = true;
        }
    }

    @Override
    public void beginTick(int tick) {
        update(tick, government.demandFactor, random);
    }

    @Override
    public void postOrders(int tick) {
        for (int h = 0; h < count; h++) {
            int m = market[h];
            bid(h, markets.price(m), markets.book(m));
            scaleHistory[tick * count + h] = scale[h];
        }
    }

    /**
     * Final demand counts as unmet when sellers had nothing left at the price buyers were willing to pay: what
     * a bid at or above the price did not get.
     */
    @Override
    public void settleBids(OrderBook book, int m, int from, int to) {
        boolean exhausted = markets.supplyExhausted(m);
        double p = markets.price(m);
        Ledger ledger = markets.ledger();
        boolean crossed = book.crossed();
        for (int i = from; i < to; i++) {
            double q = crossed ? book.bidFilled(i) : 0;
            if (exhausted && book.bidLimit(i) >= p) {
                ledger.unmetFinal(m, book.bidQuantity(i) - q);
            }
            if (q > 0) {
                ledger.consumed(m, q);
            }
        }
    }

    public int market(int h) { return market[h]; }
    public double referencePrice(int h) { return referencePrice[h]; }
    /** Elasticity of demand at the reference price. */
    public double elasticity(int h) { return elasticity[h]; }
    /** Whether the curve is linear through the reference point, rather than isoelastic. */
    public boolean linear(int h) { return linear[h]; }
    /** The price above which the sector buys nothing. */
    public double chokePrice(int h) { return chokePrice[h]; }

    /** Quantity demanded at price p with this tick's scale. */
    public double demand(int h, double p) {
        if (p > chokePrice[h]) {
            return 0;
        }
        double relative = p / referencePrice[h];
        if (linear[h]) {
            double d = 1 + elasticity[h] * (relative - 1);
            return d > 0 ? scale[h] * d : 0;
        }
        return scale[h] * Math.pow(Math.max(relative, FLAT_BELOW), elasticity[h]);
    }

    /** Draws this tick's noise and sets the scale of every curve. */
    public void update(int tick, double[] demandFactor, MersenneTwisterFast random) {
        double innovation = noiseSigma * Math.sqrt(1 - noisePersistence * noisePersistence);
        double meanOne = -0.5 * noiseSigma * noiseSigma;
        for (int h = 0; h < count; h++) {
            if (noiseSigma > 0) {
                noise[h] = noisePersistence * noise[h] + innovation * random.nextGaussian();
            }
            double trend = Math.pow(1 + growthPerTick[h], tick);
            scale[h] = baseQuantity[h] * trend * demandFactor[market[h]] * Math.exp(noise[h] + meanOne);
        }
    }

    /**
     * Posts household h's demand curve as a schedule of bids around the quoted price. A quote of zero (a crossing
     * at a zero ask: cargo an export subsidy lands for nothing) has no scale to set a grid by, and a grid of zeros
     * would bid the whole curve at nothing, so that no seller asking anything sold to the households that tick; the
     * curve's own reference price sets the grid instead, or its choke price where that is lower: round a reference
     * price the curve is cut below, most of the grid stood capped at the choke and its lowest step far above a
     * market that had just cleared at nothing.
     */
    public void bid(int h, double quote, OrderBook book) {
        int n = GRID.length;
        double centre = quote > 0 ? quote : Math.min(referencePrice[h], chokePrice[h]);
        for (int i = 0; i < n; i++) {
            gridPrice[i] = Math.min(centre * Math.exp(GRID[i]), chokePrice[h]);
        }
        int owner = Owner.of(seat, h);
        for (int i = 0; i < n; i++) {
            double here = demand(h, gridPrice[i]);
            double above = i + 1 < n ? demand(h, gridPrice[i + 1]) : 0;
            book.addBid(gridPrice[i], here - above, owner);
        }
    }
}
