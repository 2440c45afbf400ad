package org.chokepoint.market;

import java.util.Arrays;

/**
 * What moved in every market this tick: goods made, used, traded, shipped out and landed, and the money that
 * went to producers, from the budget and to the border. Agents, policies and consortia book every movement
 * here and nowhere else; {@link Shipping} books what leaves and lands, {@link Markets} what an auction
 * traded. Every value is a running sum of this tick, zeroed when the tick opens.
 *
 * <p>With the mass-balance check on ({@link #checkBalance}), every tick must satisfy, in every market,
 * {@code production - consumption - exports + imports = change in the stock its agents hold}, the stock
 * counted from the holders themselves: a movement booked on one side only fails the tick. Traders' surplus is
 * not checked so: it is what they sold for less what they paid, by definition, so no tick could break it; the
 * worked examples of LedgerTest and the textbook worlds check what is booked into either side.
 *
 * <p>Traders' money is booked in the market the cargo is sold in, its destination, where a quota rent is booked
 * too: a lane's margin is the gap between its two prices, earned where the cargo sells, and the measure that
 * opens the gap (an export quota, a licence) may sit at either end. Speculative stock is booked in the market it
 * is bought and sold in. A duty, a subsidy or a licence's rent a trader pays is booked on both sides at once,
 * the government's or the licence holder's and the trader's, so that moving it from one to the other moves
 * nothing in the welfare sum.
 *
 * <p>A market's flows are one row of {@value #STRIDE} doubles. The four the firms book once each during
 * production (production, consumption, unmet demand, producer surplus) sit in the middle of the row, so the
 * threads that produce different markets at once never write into the same cache line.
 */
public final class Ledger implements java.io.Serializable {
    private static final int STRIDE = 16;
    private static final int TRADED = 0;
    private static final int IMPORTS = 1;
    private static final int EXPORTS = 2;
    private static final int FISCAL = 3;
    private static final int LEVY = 4;
    private static final int QUOTA_RENT = 5;
    private static final int PRODUCTION = 6;
    private static final int CONSUMPTION = 7;
    private static final int UNMET = 8;
    private static final int PRODUCER_SURPLUS = 9;
    private static final int UNMET_FINAL = 10;
    private static final int TRADER_REVENUE = 11;
    private static final int TRADER_COST = 12;

    private final int markets;
    private final int regions;
    private final double[] flows;
    /** Imports by origin region: {@code [market * regions + origin]}. */
    private final double[] importsByOrigin;
    /** Exports by destination region: {@code [market * regions + destination]}. */
    private final double[] exportsByDestination;
    /** The stock held in each market at the end of the last tick checked, for the mass balance. */
    private double[] lastStock;
    private int lastTick = -1;

    Ledger(int markets, int regions) {
        this.markets = markets;
        this.regions = regions;
        flows = new double[markets * STRIDE];
        importsByOrigin = new double[markets * regions];
        exportsByDestination = new double[markets * regions];
    }

    /** Zeroes every flow: a new tick opens. */
    void open() {
        Arrays.fill(flows, 0);
        Arrays.fill(importsByOrigin, 0);
        Arrays.fill(exportsByDestination, 0);
    }

    // ---- goods ----------------------------------------------------------------------------------------------

    /** Output made in a market, at a variable cost in US dollars that comes off its producers' surplus. */
    public void produced(int market, double quantity, double variableCostUsd) {
        int row = market * STRIDE;
        flows[row + PRODUCTION] += quantity;
        flows[row + PRODUCER_SURPLUS] -= variableCostUsd;
    }

    /** Goods used up in a market: bought by final demand, or turned into output by a recipe. */
    public void consumed(int market, double quantity) {
        flows[market * STRIDE + CONSUMPTION] += quantity;
    }

    /** Demand the market could not serve at a price the buyer was willing to pay. */
    public void unmet(int market, double quantity) {
        flows[market * STRIDE + UNMET] += quantity;
    }

