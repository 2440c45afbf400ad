package org.chokepoint.antitrust;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chokepoint.agent.Firms;
import org.chokepoint.agent.RouteConditions;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.market.Shipping;
import org.chokepoint.trade.TradeMeasure;
import org.chokepoint.world.World;

/**
 * The pooled order and its cargo. The consortium buys for its members as each buys for itself, by stock
 * management: each tick it orders {@code 1 / stockAdjustTicks} of the gap between the pooled requirement members
 * passed it and what it holds or has at sea, at the candidate supplier with the lowest landed price whose route
 * is open (at the first open one listed when members did not pass their candidate suppliers), and ships it home
 * through the traders' shipping pipeline ({@link Shipping}), so it leaves the supplier as an export and lands as
 * an import from it. Pooled buying power is modelled as priority: the order bids up to {@code poolingPremium} above the
 * home price net of transport, so at the supplier it is filled ahead of buyers bidding the going price. Landed
 * cargo goes to members pro rata to their required volumes, at cost, and what is held, at sea or ordered is each
 * member's supply line in the same shares ({@link #shareOnOrder}), so that members do not buy at home what the
 * pool is bringing them.
 *
 * <p>Pooled cargo crosses borders as a trader's does, so the trade measures on its lane act on it as on a
 * trader's cargo: the pool does not buy where a ban stops the lane or a licensing office refuses it outright
 * and it holds no licence granted before,
 * prices a supplier with its export tax or subsidy and the importer's levy, asks the measures for its order and
 * bids for what they grant, and declares what it ships and lands, so that taxes, levies, quota, licences and rent
 * are booked as for any importer. Measures know it by its importer number, which follows every trader's. It does
 * not go round a ban through a third country.
 */
final class PooledProcurement implements java.io.Serializable {
    private final ConsortiumTerms terms;
    private final int importer;
    /**
     * The candidate suppliers, each once in the order listed, and a shipping account for the cargo from each. An
     * account holds one origin per arrival tick, so cargo from two suppliers landing the same tick on one account
     * was booked as an import from whichever had shipped last; on its own account each lands as an import from
     * where it was bought, and the trade measures hear of each origin's landing.
     */
    private final int[] origins;
    private final int[] accounts;
    /** Each region's account, -1 for a region the pool does not buy in. */
    private final int[] accountOf;
    private final double[] procuredFrom;
    private int seat;
    private int orderMarket = -1;
    private int orderRoute = -1;
    private double orderQuantity;
    private double orderLimit;
    /** What the order's lane charges at the border, as the measures stood when it was planned. */
    private double orderTax;
    private double orderRebate;
    private double orderLevy;
    private double orderTariff;
    private double stock;
    /** What the stock landed cost, in US dollars, as its cargo was carried at sea. */
    private double stockCost;
    private double procured;

