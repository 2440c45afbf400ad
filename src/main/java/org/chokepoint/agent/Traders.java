package org.chokepoint.agent;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.chokepoint.market.Ledger;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.market.Participant;
import org.chokepoint.market.Shipping;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.trade.TradeRules;
import org.chokepoint.world.Route;
import org.chokepoint.world.World;

/**
 * Traders buy in one region's market and ship along a route to another's. A purchase leaves the origin as an
 * export when bought and enters the destination as an import when it lands, after the route's transit time;
 * until it is sold there it is the trader's stock in the destination.
 *
 * <p>Quantities follow sales, prices follow costs. A trader orders by stock management with full weight on
 * its supply line (Sterman, "Modeling managerial behavior: misperceptions of feedback in a dynamic
 * decision making experiment", <i>Management Science</i> 35(3), 1989): it replaces what it expects to sell
 * and closes, over {@code stockAdjustTicks}, the gaps between its stock and its target and between the cargo
 * it has at sea and what its voyage needs. A lane with no sales starts, once the destination price stands
 * above the lane's cost-plus price, from a share of its capacity. Landed cargo is offered at the lane's
 * cost-plus price: what the next cargo would cost to land, duties included, plus the capacity-weighted margin
 * of the lane's traders. The traders of one lane (one entry of the scenario's traders) quote one price and
 * bid one price, from the lane's stock and supply line: they compete for cargo and customers on equal terms
 * and share what the market takes in proportion to what they offer. A lane long in stock cuts its price by
 * {@code (target / stock)^η} to work the stock off, never below landed cost unless the stock is stranded far
 * beyond its target; one short of stock still asks its cost-plus price and buyers' bids lift the market above
 * it. At the origin a trader bids near the price it expects there, more as the lane's stock and supply line
 * fall short of what its sales need, in steps up to the prices at which the cargo still earns it a margin at
 * the destination (at every origin under {@code sellerAsk: normalSales}, under {@code plan} only where traders
 * are the origin's only buyers), so that a seller asking a little more sells a little less rather than nothing;
 * never above what the cargo is worth at the destination with a pass-through of a dearer origin price. Each
 * trader offers about what it expects to sell, plus what it holds beyond its target, so a lane a little cheaper
 * than another serves its own buyers rather than the whole market.
 *
 * <p>Restrictions shape what traders do: an export tax and import tariffs or levies raise the cost-plus price;
 * a quota or a licence limits what may be bought for shipment (every trader asks first, then buys the share
 * granted); a ban stops the lane and a quota refuses part of it, but where a detour through a third country
 * is open a leak rate of what they stop goes round them, at the detour's extra cost and transit time, when
 * that still pays. Between a restriction's announcement and its effect, traders front-run it:
 * they buy up to their capacity while they still can and hold their landed stock back for the scarcity
 * to come. A lane a ban with no way round it has closed for as long as traders wait before they invest turns its
 * capacity to the lanes still open into the same market, and takes it back once the ban has been lifted as long
 * ({@link LaneRedeployment}).
 *
 * <p>Where a scenario allows it ({@code behaviour.speculation.capacityTicks} above 0), traders also hold
 * speculative stocks on expectations, in both the markets they trade in (the origin's and the destination's),
 * on the price trend they believe there ({@link SpeculativePositions}). A trader moves each position toward its
 * target by the share of the gap it closes in its flow each tick: it bids for stock at the last price and no more
 * in a tick than the market last traded, taking what is offered without bidding the quote up itself, and when the
 * trend fades or turns it sells what it no longer wants for as little as {@code speculation.sellFloor} of the last
 * price (half by default). Speculative stock is held in the region of its market, apart from the cargo the trader
 * trades, and counts in that market's stock.
 */
public final class Traders implements Participant {
    /** Ticks of normal sales a trader is content to hold in its destination. */
    private final double stockCover;
    /** Share of its capacity a lane with no sales aims to ship once its gap has opened. */
    private final double bootstrapShare;
    /** Gap over the lane's cost-plus price, as a share of it, at which a lane aims for its whole bootstrap share. */
    private final double openGap;
    /** Share of a dearer origin price a trader expects to pass on at the destination. */
    private final double passThrough;
    /** Ticks over which a trader closes the gaps of its stock and supply line. */
    private final double adjustTicks;
    /** Ticks of its expected sales a trader offers in a tick, as any seller does. */
    private final double offerTicks;
    /** How far above its expected destination price a trader holds stock while a restriction is ahead. */
    private final double hoardingPremium;
    /**
     * {@code sellerAsk: normalSales}, the rules that keep trade smooth: a trader cuts only its share of its lane's
     * stock beyond target, and bids for cargo in steps at every origin ({@link CargoBidSteps}).
     */
    private final boolean cutBeyondTarget;
    /** How much a trader holds when it buys ahead of a restriction. */
    private final FrontRunning frontRunning;
    /** Extra transit of a detour through a third country, in ticks. */
    private final int detourTicks;
    /** The highest ratio by which a trader's bid departs from its expected price with its stock. */
    private final double maxRatio;
    /** Weight of this tick's sales in a trader's normal sales. */
    private final double normalSalesWeight;
    /** The cover a trader aims for at its destination under supply risk, and how the news moves its price. */
    private final PrecautionaryBid precaution;
    /** The supply risk buyers perceive in each market; all nought when precaution is off. */
    private SupplyRisk risk;
    /**
     * Share of its usual flow the trader's lane was refused in the last tick: all of it when banned or closed,
     * what a quota or licence left short of its normal sales otherwise.
     */
    private final double[] refused;

