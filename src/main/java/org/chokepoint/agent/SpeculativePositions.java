package org.chokepoint.agent;

import org.chokepoint.market.Ledger;
import org.chokepoint.market.Markets;
import org.chokepoint.scenario.BehaviourSpec;

/**
 * The speculative stocks traders hold on expectations ({@code behaviour.speculation}), in both the markets each
 * trades in: the price trend each market shows, the position it justifies, the order that moves a trader's
 * position toward it, and what a filled order does to the position and to the traders' surplus.
 *
 * <p>For each market a trader extrapolates the price trend with adaptive expectations: an exponentially weighted
 * mean of the change per tick in the log price, and its variance, from which the mean's standard error follows.
 * It believes a trend only once it has seen a memory's worth of prices ({@code 1 / trendRate} ticks) and only as
 * far as it exceeds zero by {@code confidence} standard errors, so the noise round a steady price builds no
 * position. When the appreciation that believed trend promises over its holding horizon beats the carrying cost
 * over the horizon, it holds a position that grows with the expected excess return, up to {@code capacityTicks}
 * ticks of its shipping capacity, reached when the appreciation is twice the cost.
 *
 * <p>{@link Traders} drives it in its own tick: trends before any trader speculates, each trader's orders beside
 * its cargo's, the fills as the books settle, the volume traded once they have. The positions are its traders',
 * {@code 2 * trader + side}, {@code side} {@link Traders#ORIGIN} or {@link Traders#DESTINATION}; every array is
 * sized when the traders are built.
 */
final class SpeculativePositions implements java.io.Serializable {
    /**
     * Speculative stock by trader and side, {@code held[2 * trader + side]}: held in the origin's or the
     * destination's market, apart from the cargo the trader trades.
     */
    final double[] held;
    /**
     * Adaptive estimates, per market, of the change per tick in the log price and of its variance. Every
     * trader reads the same prices with the same memory, so the estimates are the market's, kept once.
     */
    private final double[] trend;
    private final double[] trendVariance;
    private final double[] lastPrice;
    /** Price changes seen in each market: no trend is believed before one memory's worth. */
    private final int[] observed;
    /** The share of its limit a speculative position in each market should reach this tick. */
    private final double[] targetShare;
    /** Volume each market traded in the last tick: the most a speculator buys there in a tick. */
    private final double[] lastTraded;
    /** Each position's order this tick: a bid when positive, an ask when negative; and its limit. */
    private final double[] order;
    private final double[] orderPrice;
    /** What holding stock costs a tick, as a share of its value: interest and storage. */
    final double carryPerTick;
    private final int horizon;
    private final double trendRate;
    private final double confidence;
    /** The largest position in each market, in ticks of the trader's shipping capacity; 0 turns speculation off. */
    private final double positionTicks;
    /** The lowest price a speculator takes for stock it no longer wants, as a share of the last price. */
    private final double sellFloor;
    private Ledger ledger;

    SpeculativePositions(int traders, int markets, BehaviourSpec.Speculation speculation, int ticksPerYear) {
        carryPerTick = speculation.carryingCostPerYear() / ticksPerYear;
        horizon = speculation.horizonTicks();
        trendRate = speculation.trendRate();
        confidence = speculation.confidence();
        positionTicks = speculation.capacityTicks();
        sellFloor = speculation.sellFloor();
        held = new double[2 * traders];
        trend = new double[markets];
        trendVariance = new double[markets];
        lastPrice = new double[markets];
        observed = new int[markets];
        targetShare = new double[markets];
        lastTraded = new double[markets];
        order = new double[2 * traders];
        orderPrice = new double[2 * traders];
    }