    /** @param importer the number trade measures know the pool's cargo by: one past every trader's and pool's before */
    PooledProcurement(ConsortiumTerms terms, World world, Markets markets, int importer) {
        this.terms = terms;
        this.importer = importer;
        int longest = 1;
        for (int s : terms.suppliers) {
            int route = world.routeBetween(s, terms.region);
            if (route >= 0) {
                longest = Math.max(longest, world.route(route).transitTicks());
            }
        }
        accountOf = new int[world.regionCount()];
        java.util.Arrays.fill(accountOf, -1);
        origins = java.util.Arrays.stream(terms.suppliers).distinct().toArray();
        accounts = new int[origins.length];
        for (int k = 0; k < origins.length; k++) {
            accounts[k] = markets.shipping().open(world.market(terms.region, terms.input), longest + 64);
            accountOf[origins[k]] = accounts[k];
        }
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
     * and at sea, at the candidate supplier with the lowest landed price (its export tax or subsidy and the
     * importer's levy counted, as a trader counts them) whose route is open and whose exports to the pool's region
     * no ban stops and no licensing office refuses outright (unless the pool holds licences granted before, on
     * which it ships as a trader does) when {@code choose}, at the first such one listed
     * otherwise. Nothing is ordered where no
     * supplier is open or the home price with the premium, less freight and border charges, leaves no limit to
     * bid, so members count no order that is never posted; an order placed is declared to the trade measures, as a
     * trader declares its request. Ordering the whole gap at once, on top of what members buy at home, took in one
     * week the cargo a neighbouring market was about to receive and piled it up in members' stocks. Called in the
     * events phase, after the tick's events have opened or closed routes and the measures have opened their tick,
     * and before anyone bids, on last tick's prices, which are this tick's until the markets clear.
     */
    double plan(World w, Markets markets, RouteConditions routes, TradeMeasure rules, double pooled, boolean choose,
                int tick) {
        orderMarket = -1;
        orderQuantity = Math.max(0, pooled - stock - atSea(markets)) / terms.adjustTicks;
        if (orderQuantity <= 0) {
            orderQuantity = 0;
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int s : terms.suppliers) {
            int route = w.routeBetween(s, terms.region);
            if (route < 0 || routes.closed(route) || rules.exportAllowance(s, terms.region, terms.input, tick) <= 0
                    || rules.refusesAll(importer, s, terms.region, terms.input, tick)) {
                continue;
            }
            int m = w.market(s, terms.input);
            double landed = priceLane(rules, markets.price(m), routes.cost(route), s, tick);
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
            orderQuantity = 0;
            return 0;
        }
        int origin = w.regionOfMarket(orderMarket);
        // What a measure lets leave of any shipment, as a trader's wanted cargo is cut before it asks.
        orderQuantity *= rules.exportAllowance(origin, terms.region, terms.input, tick);
        // Priced again, last, so that a measure whose levy depends on who asks hears the order it is asked for.
        priceLane(rules, markets.price(orderMarket), routes.cost(orderRoute), origin, tick);
        double most = markets.price(w.market(terms.region, terms.input)) * (1 + terms.poolingPremium);
        orderLimit = (most / (1 + orderTariff) - orderLevy - routes.cost(orderRoute) + orderRebate) / (1 + orderTax);
        if (!(orderLimit > 0)) {
            orderMarket = -1;
            orderQuantity = 0;
            return 0;
        }
        rules.request(importer, origin, terms.region, terms.input, tick, orderQuantity);
        return orderQuantity;
    }

    /**
     * The landed price of a unit bought at {@code originPrice} in {@code origin}, with what the lane charges at
     * each border, as {@link org.chokepoint.agent.LaneTerms} prices a trader's lane: an export tax and a licence's
     * compliance cost on the origin price, less an export subsidy, plus freight, plus the importer's levy, times
     * its tariff. Keeps the charges for the order.
     */
    private double priceLane(TradeMeasure rules, double originPrice, double freight, int origin, int tick) {
        int d = terms.region;
        int c = terms.input;
        orderTax = rules.exportTaxRate(origin, d, c, tick) + rules.complianceCostRate(origin, d, c, tick)
                - rules.exportSubsidyRate(origin, d, c, tick);
        orderRebate = rules.exportSubsidyPerUnit(origin, d, c, tick);
        orderTariff = rules.importTariffRate(origin, d, c, tick);
        double cif = originPrice * (1 + orderTax) + freight - orderRebate;
        orderLevy = rules.importLevy(origin, d, c, tick, cif);
        return Math.max(0.0, (cif + orderLevy) * (1 + orderTariff));
    }

    /**
     * Tells each candidate what the pool has on order for it: the cargo held, at sea and ordered this tick, shared
     * as landed cargo is, pro rata to members' required volumes. While no member requires anything the cargo waits
     * in the pool for the next that does; it is then shared by members' normal use of the input, so that it is
     * still someone's supply line. A candidate that has not joined has nothing on order. Each consortium adds its
     * own cargo, so a firm in two that buy the same input counts both; the model clears the figures each tick.
     */
    void shareOnOrder(Firms x, Markets markets, Membership members) {
        double pipeline = stock + atSea(markets) + orderQuantity;
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

    /** Posts the order sized in {@link #plan}, for the share of it the trade measures grant. */
    void post(World w, Markets markets, TradeMeasure rules, int tick) {
        if (orderMarket >= 0 && orderQuantity > 0) {
            double granted = rules.grantedShare(importer, w.regionOfMarket(orderMarket), terms.region, terms.input,
                    tick);
            double quantity = orderQuantity * granted;
            if (quantity > 0) {
                markets.book(orderMarket).addBid(orderLimit, quantity, Owner.of(seat, 0));
            }
        }
    }

    /**
     * Puts cargo bought at {@code market} to sea for {@code transit} ticks on the route home, as an export of the
     * supplier, carried at {@code value}, what it cost in US dollars.
     */
    void dispatch(World w, Markets markets, int market, int tick, int transit, double quantity, double value) {
        // Cargo on a voyage of no time joins the ring slot already landed this tick, and comes round with it.
        int origin = w.regionOfMarket(market);
        markets.shipping().ship(accountOf[origin], Shipping.DIRECT, market, -1, tick, transit, quantity, value);
        procured += quantity;
        procuredFrom[origin] += quantity;
    }

    /**
     * Books pooled cargo bought at the supplier: it is declared to the trade measures as shipped, leaves as an
     * export and sails home, carrying what it cost landed (price, export tax or subsidy, freight, levy, tariff),
     * the landed price its order was limited by. The members it is handed to pay the freight in that cost, as a
     * trader's buyers pay it in the trader's price; left out, it was a real cost no one in the model bore.
     */
    void settle(World w, Markets markets, RouteConditions routes, TradeMeasure rules, OrderBook book, int market,
                int from, int to, int tick) {
        if (!book.crossed()) {
            return;
        }
        double p = markets.price(market);
        double unitCost = (p * (1 + orderTax) + routes.cost(orderRoute) - orderRebate + orderLevy)
                * (1 + orderTariff) * w.commodity(terms.input).valuePerUnit();
        int origin = w.regionOfMarket(market);
        for (int i = from; i < to; i++) {
            double q = book.bidFilled(i);
            if (q > 0) {
                rules.shipped(importer, origin, terms.region, terms.input, tick, q, p);
                dispatch(w, markets, market, tick, routes.transit(orderRoute), q, q * unitCost);
            }
        }
    }

    /** Lands the cargo due and hands members what they required, pro rata, at cost; returns each one's share. */
    void landAndDeliver(Firms x, World w, Markets markets, TradeMeasure rules, Membership members,
                        double[] deliveredRecent, int tick) {
        double home = markets.price(w.market(terms.region, terms.input));
        for (int k = 0; k < origins.length; k++) {
            double q = markets.shipping().land(accounts[k], Shipping.DIRECT, tick);
            if (q > 0) {
                stock += q;
                stockCost += markets.shipping().landedValue();
                // Declared as a trader declares its landing: levies and quota rent are collected on it.
                rules.landed(importer, origins[k], terms.region, terms.input, tick, q, home);
            }
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
        for (int f : members.candidates) {
            if (!members.member[f] || members.required[f] <= 0) {
                continue;
            }
            double share = give * members.required[f] / total;
            x.receiveInput(x.slotOf(f, terms.input), share, share * unitCost, markets.ledger());
            deliveredRecent[f] += share;
        }
        stock -= give;
        stockCost -= give * unitCost;
    }

    /** Everything the pool has at sea, from every supplier. */
    private double atSea(Markets markets) {
        double s = 0;
        for (int a : accounts) {
            s += markets.shipping().atSea(a);
        }
        return s;
    }

    double stock() {
        return stock;
    }

    /** What the stock landed cost, US dollars, not yet charged to the members it will be handed to. */
    double stockCost() {
        return stockCost;
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
