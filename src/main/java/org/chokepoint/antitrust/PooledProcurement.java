package org.chokepoint.antitrust;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chokepoint.agent.Firms;
import org.chokepoint.agent.RouteConditions;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.market.Shipping;
import org.chokepoint.world.World;

/**
 * The pooled order and its cargo. The consortium buys for its members as each buys for itself, by stock
 * management: each tick it orders {@code 1 / stockAdjustTicks} of the gap between the pooled requirement members
 * passed it and what it holds or has at sea, at the candidate supplier with the lowest landed price whose route
 * is open (at the first open one listed when members did not pass their candidate suppliers), and ships it home
 * through the traders' shipping pipeline ({@link Shipping}), so it leaves the supplier as an export and lands as
 * an import. Pooled buying power is modelled as priority: the order bids up to {@code poolingPremium} above the
 * home price net of transport, so at the supplier it is filled ahead of buyers bidding the going price. Landed
 * cargo goes to members pro rata to their required volumes, at cost, and what is held, at sea or ordered is each
 * member's supply line in the same shares ({@link #shareOnOrder}), so that members do not buy at home what the
 * pool is bringing them.
 */
final class PooledProcurement implements java.io.Serializable {
    private final ConsortiumTerms terms;
    private final int account;
    private final double[] procuredFrom;
    private int seat;
    private int orderMarket = -1;
    private int orderRoute = -1;
    private double orderQuantity;
    private double stock;
    private double stockCost;
    private double procured;

    PooledProcurement(ConsortiumTerms terms, World world, Markets markets) {
        this.terms = terms;
        int longest = 1;
        for (int s : terms.suppliers) {
            int route = world.routeBetween(s, terms.region);
            if (route >= 0) {
                longest = Math.max(longest, world.route(route).transitTicks());
            }
        }
        account = markets.shipping().open(world.market(terms.region, terms.input), longest + 64);
        procuredFrom = new double[world.regionCount()];
    }

    void seat(int seat) {
        this.seat = seat;
    }

    void countOrders(World world, int[] orders) {
        for (int s : terms.suppliers) {
            orders[world.market(s, terms.input)]++;
        }
    }

    /**
     * Sizes this tick's order from the pooled requirement the consortium learned: a share {@code 1 /
     * stockAdjustTicks} of what the requirement lacks after the cargo held and at sea. Ordering the whole gap at
     * once, on top of what members buy at home, took in one week the cargo a neighbouring market was about to
     * receive and piled it up in members' stocks.
     */
    double plan(Markets markets, double pooled) {
        orderQuantity = Math.max(0, pooled - stock - markets.shipping().atSea(account)) / terms.adjustTicks;
        return orderQuantity;
    }

    /**
     * Tells each candidate what the pool has on order for it: the cargo held, at sea and ordered this tick, shared
     * as landed cargo is, pro rata to members' required volumes; nothing for a candidate that is not a member or
     * requires nothing.
     */
    void shareOnOrder(Firms x, Markets markets, Membership members) {
        double pipeline = stock + markets.shipping().atSea(account) + orderQuantity;
        double total = 0;
        for (int f : members.candidates) {
            if (members.member[f]) {
                total += members.required[f];
            }
        }
        for (int f : members.candidates) {
            double share = total > 0 && members.member[f] ? pipeline * members.required[f] / total : 0;
            x.setInputOnOrder(x.slotOf(f, terms.input), share);
        }
    }

    void cancel() {
        orderQuantity = 0;
    }

    /** Places the pooled order; {@code choose} whether it may pick the cheapest supplier or takes the first. */
    void post(World w, Markets markets, RouteConditions routes, boolean choose) {
        orderMarket = -1;
        if (orderQuantity <= 0) {
            return;
        }
        int home = w.market(terms.region, terms.input);
        double best = Double.POSITIVE_INFINITY;
        for (int s : terms.suppliers) {
            int route = w.routeBetween(s, terms.region);
            if (route < 0 || routes.closed(route)) {
                continue;
            }
            int m = w.market(s, terms.input);
            double landed = markets.price(m) + routes.cost(route);
            if (landed < best) {
                best = landed;
                orderMarket = m;
                orderRoute = route;
            }
            if (!choose) {
                break;
            }
        }
        if (orderMarket < 0) {
            return;
        }
        double limit = markets.price(home) * (1 + terms.poolingPremium) - routes.cost(orderRoute);
        if (limit > 0) {
            markets.book(orderMarket).addBid(limit, orderQuantity, Owner.of(seat, 0));
        }
    }

    /** Books pooled cargo bought at the supplier: it leaves as an export and sails home. */
    void settle(World w, Markets markets, RouteConditions routes, OrderBook book, int market, int from, int to,
                int tick) {
        if (!book.crossed()) {
            return;
        }
        double p = markets.price(market);
        for (int i = from; i < to; i++) {
            double q = book.bidFilled(i);
            if (q > 0) {
                // Cargo on a voyage of no time joins the ring slot already landed this tick, and comes round with it.
                markets.shipping().ship(account, Shipping.DIRECT, market, -1, tick, routes.transit(orderRoute), q,
                        q * p);
                procured += q;
                procuredFrom[w.regionOfMarket(market)] += q;
            }
        }
    }

    /** Lands the cargo due and hands members what they required, pro rata, at cost; returns each one's share. */
    void landAndDeliver(Firms x, World w, Markets markets, Membership members, double[] deliveredRecent, int tick) {
        double q = markets.shipping().land(account, Shipping.DIRECT, tick);
        if (q > 0) {
            stock += q;
            stockCost += markets.shipping().landedValue();
        }
        if (stock <= 0) {
            return;
        }
        double total = 0;
        for (int f : members.candidates) {
            if (members.member[f]) {
                total += members.required[f];
            }
        }
        if (total <= 0) {
            return;
        }
        double give = Math.min(stock, total);
        double unitCost = stockCost / stock;
        double value = w.commodity(terms.input).valuePerUnit();
        for (int f : members.candidates) {
            if (!members.member[f] || members.required[f] <= 0) {
                continue;
            }
            double share = give * members.required[f] / total;
            x.receiveInput(x.slotOf(f, terms.input), share, share * unitCost * value, markets.ledger());
            deliveredRecent[f] += share;
        }
        stock -= give;
        stockCost -= give * unitCost;
    }

    double stock() {
        return stock;
    }

    double procured() {
        return procured;
    }

    /** Volume bought from each supplier region, by its id. */
    Map<String, Double> bySupplier(World w) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int r = 0; r < procuredFrom.length; r++) {
            if (procuredFrom[r] > 0) {
                out.put(w.region(r).id(), procuredFrom[r]);
            }
        }
        return out;
    }
}