    /** The ledger the positions' purchases and sales are booked in. */
    void connect(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Whether the scenario lets traders hold speculative stock at all; without it no speculation work is done. */
    boolean on() {
        return positionTicks > 0;
    }

    /**
     * Updates every market's price trend with this tick's quoted price, and what it justifies: the share of a
     * trader's limit its speculative position there should reach. Called once a tick, before any trader
     * speculates.
     */
    void updateTrends(Markets markets) {
        for (int m = 0; m < lastPrice.length; m++) {
            targetShare[m] = 0;
            double p = markets.price(m);
            if (!(p > 0)) {
                continue;
            }
            double last = lastPrice[m];
            lastPrice[m] = p;
            if (last > 0) {
                // Exponentially weighted mean and variance of the change in the log price.
                double surprise = Math.log(p / last) - trend[m];
                trend[m] += trendRate * surprise;
                trendVariance[m] = (1 - trendRate) * (trendVariance[m] + trendRate * surprise * surprise);
                observed[m]++;
            }
            targetShare[m] = speculativeShare(believed(m));
        }
    }

    /** Remembers what each market traded this tick, once it has cleared. */
    void rememberTraded(Markets markets) {
        for (int m = 0; m < lastTraded.length; m++) {
            lastTraded[m] = markets.ledger().traded(m);
        }
    }

    /**
     * Moves position {@code k}, held in {@code market} by a trader of {@code capacity} a tick, toward the one the
     * market's trend justifies: it bids for stock at the last price, and sells what it no longer wants for at
     * least {@code speculation.sellFloor} of the last price. The order goes to the book with {@link #place}.
     *
     * @param adjustment share of the gap between a position and its target closed in a tick
     */
    void plan(int k, int market, double capacity, Markets markets, double adjustment) {
        order[k] = 0;
        double p = markets.price(market);
        if (!(p > 0)) {
            return;
        }
        double target = positionTicks * capacity * targetShare[market];
        double position = held[k];
        double move = adjustment * (target - position);
        // Speculation needs a market to buy in: no more in a tick than the market traded in the last one.
        // In a market that has stopped trading, a standing bid at the last price against asks above it
        // would otherwise lift the quote tick after tick, and the trend it reads back.
        move = Math.min(move, lastTraded[market]);
        if (move != 0) {
            order[k] = move;
            // A speculator buys at the going price, never above it: its own bids would otherwise lift the quote
            // it reads its trend from. It sells for as little as its floor share of the last price.
            orderPrice[k] = move > 0 ? p : p * sellFloor;
        }
    }

    /** Puts position {@code k}'s order of this tick, if it has one, in {@code market}'s book as {@code owner}. */
    void place(int k, int market, Markets markets, int owner) {
        double q = order[k];
        if (q > 0) {
            markets.book(market).addBid(orderPrice[k], q, owner);
        } else if (q < 0) {
            markets.book(market).addAsk(orderPrice[k], -q, owner);
        }
    }

    /**
     * Stock bought (a positive quantity) or sold (a negative one) for position {@code k}, in US dollars of
     * {@code value} a unit at a price of 1.
     *
     * @param market the market it is bought or sold in, whose traders' surplus its price goes to or comes off
     */
    void settle(int k, double quantity, int market, double price, double value) {
        held[k] += quantity;
        double usd = Math.abs(quantity) * price * value;
        if (quantity > 0) {
            ledger.traderCost(market, usd);
        } else {
            ledger.traderSale(market, usd);
        }
    }

    /**
     * The trend believed in a market: the estimate less {@code confidence} standard errors of an
     * exponentially weighted mean of changes with the variance seen.
     */
    private double believed(int m) {
        if (observed[m] * trendRate < 1) {
            return 0;
        }
        return trend[m] - confidence * Math.sqrt(trendVariance[m] * trendRate / (2 - trendRate));
    }

    /**
     * The share of its limit a speculative position a believed trend justifies: none unless the trend
     * promises an appreciation over the horizon above the carrying cost; then growing with the excess up to
     * the whole limit, reached when the appreciation is twice the cost.
     */
    private double speculativeShare(double believed) {
        if (believed <= 0) {
            return 0;
        }
        double carry = carryPerTick * horizon;
        double excess = Math.expm1(believed * horizon) - carry;
        if (excess <= 0) {
            return 0;
        }
        return carry > 0 ? Math.min(1.0, excess / carry) : 1.0;
    }
}
