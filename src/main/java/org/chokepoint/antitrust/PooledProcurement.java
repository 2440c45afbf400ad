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
    private double orderLimit;
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
     * Sizes this tick's order from the pooled requirement the consortium learned, and chooses where it will bid
     * and at what limit: a share {@code 1 / stockAdjustTicks} of what the requirement lacks after the cargo held
     * and at sea, at the candidate supplier with the lowest landed price whose route is open when {@code choose},
     * at the first open one listed otherwise. Nothing is ordered where no route is open or the home price with
     * the premium, less freight, leaves no limit to bid, so members count no order that is never posted. Ordering the whole gap at once, on top of what
     * members buy at home, took in one week the cargo a neighbouring market was about to receive and piled it up
     * in members' stocks. Called in the events phase, after the tick's events have opened or closed routes and
     * before anyone bids, on last tick's prices, which are this tick's until the markets clear.
     */
    double plan(World w, Markets markets, RouteConditions routes, double pooled, boolean choose) {
        orderMarket = -1;
        orderQuantity = Math.max(0, pooled - stock - markets.shipping().atSea(account)) / terms.adjustTicks;
        if (orderQuantity <= 0) {
            orderQuantity = 0;
            return 0;
        }
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
        orderLimit = orderMarket < 0 ? 0
                : markets.price(w.market(terms.region, terms.input)) * (1 + terms.poolingPremium)
                        - routes.cost(orderRoute);
        if (!(orderLimit > 0)) {
            orderMarket = -1;
            orderQuantity = 0;
        }
        return orderQuantity;
    }

    /**
     * Tells each candidate what the pool has on order for it: the cargo held, at sea and ordered this tick, shared
     * as landed cargo is, pro rata to members' required volumes. While no member requires anything the cargo waits
     * in the pool for the next that does; it is then shared by members' normal use of the input, so that it is
     * still someone's supply line. A candidate that has not joined has nothing on order. Each consortium adds its
     * own cargo, so a firm in two that buy the same input counts both; the model clears the figures each tick.
     */
    void shareOnOrder(Firms x, Markets markets, Membership members) {
        double pipeline = stock + markets.shipping().atSea(account) + orderQuantity;
        if (pipeline <= 0) {
            return;
        }
        double required = members.requiredByMembers();
        double total = required > 0 ? required : members.normalUseOfMembers(x);
        if (total <= 0) {
            return;
        }
        for (int f : members.candidates) {
            if (members.member[f]) {
                double weight = required > 0 ? members.required[f] : members.normalUse(x, f);
                int slot = x.slotOf(f, terms.input);
                x.setInputOnOrder(slot, x.inputOnOrder(slot) + pipeline * weight / total);
            }
        }
    }

    void cancel() {
        orderQuantity = 0;
        orderMarket = -1;
    }

    /** Posts the order sized in {@link #plan}. */
    void post(Markets markets) {
        if (orderMarket >= 0 && orderQuantity > 0) {
            markets.book(orderMarket).addBid(orderLimit, orderQuantity, Owner.of(seat, 0));
        }
    }

    /**
     * Puts cargo bought at {@code market} to sea for {@code transit} ticks on the route home, as an export of the
     * supplier.
     */
    void dispatch(World w, Markets markets, int market, int tick, int transit, double quantity, double value) {
        // Cargo on a voyage of no time joins the ring slot already landed this tick, and comes round with it.
        markets.shipping().ship(account, Shipping.DIRECT, market, -1, tick, transit, quantity, value);
        procured += quantity;
        procuredFrom[w.regionOfMarket(market)] += quantity;
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
                dispatch(w, markets, market, tick, routes.transit(orderRoute), q, q * p);
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
        double total = members.requiredByMembers();
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