    public final int count;
    final String[] id;
    final int[] commodity;
    final int[] origin;
    final int[] destination;
    final int[] originMarket;
    final int[] destinationMarket;
    final int[] route;
    /** US dollars a unit of the trader's commodity is worth at a price of 1. */
    private final double[] value;
    final double[] capacity;
    final double[] minMargin;
    final double[] expectedOrigin;
    final double[] expectedDestination;
    /** Cargo landed and not yet sold, held in the destination region. */
    final double[] stock;
    /** Sold per tick in the destination, a slow average that sets the stock the trader is content with. */
    final double[] normalSales;
    /** The flow the trader currently aims to ship per tick. */
    final double[] flow;
    /** What the trader's next cargo would cost landed at the destination, duties included. */
    private final double[] landedCost;
    /** The lane (the scenario's trader entry) each trader works on, and each lane's figures. */
    private final int[] lane;
    private final double[] laneMargin;
    /** Each lane's stock and supply line this tick, and the ratios its traders ask and bid by. */
    private final LaneStocks laneStocks;
    /** The route, trade measures and prices each lane faces this tick. */
    private final LaneTerms terms;
    /** How many steps each trader's bid for cargo at its origin is split into, and their limits. */
    private final CargoBidSteps cargoSteps;
    /** This tick's worth of a unit of its cargo at the destination, net of tariff and levy, and its bid's cap. */
    private final double[] worth;
    private final double[] ceiling;
    /** Each trader's cargo at sea before this tick's purchase, added up once a tick. */
    private final double[] atSea;
    /** Shipping capacity traders add where their lane earns a lasting rent. */
    private final LaneExpansion expansion;
    /** Shipping capacity turned from lanes a ban has closed to the lanes still open into the same market. */
    private final LaneRedeployment redeployment;
    /** Each trader's capacity in its market's base units, when capacity is due to move. */
    private final double[] baseCapacity;
    /** Capacity at the start of the lane's growth path, and that path (see {@link #growWith}). */
    private double[] startCapacity;
    private double[] trendPath;
    private int trendTicks;
    /** Bought this tick for shipment. */
    final double[] shipped;
    /** What the trader wants to buy this tick, before quotas and licences, and its limit price. */
    final double[] wanted;
    final double[] limit;
    /** What the trader wants to buy for shipment round a restriction this tick, its limit and leak rate. */
    final double[] leakWanted;
    private final double[] leakLimit;
    private final double[] leakShare;
    /** The third country a detour passes through. */
    private final int[] via;
    private final double[] sold;
    /** Each trader's account with {@link Shipping}: its cargo at sea, direct and detoured, by arrival tick. */
    private final int[] account;
    /** Ticks a trader's voyages can take at most, and one more: the length of its account's ring. */
    private final int slots;
    /** Index of a trader's speculative position in its origin's market: {@code 2 * trader + ORIGIN}. */
    public static final int ORIGIN = 0;
    /** Index of a trader's speculative position in its destination's market: {@code 2 * trader + DESTINATION}. */
    public static final int DESTINATION = 1;
    /** The speculative stocks traders hold on expectations, in their origins' and destinations' markets. */
    final SpeculativePositions speculation;

    /** What the kind of a trader's order is, in its tag: {@code kind << KIND_SHIFT | index}. */
    private static final int KIND_SHIFT = 20;
    private static final int CARGO = 0;
    private static final int DETOUR = 1;
    private static final int STORE = 2;
    private int seat;
    private int tick;
    private Markets markets;
    private Ledger ledger;
    private Shipping shipping;
    private RouteConditions routes;
    private TradeRules rules;
    private final double expectationRate;
    /** Share of the gap to a desired flow or speculative position closed in a tick. */
    private final double flowAdjustment;

