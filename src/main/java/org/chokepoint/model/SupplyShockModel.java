package org.chokepoint.model;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.chokepoint.agent.CapacityDecisions;
import org.chokepoint.antitrust.Consortium;
import org.chokepoint.antitrust.ConsortiumContext;
import org.chokepoint.policy.GovernmentNotice;
import org.chokepoint.agent.FirmStatus;
import org.chokepoint.agent.FirmType;
import org.chokepoint.agent.Firms;
import org.chokepoint.agent.Government;
import org.chokepoint.agent.Households;
import org.chokepoint.agent.Manufacturers;
import org.chokepoint.agent.MarketMembers;
import org.chokepoint.agent.Producers;
import org.chokepoint.agent.Recyclers;
import org.chokepoint.agent.RouteConditions;
import org.chokepoint.agent.Shock;
import org.chokepoint.agent.Traders;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.policy.Instrument;
import org.chokepoint.policy.Policies;
import org.chokepoint.policy.TradeRules;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.scenario.spec.ConsortiumSpec;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.world.World;
import org.chokepoint.world.WorldBuilder;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The supply-shock model: a MASON {@link SimState} whose schedule runs the seven phases of a tick in
 * order. Each phase is one {@link Steppable} that walks its agents' primitive arrays, so the schedule
 * holds seven entries however many agents there are.
 *
 * <p>The world and its agents are built in {@link #start()}, from the generator MASON seeded, so a
 * reused instance restarts clean and the same seed gives the same run.
 */
public class SupplyShockModel extends SimState implements ConsortiumContext {
    private static final long serialVersionUID = 1L;

    private final Scenario scenario;
    private final int horizon;

    private transient World world;
    private transient Firms firms;
    private transient Households households;
    private transient Traders traders;
    private transient Government government;
    private transient Markets markets;
    private transient Producers producers;
    private transient Manufacturers manufacturers;
    private transient Recyclers recyclers;
    private transient CapacityDecisions capacity;
    private transient SeriesRecorder series;
    private transient double[] householdScale;
    private transient double[] absorption;
    /** Weight of this tick's use in the average that days of cover are counted in. */
    private transient double absorptionWeight;
    private transient double[] stockScratch;
    private transient double[] capacityScratch;
    private transient double[] valuePerUnit;
    private transient MersenneTwisterFast demandRandom;
    private transient MersenneTwisterFast policyRandom;
    private transient Instrument[] instruments;
    private transient Consortium[] consortia;
    private transient double[] hurdleRelief;
    private transient org.chokepoint.market.OrderBook[] books;
    private int tick;
    private int tickThreads = 1;
    private transient PhaseWorkers workers;
    /** Every market, largest book first, as the clearing phase hands them out. */
    private transient int[] clearOrder;
    private transient PhaseWorkers.Items clearMarket;
    private transient MarketMembers members;
    /** Markets by how many firms sell in them, and by how many input slots buy in them, most first. */
    private transient int[] sellerOrder;
    private transient int[] buyerOrder;
    private transient PhaseWorkers.Items planSellers;
    private transient PhaseWorkers.Items bidForInputs;
    private transient PhaseWorkers.Items decideBlock;
    private transient PhaseWorkers.Items produceSellers;
    private transient PhaseWorkers.Items recordInputUse;

    /**
     * @param seed the run's seed; MASON keeps 32 bits of it, so it is an {@code int}
     * @param horizon ticks to run, or a value below 1 for the scenario's horizon
     */
    public SupplyShockModel(Scenario scenario, int seed, int horizon) {
        super(seed);
        this.scenario = scenario;
        this.horizon = horizon >= 1 ? horizon : scenario.time().horizonTicks();
    }

    /**
     * Threads that share the work of a tick: clearing markets and the firms' plans and decisions. The results
     * are the same, bit for bit, on any number; more than one pays off only for large models (tens of
     * thousands of firms) run one at a time, since an ensemble already keeps every core busy with its runs.
     * Takes effect at the next {@link #start()}.
     */
    public void setTickThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("tick threads must be at least 1, got " + threads);
        }
        this.tickThreads = threads;
    }

    @Override
    public void start() {
        super.start();
        tick = 0;
        closeWorkers();
        workers = new PhaseWorkers(tickThreads, "chokepoint-tick");
        if (tickThreads > 1) {
            // Helper threads must not outlive a model that is dropped without finish().
            PhaseWorkers w = workers;
            Helpers.CLEANER.register(this, w::close);
        }
        BehaviourSpec b = scenario.behaviour();
        world = WorldBuilder.build(scenario);
        int m = world.marketCount();
        double[] initialPrice = new double[m];
        valuePerUnit = new double[m];
        for (int i = 0; i < m; i++) {
            initialPrice[i] = world.commodity(world.commodityOfMarket(i)).initialPrice();
            valuePerUnit[i] = world.commodity(world.commodityOfMarket(i)).valuePerUnit();
        }
        firms = Firms.build(scenario, world, random);
        List<Shock> shocks = Shocks.resolve(scenario, world, horizon);
        RouteConditions routes = new RouteConditions(world);
        government = new Government(shocks, m, routes);
        traders = Traders.build(scenario.traders(), world,
                Traders.longestBaseTransit(world) + government.longestExtraTransit(), b, random);
        households = Households.build(scenario.demand(), world, b.demandNoise(), b.demandNoisePersistence());
        // Demand noise has its own stream, seeded once from the model's generator, so that a policy that
        // draws random numbers does not shift the noise its counterfactual sees.
        demandRandom = new MersenneTwisterFast(new int[] {random.nextInt(), random.nextInt(), random.nextInt()});
        policyRandom = new MersenneTwisterFast(new int[] {random.nextInt(), random.nextInt(), random.nextInt()});
        markets = new Markets(m, world.regionCount(), initialPrice, b.priceAdjustment());
        markets.setContractAdjustment(b.contractPriceAdjustment());
        for (int i = 0; i < m; i++) {
            markets.contract[i] = world.commodity(world.commodityOfMarket(i)).contractPriced();
        }
        books = new org.chokepoint.market.OrderBook[m];
        for (int i = 0; i < m; i++) {
            books[i] = markets.book(i);
        }
        List<Instrument> declared = Policies.build(scenario, world);
        instruments = declared.toArray(new Instrument[0]);
        for (Instrument instrument : instruments) {
            government.tradeRules().add(instrument);
        }
        producers = new Producers(firms, b, world.ticksPerYear());
        manufacturers = new Manufacturers(firms, world, b);
        recyclers = new Recyclers(firms, m, initialPrice);
        BehaviourSpec.Investment inv = b.investment();
        BehaviourSpec.Exit exit = b.exit();
        capacity = new CapacityDecisions(firms, inv.hurdle(), inv.patienceTicks(), inv.stepShare(),
                exit.mothballAfterTicks(), exit.exitAfterTicks(),
                exit.restartTicks() == null ? -1 : exit.restartTicks(), exit.restartMargin());
        series = new SeriesRecorder(horizon, m, world.regionCount());
        List<Consortium> pools = new java.util.ArrayList<>();
        for (ConsortiumSpec spec : scenario.consortia()) {
            pools.add(new Consortium((JointProcurementSpec) spec, world, b));
        }
        consortia = pools.toArray(new Consortium[0]);
        hurdleRelief = new double[firms.count];
        capacity.setHurdleRelief(hurdleRelief);
        householdScale = new double[horizon * households.count];
        absorption = new double[m];
        absorptionWeight = TickTime.averageWeight(scenario.outputs().daysOfCoverWeeks(), world.ticksPerYear());
        stockScratch = new double[m];
        capacityScratch = new double[m];
        markUsedMarkets();
        int[] ordersPerMarket = sizeOrderBooks();
        clearOrder = largestFirst(ordersPerMarket, false);
        clearMarket = i -> clearMarket(clearOrder[i]);
        members = new MarketMembers(firms, m);
        int[] sellersPerMarket = new int[m];
        int[] buyersPerMarket = new int[m];
        for (int i = 0; i < m; i++) {
            sellersPerMarket[i] = members.sellersTo(i) - members.sellersFrom(i);
            buyersPerMarket[i] = members.buyersTo(i) - members.buyersFrom(i);
        }
        sellerOrder = largestFirst(sellersPerMarket, true);
        buyerOrder = largestFirst(buyersPerMarket, true);
        planSellers = i -> planSellers(sellerOrder[i]);
        bidForInputs = i -> bidForInputs(buyerOrder[i]);
        decideBlock = this::decideBlock;
        produceSellers = i -> produceSellers(sellerOrder[i]);
        recordInputUse = i -> recordInputUse(buyerOrder[i]);

        schedule.scheduleRepeating(0.0, Phase.EVENTS.ordinal(), (Steppable) s -> events());
        schedule.scheduleRepeating(0.0, Phase.PLAN.ordinal(), (Steppable) s -> plan());
        schedule.scheduleRepeating(0.0, Phase.SHIP.ordinal(), (Steppable) s -> ship());
        schedule.scheduleRepeating(0.0, Phase.CLEAR.ordinal(), (Steppable) s -> clear());
        schedule.scheduleRepeating(0.0, Phase.PRODUCE.ordinal(), (Steppable) s -> produce());
        schedule.scheduleRepeating(0.0, Phase.DECIDE.ordinal(), (Steppable) s -> decide());
        schedule.scheduleRepeating(0.0, Phase.RECORD.ordinal(), (Steppable) s -> {
            record();
            tick++;
        });
    }

    private void markUsedMarkets() {
        boolean[] used = markets.used;
        for (int f = 0; f < firms.count; f++) {
            used[firms.market[f]] = true;
            for (int s = firms.inputOffset[f]; s < firms.inputOffset[f + 1]; s++) {
                used[firms.inputMarket[s]] = true;
            }
            if (firms.type[f] == FirmType.RECYCLER) {
                used[firms.feedstockMarket[f]] = true;
            }
        }
        for (int h = 0; h < households.count; h++) {
            used[households.market[h]] = true;
        }
        for (int t = 0; t < traders.count; t++) {
            used[traders.originMarket[t]] = true;
            used[traders.destinationMarket[t]] = true;
        }
    }

    /** The cleaner's own thread starts only in a JVM where some model runs on several threads. */
    private static final class Helpers {
        static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();
    }

    private void closeWorkers() {
        if (workers != null) {
            workers.close(); // a closed set of workers runs any later phase on the caller alone
        }
    }

    /** Stops the helper threads of a model that runs no more ticks. */
    @Override
    public void finish() {
        super.finish();
        closeWorkers();
    }

    /** Markets by a count of theirs, largest first; without those of count 0 when {@code skipEmpty}. */
    private static int[] largestFirst(int[] orders, boolean skipEmpty) {
        Integer[] m = new Integer[orders.length];
        int n = 0;
        for (int i = 0; i < orders.length; i++) {
            if (!skipEmpty || orders[i] > 0) {
                m[n++] = i;
            }
        }
        java.util.Arrays.sort(m, 0, n, (a, b) -> orders[b] != orders[a] ? Integer.compare(orders[b], orders[a])
                : Integer.compare(a, b));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = m[i];
        }
        return out;
    }

    /** Sizes every book for the orders its agents can post, so ticks do not grow them; returns those counts. */
    private int[] sizeOrderBooks() {
        int[] orders = new int[markets.count()];
        for (int f = 0; f < firms.count; f++) {
            orders[firms.market[f]]++;
            for (int s = firms.inputOffset[f]; s < firms.inputOffset[f + 1]; s++) {
                orders[firms.inputMarket[s]]++;
            }
        }
        for (int h = 0; h < households.count; h++) {
            orders[households.market[h]] += Households.ORDERS_PER_TICK;
        }
        for (int t = 0; t < traders.count; t++) {
            // A bid for cargo, one for cargo going round a restriction, and a speculative order.
            orders[traders.originMarket[t]] += 3;
            // An ask for its cargo and a speculative order.
            orders[traders.destinationMarket[t]] += 2;
        }
        for (int m = 0; m < orders.length; m++) {
            markets.book(m).ensureCapacity(orders[m] + instruments.length + 1);
        }
        return orders;
    }

    /** Runs every tick up to the horizon. */
    public void runToHorizon() {
        while (tick < horizon) {
            schedule.step(this);
        }
        closeWorkers();
        for (Consortium c : consortia) {
            c.finish(horizon - 1);
        }
    }

    /** Runs one tick: all seven phases. */
    public void stepTick() {
        schedule.step(this);
    }

    private void events() {
        government.act(tick);
        markets.beginTick();
        java.util.Arrays.fill(hurdleRelief, 0);
        for (Instrument instrument : instruments) {
            instrument.beginTick(this);
        }
        for (Consortium c : consortia) {
            c.beginTick(this);
        }
        households.update(tick, government.demandFactor, demandRandom);
    }

    private void plan() {
        // Case 7 allocation comes before the auction: what a key assigns is not offered to the market.
        for (Consortium c : consortia) {
            c.allocate(this);
        }
        // A market's sellers, and then the input bids placed in it, are each one item: every firm plans
        // once and each book receives its orders in firm order, however the items are shared out.
        workers.run(planSellers, sellerOrder.length);
        workers.run(bidForInputs, buyerOrder.length);
        double[] price = markets.price;
        for (int h = 0; h < households.count; h++) {
            int m = households.market[h];
            households.bid(h, price[m], markets.book(m));
            householdScale[tick * households.count + h] = households.scale[h];
        }
        for (int i = 0; i < instruments.length; i++) {
            instruments[i].postOrders(this, Owner.of(Owner.GOVERNMENT, i), books);
        }
        for (int i = 0; i < consortia.length; i++) {
            consortia[i].postOrders(this, Owner.of(Owner.CONSORTIUM, i), books);
        }
    }

    /** Every firm selling in market m plans its output and offers its stock; manufacturers size their bids. */
    private void planSellers(int m) {
        Firms x = firms;
        double quoted = markets.price[m];
        double factor = government.capacityFactor[m];
        OrderBook book = markets.book(m);
        int[] sellers = members.sellers();
        for (int i = members.sellersFrom(m), end = members.sellersTo(m); i < end; i++) {
            int f = sellers[i];
            producers.expect(f, quoted);
            double net;
            double available;
            // A price support (contract for difference, purchase guarantee) changes what the firm counts on
            // for its output; for a manufacturer, input costs still come off it.
            double supported = x.supportedPrice(f, x.expectedPrice[f]);
            double inputCost = 0;
            switch (x.type[f]) {
                case MANUFACTURER -> {
                    inputCost = x.expectedPrice[f] - manufacturers.expectNetPrice(f, markets.price);
                    net = supported - inputCost;
                    available = x.capacity[f] * factor;
                }
                case RECYCLER -> {
                    net = supported;
                    available = recyclers.available(f, tick, factor);
                }
                default -> {
                    net = supported;
                    available = x.capacity[f] * factor;
                }
            }
            x.netPrice[f] = net;
            producers.plan(f, net, available);
            producers.offer(f, inputCost, book);
            if (x.type[f] == FirmType.MANUFACTURER) {
                manufacturers.prepareBids(f);
            }
        }
    }

    /** Every manufacturer's bid for an input sold in market m, in slot order. */
    private void bidForInputs(int m) {
        int[] slots = members.buyerSlots();
        for (int i = members.buyersFrom(m), end = members.buyersTo(m); i < end; i++) {
            manufacturers.bid(slots[i], markets);
        }
    }

    /** Capacity decisions, normal sales and thrifting of the firms in block b, each firm on its own state. */
    private void decideBlock(int b) {
        Firms x = firms;
        int from = b * DECISION_BLOCK;
        int to = Math.min(x.count, from + DECISION_BLOCK);
        for (int f = from; f < to; f++) {
            capacity.decide(f, tick);
            producers.endTick(f);
            if (x.type[f] == FirmType.MANUFACTURER) {
                manufacturers.thrift(f);
            }
        }
    }

    /** Firms per item of the decision phase: enough to outweigh handing an item to a thread. */
    private static final int DECISION_BLOCK = 4096;

    private void ship() {
        RouteConditions routes = government.routes();
        TradeRules rules = government.tradeRules();
        BehaviourSpec b = scenario.behaviour();
        boolean speculating = traders.speculating();
        if (speculating) {
            traders.updateTrends(markets);
        }
        // Every trader asks first, so quotas and licences can share out what may leave; then all bid.
        for (int i = 0; i < traders.count; i++) {
            traders.unload(i, tick, markets, rules);
            if (speculating) {
                traders.speculate(i, markets, b.outputAdjustment());
            }
            traders.offer(i, tick, markets, b.askStockElasticity(), routes, rules);
            traders.plan(i, tick, markets, routes, rules, b.expectationRate(), b.outputAdjustment());
        }
        for (Consortium c : consortia) {
            c.deliver(this);
        }
        for (int i = 0; i < traders.count; i++) {
            traders.bid(i, tick, markets, rules);
        }
    }

    /**
     * Clears every market, then settles them in market order. A clearing reads only its own book and quote,
     * and settling writes neither, so all clearings can come first, on several threads; settling adds up
     * flows across markets and stays in order.
     */
    private void clear() {
        workers.run(clearMarket, clearOrder.length);
        for (int m = 0; m < markets.count(); m++) {
            OrderBook book = markets.book(m);
            if (book.askCount() == 0 && book.bidCount() == 0) {
                continue;
            }
            settle(m, book);
        }
    }

    private void clearMarket(int m) {
        OrderBook book = markets.book(m);
        if (book.askCount() == 0 && book.bidCount() == 0) {
            return;
        }
        markets.clear(m);
    }

    private void settle(int m, OrderBook book) {
        double p = markets.price[m];
        double value = valuePerUnit[m];
        if (book.crossed()) {
            for (int i = 0; i < book.askCount(); i++) {
                double q = book.askFilled(i);
                if (q <= 0) {
                    continue;
                }
                int owner = book.askOwner(i);
                switch (Owner.kind(owner)) {
                    case Owner.FIRM -> producers.settleSale(Owner.index(owner), q, p, value, markets);
                    case Owner.TRADER -> traders.settleSale(Owner.index(owner), q);
                    case Owner.TRADER_STORE -> traders.settleStore(Owner.index(owner), -q);
                    case Owner.GOVERNMENT -> instruments[Owner.index(owner)].settle(this, m, q, p, false);
                    default -> throw new IllegalStateException("no seller of kind " + Owner.kind(owner));
                }
            }
        }
        // Final demand counts as unmet when sellers had nothing left at the price buyers were willing to pay.
        boolean supplyExhausted = !book.crossed() || book.volume() >= book.askVolume()
                || (markets.contract[m] && book.demandAtPrice() > book.supplyAtPrice());
        for (int i = 0; i < book.bidCount(); i++) {
            double q = book.crossed() ? book.bidFilled(i) : 0;
            int owner = book.bidOwner(i);
            int kind = Owner.kind(owner);
            if (kind == Owner.HOUSEHOLD && supplyExhausted && book.bidLimit(i) >= p) {
                markets.unmet[m] += book.bidQuantity(i) - q;
            }
            if (q <= 0) {
                continue;
            }
            int index = Owner.index(owner);
            switch (kind) {
                case Owner.FIRM_INPUT -> manufacturers.settlePurchase(index, q, p, markets);
                case Owner.HOUSEHOLD -> households.settle(index, q, markets);
                case Owner.TRADER -> traders.settlePurchase(index, q, p, tick, markets, government.routes(),
                        government.tradeRules(), false);
                case Owner.TRADER_DETOUR -> traders.settlePurchase(index, q, p, tick, markets, government.routes(),
                        government.tradeRules(), true);
                case Owner.TRADER_STORE -> traders.settleStore(index, q);
                case Owner.GOVERNMENT -> instruments[index].settle(this, m, q, p, true);
                case Owner.CONSORTIUM -> consortia[index].settle(this, m, q, p);
                default -> throw new IllegalStateException("no buyer of kind " + kind);
            }
        }
    }

    /**
     * Production, by the market each firm sells in, then the inputs it used, by the market each was bought
     * in: every flow is added to its market in firm order, as one walk over all firms would add it.
     */
    private void produce() {
        workers.run(produceSellers, sellerOrder.length);
        workers.run(recordInputUse, buyerOrder.length);
    }

    private void produceSellers(int m) {
        Firms x = firms;
        int[] sellers = members.sellers();
        double value = valuePerUnit[m];
        // Only this market's sellers add to its production and producer surplus here: the sums are kept in
        // locals, the same additions in the same order, and stored once (see recordInputUse).
        double production = markets.production[m];
        double surplus = markets.producerSurplus[m];
        for (int i = members.sellersFrom(m), end = members.sellersTo(m); i < end; i++) {
            int f = sellers[i];
            if (x.type[f] == FirmType.MANUFACTURER) {
                double q = manufacturers.produce(f);
                if (q > 0) {
                    production += q;
                    double cost = q == x.plannedOutput[f] ? x.plannedVariableCost[f] : x.variableCost(f, q);
                    surplus -= cost * x.outputValue[f];
                }
            } else {
                double q = producers.produce(f);
                if (q > 0) {
                    production += q;
                    surplus -= x.variableCost(f, q) * value;
                }
            }
        }
        markets.production[m] = production;
        markets.producerSurplus[m] = surplus;
    }

    private void recordInputUse(int m) {
        Firms x = firms;
        int[] slots = members.buyerSlots();
        // Only this market's buyers add to its consumption and unmet demand here, so the sums are kept in
        // locals (the same additions in the same order) and stored once, not once per slot beside another
        // thread's markets.
        double consumption = markets.consumption[m];
        double unmet = markets.unmet[m];
        for (int i = members.buyersFrom(m), end = members.buyersTo(m); i < end; i++) {
            int s = slots[i];
            if (x.plannedOutput[x.slotFirm[s]] > 0) {
                if (x.inputShort[s] > 0) {
                    unmet += x.inputShort[s];
                }
                consumption += x.inputUse[s];
            }
        }
        markets.consumption[m] = consumption;
        markets.unmet[m] = unmet;
    }

    private void decide() {
        workers.run(decideBlock, (firms.count + DECISION_BLOCK - 1) / DECISION_BLOCK);
        for (int i = 0; i < traders.count; i++) {
            traders.endTick(i);
        }
        for (Instrument instrument : instruments) {
            instrument.endTick(this);
        }
        recyclers.remember(tick, markets.consumption);
    }

    private void record() {
        if (traders.speculating()) {
            traders.rememberTraded(markets);
        }
        Firms x = firms;
        double[] stock = stockScratch;
        double[] cap = capacityScratch;
        java.util.Arrays.fill(stock, 0);
        java.util.Arrays.fill(cap, 0);
        for (int f = 0; f < x.count; f++) {
            stock[x.market[f]] += x.stock[f];
            if (x.status[f] == FirmStatus.ACTIVE) {
                cap[x.market[f]] += x.capacity[f];
            }
            for (int s = x.inputOffset[f], end = x.inputOffset[f + 1]; s < end; s++) {
                stock[x.inputMarket[s]] += x.inputStock[s];
            }
        }
        for (int i = 0; i < traders.count; i++) {
            stock[traders.originMarket[i]] += traders.speculative[2 * i + Traders.ORIGIN];
            stock[traders.destinationMarket[i]] += traders.stock[i] + traders.speculative[2 * i + Traders.DESTINATION];
        }
        for (Instrument instrument : instruments) {
            for (int m = 0; m < markets.count(); m++) {
                stock[m] += instrument.stockIn(m);
            }
        }
        for (Consortium c : consortia) {
            for (int m = 0; m < markets.count(); m++) {
                stock[m] += c.stockIn(m);
            }
        }
        double daysPerTick = world.daysPerTick();
        for (int m = 0; m < markets.count(); m++) {
            double use = markets.consumption[m] + markets.exports[m];
            absorption[m] = tick == 0 ? use : absorption[m] + absorptionWeight * (use - absorption[m]);
            double days = absorption[m] > 0 ? stock[m] / (absorption[m] / daysPerTick) : Double.NaN;
            series.set(tick, m, Metric.PRICE, markets.price[m]);
            series.set(tick, m, Metric.TRADED, markets.traded[m]);
            series.set(tick, m, Metric.PRODUCTION, markets.production[m]);
            series.set(tick, m, Metric.CONSUMPTION, markets.consumption[m]);
            series.set(tick, m, Metric.IMPORTS, markets.imports[m]);
            series.set(tick, m, Metric.EXPORTS, markets.exports[m]);
            series.set(tick, m, Metric.STOCK, stock[m]);
            series.set(tick, m, Metric.INVENTORY_DAYS, days);
            series.set(tick, m, Metric.UNMET_DEMAND, markets.unmet[m]);
            series.set(tick, m, Metric.CAPACITY, cap[m]);
            series.set(tick, m, Metric.PRODUCER_SURPLUS, markets.producerSurplus[m]);
            series.set(tick, m, Metric.FISCAL_COST, markets.fiscalCost[m]);
            series.set(tick, m, Metric.LEVY_REVENUE, markets.levyRevenue[m]);
            series.set(tick, m, Metric.QUOTA_RENT, markets.quotaRent[m]);
        }
        series.setFlows(tick, markets.importsByOrigin, markets.exportsByDestination);
    }

    public Scenario scenario() { return scenario; }
    @Override
    public World world() { return world; }
    @Override
    public Firms firms() { return firms; }
    @Override
    public MersenneTwisterFast policyRandom() { return policyRandom; }
    @Override
    public RouteConditions routes() { return government.routes(); }
    @Override
    public double[] hurdleRelief() { return hurdleRelief; }
    @Override
    public int warmupTicks() { return scenario.time().warmupOrDefault(); }
    @Override
    public boolean noticeInForce(int region, int commodity) {
        for (Instrument i : instruments) {
            if (i instanceof GovernmentNotice n && n.covers(region, commodity, tick)) {
                return true;
            }
        }
        return false;
    }
    /** The joint-procurement consortia of this run, in scenario order. */
    public List<Consortium> consortia() { return List.of(consortia); }
    /** The policy instruments in force in this run, in scenario order. */
    public List<Instrument> instruments() { return List.of(instruments); }
    public Households households() { return households; }
    @Override
    public Traders traders() { return traders; }
    public Government government() { return government; }
    @Override
    public Markets markets() { return markets; }
    public SeriesRecorder series() { return series; }
    public int horizon() { return horizon; }
    @Override
    public int tick() { return tick; }

    /** Scale of household h's demand curve at a tick, as drawn during the run. */
    public double householdScale(int tick, int h) {
        return householdScale[tick * households.count + h];
    }
}
