package org.chokepoint.agent;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.policy.TradeRules;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.world.Route;
import org.chokepoint.world.World;

/**
 * Traders buy in one region's market and ship along a route to another's when the price gap beats the
 * transport cost, the trade measures in force and the trader's required margin. A trader's purchase
 * leaves the origin as an export when bought and enters the destination as an import when it arrives,
 * after the route's transit time; until it is sold there it is the trader's stock in the destination.
 *
 * <p>The flow a trader aims for grows with the gap, from nothing at its margin to {@link #GROWTH} times its
 * normal sales (at least {@link #BOOTSTRAP_SHARE} of its capacity) when the gap exceeds the margin by
 * {@link #RAMP} margins, and it orders up to the pipeline
 * that flow needs (voyage plus stock cover), so trade does not swing from glut to drought on long routes.
 */
public final class Traders {
    /** Ticks of normal sales a trader is content to hold in its destination. */
    static final double STOCK_COVER = 2.0;
    /** Margins above the required margin at which a trader aims for its largest flow. */
    static final double RAMP = 3.0;
    /** The largest flow a trader aims for, relative to its normal sales. */
    static final double GROWTH = 1.5;
    /** Share of its capacity a trader aims to ship at the widest gap, whatever it sold lately. */
    static final double BOOTSTRAP_SHARE = 0.5;

    public final int count;
    public final String[] id;
    public final int[] commodity;
    public final int[] origin;
    public final int[] destination;
    public final int[] originMarket;
    public final int[] destinationMarket;
    public final int[] route;
    public final double[] capacity;
    public final double[] minMargin;
    public final double[] expectedOrigin;
    public final double[] expectedDestination;
    /** Cargo arrived and not yet sold, held in the destination region. */
    public final double[] stock;
    /** Sold per tick in the destination, a slow average that sets the stock the trader is content with. */
    public final double[] normalSales;
    /** The flow the trader currently aims to ship per tick. */
    public final double[] flow;
    /** Bought this tick for shipment. */
    public final double[] shipped;
    private final double[] sold;
    /** Arrivals by tick: {@code pipeline[trader * slots + tick % slots]}. */
    private final double[] pipeline;
    private final int slots;
    private final double[] valuePerUnit;

    private Traders(int n, int slots) {
        count = n;
        id = new String[n];
        commodity = new int[n];
        origin = new int[n];
        destination = new int[n];
        originMarket = new int[n];
        destinationMarket = new int[n];
        route = new int[n];
        capacity = new double[n];
        minMargin = new double[n];
        expectedOrigin = new double[n];
        expectedDestination = new double[n];
        stock = new double[n];
        normalSales = new double[n];
        flow = new double[n];
        shipped = new double[n];
        sold = new double[n];
        valuePerUnit = new double[n];
        this.slots = slots;
        pipeline = new double[n * slots];
    }

    /**
     * @param longestTransit the longest transit any route can have, disruptions included
     */
    public static Traders build(List<Scenario.TraderSpec> specs, World world, int longestTransit,
                                MersenneTwisterFast random) {
        int n = 0;
        for (Scenario.TraderSpec s : specs) {
            n += s.countOrDefault();
        }
        Traders t = new Traders(n, longestTransit + 1);
        int i = 0;
        for (Scenario.TraderSpec s : specs) {
            int c = world.commodityIndex(s.commodity());
            int from = world.regionIndex(s.from());
            int to = world.regionIndex(s.to());
            int k = s.countOrDefault();
            for (int j = 0; j < k; j++, i++) {
                t.id[i] = k == 1 ? s.id() : s.id() + "-" + (j + 1);
                t.commodity[i] = c;
                t.origin[i] = from;
                t.destination[i] = to;
                t.originMarket[i] = world.market(from, c);
                t.destinationMarket[i] = world.market(to, c);
                t.route[i] = world.routeBetween(from, to);
                t.capacity[i] = s.capacityPerTick().draw(random);
                t.minMargin[i] = s.minMargin().draw(random);
                t.valuePerUnit[i] = world.commodity(c).valuePerUnit();
                t.expectedOrigin[i] = world.commodity(c).initialPrice();
                t.expectedDestination[i] = world.commodity(c).initialPrice();
            }
        }
        return t;
    }

    /** Cargo due this tick enters the destination as an import and joins the trader's stock there. */
    public void unload(int i, int tick, Markets markets) {
        int slot = i * slots + tick % slots;
        double q = pipeline[slot];
        if (q > 0) {
            pipeline[slot] = 0;
            stock[i] += q;
            markets.imports[destinationMarket[i]] += q;
        }
    }