    private Traders(int n, int lanes, int slots, int markets, BehaviourSpec b, int ticksPerYear, int detourTicks) {
        BehaviourSpec.Trading trading = b.trading();
        stockCover = TickTime.bufferTicks(trading.stockCoverWeeks(), ticksPerYear);
        bootstrapShare = trading.bootstrapShare();
        openGap = trading.openGap();
        passThrough = trading.passThrough();
        adjustTicks = b.stockAdjustTicks();
        offerTicks = TickTime.bufferTicks(b.offerWeeks(), ticksPerYear);
        hoardingPremium = trading.hoardingPremium();
        cutBeyondTarget = b.asksNormalSales();
        this.detourTicks = detourTicks;
        maxRatio = b.maxStockPriceRatio();
        normalSalesWeight = TickTime.averageWeight(b.normalSalesWeeks(), ticksPerYear);
        refused = new double[n];
        precaution = new PrecautionaryBid(TickTime.ticks(b.precaution().coverWeeksAtFullRisk(), ticksPerYear),
                b.askStockElasticity(), maxRatio);
        expectationRate = b.expectationRate();
        flowAdjustment = b.outputAdjustment();
        speculation = new SpeculativePositions(n, markets, b.speculation(), ticksPerYear);
        frontRunning = new FrontRunning(TickTime.ticks(trading.frontRunCoverWeeks(), ticksPerYear),
                trading.hoardingPremium(), speculation.carryPerTick);
        count = n;
        id = new String[n];
        commodity = new int[n];
        origin = new int[n];
        destination = new int[n];
        originMarket = new int[n];
        destinationMarket = new int[n];
        route = new int[n];
        value = new double[n];
        capacity = new double[n];
        BehaviourSpec.Investment investment = b.investment();
        expansion = new LaneExpansion(n, investment.hurdle(), investment.patienceTicks(), investment.stepShare(),
                investment.tradeLeadTicks());
        minMargin = new double[n];
        expectedOrigin = new double[n];
        expectedDestination = new double[n];
        stock = new double[n];
        normalSales = new double[n];
        flow = new double[n];
        landedCost = new double[n];
        lane = new int[n];
        laneMargin = new double[lanes];
        laneStocks = new LaneStocks(lanes, trading.strandedCover(), b.askStockElasticity(), b.minStockPriceRatio(),
                maxRatio);
        terms = new LaneTerms(lanes);
        redeployment = new LaneRedeployment(lane, terms.destinationMarket, investment.patienceTicks(),
                investment.tradeLeadTicks());
        baseCapacity = new double[n];
        // Under sellerAsk: ladder a trader's steps reach only its least margin; otherwise twice it.
        cargoSteps = new CargoBidSteps(n, cutBeyondTarget, b.offersLadder() ? 1.0 : 2.0);
        worth = new double[n];
        ceiling = new double[n];
        atSea = new double[n];
        shipped = new double[n];
        wanted = new double[n];
        limit = new double[n];
        leakWanted = new double[n];
        leakLimit = new double[n];
        leakShare = new double[n];
        via = new int[n];
        sold = new double[n];
        this.slots = slots;
        account = new int[n];
    }

    /**
     * Connects the traders to the run: the markets they trade in, the routes and trade rules that bind them.
     * Opens each trader's account for cargo at sea.
     */
    public void connect(Markets markets, RouteConditions routes, TradeRules rules) {
        this.markets = markets;
        this.ledger = markets.ledger();
        this.shipping = markets.shipping();
        this.routes = routes;
        this.rules = rules;
        speculation.connect(ledger);
        for (int i = 0; i < count; i++) {
            account[i] = shipping.open(destinationMarket[i], slots);
        }
    }

    /** The supply risk the traders read, the same the firms read. */
    public void useRisk(SupplyRisk risk) {
        this.risk = risk;
    }

    /** Share of its usual flow the trader's lane was refused in the last tick. */
    double refused(int i) {
        return refused[i];
    }

    // ---- the tick ---------------------------------------------------------------------------------------------

    @Override
    public void seat(int seat) {
        if (2 * count > 1 << KIND_SHIFT) {
            throw new IllegalStateException("too many traders for an order's tag: " + count);
        }
        this.seat = seat;
    }

    private int owner(int kind, int index) {
        return Owner.of(seat, kind << KIND_SHIFT | index);
    }

    @Override
    public void countOrders(int[] orders) {
        for (int t = 0; t < count; t++) {
            // A bid for cargo, one for cargo going round a restriction, and a speculative order.
            orders[originMarket[t]] += 2 + Math.max(1, cargoSteps.steps(t));
            // An ask for its cargo (in two parts when only the lane's excess is cut) and a speculative order.
            orders[destinationMarket[t]] += cutBeyondTarget ? 3 : 2;
        }
    }

    @Override
    public void markMarkets(boolean[] used) {
        for (int t = 0; t < count; t++) {
            used[originMarket[t]] = true;
            used[destinationMarket[t]] = true;
        }
    }

    @Override
    public void beginTick(int tick) {
        this.tick = tick;
    }

    /**
     * Cargo due lands; every trader offers what it holds and decides what it wants to buy, asking first, so
     * quotas and licences can share out what may leave; then all bid for what they were granted.
     */
    @Override
    public void ship(int tick) {
        boolean speculating = speculating();
        if (speculating) {
            speculation.updateTrends(markets);
        }
        terms.updateRoutes(routes);
        // The cover each lane's traders aim for follows the risk at its destination, which the sums count.
        terms.updateRisk(risk, stockCover, precaution);
        sumLanes(tick);
        terms.update(tick, markets, routes, rules, detourTicks);
        laneStocks.ratios();
        for (int i = 0; i < count; i++) {
            if (speculating) {
                speculate(i);
            }
            offer(i, tick);
            plan(i, tick);
        }
        for (int i = 0; i < count; i++) {
            bid(i, tick);
        }
    }