    /** Final demand (households) the market could not serve: booked besides {@link #unmet}, which counts all. */
    public void unmetFinal(int market, double quantity) {
        flows[market * STRIDE + UNMET] += quantity;
        flows[market * STRIDE + UNMET_FINAL] += quantity;
    }

    /** Goods handed from one holder to another in the market outside its auction (an allocation by key). */
    public void transfer(int market, double quantity) {
        flows[market * STRIDE + TRADED] += quantity;
    }

    /**
     * What the market's auction traded, added to what an allocation handed over in it this tick; only
     * {@link Markets} clears.
     */
    void traded(int market, double quantity) {
        transfer(market, quantity);
    }

    /** Goods leaving a market for another region; only {@link Shipping} ships. */
    void exported(int market, int destinationRegion, double quantity) {
        flows[market * STRIDE + EXPORTS] += quantity;
        exportsByDestination[market * regions + destinationRegion] += quantity;
    }

    /** Goods landing in a market from another region; only {@link Shipping} lands. */
    void imported(int market, int originRegion, double quantity) {
        flows[market * STRIDE + IMPORTS] += quantity;
        importsByOrigin[market * regions + originRegion] += quantity;
    }

    // ---- money, in US dollars ------------------------------------------------------------------------------

    /** Revenue of the producers of a market (a sale, a top-up to a guaranteed price). */
    public void revenue(int market, double usd) {
        flows[market * STRIDE + PRODUCER_SURPLUS] += usd;
    }

    /** What the producers of a market paid for their inputs. */
    public void inputCost(int market, double usd) {
        flows[market * STRIDE + PRODUCER_SURPLUS] -= usd;
    }

    /**
     * Capital a producer of the market paid for new plant (a prospect's, the week it commits; what a firm that gives
     * its plant's capital cost orders): it comes off the market's producer surplus, as its variable cost does.
     */
    public void capitalCost(int market, double usd) {
        flows[market * STRIDE + PRODUCER_SURPLUS] -= usd;
    }

    /**
     * The part of a producer's capital for new plant that a government pays (a capex subsidy): back to the market's
     * producers, the government's side booked by {@link #spend} where it is paid.
     */
    public void capitalGrant(int market, double usd) {
        flows[market * STRIDE + PRODUCER_SURPLUS] += usd;
    }

    /** Government spending on the market's commodity in its region (a subsidy, a purchase). */
    public void spend(int market, double usd) {
        flows[market * STRIDE + FISCAL] += usd;
    }

    /** Government receipts on the market's commodity in its region (a clawback, a sale from stock). */
    public void receive(int market, double usd) {
        flows[market * STRIDE + FISCAL] -= usd;
    }

    /** Import levies, tariffs and export taxes collected in a market. */
    public void levy(int market, double usd) {
        flows[market * STRIDE + LEVY] += usd;
    }

    /**
     * Rent earned by the holders of quota licences on what a trader landed in a market. The rent is part of the
     * trader's margin: it is booked as a cost of the trader's, the licence's value, and counted once, as quota rent.
     */
    public void quotaRent(int market, double usd) {
        flows[market * STRIDE + QUOTA_RENT] += usd;
        traderCost(market, usd);
    }

    /**
     * Import levies, tariffs and export taxes collected in {@code collectedIn} on a cargo sold in
     * {@code traderMarket}: a cost of its trader's there, or of no trader's when that is below 0 (a pool's cargo,
     * whose charges its members pay in the cost of what they are handed).
     */
    public void borderCharge(int collectedIn, int traderMarket, double usd) {
        levy(collectedIn, usd);
        if (traderMarket >= 0) {
            traderCost(traderMarket, usd);
        }
    }

    /**
     * An export subsidy the government of {@code paidIn} pays on a cargo sold in {@code traderMarket}: its
     * fiscal cost and, where a trader ships the cargo ({@code traderMarket} not below 0), the trader's income.
     */
    public void exportSubsidy(int paidIn, int traderMarket, double usd) {
        spend(paidIn, usd);
        if (traderMarket >= 0) {
            traderCost(traderMarket, -usd);
        }
    }

