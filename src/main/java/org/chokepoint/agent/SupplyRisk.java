package org.chokepoint.agent;

import org.chokepoint.market.Markets;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.trade.TradeRules;

/**
 * The supply risk buyers in each market perceive, from 0 (none) to 1 (their whole supply threatened), updated
 * once at the start of every tick's orders, so the news of the tick moves the bids of the same tick.
 *
 * <p>A market's supply comes from its own sellers and from the lanes that bring cargo in, each weighted by what
 * it normally sells there. A lane is threatened by the share of its cargo a restriction is expected to stop,
 * from the tick the restriction is announced (or a measure extending or replacing it) until it takes effect;
 * once in force, by the share its restriction, a closure of its route or its licences actually refused it in
 * the last tick. A measure on production (a production quota) threatens the market's own sellers by the share
 * of their output it holds back ({@link TradeRules#outputThreatened}), and every lane out of that market by the
 * same share, since a lane carries its origin's output. It holds back as much of what is made from that output:
 * a maker makes no more than its scarcest input allows, so its output is threatened by the largest share held back
 * of what its buyers get in any market it buys an input in (own output and lanes alike), and so on down the chain,
 * all in the tick of the news (a quota on ore is news to the buyers of the metal smelted from it, here or abroad,
 * and of the parts made from the metal). A restriction on trade is not passed down so: passed on, it had every tier
 * outside the restricting region hold cover against the same refused lanes, and refill it in the recovery
 * (docs/validation.md, "Risk passed down the chain"). The market's risk from trade is the normal-sales-weighted
 * threat over all its supply, so a market that buys most of what it uses from the restricting region (a
 * concentrated supply) perceives most of the restriction, one that makes its own perceives little. To this a
 * price far more volatile than usual adds up to {@code volatilityWeight}: nothing while the variance of the last
 * few weeks' price changes stays below twice its usual level (round a steady price it wanders that much), all of
 * it at four times.
 *
 * <p>Risk rises at once with its signal and falls back, once the signal has gone, at its half-life: buyers
 * run their extra cover down over months, not in the tick the threat lifts (Japan's users worked off their
 * 2010-11 rare-earth stocks through 2012).
 */
public final class SupplyRisk implements java.io.Serializable {
    /** Span of the recent and of the usual variance of price changes, in weeks. */
    static final double RECENT_WEEKS = 4;
    static final double USUAL_WEEKS = 52;

    private final boolean on;
    private final double decay;
    private final double volatilityWeight;
    private final double recentWeight;
    private final double usualWeight;
    private final int usualTicks;
    private final double[] risk;
    /** The risk each market perceived in the tick before, from which this tick's news is measured. */
    private final double[] before;
    private final double[] threatened;
    private final double[] supply;
    /** The share of each market's own output measures on production hold back, directly or through its inputs. */
    private final double[] heldBack;
    /** The share they hold back directly ({@link TradeRules#outputThreatened}). */
    private final double[] quotaHeldBack;
    /** Each market's makers' normal sales, each times the largest share held back of its inputs. */
    private final double[] passedDown;
    /** What the lanes into each market normally bring it. */
    private final double[] imported;
    /** The share of what buyers get in each market that measures on production hold back. */
    private final double[] boughtHeldBack;
    private final double[] lastPrice;
    private final double[] recentVariance;
    private final double[] usualVariance;
    private final int[] observed;

    public SupplyRisk(int markets, BehaviourSpec.Precaution precaution, int ticksPerYear) {
        on = precaution.on();
        decay = Math.pow(0.5, 1.0 / TickTime.ticks(precaution.riskHalfLifeWeeks(), ticksPerYear));
        volatilityWeight = precaution.volatilityWeight();
        recentWeight = TickTime.averageWeight(RECENT_WEEKS, ticksPerYear);
        usualWeight = TickTime.averageWeight(USUAL_WEEKS, ticksPerYear);
        usualTicks = TickTime.wholeTicks(USUAL_WEEKS, ticksPerYear, 1);
        risk = new double[markets];
        before = new double[markets];
        threatened = new double[markets];
        supply = new double[markets];
        heldBack = new double[markets];
        quotaHeldBack = new double[markets];
        passedDown = new double[markets];
        imported = new double[markets];
        boughtHeldBack = new double[markets];
        lastPrice = new double[markets];
        recentVariance = new double[markets];
        usualVariance = new double[markets];
        observed = new int[markets];
    }

    /** The risk buyers perceive in market {@code m} this tick. */
    public double of(int m) {
        return risk[m];
    }

    /** The risk buyers in market {@code m} perceived in the tick before this one. */
    public double before(int m) {
        return before[m];
    }

    /** Whether precautionary demand is on at all; off, every risk stays 0. */
    public boolean on() {
        return on;
    }