    @Override
    public void settleAsks(OrderBook book, int m, int from, int to) {
        double p = markets.price(m);
        for (int o = from; o < to; o++) {
            double q = book.askFilled(o);
            if (q <= 0) {
                continue;
            }
            int tag = Owner.tag(book.askOwner(o));
            int index = tag & ((1 << KIND_SHIFT) - 1);
            if (tag >>> KIND_SHIFT == STORE) {
                speculation.settle(index, -q, m, p, value[index / 2]);
            } else {
                settleSale(index, q, p);
            }
        }
    }

    @Override
    public void settleBids(OrderBook book, int m, int from, int to) {
        if (!book.crossed()) {
            return;
        }
        double p = markets.price(m);
        for (int o = from; o < to; o++) {
            double q = book.bidFilled(o);
            if (q <= 0) {
                continue;
            }
            int tag = Owner.tag(book.bidOwner(o));
            int index = tag & ((1 << KIND_SHIFT) - 1);
            switch (tag >>> KIND_SHIFT) {
                case CARGO -> settlePurchase(index, q, p, false);
                case DETOUR -> settlePurchase(index, q, p, true);
                default -> speculation.settle(index, q, m, p, value[index / 2]);
            }
        }
    }

    @Override
    public void endTick(int tick) {
        if (speculating()) {
            speculation.rememberTraded(markets);
        }
        redeploy(tick);
        for (int i = 0; i < count; i++) {
            endTrader(i);
        }
    }

    /** Landed cargo in the destination, speculative stock in the market it is held in. */
    @Override
    public void addHoldings(double[] held) {
        for (int i = 0; i < count; i++) {
            held[originMarket[i]] += speculation.held[2 * i + ORIGIN];
            held[destinationMarket[i]] += stock[i] + speculation.held[2 * i + DESTINATION];
        }
    }

    /**
     * @param longestTransit the longest transit any route can have, disruptions included
     * @param behaviour how traders size their flows, hold cargo and speculate
     */
    public static Traders build(List<Scenario.TraderSpec> specs, World world, int longestTransit,
                                BehaviourSpec behaviour, MersenneTwisterFast random) {
        int n = 0;
        for (Scenario.TraderSpec s : specs) {
            n += s.countOrDefault();
        }
        int detour = TickTime.wholeTicks(behaviour.trading().detourWeeks(), world.ticksPerYear(), 0);
        Traders t = new Traders(n, specs.size(), longestTransit + detour + 1, world.marketCount(), behaviour,
                world.ticksPerYear(), detour);
        double[] laneCapacity = new double[specs.size()];
        int i = 0;
        int entry = 0;
        for (Scenario.TraderSpec s : specs) {
            int c = world.commodityIndex(s.commodity());
            int from = world.regionIndex(s.from());
            int to = world.regionIndex(s.to());
            int k = s.countOrDefault();
            t.terms.define(entry, k, from, to, c, world.routeBetween(from, to), world.market(from, c), world.market(to, c));
            for (int j = 0; j < k; j++, i++) {
                t.id[i] = k == 1 ? s.id() : s.id() + "-" + (j + 1);
                t.commodity[i] = c;
                t.origin[i] = from;
                t.destination[i] = to;
                t.originMarket[i] = world.market(from, c);
                t.destinationMarket[i] = world.market(to, c);
                t.route[i] = world.routeBetween(from, to);
                t.value[i] = world.commodity(c).valuePerUnit();
                t.capacity[i] = s.capacityPerTick().draw(random);
                t.minMargin[i] = s.minMargin().draw(random);
                t.expectedOrigin[i] = world.commodity(c).initialPrice();
                t.expectedDestination[i] = world.commodity(c).initialPrice();
                t.landedCost[i] = world.commodity(c).initialPrice();
                t.lane[i] = entry;
                laneCapacity[entry] += t.capacity[i];
                t.laneMargin[entry] += t.capacity[i] * t.minMargin[i];
            }
            entry++;
        }
        for (int e = 0; e < laneCapacity.length; e++) {
            t.laneMargin[e] = laneCapacity[e] > 0 ? t.laneMargin[e] / laneCapacity[e] : 0;
        }
        return t;
    }

    /**
     * Starts the trader in a steady state: selling {@code flow} a tick, its stock at target (with the last tick's
     * cargo landed, on a route of no transit) and the cargo it bought in each of the last transit ticks at sea, due to
     * land one a tick from tick 0 on.
     */
    public void startAt(int i, double flow, double originPrice, double destinationPrice) {
        normalSales[i] = flow;
        this.flow[i] = flow;
        int transit = routes.transit(route[i]);
        // Cargo bought on a route with no transit lands the tick it is bought, once the destination has cleared, so
        // at rest the tick's sales come from the stock and the last tick's purchase, as on a longer route from the
        // stock and the cargo that lands in the tick. Started with the stock alone, a lane was a tick's flow short of
        // its target and bought half again its flow in the first tick: a monthly restatement rounds a two-week voyage
        // to none, and the worked example's oxide lane bought 43 t against its 28 t a month.
        stock[i] = (transit == 0 ? stockCover + 1 : stockCover) * flow;
        expectedOrigin[i] = originPrice;
        expectedDestination[i] = destinationPrice;
        landedCost[i] = destinationPrice / (1 + laneMargin[lane[i]]);
        for (int k = 0; k < transit; k++) {
            shipping.preload(account[i], Shipping.DIRECT, origin[i], k, flow);
        }
    }