    /** What traders sold cargo or speculative stock for in a market. */
    public void traderSale(int market, double usd) {
        int row = market * STRIDE;
        flows[row + TRADER_REVENUE] += usd;
    }

    /**
     * What traders paid for the cargo sold in a market, or for speculative stock in it: its purchase price,
     * freight, a licence's compliance cost, a detour's extra cost, and (through the bookings above) duties and
     * licence rents; a subsidy is a negative cost.
     */
    public void traderCost(int market, double usd) {
        int row = market * STRIDE;
        flows[row + TRADER_COST] += usd;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    public int markets() { return markets; }
    public int regions() { return regions; }
    public double traded(int market) { return flows[market * STRIDE + TRADED]; }
    public double production(int market) { return flows[market * STRIDE + PRODUCTION]; }
    public double consumption(int market) { return flows[market * STRIDE + CONSUMPTION]; }
    public double imports(int market) { return flows[market * STRIDE + IMPORTS]; }
    public double exports(int market) { return flows[market * STRIDE + EXPORTS]; }
    public double unmet(int market) { return flows[market * STRIDE + UNMET]; }
    public double unmetFinal(int market) { return flows[market * STRIDE + UNMET_FINAL]; }
    public double fiscalCost(int market) { return flows[market * STRIDE + FISCAL]; }
    public double levyRevenue(int market) { return flows[market * STRIDE + LEVY]; }
    public double quotaRent(int market) { return flows[market * STRIDE + QUOTA_RENT]; }
    public double producerSurplus(int market) { return flows[market * STRIDE + PRODUCER_SURPLUS]; }
    /** What traders sold for in a market less what they paid for it. */
    public double traderSurplus(int market) { return traderRevenue(market) - traderCost(market); }
    public double traderRevenue(int market) { return flows[market * STRIDE + TRADER_REVENUE]; }
    public double traderCost(int market) { return flows[market * STRIDE + TRADER_COST]; }

    public double importsFrom(int market, int origin) {
        return importsByOrigin[market * regions + origin];
    }

    public double exportsTo(int market, int destination) {
        return exportsByDestination[market * regions + destination];
    }

    /** Copies this tick's flows by partner region, {@code [market * regions + partner]}, into the given arrays. */
    public void copyByPartner(double[] imports, double[] exports) {
        System.arraycopy(importsByOrigin, 0, imports, 0, importsByOrigin.length);
        System.arraycopy(exportsByDestination, 0, exports, 0, exportsByDestination.length);
    }

    // ---- the mass balance ---------------------------------------------------------------------------------

    private static final double RELATIVE = 1e-9;
    private static final double ABSOLUTE = 1e-12;

    /**
     * Checks this tick's flows against the stock the market's holders report, and remembers that stock for the
     * next tick. The first call only remembers: it is the opening stock, before any tick.
     *
     * @param stock what every holder holds in each market now, added up by the caller
     * @throws IllegalStateException naming the first market out of balance
     */
    public void checkBalance(int tick, double[] stock) {
        if (lastStock == null) {
            lastStock = stock.clone();
            lastTick = tick;
            return;
        }
        for (int m = 0; m < markets; m++) {
            double change = stock[m] - lastStock[m];
            double residual = production(m) - consumption(m) - exports(m) + imports(m) - change;
            double scale = Math.max(Math.max(Math.abs(production(m)), Math.abs(consumption(m))),
                    Math.max(Math.max(Math.abs(exports(m)), Math.abs(imports(m))),
                            Math.max(Math.abs(stock[m]), Math.abs(lastStock[m]))));
            if (!(Math.abs(residual) <= RELATIVE * scale + ABSOLUTE)) {
                throw new IllegalStateException("mass balance broken in market " + m + " at tick " + tick
                        + ": production " + production(m) + " - consumption " + consumption(m) + " - exports "
                        + exports(m) + " + imports " + imports(m) + " differs from the stock change " + change
                        + " (stock " + lastStock[m] + " at tick " + lastTick + ", " + stock[m] + " now) by "
                        + residual);
            }
        }
        System.arraycopy(stock, 0, lastStock, 0, markets);
        lastTick = tick;
    }
}