    /**
     * Reads this tick's news and last tick's refusals into every market's risk. Comes before any order of the
     * tick.
     */
    public void update(int tick, Firms firms, Traders traders, TradeRules rules, Markets markets) {
        if (!on) {
            return;
        }
        boolean quotaNews = false;
        for (int m = 0; m < risk.length; m++) {
            quotaHeldBack[m] = rules.outputThreatened(m, tick);
            quotaNews |= quotaHeldBack[m] > 0;
        }
        // Without a threat anywhere every signal is 0 whatever the supply it would be read against, so the supply,
        // a walk over every firm, is summed only where some market has a threat to read against it.
        java.util.Arrays.fill(threatened, 0);
        java.util.Arrays.fill(heldBack, 0);
        boolean threat = quotaNews;
        if (quotaNews) {
            sumSellers(firms);
            boolean any = false;
            for (int m = 0; m < risk.length; m++) {
                double own = supply[m];
                quotaHeldBack[m] = own > 0 ? Math.min(1.0, quotaHeldBack[m] / own) : 0;
                heldBack[m] = quotaHeldBack[m];
                any |= heldBack[m] > 0;
            }
            if (any) {
                passDownTheChain(firms, traders);
            }
            for (int m = 0; m < risk.length; m++) {
                threatened[m] = supply[m] * heldBack[m];
            }
        } else {
            java.util.Arrays.fill(quotaHeldBack, 0);
        }
        for (int i = 0; i < traders.count; i++) {
            int m = traders.destinationMarket[i];
            double normal = Math.max(0, traders.normalSales[i]);
            double news = rules.announcedThreat(traders.origin[i], traders.destination[i], traders.commodity[i], tick);
            // A lane carries its origin's output, so what a measure holds back there it may hold back here.
            double held = heldBack[traders.originMarket[i]];
            double t = normal * Math.max(Math.max(news, held), traders.refused(i));
            threatened[m] += t;
            threat |= t > 0;
        }
        if (threat) {
            if (!quotaNews) {
                sumSellers(firms);
            }
            addLanes(traders);
        }
        for (int m = 0; m < risk.length; m++) {
            double signal = threat && supply[m] > 0 ? threatened[m] / supply[m] : 0;
            signal = Math.min(1.0, signal + volatility(m, markets.price(m)));
            before[m] = risk[m];
            risk[m] = Math.max(signal, risk[m] * decay);
        }
    }

    /** Each market's supply from its own sellers, their normal sales. */
    private void sumSellers(Firms firms) {
        java.util.Arrays.fill(supply, 0);
        for (int f = 0; f < firms.count; f++) {
            supply[firms.market[f]] += Math.max(0, firms.normalSales[f]);
        }
    }

    /** Adds to each market's supply what the lanes into it normally bring, after its sellers' (the sums' order). */
    private void addLanes(Traders traders) {
        for (int i = 0; i < traders.count; i++) {
            supply[traders.destinationMarket[i]] += Math.max(0, traders.normalSales[i]);
        }
    }

    /**
     * Extends {@code heldBack}, the share of each market's own output that measures on production hold back, to
     * what is made from it: a maker is held back by the largest share held back of what its buyers get in any
     * market it buys an input in, its own output and its lanes' cargo, each held back as its origin's output. One
     * pass a tier of the chain, until nothing changes.
     */
    private void passDownTheChain(Firms firms, Traders traders) {
        java.util.Arrays.fill(imported, 0);
        for (int i = 0; i < traders.count; i++) {
            imported[traders.destinationMarket[i]] += Math.max(0, traders.normalSales[i]);
        }
        boolean changed = true;
        for (int pass = 0; changed && pass < risk.length; pass++) {
            for (int m = 0; m < risk.length; m++) {
                boughtHeldBack[m] = supply[m] * heldBack[m];
            }
            for (int i = 0; i < traders.count; i++) {
                boughtHeldBack[traders.destinationMarket[i]] +=
                        Math.max(0, traders.normalSales[i]) * heldBack[traders.originMarket[i]];
            }
            for (int m = 0; m < risk.length; m++) {
                double all = supply[m] + imported[m];
                boughtHeldBack[m] = all > 0 ? boughtHeldBack[m] / all : 0;
            }
            java.util.Arrays.fill(passedDown, 0);
            for (int f = 0; f < firms.count; f++) {
                double input = 0;
                for (int s = firms.inputOffset[f], end = firms.inputOffset[f + 1]; s < end; s++) {
                    input = Math.max(input, boughtHeldBack[firms.inputMarket[s]]);
                }
                passedDown[firms.market[f]] += Math.max(0, firms.normalSales[f]) * input;
            }
            changed = false;
            for (int m = 0; m < risk.length; m++) {
                double own = supply[m];
                double held = Math.max(quotaHeldBack[m], own > 0 ? Math.min(1.0, passedDown[m] / own) : 0);
                changed |= held != heldBack[m];
                heldBack[m] = held;
            }
        }
    }

    /**
     * The risk read into market m's volatility, after updating its recent and usual variance of the change in
     * the log price with this tick's quoted price. None before a year of prices has been seen.
     */
    private double volatility(int m, double p) {
        if (volatilityWeight <= 0 || !(p > 0)) {
            return 0;
        }
        double last = lastPrice[m];
        lastPrice[m] = p;
        if (!(last > 0)) {
            return 0;
        }
        double change = Math.log(p / last);
        double squared = change * change;
        recentVariance[m] += recentWeight * (squared - recentVariance[m]);
        usualVariance[m] += usualWeight * (squared - usualVariance[m]);
        if (++observed[m] < usualTicks || !(usualVariance[m] > 0)) {
            return 0;
        }
        double excess = (recentVariance[m] / usualVariance[m] - 2) / 2;
        return volatilityWeight * Math.max(0, Math.min(1, excess));
    }
}