    /** The lane (the scenario's trader entry) a trader works on. */
    public int lane(int i) {
        return lane[i];
    }

    /**
     * Lets every trader's capacity grow with its destination market on the growth path firms plan for, as
     * carriers add ships and warehouses when trade grows.
     *
     * @param path each market's volume relative to the start, {@code path[market * ticks + tick]}
     */
    public void growWith(double[] path, int ticks) {
        this.trendPath = path;
        this.trendTicks = ticks;
        this.startCapacity = capacity.clone();
    }

    /**
     * Lands each trader's cargo due this tick, then adds up each lane's stock and supply line against what its
     * sales need, before any offers or bids: stock counts this tick's landed cargo, cargo at sea does not yet
     * count this tick's purchase. One walk does both: a trader's landing touches only its own stock and
     * account, so its sums are the ones a walk after all landings would find, added in the same order.
     */
    private void sumLanes(int tick) {
        laneStocks.clear();
        int[] transit = terms.routeTransit;
        double[] covers = terms.stockCover;
        for (int i = 0; i < count; i++) {
            unload(i, tick);
            int e = lane[i];
            double expected = Math.max(normalSales[i], flow[i]);
            atSea[i] = inTransit(i);
            laneStocks.add(e, stock[i], atSea[i], normalSales[i], expected, covers[e], transit[e]);
        }
    }

    /**
     * Cargo due this tick enters the destination as an import and joins the trader's stock there; its recorded
     * origin is the region it was last shipped from (the third country of a detour).
     */
    private void unload(int i, int tick) {
        double q = shipping.land(account[i], Shipping.DIRECT, tick);
        if (q > 0) {
            landed(i, q, tick, false);
        }
        double d = shipping.land(account[i], Shipping.DETOUR, tick);
        if (d > 0) {
            landed(i, d, tick, true);
        }
    }

    /**
     * Cargo joins the trader's stock. Only cargo of the lane itself is declared to the lane's measures on landing,
     * as only it was declared on shipping ({@link #settlePurchase}): cargo that went round a restriction is
     * declared as from the third country, and the measures' books of the lane's cargo at sea never held it. The
     * importer's levies on it are settled apart, as on the way round ({@link TradeRules#landedRound}).
     */
    private void landed(int i, double q, int tick, boolean detoured) {
        stock[i] += q;
        if (!detoured) {
            rules.landed(i, origin[i], destination[i], commodity[i], tick, q, markets.price(destinationMarket[i]));
        } else {
            rules.landedRound(i, origin[i], destination[i], commodity[i], tick, q);
        }
    }

    public String id(int i) { return id[i]; }
    /** The most the trader buys for shipment in a tick. */
    public double capacity(int i) { return capacity[i]; }
    /** What the trader usually sells at its destination a tick: its sales smoothed over {@code normalSalesWeeks}. */
    public double normalSales(int i) { return normalSales[i]; }
    /** The margin the trader needs, as a share of the price. */
    public double minMargin(int i) { return minMargin[i]; }
    public int destination(int i) { return destination[i]; }
    /** The markets a trader buys in and sells in. */
    public int originMarket(int i) { return originMarket[i]; }
    public int destinationMarket(int i) { return destinationMarket[i]; }
    /** Speculative stock a trader holds on one side ({@link #ORIGIN} or {@link #DESTINATION}). */
    public double speculative(int i, int side) { return speculation.held[2 * i + side]; }
    /** Landed cargo not yet sold. */
    public double stock(int i) { return stock[i]; }

    /** Whether the scenario lets traders hold speculative stock at all; without it no speculation work is done. */
    public boolean speculating() {
        return speculation.on();
    }

    /**
     * Moves the trader's speculative positions in its origin's and its destination's markets toward the ones
     * their trends justify, by the share of the gap it closes in its flow each tick; the orders go to the books
     * in {@link #bid}.
     */
    private void speculate(int i) {
        speculation.plan(2 * i + ORIGIN, originMarket[i], capacity[i], markets, flowAdjustment);
        speculation.plan(2 * i + DESTINATION, destinationMarket[i], capacity[i], markets, flowAdjustment);
    }

