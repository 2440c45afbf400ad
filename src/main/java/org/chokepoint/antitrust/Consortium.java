package org.chokepoint.antitrust;

import java.util.List;
import java.util.Map;
import org.chokepoint.agent.Firms;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Participant;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.world.World;

/**
 * Joint procurement of a critical input by domestic manufacturers under the antitrust casebook (cases 6 and
 * 7), as one participant of the tick. Each part is its own class: {@link Activation} (the trigger and its
 * grace), {@link Membership} (who joins, what each requires), {@link InformationExchange} (the messages of
 * the tick, into a {@link MessageLog}), {@link DownstreamCoordination} (what members do with figures on each
 * other's business), {@link PooledProcurement} (the pooled order and its cargo), {@link CaseSevenAllocation}
 * (product shared by key) and the {@link ComplianceAuditor}, which judges each tick's {@link TickConduct};
 * {@link ComplianceReport} writes what {@code compliance.json} holds. Everything a tick touches is sized when
 * the consortium is bound to its run.
 */
public final class Consortium implements Participant {
    private final ConsortiumTerms terms;
    private final Activation activation;
    private final InformationExchange exchange;
    private ConsortiumContext ctx;
    private Membership members;
    private PooledProcurement procurement;
    private CaseSevenAllocation allocation;
    private DownstreamCoordination coordination;
    private TickConduct conduct;
    private ComplianceAuditor auditor;
    /** Per firm, deliveries from the pool, as a decaying sum over the allocation memory. */
    private double[] deliveredRecent;
    private double lastImports;
    private int seat;

    /** The consortium a spec declares, in a resolved world, with the scenario's behaviour settings. */
    public Consortium(JointProcurementSpec spec, World world, BehaviourSpec behaviour) {
        this.terms = new ConsortiumTerms(spec, world, behaviour);
        this.activation = new Activation(terms);
        this.exchange = new InformationExchange(terms);
    }

    public String id() {
        return terms.id;
    }

    /**
     * Connects the consortium to the run before its first tick and sizes everything a tick uses.
     *
     * @param importer the number trade measures know its pooled cargo by, distinct from every trader's and every
     *                 other consortium's
     */
    public void bind(ConsortiumContext c, int importer) {
        ctx = c;
        Firms x = c.firms();
        World w = c.world();
        members = new Membership(x, terms);
        procurement = new PooledProcurement(terms, w, c.markets(), importer);
        procurement.seat(seat);
        allocation = new CaseSevenAllocation(x, w, terms, members.candidates.length);
        coordination = new DownstreamCoordination(terms.collusiveMarkup, x.count);
        deliveredRecent = new double[x.count];
        MessageLog log = new MessageLog(InformationExchange.capacity(members.candidates.length, terms));
        conduct = new TickConduct(log, new AllocationRecord(allocation.capacity()));
        String[] firmIds = new String[x.count];
        for (int f = 0; f < x.count; f++) {
            firmIds[f] = x.id(f);
        }
        String[] commodityIds = new String[w.commodityCount()];
        for (int k = 0; k < commodityIds.length; k++) {
            commodityIds[k] = w.commodity(k).id();
        }
        auditor = new ComplianceAuditor(terms.mode, terms.grace, terms.peacetimeMaxShare, allocation.capacity(),
                firmIds, commodityIds);
        if (terms.key != null) {
            // Declared with the consortium, before the run's first tick and so before any shock.
            auditor.fixKey(terms.key, -1);
        }
    }

    @Override
    public void seat(int seat) {
        this.seat = seat;
        if (procurement != null) {
            procurement.seat(seat);
        }
    }

    @Override
    public void countOrders(int[] orders) {
        procurement.countOrders(ctx.world(), orders);
    }

    // ---- events phase: trigger, membership, messages -------------------------------------------------------

    @Override
    public void beginTick(int tick) {
        ConsortiumContext c = ctx;
        Firms x = c.firms();
        TickConduct record = conduct;
        record.open(tick);
        if (tick == c.warmupTicks() && terms.product >= 0) {
            allocation.rememberBaseline(x);
        }
        if (tick == terms.laterKeyTick) {
            auditor.adoptKey(terms.laterKey, tick);
        }
        boolean active = activation.decide(tick, c.warmupTicks(), lastImports,
                c.noticeInForce(terms.region, terms.input), record);
        if (!active) {
            procurement.cancel();
            // Cargo bought while it acted still sails home and goes to members: it stays on order for them.
            procurement.shareOnOrder(x, c.markets(), members);
            return;
        }
        members.join(x);
        members.require(x, record);
        exchange.exchange(x, c.markets(), members, record.messages);
        coordination.apply(record.messages, c.collusiveMarkup());
        double ordered = procurement.plan(c.world(), c.markets(), c.routes(), c.tradeRules(),
                InformationExchange.pooledRequirement(record.messages),
                InformationExchange.suppliersKnown(record.messages), tick);
        record.ordered = ordered;
        procurement.shareOnOrder(x, c.markets(), members);
        record.acted = record.messages.count() > 0 || ordered > 0;
        offtake(c, tick);
    }

