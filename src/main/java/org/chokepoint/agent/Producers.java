package org.chokepoint.agent;

import org.chokepoint.market.Ledger;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.TickTime;

/**
 * What every firm does as a seller: form a price expectation, plan output on its marginal-cost curve,
 * offer stock, and produce. Manufacturers plan on their output price net of input costs
 * (see {@link Manufacturers}); producers and recyclers on the output price itself.
 *
 * <p>A seller offers a share of its stock each tick at {@code ask = E * (target / stock)^η}, the ratio held
 * within {@code [minStockPriceRatio, maxStockPriceRatio]}: a firm long in stock undercuts, one short of stock
 * holds out for more.
 * The desired output is the quantity at which marginal cost equals the expected price, corrected toward
 * the stock target over {@code stockAdjustTicks}; actual plans move a share {@code outputAdjustment} of
 * the way from last tick's output toward it (partial adjustment).
 */
public final class Producers implements java.io.Serializable {
    /** Stock below this share of capacity is not offered. */
    static final double DUST = 1e-9;

    private final Firms firms;
    private final double expectationRate;
    private final double stockCover;
    private final double adjustTicks;
    private final double askElasticity;
    private final double outputAdjustment;
    /** Share of its stock a seller offers in a tick: its offer in ticks of normal sales over its stock cover. */
    private final double offerShare;
    private final double minRatio;
    private final double maxRatio;
    /** Weight of this tick's sales in a firm's normal sales. */
    private final double normalSalesWeight;
    /** The seat of the firms' participant, which tags their asks. */
    private int seat;

    /**
     * @param ticksPerYear ticks in a year, to turn the behaviour's spans of weeks into ticks
     */
    public Producers(Firms firms, BehaviourSpec b, int ticksPerYear) {
        this.firms = firms;
        this.outputAdjustment = b.outputAdjustment();
        this.expectationRate = b.expectationRate();
        this.stockCover = b.stockCoverTicks();
        this.adjustTicks = b.stockAdjustTicks();
        this.askElasticity = b.askStockElasticity();
        this.offerShare = TickTime.ticks(b.offerWeeks(), ticksPerYear) / stockCover;
        this.minRatio = b.minStockPriceRatio();
        this.maxRatio = b.maxStockPriceRatio();
        this.normalSalesWeight = TickTime.averageWeight(b.normalSalesWeeks(), ticksPerYear);
    }

    void seat(int seat) {
        this.seat = seat;
    }

    /** Updates the firm's expectation of its output price from the market's quote. */
    public void expect(int f, double quotedPrice) {
        firms.expectedPrice[f] += expectationRate * (quotedPrice - firms.expectedPrice[f]);
    }

    /**
     * Plans this tick's output given the price the firm expects to get for its conversion work and the
     * capacity it has this tick.
     */
    public void plan(int f, double netPrice, double available) {
        Firms x = firms;
        x.availableCapacity[f] = available;
        if (x.status[f] != FirmStatus.ACTIVE) {
            x.plannedOutput[f] = 0;
            return;
        }
        double desired = 0;
        if (netPrice > x.costBase[f]) {
            double optimal = x.outputAtPrice(f, netPrice, available);
            double target = stockCover * x.normalSales[f];
            desired = optimal + (target - x.stock[f]) / adjustTicks;
            desired = desired < 0 ? 0 : Math.min(desired, available);
        }
        // The plan moves part of the way toward the desired rate each tick: plants do not swing their runs
        // with every weekly price, and without this the chain's stocks would amplify each swing upstream.
        // It starts from last tick's plan, not from what inputs allowed, so a missed delivery does not
        // reset the run rate to zero.
        double previous = x.plannedOutput[f];
        double planned = previous + outputAdjustment * (desired - previous);
        x.plannedOutput[f] = Math.max(0.0, Math.min(planned, available));
    }

    /**
     * Offers part of the firm's stock in its market. A firm that still operates never asks less than its
     * shutdown price, the lowest average variable cost (plus, for a manufacturer, what it expects its inputs
     * to cost): below it, keeping the goods for later beats selling them.
     *
     * @param inputCost expected input cost per unit of output, in the output's price unit (0 without recipe)
     */
    public void offer(int f, double inputCost, OrderBook book) {
        Firms x = firms;
        double s = x.stock[f];
        // Dust left by rounding is not worth an order.
        if (s <= DUST * x.capacity[f]) {
            return;
        }
        double target = stockCover * x.normalSales[f];
        double ratio = target > 0 ? Math.pow(target / s, askElasticity) : minRatio;
        ratio = ratio < minRatio ? minRatio : Math.min(ratio, maxRatio);
        double share = offerShare;
        double quantity = share >= 1 ? s : s * share;
        double ask = x.expectedPrice[f] * ratio;
        if (x.status[f] != FirmStatus.EXITED) {
            ask = Math.max(ask, x.costBase[f] + inputCost);
        }
        book.addAsk(ask, quantity, Owner.of(seat, f));
    }

    /** Books a sale: stock leaves, revenue counts toward producer surplus. */
    public void settleSale(int f, double quantity, double price, double valuePerUnit, Ledger ledger) {
        firms.stock[f] -= quantity;
        firms.sold[f] += quantity;
        ledger.revenue(firms.market[f], quantity * price * valuePerUnit);
    }

    /**
     * Produces the planned output of a firm with no purchased inputs.
     *
     * @return the output made, which the caller adds to the firm's market with its variable cost
     */
    public double produce(int f) {
        double q = firms.plannedOutput[f];
        firms.output[f] = q;
        if (q <= 0) {
            return 0;
        }
        firms.stock[f] += q;
        return q;
    }

    /** Normal sales follow actual sales slowly, over {@code behaviour.normalSalesWeeks} (a quarter by default). */
    public void endTick(int f) {
        Firms x = firms;
        x.normalSales[f] += normalSalesWeight * (x.sold[f] - x.normalSales[f]);
        x.sold[f] = 0;
    }
}