    /**
     * Offers the trader's landed stock at its lane's price: the cost-plus price, cut when the lane is long in
     * stock, never below landed cost unless the stock is stranded, and held back while a restriction on the
     * lane is ahead for the scarcity to come. It offers about what it expects to sell plus what it holds beyond
     * its own target.
     */
    private void offer(int i, int tick) {
        double s = stock[i];
        if (s <= 0) {
            return;
        }
        int e = lane[i];
        double landed = landedCost[i];
        double full = landed * (1 + laneMargin[e]);
        double ask = full * laneStocks.askCut[e];
        if (!laneStocks.stranded[e]) {
            ask = Math.max(ask, landed);
        }
        // Ahead of a restriction a trader holds its stock back for the scarcity to come. Where buyers read the
        // supply risk, the larger cover they call for holds it back (below) and the news has already revised the
        // price it expects; a hoarding premium on top would count the same scarcity twice, so it applies only
        // where nobody reads the risk.
        if (terms.ahead[e] && !terms.holdsCover[e]) {
            double hoarded = expectedDestination[i] * (1 + hoardingPremium);
            ask = Math.max(ask, hoarded);
            full = Math.max(full, hoarded);
        }
        // Under risk the trader keeps the larger cover its buyers call for and offers only what lies beyond it
        // and its expected sales; it sets no price floor of its own, which would follow the price it sets.
        double own = (terms.stockCover[e] + 1) * normalSales[i];
        double quantity = Math.min(s, offerTicks * Math.max(normalSales[i], flow[i]) + Math.max(0.0, s - own));
        // Under sellerAsk: normalSales only the trader's share of the lane's stock beyond its target is offered at
        // the cut: the rest is what the lane's purchases replace at their cost, and cut too it would sell below that
        // cost for a week.
        double beyond = cutBeyondTarget && laneStocks.askCut[e] < 1.0
                ? Math.min(quantity, shareBeyondTarget(s, laneStocks.target[e], laneStocks.stock[e])) : 0;
        BeyondTargetOffer.add(markets.book(destinationMarket[i]), quantity, full, ask, beyond, owner(CARGO, i));
    }

    /**
     * A trader's share of its lane's stock beyond the lane's target, pro rata to what it holds: a trader holding
     * {@code held} of a lane's {@code laneStock}, whose target is {@code laneTarget}, holds
     * {@code held / laneStock} of the lane's excess {@code laneStock - laneTarget}.
     */
    static double shareBeyondTarget(double held, double laneTarget, double laneStock) {
        return held * (1 - laneTarget / laneStock);
    }

    /**
     * Decides how much the trader wants to buy for shipment this tick and at what limit, and tells the
     * trade rules, which pool the requests of quota-bound and licensed lanes.
     */
    private void plan(int i, int tick) {
        shipped[i] = 0;
        wanted[i] = 0;
        leakWanted[i] = 0;
        leakShare[i] = 0;
        int e = lane[i];
        LaneTerms t = terms;
        double pd = t.destinationPrice[e];
        double po = t.originPrice[e];
        expectedDestination[i] += expectationRate * (pd - expectedDestination[i]);
        // The news raises the price it expects at the destination as it raises its buyers' cover (see
        // Manufacturers#newsRevision and LaneTerms#newsRevision).
        expectedDestination[i] *= t.newsRevision[e];
        expectedOrigin[i] += expectationRate * (po - expectedOrigin[i]);
        // What the rules refuse the lane this tick; bid() adds what its licences and quota do not grant.
        refused[i] = t.refused[e];
        if (!t.trading[e]) {
            return;
        }
        boolean banned = t.banned[e];
        boolean canDetour = t.canDetour[e];
        double extra = t.detourCost[e];
        double cost = t.cost[e];
        double tax = t.tax[e];
        double rebate = t.rebate[e];
        double tariff = t.tariff[e];
        double cif = t.cif[e];
        // The levy is the trader's own: it may depend on what the traders before it asked for (see LaneTerms).
        double levy = rules.importLevy(origin[i], destination[i], commodity[i], tick, cif);
        double netAtDestination = t.netOfTariff[e] - levy;
        double margin = minMargin[i] * pd;
        // Cargo smuggled round a restriction pays the detour instead of the export tax and the licence,
        // and takes longer; it evades the exporter's measures, not the importer's, which levy it on what it cost.
        double roundLevy = canDetour ? rules.detourLevy(origin[i], destination[i], commodity[i], tick, po + cost) : 0;
        double netRound = t.netOfTariff[e] - roundLevy;
        double detourGap = canDetour ? netRound - po - cost - extra : Double.NEGATIVE_INFINITY;
        int transit = t.voyage[e];
        boolean ahead = t.ahead[e];
        // An export subsidy per unit above the origin price and the freight makes the sum negative: the exporter
        // pays more than the cargo costs. Such cargo lands for nothing (the trader keeps the rest of the subsidy),
        // and a seller's ask is never below zero.
        landedCost[i] = Math.max(0.0,
                banned ? (po + cost + extra) * (1 + tariff) + roundLevy * (1 + tariff) : (cif + levy) * (1 + tariff));
        double askBase = landedCost[i] * (1 + laneMargin[e]);
        double quantity;
        if (ahead) {
            // Front-running: buy what it can carry while shipments are still free, up to what it can store and
            // finance (FrontRunning).
            // Its warehouse is sized on its usual business, not on the sales it forgoes while it holds out.
            quantity = frontRunning.purchase(Math.max(normalSales[i], flow[i]), stock[i], atSea[i], transit,
                    capacity[i]);
        } else {
            // A lane whose gap has opened and that sells nothing yet starts from a share of its capacity; one
            // that sells out what it lands while the market pays above its cost-plus price ships more, up to its
            // capacity, for its sales say nothing of what the market would take.
            // A cargo that costs nothing to land (a free origin on a free route) is open wherever it sells at all.
            double gap = askBase > 0 ? pd / askBase - 1 : (pd > 0 ? Double.POSITIVE_INFINITY : -1);
            double open = Math.min(1.0, Math.max(0.0, gap / openGap));
            // The stock it aims for, with the cover its buyers call for under supply risk.
            double target = (t.stockCover[e] + 1) * normalSales[i];
            double short_ = target > 0 ? Math.max(0.0, 1 - stock[i] / target) : 1.0;
            // Only a gap beyond openGap counts: within it the market's own noise opens and closes the gap.
            double beyond = Math.min(1.0, Math.max(0.0, gap / openGap - 1));
            double desired = Math.min(capacity[i],
                    Math.max(normalSales[i] * (1 + beyond * short_), bootstrapShare * capacity[i] * open));
            // Like a plant's run rate, the flow a trader aims for moves only part of the way each tick.
            flow[i] += flowAdjustment * (desired - flow[i]);
            // Stock after this tick's cargo landed, before sales; cargo at sea before this tick's purchase.
            double stockGap = target - stock[i];
            double lineGap = flow[i] * Math.max(0, transit - 1) - atSea[i];
            quantity = flow[i] + (stockGap + lineGap) / adjustTicks;
            quantity = Math.min(capacity[i], Math.max(0.0, quantity));
        }
        if (canDetour && detourGap > margin) {
            via[i] = t.detourVia[e];
            leakShare[i] = t.detourShare[e];
            leakLimit[i] = netRound - cost - extra - margin;
            if (banned) {
                leakWanted[i] = quantity * leakShare[i];
            }
        }
        if (banned) {
            return;
        }
        quantity *= t.allowance[e];
        // It pays up to the origin price at which the cargo still covers its cost at the price it expects at the
        // destination, with a dearer origin partly passed on: the margin is what it aims to earn, not a gate that
        // would switch the lane on and off. Like any buyer, it bids near the price it expects at the origin, more
        // as the lane's stock and cargo at sea fall short of what its sales need.
        double expectedNet = Math.max(pd, expectedDestination[i]) / (1 + tariff) - levy;
        double highest = (expectedNet * (1 + passThrough) - cost + rebate) / (1 + tax);
        double bid = Math.min(highest, expectedOrigin[i] * (ahead ? maxRatio : laneStocks.urgency[e]));
        worth[i] = expectedNet;
        ceiling[i] = highest;
        if (quantity > 0 && bid > 0) {
            wanted[i] = quantity;
            limit[i] = bid;
            rules.request(i, origin[i], destination[i], commodity[i], tick, quantity);
        }
    }

