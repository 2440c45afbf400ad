package org.chokepoint.agent;

import java.util.Arrays;
import org.chokepoint.market.Ledger;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.market.Participant;
import org.chokepoint.market.PhaseWork;
import org.chokepoint.trade.TradeRules;

/**
 * Every firm of the model as one participant of the tick: each phase walks the firms through
 * {@link Producers}, {@link Manufacturers}, {@link Recyclers} and {@link CapacityDecisions}.
 *
 * <p>Planning and production go market by market: a market's sellers, and the input slots that buy in it, are
 * one item of the phase's work, which the model's tick threads share out. Every book receives its orders, and
 * every market books its flows, in firm order, as one walk over all firms would: the results are the same
 * on any number of threads. Decisions go in blocks of firms, each firm on its own state.
 */
public final class Industry implements Participant {
    /** Firms per item of the decision phase: enough to outweigh handing an item to a thread. */
    private static final int DECISION_BLOCK = 4096;

    private final Firms firms;
    private final Producers producers;
    private final Manufacturers manufacturers;
    private final Recyclers recyclers;
    private final CapacityDecisions capacity;
    private final MarketMembers members;
    private final Markets markets;
    private final Ledger ledger;
    private final Government government;
    private final double[] valuePerUnit;
    /** Per firm, the share by which a policy or an offtake lowers its investment hurdle this tick. */
    private final double[] hurdleRelief;
    /**
     * Per firm that gives its plant's capital cost, the share of the capital it orders this tick that a subsidy pays;
     * null until a measure asks for it.
     */
    private double[] capitalSpared;
    /** Per market, when the restrictions on its exports in force this tick end ({@link CapacityDecisions}). */
    private final int[] exportRestrictionEnd;
    /** Per firm, the most a policy lets it make this tick (a production quota's share); unbounded by default. */
    private final double[] outputCap;
    /** Per firm, the release of the production quota that holds it this tick (see {@link #quotaRelease}). */
    private final double[] quotaRelease;
    /**
     * Per firm, the release of the quota that held it last tick, NaN where none did: a new release is news to the
     * firm, whichever measure sets it (a quota's next year, or a quota that replaces it or binds tighter).
     */
    private final double[] lastRelease;
    /**
     * Per market, whether an outage that left its firms none of their plants last tick leaves them some this tick
     * ({@link #takeOutages}): a firm back from such an outage restarts its runs as one back from a mothball does.
     */
    private final boolean[] plantsBack;
    /** Per firm, the markup over marginal cost it prices at this tick (see {@link #collusiveMarkup}). */
    private final double[] markup;
    /**
     * Whether a measure has been handed the hurdle reliefs, or the markups: until one has, every relief and every
     * markup is 0, and the tick neither clears nor reads them (a scenario without such measures walks two fewer
     * per-firm arrays a tick). The caps and releases of production quotas go by {@link Firms#quotasMayHold}.
     */
    private boolean reliefHandedOut;
    private boolean markupsHandedOut;
    /** Markets by how many firms sell in them, and by how many input slots buy in them, most first. */
    private final int[] sellerOrder;
    private final int[] buyerOrder;
    /** The model's tick threads and the items handed to them: rebuilt, never saved, with the model. */
    private transient PhaseWork work;
    private transient PhaseWork.Items planSellers;
    private transient PhaseWork.Items bidForInputs;
    private transient PhaseWork.Items decideBlock;
    private transient PhaseWork.Items produceSellers;
    private transient PhaseWork.Items recordInputUse;
    private int tick;