    /**
     * Offers all the trader's landed stock at its expected destination price, scaled like any seller's by
     * how its stock compares with what it normally sells in {@link #STOCK_COVER} ticks: a trader long in
     * cargo cuts its price to clear it, so imports that overshoot are worked off instead of piling up.
     */
    public void offer(int i, Markets markets, double askElasticity, RouteConditions routes) {
        double s = stock[i];
        if (s > 0) {
            double target = STOCK_COVER * normalSales[i];
            double ratio = target > 0 ? Math.pow(target / s, askElasticity) : Producers.MIN_RATIO;
            ratio = ratio < Producers.MIN_RATIO ? Producers.MIN_RATIO : Math.min(ratio, Producers.MAX_RATIO);
            // Landed cargo is not sold below what the same cargo would cost to bring in today: below that
            // parity the trader keeps it and ships less.
            double parity = markets.price[originMarket[i]] + routes.cost(route[i]);
            double ask = Math.max(expectedDestination[i] * ratio, parity);
            markets.book(destinationMarket[i]).addAsk(ask, s, Owner.of(Owner.TRADER, i));
        }
    }

    /**
     * Bids in the origin market when the landed gap pays. The limit is the highest origin price at which
     * the trade still earns the trader's margin at the destination's quote.
     */
    public void bid(int i, int tick, Markets markets, RouteConditions routes, TradeRules rules, double expectationRate,
                    double flowAdjustment) {
        shipped[i] = 0;
        expectedDestination[i] += expectationRate * (markets.price[destinationMarket[i]] - expectedDestination[i]);
        expectedOrigin[i] += expectationRate * (markets.price[originMarket[i]] - expectedOrigin[i]);
        int r = route[i];
        if (routes.closed(r)) {
            return;
        }
        double allowance = rules.exportAllowance(origin[i], destination[i], commodity[i], tick);
        if (allowance <= 0) {
            return;
        }
        double pd = markets.price[destinationMarket[i]];
        double po = markets.price[originMarket[i]];
        double cost = routes.cost(r);
        double tax = rules.exportTaxRate(origin[i], destination[i], commodity[i], tick);
        double tariff = rules.importTariffRate(origin[i], destination[i], commodity[i], tick);
        double landedAtDestination = pd / (1 + tariff);
        double margin = minMargin[i] * pd;
        double gap = landedAtDestination - po * (1 + tax) - cost;
        if (gap <= margin) {
            // Out of the market this tick; the trader keeps its view of the flow it had been aiming for.
            return;
        }
        // The gap sets how much the trader wants to sell at the destination: nothing at its margin, up to
        // half again its normal sales (or half its capacity, for a trader whose sales have dried up) when
        // the gap is wide.
        double share = Math.min(1.0, (gap / margin - 1.0) / RAMP);
        double desired = Math.max(normalSales[i] * GROWTH, BOOTSTRAP_SHARE * capacity[i]) * share;
        // Like a plant's run rate, the flow a trader aims for moves only part of the way each tick.
        flow[i] += flowAdjustment * (desired - flow[i]);
        double flow = this.flow[i];
        // Order up to a pipeline that covers the voyage and the stock cover at that flow, so cargo already
        // at sea or unsold counts against new purchases and a long route does not turn into boom and bust.
        int transit = routes.transit(r);
        double wanted = flow * (transit + STOCK_COVER);
        double held = stock[i] + inTransit(i);
        double quantity = flow + (wanted - held) / (transit + STOCK_COVER);
        quantity = Math.min(capacity[i], Math.max(0.0, quantity)) * allowance;
        double limit = (landedAtDestination - cost - margin) / (1 + tax);
        if (quantity > 0 && limit > 0) {
            markets.book(originMarket[i]).addBid(limit, quantity, Owner.of(Owner.TRADER, i));
        }
    }

    /** Books cargo bought at the origin: it leaves as an export and arrives after the route's transit time. */
    public void settlePurchase(int i, double quantity, int tick, Markets markets, RouteConditions routes) {
        int arrival = tick + Math.min(routes.transit(route[i]), slots - 1);
        if (arrival == tick) {
            stock[i] += quantity;
            markets.imports[destinationMarket[i]] += quantity;
        } else {
            pipeline[i * slots + arrival % slots] += quantity;
        }
        shipped[i] += quantity;
        markets.exports[originMarket[i]] += quantity;
    }

    public void settleSale(int i, double quantity) {
        stock[i] -= quantity;
        sold[i] += quantity;
    }

    /** Normal sales follow actual sales over about a quarter of weekly ticks. */
    public void endTick(int i) {
        normalSales[i] += Producers.NORMAL_SALES_RATE * (sold[i] - normalSales[i]);
        sold[i] = 0;
    }

    /** Cargo at sea: bought and not yet arrived. */
    public double inTransit(int i) {
        double s = 0;
        for (int k = 0; k < slots; k++) {
            s += pipeline[i * slots + k];
        }
        return s;
    }

    public double valuePerUnit(int i) {
        return valuePerUnit[i];
    }

    public static int longestBaseTransit(World world) {
        int m = 0;
        for (Route r : world.routes()) {
            m = Math.max(m, r.transitTicks());
        }
        return m;
    }
}