    /**
     * Bids for the share of its wanted cargo that quotas and licences grant, and, where a detour is open
     * and pays, for what leaks round the restriction: the leak rate times what a ban stops or a quota
     * refuses.
     */
    private void bid(int i, int tick) {
        OrderBook book = markets.book(originMarket[i]);
        if (wanted[i] > 0) {
            double granted = rules.grantedShare(i, origin[i], destination[i], commodity[i], tick);
            double quantity = wanted[i] * granted;
            if (granted < 1) {
                // Buyers see what the lane could not bring of its usual flow, not of what it wanted.
                double normal = Math.max(normalSales[i], Double.MIN_NORMAL);
                refused[i] = Math.max(refused[i], Math.min(1.0, Math.max(0.0, 1 - quantity / normal)));
            }
            if (quantity > 0) {
                bidForCargo(i, quantity, book);
            }
            if (leakShare[i] > 0 && granted < 1) {
                // What goes round is a share of what the exporter's measures refuse, not of what an importer's
                // withholds: a tariff-rate quota's licences running out leave the cargo free to go straight, out of
                // quota.
                double refusedAtOrigin = 1 - rules.exportGrantedShare(i, origin[i], destination[i], commodity[i], tick);
                leakWanted[i] = wanted[i] * refusedAtOrigin * leakShare[i];
            }
        }
        if (leakWanted[i] > 0 && leakLimit[i] > 0) {
            book.addBid(leakLimit[i], leakWanted[i], owner(DETOUR, i));
        }
        speculation.place(2 * i + ORIGIN, originMarket[i], markets, owner(STORE, 2 * i + ORIGIN));
        speculation.place(2 * i + DESTINATION, destinationMarket[i], markets, owner(STORE, 2 * i + DESTINATION));
    }

    /**
     * Bids for cargo: one limit ahead of a restriction (as high as it goes) and, under the plan's ask, where others
     * than traders buy at its origin; otherwise in steps along the margins a cargo leaves ({@link CargoBidSteps}).
     */
    private void bidForCargo(int i, double quantity, OrderBook book) {
        int n = cargoSteps.steps(i);
        int e = lane[i];
        if (n == 0 || terms.ahead[e]) {
            book.addBid(limit[i], quantity, owner(CARGO, i));
            return;
        }
        cargoSteps.bid(book, n, quantity, worth[i], minMargin[i], terms.cost[e], terms.rebate[e], terms.tax[e],
                limit[i], ceiling[i], owner(CARGO, i));
    }