    /**
     * @param valuePerUnit US dollars per unit at a price of one price unit, per market
     * @param work the threads that share a phase's items
     */
    public Industry(Firms firms, Producers producers, Manufacturers manufacturers, Recyclers recyclers,
                    CapacityDecisions capacity, Markets markets, Government government, double[] valuePerUnit,
                    PhaseWork work) {
        this.firms = firms;
        this.producers = producers;
        this.manufacturers = manufacturers;
        this.recyclers = recyclers;
        this.capacity = capacity;
        this.markets = markets;
        this.ledger = markets.ledger();
        this.government = government;
        this.valuePerUnit = valuePerUnit;
        int m = markets.count();
        members = new MarketMembers(firms, m);
        hurdleRelief = new double[firms.count];
        outputCap = new double[firms.count];
        Arrays.fill(outputCap, Double.POSITIVE_INFINITY);
        quotaRelease = new double[firms.count];
        Arrays.fill(quotaRelease, Double.NaN);
        lastRelease = new double[firms.count];
        Arrays.fill(lastRelease, Double.NaN);
        markup = new double[firms.count];
        plantsBack = new boolean[m];
        exportRestrictionEnd = new int[m];
        capacity.setExportRestrictionEnds(exportRestrictionEnd);
        int[] sellersPerMarket = new int[m];
        int[] buyersPerMarket = new int[m];
        for (int i = 0; i < m; i++) {
            sellersPerMarket[i] = members.sellersTo(i) - members.sellersFrom(i);
            buyersPerMarket[i] = members.buyersTo(i) - members.buyersFrom(i);
        }
        sellerOrder = largestFirst(sellersPerMarket, true);
        buyerOrder = largestFirst(buyersPerMarket, true);
        useWork(work);
    }

    /** Shares the phases' items among these threads from now on (a model restored from a checkpoint has new ones). */
    public void useWork(PhaseWork work) {
        this.work = work;
        planSellers = i -> planSellers(sellerOrder[i]);
        bidForInputs = i -> bidForInputs(buyerOrder[i]);
        decideBlock = this::decideBlock;
        produceSellers = i -> produceSellers(sellerOrder[i]);
        recordInputUse = i -> recordInputUse(buyerOrder[i]);
    }