    private void offtake(ConsortiumContext c, int tick) {
        if (terms.offtakeTerm <= 0 || tick >= activation.activatedAt() + terms.offtakeTerm) {
            return;
        }
        Firms x = c.firms();
        double[] relief = c.hurdleRelief();
        for (int f = 0; f < x.count; f++) {
            if (x.commodity(f) == terms.input && terms.supplies(x.region(f))) {
                relief[f] = Math.max(relief[f], terms.offtakeRelief);
            }
        }
    }

    // ---- plan phase: allocation of product --------------------------------------------------------------------

    @Override
    public void allocate(int tick) {
        if (!activation.active() || terms.product < 0) {
            return;
        }
        allocation.allocate(ctx.firms(), ctx.world(), ctx.markets(), members, deliveredRecent, tick,
                conduct.allocation);
        if (conduct.allocation.key != null) {
            conduct.acted = true;
        }
    }

    @Override
    public void settleBids(OrderBook book, int market, int from, int to) {
        procurement.settle(ctx.world(), ctx.markets(), ctx.routes(), ctx.tradeRules(), book, market, from, to,
                ctx.tick());
    }

    // ---- ship phase: cargo lands and goes to members; the pooled order is posted ----------------------------

    /**
     * Notes what arrived from the disrupted origin this tick (before the consortium's own cargo lands); the
     * pooled cargo due lands, and members get what they required; then the pooled order is posted, after the
     * traders have asked the trade measures for theirs, so that a quota or a diversification limit shares out
     * what may cross among all who asked.
     */
    @Override
    public void ship(int tick) {
        ConsortiumContext c = ctx;
        Markets markets = c.markets();
        World w = c.world();
        lastImports = markets.ledger().importsFrom(w.market(terms.region, terms.input), terms.origin);
        for (int i = 0; i < deliveredRecent.length; i++) {
            deliveredRecent[i] *= 1.0 - 1.0 / terms.allocationMemory;
        }
        procurement.landAndDeliver(c.firms(), w, markets, c.tradeRules(), members, deliveredRecent, tick);
        if (activation.active()) {
            procurement.post(w, markets, c.tradeRules(), tick);
        }
    }

    // ---- decide phase: the audit ----------------------------------------------------------------------------

    @Override
    public void endTick(int tick) {
        auditor.audit(conduct);
    }

    // ---- accounting and report ------------------------------------------------------------------------------

    /** Cargo landed and not yet handed to members, held in the home region. */
    public double stockIn(int market) {
        return ctx != null && market == ctx.world().market(terms.region, terms.input) ? procurement.stock() : 0;
    }

    @Override
    public void addHoldings(double[] stockByMarket) {
        stockByMarket[ctx.world().market(terms.region, terms.input)] += procurement.stock();
    }

    /** What the pool's stock cost: its members are charged for it only when it is handed to them. */
    @Override
    public void addBookValue(double[] usdByMarket) {
        if (procurement != null) {
            usdByMarket[ctx.world().market(terms.region, terms.input)] += procurement.stockCost();
        }
    }

    @Override
    public void finish(int lastTick) {
        auditor.finish(lastTick);
    }

    public boolean active() {
        return activation.active();
    }

    public List<ComplianceAuditor.Violation> violations() {
        return auditor.violations();
    }

    /** The markets members sell their own products in: where coordination among them would show. */
    public int[] productMarkets() {
        Firms x = ctx.firms();
        return java.util.Arrays.stream(members.candidates).map(x::market).distinct().sorted().toArray();
    }

    /** The record {@code compliance.json} holds for this consortium. */
    public Map<String, Object> report() {
        if (ctx == null) {
            throw new IllegalStateException("consortium " + terms.id + " has not been bound to a run");
        }
        return ComplianceReport.of(terms, ctx.world(), ctx.firms(), members, procurement, allocation, coordination,
                conduct.messages, auditor);
    }
}