    /** Steps a trader's bid for cargo is split into. */
    int originSteps(int i) {
        return cargoSteps.steps(i);
    }

    /**
     * Tells the traders which markets have buyers other than traders (manufacturers buying inputs, final demand,
     * stockists), and so how many steps each bids for cargo in ({@link CargoBidSteps}).
     */
    public void stepBids(boolean[] otherBuyers) {
        cargoSteps.count(originMarket, otherBuyers);
    }

    /**
     * Books cargo bought at the origin: it leaves as an export and arrives after the transit time, and what it
     * cost (the price, its transport) comes off the traders' surplus in its destination's market. Cargo
     * going round a restriction is declared to the third country, does not count against quotas or
     * licences, and lands as an import from that country.
     */
    private void settlePurchase(int i, double quantity, double price, boolean detoured) {
        int transit = routes.transit(route[i]) + (detoured ? detourTicks : 0);
        shipped[i] += quantity;
        // Its price, freight and, round a restriction, the detour's extra cost, or else a licence's compliance
        // cost, come off the surplus of the market the cargo will sell in; the measures book their own duties.
        int e = lane[i];
        double perUnit = price + terms.cost[e] + (detoured ? terms.detourCost[e] : price * terms.compliance[e]);
        ledger.traderCost(destinationMarket[i], quantity * perUnit * value[i]);
        int lane = detoured ? Shipping.DETOUR : Shipping.DIRECT;
        int arrival = shipping.ship(account[i], lane, originMarket[i], detoured ? via[i] : -1, tick, transit,
                quantity, 0);
        if (!detoured) {
            rules.shipped(i, origin[i], destination[i], commodity[i], tick, quantity, price);
        } else {
            // The importer's levies fall on it at the c.i.f. price its trader priced it at (see plan).
            rules.shippedRound(i, origin[i], destination[i], commodity[i], tick, quantity,
                    terms.originPrice[e] + terms.cost[e]);
        }
        if (arrival == tick) {
            landed(i, shipping.land(account[i], lane, tick), tick, detoured);
        }
    }

    private void settleSale(int i, double quantity, double price) {
        // A stock offered in two asks (BeyondTargetOffer) is sold as two parts whose rounded sum can be an ulp more
        // than the stock: sold whole, it is gone, not an ulp below nothing.
        stock[i] = Math.max(0.0, stock[i] - quantity);
        sold[i] += quantity;
        ledger.traderSale(destinationMarket[i], quantity * price * value[i]);
    }

    /**
     * Counts the ticks each lane has been closed by a ban, or open, and orders the moves of capacity that are due
     * (see {@link LaneRedeployment}).
     */
    private void redeploy(int tick) {
        if (!redeployment.count(terms.shut, terms.open)) {
            return;
        }
        for (int i = 0; i < count; i++) {
            // On a growth path only the capacity that follows the path moves: what the trader's own projects added
            // is counted in plain units and would come out of the closed lane at one growth factor and into the
            // open one at another. It stays with the lane.
            baseCapacity[i] = trendPath != null ? (capacity[i] - expansion.added(i)) / growth(i, tick) : capacity[i];
        }
        redeployment.order(terms.open, baseCapacity);
    }

    /** The growth factor of trader {@code i}'s destination market on its path at {@code tick}. */
    private double growth(int i, int tick) {
        return trendPath[destinationMarket[i] * trendTicks + Math.min(tick, trendTicks - 1)];
    }

    /** Normal sales follow actual sales over {@code behaviour.normalSalesWeeks}, as a firm's do. */
    private void endTrader(int i) {
        normalSales[i] += normalSalesWeight * (sold[i] - normalSales[i]);
        sold[i] = 0;
        double before = expansion.added(i);
        double movedBefore = redeployment.moved(i);
        expansion.decide(i, capacity[i], shipped[i], markets.price(destinationMarket[i]), landedCost[i]);
        redeployment.advance(i);
        if (trendPath != null) {
            double growth = growth(i, tick + 1);
            capacity[i] = startCapacity[i] * growth + expansion.added(i);
            // The moves never take more than a trader will hold (see LaneRedeployment): the clip only catches
            // rounding.
            if (redeployment.active()) {
                capacity[i] = Math.max(0.0, capacity[i] + redeployment.moved(i) * growth);
            }
        } else {
            capacity[i] += expansion.added(i) - before;
            if (redeployment.active()) {
                capacity[i] = Math.max(0.0, capacity[i] + (redeployment.moved(i) - movedBefore));
            }
        }
    }

    /** Cargo at sea: bought and not yet arrived. */
    public double inTransit(int i) {
        return shipping.atSea(account[i]);
    }

    public static int longestBaseTransit(World world) {
        int m = 0;
        for (Route r : world.routes()) {
            m = Math.max(m, r.transitTicks());
        }
        return m;
    }
}