    /** Markets by a count of theirs, largest first; without those of count 0 when {@code skipEmpty}. */
    public static int[] largestFirst(int[] counts, boolean skipEmpty) {
        Integer[] m = new Integer[counts.length];
        int n = 0;
        for (int i = 0; i < counts.length; i++) {
            if (!skipEmpty || counts[i] > 0) {
                m[n++] = i;
            }
        }
        Arrays.sort(m, 0, n, (a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a])
                : Integer.compare(a, b));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = m[i];
        }
        return out;
    }

    public Firms firms() {
        return firms;
    }

    /**
     * Per firm, the share by which its investment hurdle is lowered this tick: cleared as the tick begins, each
     * measure that lowers a hurdle (a capex subsidy, a consortium's offtake) writing its own, the largest holding.
     */
    public double[] hurdleRelief() {
        if (!reliefHandedOut) {
            reliefHandedOut = true;
            capacity.setHurdleRelief(hurdleRelief);
        }
        return hurdleRelief;
    }

    /**
     * Per firm that gives its plant's capital cost, the share of that capital subsidies pay this tick: cleared as the
     * tick begins, each subsidy adding its rate for the firms it covers, up to the whole, and paying its part of it
     * when the tick's orders are settled.
     */
    public double[] capitalSpared() {
        if (capitalSpared == null) {
            capitalSpared = new double[firms.count];
            capacity.setCapitalSpared(capitalSpared);
        }
        return capitalSpared;
    }

    /**
     * Per firm, the most it may make this tick: unbounded as the tick begins, each measure that caps output (a
     * production quota) writing its own, the smallest holding.
     */
    public double[] outputCap() {
        firms.letQuotasHold();
        return outputCap;
    }

    /** The most firm f may make this tick: infinite where no production quota holds it. */
    public double outputCapOf(int f) {
        return firms.quotasMayHold() ? outputCap[f] : Double.POSITIVE_INFINITY;
    }

    /**
     * Leaves each market's firms the share of their plants the outages in force this tick leave, before any measure
     * reads the firms' capacity: set as the firms planned, a measure's start of tick read last tick's outages.
     */
    public void takeOutages() {
        double[] factor = government.capacityFactor;
        for (int m = 0; m < factor.length; m++) {
            plantsBack[m] = firms.operableShare(m) == 0 && factor[m] > 0;
            firms.setOperableShare(m, factor[m]);
        }
    }

    /**
     * Lifts last tick's output caps and releases before the production quotas in force write this tick's, ahead of
     * every participant's start of tick.
     */
    public void openOutputCaps() {
        if (firms.quotasMayHold()) {
            Arrays.fill(outputCap, Double.POSITIVE_INFINITY);
            Arrays.fill(quotaRelease, Double.NaN);
        }
    }

    /**
     * Per firm, the volume released this tick by the production quota that holds it, the tightest on the firm: NaN
     * as the tick begins and where no quota holds it.
     */
    public double[] quotaRelease() {
        firms.letQuotasHold();
        return quotaRelease;
    }

    /**
     * Per firm, the markup over marginal cost it prices at this tick, 0 for a firm that competes: cleared as the
     * tick begins, written by a consortium for members that received figures on each other's selling prices,
     * output, customers or costs. A firm with markup m prices at (1 + m) times its marginal cost, input costs
     * included: it asks no less, and plans its output on (1 + m) times its costs.
     */
    public double[] collusiveMarkup() {
        markupsHandedOut = true;
        return markup;
    }

    @Override
    public void seat(int seat) {
        if (firms.count > Owner.MAX_TAG || firms.inputMarket.length > Owner.MAX_TAG) {
            throw new IllegalStateException("too many firms or input slots for an order's tag: " + firms.count);
        }
        producers.seat(seat);
        manufacturers.seat(seat);
    }

    @Override
    public void countOrders(int[] orders) {
        for (int f = 0; f < firms.count; f++) {
            orders[firms.market[f]] += producers.asksPerFirm();
            for (int s = firms.inputOffset[f]; s < firms.inputOffset[f + 1]; s++) {
                orders[firms.inputMarket[s]] += manufacturers.bidSteps(s);
            }
        }
    }

    @Override
    public void markMarkets(boolean[] used) {
        for (int f = 0; f < firms.count; f++) {
            used[firms.market[f]] = true;
            for (int s = firms.inputOffset[f]; s < firms.inputOffset[f + 1]; s++) {
                used[firms.inputMarket[s]] = true;
            }
            if (firms.type[f] == FirmType.RECYCLER) {
                used[firms.feedstockMarket[f]] = true;
            }
        }
    }

    @Override
    public void beginTick(int tick) {
        this.tick = tick;
        if (reliefHandedOut) {
            Arrays.fill(hurdleRelief, 0);
        }
        if (capitalSpared != null) {
            Arrays.fill(capitalSpared, 0);
        }
        if (markupsHandedOut) {
            Arrays.fill(markup, 0);
        }
    }

    // ---- plan -------------------------------------------------------------------------------------------------

    /**
     * A market's sellers, and then the input bids placed in it, are each one item: every firm plans once and each
     * book receives its orders in firm order, however the items are shared out.
     */
    @Override
    public void postOrders(int tick) {
        work.run(planSellers, sellerOrder.length);
        work.run(bidForInputs, buyerOrder.length);
    }

    /** Every firm selling in market m plans its output and offers its stock; manufacturers size their bids. */
    private void planSellers(int m) {
        Firms x = firms;
        double quoted = markets.price(m);
        double factor = government.capacityFactor[m];
        OrderBook book = markets.book(m);
        int[] sellers = members.sellers();
        boolean quotas = x.quotasMayHold();
        boolean markups = markupsHandedOut;
        boolean back = plantsBack[m];
        for (int i = members.sellersFrom(m), end = members.sellersTo(m); i < end; i++) {
            int f = sellers[i];
            producers.expect(f, quoted);
            // The release over last tick's, whichever quota set each. After a tick with no release the firm sold
            // nothing under it, and the news says nothing of the price.
            double release = Double.NaN;
            double last = Double.NaN;
            double cap = Double.POSITIVE_INFINITY;
            if (quotas) {
                release = quotaRelease[f];
                last = lastRelease[f];
                lastRelease[f] = release;
                cap = outputCap[f];
            }
            // Only a firm the quota held last tick reads its release or its end; one an outage took whole was not
            // held, since it could make nothing, and goes on to read its plant's return. Had the quota's end or a
            // new release stood first in line, the firm would have read neither: freed from a quota the week their
            // outage ended, the two-region world's mines counted on the buyers' limit of 100 and their stock
            // reached 1,387, not the 1,059 it reaches when the quota ends within the outage.
            boolean held = x.quotaBinds(f);
            if (held && last > 0 && release >= 0 && release != last) {
                producers.readRelease(f, release / last, cap);
            } else if (held && last >= 0 && Double.isNaN(release) && x.capacity[f] * factor > x.plannedOutput[f]) {
                // A quota's end is news as a raise is, from the share it held the firm's runs to last tick, nil
                // included, to all its plant can make: its price had the quota's rent in it, and planning on that rent
                // once the quota was gone, a firm made all it could while the price fell past its cost and the stock
                // piled up behind it (the two-region test world freed from 30 a week: 1,370 in stock against about
                // 600 at free trade, the price at 7.3 against 9.2).
                double all = x.capacity[f] * factor;
                producers.readRelease(f, all / x.plannedOutput[f], all);
            } else if (back && x.type[f] != FirmType.RECYCLER) {
                // A recycler's output is held by the scrap it collects, not its plant: its cost at full plant says
                // nothing of what it will make, and it only restarts its runs (below).
                producers.readPlantsBack(f, x.capacity[f] * factor);
            }
            // A quota that starts to hold a firm that ran free last tick is news too, of its share against its normal
            // sales, read after its plan: whether the quota binds at the price the firm counts on is known only then.
            // A plant back from a mothball under a quota in force ran nothing last tick, and its price was already
            // the quota's.
            boolean quotaStarts = Double.isNaN(last) && release > 0 && x.plannedOutput[f] > 0;
            double net;
            double available;
            // A price support (contract for difference, purchase guarantee) changes what the firm counts on
            // for its output; for a manufacturer, input costs still come off it.
            double supported = x.supports.supportedPrice(f, x.expectedPrice[f]);
            double supportedSale = x.supports.supportedPrice(f, x.salePrice[f]);
            double markupOf = markups ? markup[f] : 0;
            if (markupOf != 0) {
                // Only a colluding firm has a markup: dividing every other's price by 1 would change nothing.
                supported /= 1 + markupOf;
                supportedSale /= 1 + markupOf;
            }
            double inputCost = 0;
            switch (x.type[f]) {
                case MANUFACTURER -> {
                    inputCost = x.expectedPrice[f] - manufacturers.expectNetPrice(f, markets);
                    net = supported - inputCost;
                    available = Math.min(x.capacity[f] * factor, cap);
                }
                case RECYCLER -> {
                    net = supported;
                    available = recyclers.available(f, tick, factor);
                }
                default -> {
                    net = supported;
                    available = Math.min(x.capacity[f] * factor, cap);
                }
            }
            // A quota caps only producers and manufacturers; a recycler's cap stays infinite.
            if (quotas) {
                x.quotaCapped[f] = cap < x.capacity[f] * factor;
            }
            x.netPrice[f] = net;
            x.capacityNetPrice[f] = supportedSale - inputCost;
            // Held to its share last tick, and allowed more now or no longer held: what it may sell is no longer
            // what the quota held its sales to (Producers#resume). Whether it was held is last tick's reading: the
            // plan below reads this tick's. So with a firm back from an outage that took its whole plant: it sold its
            // stock, then nothing, and planning on normal sales run down to almost nothing it came back a few percent
            // a week (the two-region world's mines, out for 50 weeks: 1.8 a week the week they were back, 21 forty
            // weeks on, the price at the buyers' limit of 100 for fifty weeks more).
            if (back || held && last >= 0 && (release > last || Double.isNaN(release))) {
                producers.resume(f, net, available);
            }
            if (x.collector[f]) {
                producers.collect(f, net, available);
            } else {
                producers.plan(f, net, available);
            }
            if (quotaStarts && x.normalSales[f] > 0) {
                producers.readRelease(f, cap / x.normalSales[f], cap);
            }
            producers.offer(f, inputCost, markupOf, book);
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

    // ---- clear ------------------------------------------------------------------------------------------------

    @Override
    public void settleAsks(OrderBook book, int m, int from, int to) {
        double p = markets.price(m);
        double value = valuePerUnit[m];
        for (int i = from; i < to; i++) {
            double q = book.askFilled(i);
            if (q > 0) {
                producers.settleSale(Owner.tag(book.askOwner(i)), q, p, value, ledger);
            }
        }
    }

    @Override
    public void settleBids(OrderBook book, int m, int from, int to) {
        if (!book.crossed()) {
            return;
        }
        double p = markets.price(m);
        for (int i = from; i < to; i++) {
            double q = book.bidFilled(i);
            if (q > 0) {
                manufacturers.settlePurchase(Owner.tag(book.bidOwner(i)), q, p, ledger);
            }
        }
    }

    // ---- produce ----------------------------------------------------------------------------------------------

    /**
     * Production, by the market each firm sells in, then the inputs it used, by the market each was bought in:
     * every flow is booked in its market in firm order, as one walk over all firms would book it.
     */
    @Override
    public void produce(int tick) {
        work.run(produceSellers, sellerOrder.length);
        work.run(recordInputUse, buyerOrder.length);
    }

    private void produceSellers(int m) {
        Firms x = firms;
        int[] sellers = members.sellers();
        double value = valuePerUnit[m];
        Ledger books = ledger;
        for (int i = members.sellersFrom(m), end = members.sellersTo(m); i < end; i++) {
            int f = sellers[i];
            if (x.type[f] == FirmType.MANUFACTURER) {
                double q = manufacturers.produce(f);
                if (q > 0) {
                    double cost = q == x.plannedOutput[f] ? x.plannedVariableCost[f] : x.variableCostOfAvailable(f, q);
                    books.produced(m, q, cost * x.outputValue[f]);
                }
            } else {
                double q = producers.produce(f);
                if (q > 0) {
                    books.produced(m, q, x.variableCostOfAvailable(f, q) * value);
                }
            }
        }
    }

    private void recordInputUse(int m) {
        Firms x = firms;
        int[] slots = members.buyerSlots();
        Ledger books = ledger;
        for (int i = members.buyersFrom(m), end = members.buyersTo(m); i < end; i++) {
            int s = slots[i];
            if (x.inputShort[s] > 0) {
                books.unmet(m, x.inputShort[s]);
            }
            books.consumed(m, x.inputUse[s]);
        }
    }

    // ---- decide -----------------------------------------------------------------------------------------------

    @Override
    public void endTick(int tick) {
        readExportRestrictions(tick);
        work.run(decideBlock, (firms.count + DECISION_BLOCK - 1) / DECISION_BLOCK);
        capacity.bookCommitments(ledger, tick);
        recyclers.remember(tick, ledger);
    }

    /** When the restrictions on each market's exports in force this tick end, as known now, for the firms to read. */
    private void readExportRestrictions(int tick) {
        TradeRules rules = government.tradeRules();
        int commodities = markets.count() / markets.regions();
        for (int i = 0; i < exportRestrictionEnd.length; i++) {
            exportRestrictionEnd[i] = rules.exportsReopen(i / commodities, i % commodities, tick);
        }
    }

    /** Capacity decisions, normal sales and thrifting of the firms in block b, each firm on its own state. */
    private void decideBlock(int b) {
        Firms x = firms;
        int from = b * DECISION_BLOCK;
        int to = Math.min(x.count, from + DECISION_BLOCK);
        for (int f = from; f < to; f++) {
            producers.realise(f, markets.price(x.market[f]));
            capacity.decide(f, tick);
            producers.endTick(f);
            if (x.type[f] == FirmType.MANUFACTURER) {
                manufacturers.thrift(f);
            }
        }
    }

    // ---- record -----------------------------------------------------------------------------------------------

    @Override
    public void addHoldings(double[] stock) {
        Firms x = firms;
        for (int f = 0; f < x.count; f++) {
            stock[x.market[f]] += x.stock[f];
            for (int s = x.inputOffset[f], end = x.inputOffset[f + 1]; s < end; s++) {
                stock[x.inputMarket[s]] += x.inputStock[s];
            }
        }
    }

    /** Adds the capacity of the firms producing now, per market. */
    public void addCapacity(double[] capacityByMarket) {
        Firms x = firms;
        for (int f = 0; f < x.count; f++) {
            if (x.status[f] == FirmStatus.ACTIVE) {
                capacityByMarket[x.market[f]] += x.capacity[f];
            }
        }
    }
}
