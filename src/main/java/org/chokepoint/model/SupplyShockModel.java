package org.chokepoint.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.agent.CapacityDecisions;
import org.chokepoint.agent.Firms;
import org.chokepoint.agent.Government;
import org.chokepoint.agent.Households;
import org.chokepoint.agent.Industry;
import org.chokepoint.agent.Manufacturers;
import org.chokepoint.agent.Producers;
import org.chokepoint.agent.Recyclers;
import org.chokepoint.agent.RouteConditions;
import org.chokepoint.agent.SupplyRisk;
import org.chokepoint.agent.Stockists;
import org.chokepoint.agent.Traders;
import org.chokepoint.antitrust.Consortium;
import org.chokepoint.antitrust.ConsortiumContext;
import org.chokepoint.equilibrium.EquilibriumException;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.market.Participant;
import org.chokepoint.market.PhaseWork;
import org.chokepoint.metrics.RunView;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.policy.Instrument;
import org.chokepoint.policy.Policies;
import org.chokepoint.policy.PolicyTypes;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.scenario.WorldBuilder;
import org.chokepoint.scenario.spec.ConsortiumSpec;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.trade.TradeMeasure;
import org.chokepoint.world.World;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The supply-shock model: a MASON {@link SimState} whose schedule runs the phases of a tick ({@link Phase}) in
 * order, one {@link Steppable} per phase. Each phase calls its hook on every {@link Participant} of the run,
 * in one fixed order: the governments, the firms, the households and the traders (each group one participant
 * that walks its agents' primitive arrays), then every policy instrument and every consortium in scenario
 * order, and last the stockists. The schedule holds as many entries as there are phases, however many agents there are.
 *
 * <p>The world and its participants are built in {@link #start()}, from the generator MASON seeded, so a
 * reused instance restarts clean and the same seed gives the same run.
 *
 * <p>The whole state of a run is serializable, so MASON's checkpoints ({@link #writeToCheckpoint},
 * {@link SimState#readFromCheckpoint}) save it between two ticks and restore it to run on, with the same results
 * as a run never stopped. The tick threads are not saved: a restored model starts its own.
 */
public class SupplyShockModel extends SimState implements ConsortiumContext, RunView {
    private static final long serialVersionUID = 1L;
    /** The system property that turns the mass-balance check on ({@link #setCheckMassBalance}). */
    public static final String CHECK_MASS_BALANCE = "chokepoint.checkMassBalance";

    /** Saved in a checkpoint as its JSON document (see {@link #writeObject}). */
    private transient Scenario scenario;
    /** Which instrument each policy spec makes; also the spec types the checkpoint's scenario is read with. */
    private final PolicyTypes policyTypes;
    private final int horizon;

    private World world;
    private Markets markets;
    private Government government;
    private Industry industry;
    /** The scenario's declared prospects, or null when it has none. */
    private org.chokepoint.agent.Prospects prospects;
    /** What firms that give the capital cost of their plant pay for what they add, or null when none gives one. */
    private org.chokepoint.agent.ExpansionCapital expansionCapital;
    /** What the new plant whose capital the sum counts is worth at the horizon, by firm. */
    private org.chokepoint.agent.PlantBook plants;
    private Households households;
    private Traders traders;
    private Stockists stockists;
    private SupplyRisk supplyRisk;
    private Instrument[] instruments;
    private Consortium[] consortia;
    /** Everything that acts in a tick, in the order each phase calls it. */
    private Participant[] participants;
    private Recorder recorder;
    private MersenneTwisterFast policyRandom;
    private int tick;
    private int tickThreads = 1;
    /** Why a run asked to start at its equilibrium did not, or null when it started as asked. */
    private String startNote;
    /** Whether the run started at the scenario's equilibrium, rather than at its initial prices. */
    private boolean startedAtEquilibrium;
    /**
     * The equilibrium the run started from; before {@link #start()}, one a counterfactual may reuse
     * ({@link #reuseStart}). Needed only to build the model, so a checkpoint does not keep it.
     */
    private transient EquilibriumStart.Solved startEquilibrium;
    private boolean checkMassBalance = Boolean.getBoolean(CHECK_MASS_BALANCE);
    /** Threads, and the item handed to them: rebuilt when a model is restored from a checkpoint. */
    private transient PhaseWorkers workers;
    /** Every market, largest book first, as the clearing phase hands them out. */
    private int[] clearOrder;
    private transient PhaseWork.Items clearMarket;

    /** Why the run did not start at its equilibrium although the scenario asked it to; null when it did. */
    public String startNote() { return startNote; }

    /** Whether the run started at the scenario's equilibrium: asked by {@code time.startAt} and found. */
    public boolean startedAtEquilibrium() { return startedAtEquilibrium; }

    /**
     * Lets this model start from the equilibrium {@code other} started from, when its own draws turn out the
     * same: a counterfactual run under the same seed with nothing in force at tick 0 that the other had. The
     * equilibrium is solved deterministically, so reusing it changes nothing but the time taken.
     */
    public void reuseStart(SupplyShockModel other) { startEquilibrium = other.startEquilibrium; }

    /**
     * @param seed the run's seed; MASON keeps 32 bits of it, so it is an {@code int}
     * @param horizon ticks to run, or a value below 1 for the scenario's horizon
     */
    public SupplyShockModel(Scenario scenario, int seed, int horizon) {
        this(scenario, seed, horizon, PolicyTypes.STANDARD);
    }

    /**
     * A run whose policies are built by {@code policyTypes}: {@link PolicyTypes#STANDARD}, or a registry with
     * a study's own instruments added ({@link PolicyTypes#with}).
     *
     * @param seed the run's seed; MASON keeps 32 bits of it, so it is an {@code int}
     * @param horizon ticks to run, or a value below 1 for the scenario's horizon
     */
    public SupplyShockModel(Scenario scenario, int seed, int horizon, PolicyTypes policyTypes) {
        super(seed);
        this.scenario = scenario;
        this.policyTypes = java.util.Objects.requireNonNull(policyTypes, "policyTypes");
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

    /**
     * Checks, at the end of every tick, that in every market production less consumption less exports plus
     * imports equals the change in the stock its holders report (to 1e-9 of the largest of them), and fails
     * the tick otherwise. Off by default; the system property {@value #CHECK_MASS_BALANCE} turns it on for
     * every model. Takes effect at the next {@link #start()}.
     */
    public void setCheckMassBalance(boolean check) {
        this.checkMassBalance = check;
    }

    @Override
    public void start() {
        super.start();
        tick = 0;
        startWorkers();
        build();
        schedule.scheduleRepeating(0.0, Phase.EVENTS.ordinal(), (Steppable) s -> events());
        schedule.scheduleRepeating(0.0, Phase.ALLOCATE.ordinal(), (Steppable) s -> {
            for (Participant p : participants) {
                p.allocate(tick);
            }
        });
        schedule.scheduleRepeating(0.0, Phase.PLAN.ordinal(), (Steppable) s -> {
            for (Participant p : participants) {
                p.postOrders(tick);
            }
        });
        schedule.scheduleRepeating(0.0, Phase.SHIP.ordinal(), (Steppable) s -> {
            for (Participant p : participants) {
                p.ship(tick);
            }
        });
        schedule.scheduleRepeating(0.0, Phase.CLEAR.ordinal(), (Steppable) s -> clear());
        schedule.scheduleRepeating(0.0, Phase.PRODUCE.ordinal(), (Steppable) s -> {
            for (Participant p : participants) {
                p.produce(tick);
            }
        });
        schedule.scheduleRepeating(0.0, Phase.DECIDE.ordinal(), (Steppable) s -> {
            for (Participant p : participants) {
                p.endTick(tick);
            }
        });
        schedule.scheduleRepeating(0.0, Phase.RECORD.ordinal(), (Steppable) s -> {
            recorder.record(tick);
            tick++;
        });
    }

    /** The firms, the government and the traders, the participants drawn from the model's generator. */
    private record Drawn(Firms firms, Government government, Traders traders) { }

    /** Draws the firms, then the traders, from the model's generator: all it draws before the streams' seeds. */
    private Drawn drawPopulations(World world, RouteConditions routes) {
        Firms firms = Firms.build(scenario, world, random);
        Government government = new Government(Shocks.resolve(scenario, world, horizon), world.marketCount(), routes);
        Traders traders = Traders.build(scenario.traders(), world,
                Traders.longestBaseTransit(world) + government.longestExtraTransit(), scenario.behaviour(), random);
        return new Drawn(firms, government, traders);
    }

    /**
     * The seeds this model, not yet started, will give its demand noise and its policies' draws: what its generator
     * yields once its firms and traders are drawn. Two scenarios whose seeds agree under one run seed see the same
     * noise; a population of another size, or a parameter drawn at one and fixed at the other, moves them (a sweep's
     * points that do lose the common random numbers its seeds promise). Draws on a generator of its own, so the
     * model's is untouched.
     */
    public int[] streamSeeds() {
        MersenneTwisterFast own = random;
        random = (MersenneTwisterFast) own.clone();
        try {
            World w = WorldBuilder.build(scenario);
            drawPopulations(w, new RouteConditions(w));
            int[] seeds = new int[6];
            for (int i = 0; i < seeds.length; i++) {
                seeds[i] = random.nextInt();
            }
            return seeds;
        } finally {
            random = own;
        }
    }

    /** Builds the world and every participant; the generator's draws come in the same order every time. */
    private void build() {
        BehaviourSpec b = scenario.behaviour();
        world = WorldBuilder.build(scenario);
        int m = world.marketCount();
        double[] initialPrice = new double[m];
        double[] valuePerUnit = new double[m];
        for (int i = 0; i < m; i++) {
            initialPrice[i] = world.commodity(world.commodityOfMarket(i)).initialPrice();
            valuePerUnit[i] = world.commodity(world.commodityOfMarket(i)).valuePerUnit();
        }
        RouteConditions routes = new RouteConditions(world);
        Drawn drawn = drawPopulations(world, routes);
        Firms firms = drawn.firms();
        government = drawn.government();
        traders = drawn.traders();
        stockists = Stockists.build(scenario.stockists(), world, b);
        households = Households.build(scenario.demand(), world, b.demandNoise(), b.demandNoisePersistence());
        traders.stepBids(otherBuyers(m, firms, households, stockists));
        // Demand noise has its own stream, seeded once from the model's generator, so that a policy that
        // draws random numbers does not shift the noise its counterfactual sees.
        MersenneTwisterFast demandRandom = new MersenneTwisterFast(
                new int[] {random.nextInt(), random.nextInt(), random.nextInt()});
        policyRandom = new MersenneTwisterFast(new int[] {random.nextInt(), random.nextInt(), random.nextInt()});
        markets = new Markets(world.regionCount(), world.commodityCount(), initialPrice, b.priceAdjustment());
        markets.setContractAdjustment(b.contractPriceAdjustment());
        for (int i = 0; i < m; i++) {
            markets.setContractPriced(i, world.commodity(world.commodityOfMarket(i)).contractPriced());
        }
        instruments = Policies.build(scenario, world, policyTypes).toArray(new Instrument[0]);
        for (Instrument instrument : instruments) {
            government.tradeRules().add(instrument);
        }
        Producers producers = new Producers(firms, b, world.ticksPerYear());
        Manufacturers manufacturers = new Manufacturers(firms, world, b);
        Recyclers recyclers = new Recyclers(firms, m, initialPrice);
        BehaviourSpec.Investment inv = b.investment();
        BehaviourSpec.Exit exit = b.exit();
        CapacityDecisions capacity = new CapacityDecisions(firms, inv.hurdle(), inv.patienceTicks(), inv.stepShare(),
                exit.mothballAfterTicks(), exit.exitAfterTicks(),
                exit.restartTicks() == null ? -1 : exit.restartTicks(), exit.restartMargin(),
                exit.restartPerIdleTick(), inv.trendUtilizationFloor());
        prospects = org.chokepoint.agent.Prospects.of(scenario, firms, world.ticksPerYear());
        capacity.setProspects(prospects);
        plants = org.chokepoint.agent.PlantBook.of(firms.count, this.horizon, inv, world.ticksPerYear());
        expansionCapital = org.chokepoint.agent.ExpansionCapital.of(scenario, firms, world.ticksPerYear(), plants);
        capacity.setExpansionCapital(expansionCapital);
        List<Consortium> pools = new ArrayList<>();
        for (ConsortiumSpec spec : scenario.consortia()) {
            pools.add(new Consortium((JointProcurementSpec) spec, world, b));
        }
        consortia = pools.toArray(new Consortium[0]);
        industry = new Industry(firms, producers, manufacturers, recyclers, capacity, markets, government,
                valuePerUnit, workers);
        supplyRisk = new SupplyRisk(m, b.precaution(), world.ticksPerYear());
        manufacturers.useRisk(supplyRisk);
        traders.useRisk(supplyRisk);
        households.connect(markets, government, demandRandom, horizon);
        traders.connect(markets, routes, government.tradeRules());
        stockists.connect(markets);
        startNote = null;
        org.chokepoint.equilibrium.EquilibriumResult started = null;
        if (scenario.time().startsAtEquilibrium()) {
            try {
                startEquilibrium = EquilibriumStart.apply(scenario, world, markets, firms, traders, households,
                        recyclers, capacity, horizon, startEquilibrium);
                started = startEquilibrium.result();
                startNote = EquilibriumStart.farFromInitialPrices(world, started);
            } catch (EquilibriumException e) {
                // A world with no equilibrium (a market some demand has no way to be served, say) still runs,
                // from its initial prices as a scenario may ask, and says why.
                startNote = "started at initialPrices: " + e.getMessage();
            }
        }
        startedAtEquilibrium = started != null;
        OpeningStocks.apply(scenario, world, markets, firms, households, stockists, started);
        for (Instrument instrument : instruments) {
            instrument.bind(this);
        }
        for (int k = 0; k < consortia.length; k++) {
            // Trade measures know pooled cargo by an importer number after the traders'.
            consortia[k].bind(this, traders.count + k);
        }
        seat();
        recorder = new Recorder(horizon, world, markets, participants, industry,
                TickTime.averageWeight(scenario.outputs().daysOfCoverWeeks(), world.ticksPerYear()), checkMassBalance);
    }

    /** The markets where someone other than a trader buys: manufacturers' inputs, final demand, stockists. */
    private static boolean[] otherBuyers(int markets, Firms firms, Households households, Stockists stockists) {
        boolean[] other = new boolean[markets];
        for (int s = 0; s < firms.firstSlot(firms.count); s++) {
            other[firms.inputMarket(s)] = true;
        }
        for (int h = 0; h < households.count; h++) {
            other[households.market(h)] = true;
        }
        for (int i = 0; i < stockists.count; i++) {
            other[stockists.market(i)] = true;
        }
        return other;
    }

    /**
     * Seats every participant in the order the phases call them; marks the markets they trade in and sizes
     * every book for the orders they declare, so ticks do not grow them.
     */
    private void seat() {
        List<Participant> list = new ArrayList<>(List.of(government, industry, households, traders));
        list.addAll(List.of(instruments));
        list.addAll(List.of(consortia));
        list.add(stockists);
        if (list.size() > Owner.MAX_PARTICIPANTS) {
            throw new IllegalStateException("a run holds at most " + Owner.MAX_PARTICIPANTS
                    + " participants (policies and consortia included), got " + list.size());
        }
        participants = list.toArray(new Participant[0]);
        int[] orders = new int[markets.count()];
        for (int i = 0; i < participants.length; i++) {
            participants[i].seat(i);
            participants[i].countOrders(orders);
            markets.markUsed(participants[i]);
        }
        for (int m = 0; m < orders.length; m++) {
            markets.book(m).ensureCapacity(orders[m]);
        }
        clearOrder = Industry.largestFirst(orders, false);
        clearMarket = i -> clearMarket(clearOrder[i]);
    }

    /** Starts the tick threads of a model just restored from a checkpoint. */
    @Override
    public void awakeFromCheckpoint() {
        super.awakeFromCheckpoint();
        startWorkers();
        industry.useWork(workers);
        clearMarket = i -> clearMarket(clearOrder[i]);
    }

    private void startWorkers() {
        closeWorkers();
        workers = new PhaseWorkers(tickThreads, "chokepoint-tick");
        if (tickThreads > 1) {
            // Helper threads must not outlive a model that is dropped without finish().
            PhaseWorkers w = workers;
            Helpers.CLEANER.register(this, w::close);
        }
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        out.writeObject(Json.mapper().writeValueAsString(scenario));
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        // A study's own policy types are not among the shipped ones Jackson knows by name: the registry the
        // run was built with names them.
        ObjectMapper reader = Json.mapper().copy();
        reader.registerSubtypes(policyTypes.specTypes().toArray(new Class<?>[0]));
        scenario = reader.readValue((String) in.readObject(), Scenario.class);
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

    /** Runs every tick up to the horizon. */
    public void runToHorizon() {
        while (tick < horizon) {
            schedule.step(this);
        }
        closeWorkers();
        for (Participant p : participants) {
            p.finish(horizon - 1);
        }
    }

    /** Runs one tick: all its phases. */
    public void stepTick() {
        schedule.step(this);
    }

    private void events() {
        markets.beginTick();
        // The tick's shocks first: a plant a measure brings into use, and a certificate market clearing on what
        // the certified plants can make, read the plants the outages in force leave this tick, not last tick's.
        government.act(tick);
        industry.takeOutages();
        if (consortia.length > 0) {
            // Each consortium says again in its beginTick what it has on order for its members.
            industry.firms().clearInputsOnOrder();
        }
        for (Instrument instrument : instruments) {
            instrument.changeCapacity(tick);
        }
        industry.openOutputCaps();
        for (Instrument instrument : instruments) {
            instrument.capOutput(tick);
        }
        for (Participant p : participants) {
            p.beginTick(tick);
        }
        // The tick's news and last tick's refusals move the risk buyers see before anyone orders.
        supplyRisk.update(tick, industry.firms(), traders, government.tradeRules(), markets);
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

    /**
     * Hands every order's fill back to the participant that posted it: each run of consecutive orders of one
     * participant in one call, asks first, then bids, in the order they were posted.
     */
    private void settle(int m, OrderBook book) {
        Participant[] seats = participants;
        if (book.crossed()) {
            for (int i = 0, n = book.askCount(); i < n; ) {
                int p = Owner.participant(book.askOwner(i));
                int j = i + 1;
                while (j < n && Owner.participant(book.askOwner(j)) == p) {
                    j++;
                }
                seats[p].settleAsks(book, m, i, j);
                i = j;
            }
        }
        for (int i = 0, n = book.bidCount(); i < n; ) {
            int p = Owner.participant(book.bidOwner(i));
            int j = i + 1;
            while (j < n && Owner.participant(book.bidOwner(j)) == p) {
                j++;
            }
            seats[p].settleBids(book, m, i, j);
            i = j;
        }
    }

    @Override
    public Scenario scenario() { return scenario; }
    @Override
    public World world() { return world; }
    @Override
    public Firms firms() { return industry.firms(); }
    @Override
    public MersenneTwisterFast policyRandom() { return policyRandom; }
    @Override
    public RouteConditions routes() { return government.routes(); }
    @Override
    public TradeMeasure tradeRules() { return government.tradeRules(); }
    @Override
    public double[] hurdleRelief() { return industry.hurdleRelief(); }
    @Override
    public double[] capitalSpared() { return industry.capitalSpared(); }
    @Override
    public org.chokepoint.agent.PlantBook plants() { return plants; }
    @Override
    public double[] outputCap() { return industry.outputCap(); }
    @Override
    public double outputCapOf(int firm) { return industry.outputCapOf(firm); }
    @Override
    public double[] quotaRelease() { return industry.quotaRelease(); }

    @Override
    public double[] collusiveMarkup() { return industry.collusiveMarkup(); }
    @Override
    public int warmupTicks() { return scenario.time().warmupOrDefault(); }

    /** Whether some participant (a government's notice) says a disruption of the commodity is likely. */
    @Override
    public boolean noticeInForce(int region, int commodity) {
        for (Participant p : participants) {
            if (p.answers(Participant.Query.NOTICE_IN_FORCE, region, commodity, tick)) {
                return true;
            }
        }
        return false;
    }

    /** The joint-procurement consortia of this run, in scenario order. */
    public List<Consortium> consortia() { return List.of(consortia); }
    /** The policy instruments in force in this run, in scenario order. */
    public List<Instrument> instruments() { return List.of(instruments); }
    @Override
    public Households households() { return households; }
    @Override
    public Traders traders() { return traders; }
    @Override
    public int importers() { return traders.count + consortia.length; }

    public Stockists stockists() { return stockists; }
    public Government government() { return government; }
    @Override
    public Markets markets() { return markets; }
    @Override
    public SeriesRecorder series() { return recorder.series(); }
    @Override
    public int horizon() { return horizon; }
    @Override
    public int tick() { return tick; }

    /** The supply risk buyers perceive in each market this tick. */
    public SupplyRisk supplyRisk() { return supplyRisk; }

    @Override
    public double householdScale(int tick, int h) {
        return households.scaleAt(tick, h);
    }

    @Override
    public boolean reported(int market) {
        return markets.used(market);
    }

    @Override
    public int firstShockTick() {
        return scenario.firstShockTick();
    }

    @Override
    public double publicStockAtEnd(int market) {
        double held = 0;
        for (Instrument i : instruments) {
            held += i.stockIn(market);
        }
        return held;
    }

    @Override
    public double householdCharges(int tick, int region) {
        return sumOfRegionsInstruments(region, i -> i.householdChargeAt(tick));
    }

    @Override
    public double publicStockAtEnd(int market, int region) {
        return sumOfRegionsInstruments(region, i -> i.stockIn(market));
    }

    /** A figure summed over the instruments of one region's government, for the summary (not the tick loop). */
    private double sumOfRegionsInstruments(int region, java.util.function.ToDoubleFunction<Instrument> figure) {
        double sum = 0;
        for (Instrument i : instruments) {
            if (i.region() == region) {
                sum += figure.applyAsDouble(i);
            }
        }
        return sum;
    }

    @Override
    public void addPrivateStockAtEnd(double[] quantityByMarket, double[] bookValueByMarket) {
        for (Participant p : participants) {
            if (!(p instanceof Instrument)) {
                p.addHoldings(quantityByMarket);
                p.addBookValue(bookValueByMarket);
            }
        }
        markets.shipping().addAtSea(quantityByMarket, bookValueByMarket);
    }

    @Override
    public void addPlantValueAtEnd(double[] byMarket) {
        plants.addValueAtEnd(industry.firms(), byMarket);
    }

    /** The scenario's declared prospects, or null when it has none. */
    public org.chokepoint.agent.Prospects prospects() {
        return prospects;
    }

    @Override
    public Map<String, Map<String, Double>> prospectIndicators() {
        return prospects == null ? Map.of() : prospects.indicators();
    }

    @Override
    public Map<String, Map<String, Double>> expansionIndicators() {
        return expansionCapital == null ? Map.of() : expansionCapital.indicators();
    }

    @Override
    public Map<String, Map<String, Double>> policyIndicators() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Instrument i : instruments) {
            Map<String, Double> ind = i.indicators();
            if (!ind.isEmpty()) {
                out.put(i.id(), ind);
            }
        }
        return out;
    }
}
