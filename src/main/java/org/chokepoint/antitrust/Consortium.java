package org.chokepoint.antitrust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.agent.FirmType;
import org.chokepoint.agent.Firms;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.market.Participant;
import org.chokepoint.market.Shipping;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.scenario.spec.JointProcurementSpec.Mode;
import org.chokepoint.world.World;

/**
 * Joint procurement of a critical input by domestic manufacturers under the antitrust casebook (cases 6 and
 * 7).
 *
 * <p><b>Trigger.</b> In mode {@code AFTER_SHOCK} the consortium acts only while a cut-off is observed
 * (the region's imports of the input from the disrupted origin, averaged over
 * {@code behaviour.jointProcurement.cutoffWindowWeeks}, below
 * {@code cutoffThreshold} of their baseline, the average over the {@code baselineWindowTicks} before the
 * warm-up ends) or a government notice covers the input, and for {@code graceTicks} after; then it winds
 * down. In mode {@code PEACETIME} it stands throughout and is judged on its members' combined share of the
 * procurement market.
 *
 * <p><b>Membership.</b> Candidates are the region's manufacturers whose recipe uses the input; each joins on
 * its own exposure, when its input stock covers fewer than {@code joinCoverTicks} ticks of normal use.
 *
 * <p><b>Information.</b> Each member passes its required volume, the specification and candidate suppliers
 * to the consortium, and any other field the scenario lists (which the auditor flags); members see only
 * {@link MemberView}: the pooled requirement, the candidate suppliers and the member count.
 *
 * <p><b>Joint procurement.</b> The consortium orders the pooled shortfall, net of what it already holds or
 * has at sea, from the candidate supplier whose landed price is lowest, and ships it home along the route.
 * Pooled buying power is modelled as priority: the pooled order bids up to {@code poolingPremium} above the
 * home price net of transport, so at the supplier's market it is filled before the smaller buyers who bid
 * the going price. Landed cargo goes to members pro rata to their required volumes, at cost. An optional
 * long-term offtake ({@code offtake.termTicks} from activation) lowers the investment hurdle of the
 * suppliers' producers by {@code offtake.hurdleRelief}, as a committed buyer would.
 *
 * <p><b>Allocation (case 7).</b> With an allocation key, the share of members' output of {@code product}
 * made from jointly procured input is not auctioned: it goes to the region's manufacturers that use the
 * product and ask (members or not), by the key fixed in advance, at the market's quoted price, with no
 * condition on what they do with it.
 */
public final class Consortium implements Participant {
    /** Ticks over which imports from the disrupted origin are averaged before they are compared with the baseline. */
    private final int cutoffWindow;
    /** Ticks over which deliveries to members are remembered, as the time constant of a decaying sum. */
    private final double allocationMemory;
    /** Ticks of its use of the product a buyer asks the allocation for, less its stock. */
    private final double allocationRequest;

    private final String id;
    private final int region;
    private final Mode mode;
    private final int input;
    private final int origin;
    private final double cutoffThreshold;
    private final int grace;
    private final int baselineWindow;
    private final double joinCover;
    private final double poolingPremium;
    private final List<String> supplierIds;
    private final int[] suppliers;
    private final List<InformationField> exchanged;
    private final boolean continueAfterTrigger;
    private final double peacetimeMaxShare;
    private final int offtakeTerm;
    private final double offtakeRelief;
    private final int product;
    private final AllocationKey key;
    private final String keyFingerprint;

    private ConsortiumContext ctx;
    private int[] candidates;
    private boolean[] member;
    private double[] required;
    private double[] deliveredRecent;
    private double[] allocated;
    private double baseline = Double.NaN;
    private final double[] recentImports;
    private int lastTriggerTick = -1;
    private int firstTriggerTick = -1;
    private boolean active;
    private String basis;
    private int activatedAt = -1;
    private double stock;
    private double stockCost;
    /** Its account with {@link Shipping}: the pooled cargo at sea, by arrival tick. */
    private int account;
    private int seat;
    private int orderMarket = -1;
    private int orderRoute = -1;
    private double orderQuantity;
    private double procured;
    private final Map<String, Double> procuredFrom = new LinkedHashMap<>();
    private final Map<String, Integer> exchangeCounts = new LinkedHashMap<>();
    private final List<Map<String, Object>> exchangeSample = new ArrayList<>();
    private final Map<String, double[]> allocationByClass = new LinkedHashMap<>();
    private double maxMemberShare;
    private double sumMemberShare;
    private int shareTicks;
    private final ComplianceAuditor auditor = new ComplianceAuditor();

    /** The consortium a spec declares, in a resolved world, with the scenario's behaviour settings. */
    public Consortium(JointProcurementSpec spec, World world, BehaviourSpec behaviour) {
        this.id = spec.id();
        this.region = world.regionIndex(spec.region());
        this.mode = spec.mode();
        this.input = world.commodityIndex(spec.input());
        this.origin = world.regionIndex(spec.disruptedOrigin());
        this.cutoffThreshold = spec.cutoffThreshold();
        this.grace = spec.graceTicks();
        this.baselineWindow = spec.baselineWindowTicks();
        this.joinCover = spec.joinCoverTicks();
        this.poolingPremium = spec.poolingPremium();
        this.supplierIds = List.copyOf(spec.candidateSuppliers());
        this.suppliers = supplierIds.stream().mapToInt(world::regionIndex).toArray();
        List<InformationField> fields = new ArrayList<>();
        for (String label : spec.exchange()) {
            fields.add(InformationField.parse(label));
        }
        this.exchanged = List.copyOf(fields);
        this.continueAfterTrigger = spec.continueAfterTrigger();
        this.peacetimeMaxShare = spec.peacetimeMaxShare();
        JointProcurementSpec.Offtake offtake = spec.offtake();
        this.offtakeTerm = offtake == null ? 0 : offtake.termTicks();
        this.offtakeRelief = offtake == null ? 0 : offtake.hurdleRelief();
        JointProcurementSpec.Allocation allocation = spec.allocation();
        this.product = allocation == null ? -1 : world.commodityIndex(allocation.product());
        this.key = allocation == null ? null : new AllocationKey(allocation.key(), allocation.priority());
        this.keyFingerprint = key == null ? "" : key.toString();
        BehaviourSpec.JointProcurement windows = behaviour.jointProcurement();
        int ticksPerYear = world.ticksPerYear();
        this.cutoffWindow = TickTime.wholeTicks(windows.cutoffWindowWeeks(), ticksPerYear, 1);
        this.allocationMemory = Math.max(1.0, TickTime.ticks(windows.allocationMemoryWeeks(), ticksPerYear));
        this.allocationRequest = TickTime.ticks(windows.allocationRequestWeeks(), ticksPerYear);
        this.recentImports = new double[cutoffWindow];
    }

    public String id() {
        return id;
    }

    // ---- set-up ---------------------------------------------------------------------------------------------

    /** Connects the consortium to the run before its first tick: its candidates, and its account for cargo. */
    public void bind(ConsortiumContext c) {
        setUp(c);
    }

    @Override
    public void seat(int seat) {
        this.seat = seat;
    }

    /** Its pooled bid, in whichever candidate supplier's market is cheapest. */
    @Override
    public void countOrders(int[] orders) {
        for (int s : suppliers) {
            orders[ctx.world().market(s, input)]++;
        }
    }

    // ---- events phase: trigger, membership, information, audit ------------------------------------------

    @Override
    public void beginTick(int tick) {
        ConsortiumContext c = ctx;
        Markets markets = c.markets();
        int home = c.world().market(region, input);
        // What arrived from the disrupted origin last tick (this tick's flows are not in yet).
        double arrived = lastImports;
        recentImports[tick % cutoffWindow] = arrived;
        observeBaseline(c, tick, arrived);
        if (tick == c.warmupTicks()) {
            rememberBaseline(c);
        }
        boolean cutOff = false;
        if (!Double.isNaN(baseline) && tick >= c.warmupTicks() + cutoffWindow) {
            double avg = 0;
            for (double v : recentImports) {
                avg += v / cutoffWindow;
            }
            cutOff = avg < cutoffThreshold * baseline;
        }
        boolean notice = c.noticeInForce(region, input);
        boolean triggered = cutOff || notice;
        if (triggered) {
            lastTriggerTick = tick;
            if (firstTriggerTick < 0) {
                firstTriggerTick = tick;
            }
        }
        boolean withinGrace = lastTriggerTick >= 0 && tick - lastTriggerTick <= grace;
        String why;
        if (mode == Mode.PEACETIME) {
            active = tick >= c.warmupTicks();
            why = "standing arrangement";
        } else if (triggered) {
            active = true;
            why = cutOff ? "cut-off observed" : "government notice";
        } else if (withinGrace) {
            active = true;
            why = "grace period";
        } else if (active && continueAfterTrigger) {
            why = "kept operating after the trigger lapsed";
        } else {
            active = false;
            why = null;
        }
        if (active && activatedAt < 0) {
            activatedAt = tick;
        }
        basis = why;
        auditor.active(active ? mode.name() : null, why, tick);
        if (mode == Mode.AFTER_SHOCK) {
            boolean before = firstTriggerTick < 0 || tick < firstTriggerTick;
            auditor.check(ComplianceAuditor.Rule.TRIGGER, !(active && before), tick,
                    "acted before any cut-off or government notice");
            auditor.check(ComplianceAuditor.Rule.DURATION, !(active && !triggered && !withinGrace), tick,
                    "operating after the trigger lapsed at tick " + lastTriggerTick + " and its " + grace
                            + "-tick grace period ended");
        }
        auditor.check(ComplianceAuditor.Rule.KEY_FIXED_IN_ADVANCE,
                key == null || key.toString().equals(keyFingerprint), tick, "allocation key changed");
        if (!active) {
            orderQuantity = 0;
            return;
        }
        join(c, tick);
        exchange(c, tick, markets, home);
        offtake(c, tick);
    }

    private double lastImports;

    private void setUp(ConsortiumContext c) {
        ctx = c;
        Firms x = c.firms();
        List<Integer> cand = new ArrayList<>();
        for (int f = 0; f < x.count; f++) {
            if (x.type(f) == FirmType.MANUFACTURER && x.region(f) == region && slotOf(x, f, input) >= 0) {
                cand.add(f);
            }
        }
        candidates = cand.stream().mapToInt(Integer::intValue).toArray();
        member = new boolean[x.count];
        required = new double[x.count];
        deliveredRecent = new double[x.count];
        allocated = new double[x.count];
        int longest = 1;
        for (int s : suppliers) {
            int route = c.world().routeBetween(s, region);
            if (route >= 0) {
                longest = Math.max(longest, c.world().route(route).transitTicks());
            }
        }
        account = c.markets().shipping().open(c.world().market(region, input), longest + 64);
    }

    static int slotOf(Firms x, int f, int commodity) {
        return x.slotOf(f, commodity);
    }

    private void observeBaseline(ConsortiumContext c, int tick, double arrived) {
        int end = c.warmupTicks();
        int start = Math.max(0, end - baselineWindow);
        if (tick >= start && tick < end) {
            baselineSum += arrived;
        }
        if (tick == end) {
            baseline = baselineSum / Math.max(1, end - start);
        }
    }

    private double baselineSum;

    private void join(ConsortiumContext c, int tick) {
        Firms x = c.firms();
        for (int f : candidates) {
            if (member[f]) {
                continue;
            }
            int s = slotOf(x, f, input);
            double use = x.intensity(s) * x.normalSales(f);
            double cover = use > 0 ? x.inputStock(s) / use : Double.POSITIVE_INFINITY;
            if (mode == Mode.PEACETIME || cover < joinCover) {
                member[f] = true;
            }
        }
    }

    private void exchange(ConsortiumContext c, int tick, Markets markets, int home) {
        Firms x = c.firms();
        double pooled = 0;
        double membersUse = 0;
        double allUse = 0;
        for (int f : candidates) {
            int s = slotOf(x, f, input);
            double use = x.intensity(s) * x.normalSales(f);
            allUse += use;
            required[f] = 0;
            if (!member[f]) {
                continue;
            }
            membersUse += use;
            double target = joinCover * use;
            required[f] = Math.max(0, target - x.inputStock(s));
            pooled += required[f];
            for (InformationField field : exchanged) {
                record(tick, x.id(f), field);
            }
            boolean scope = true;
            boolean downstream = true;
            for (InformationField field : exchanged) {
                if (!field.allowed()) {
                    scope = false;
                    downstream = false;
                }
            }
            auditor.check(ComplianceAuditor.Rule.INFORMATION_SCOPE, scope, tick,
                    "members exchanged " + forbidden() + " through the consortium");
            auditor.check(ComplianceAuditor.Rule.NO_DOWNSTREAM_COORDINATION, downstream, tick,
                    "the exchange of " + forbidden() + " lets members align what they sell and at what price");
        }
        // What members may see is the view type's aggregates; the auditor confirms what that type holds.
        auditor.check(ComplianceAuditor.Rule.FIREWALL, MemberView.class.getRecordComponents().length == 4, tick,
                "the members' view carries more than aggregates");
        double share = allUse > 0 ? membersUse / allUse : 0;
        maxMemberShare = Math.max(maxMemberShare, share);
        sumMemberShare += share;
        shareTicks++;
        if (mode == Mode.PEACETIME) {
            auditor.check(ComplianceAuditor.Rule.PEACETIME_SHARE, share <= peacetimeMaxShare, tick,
                    "members hold " + Math.round(share * 100) + "% of the procurement market, above the limit of "
                            + Math.round(peacetimeMaxShare * 100) + "%");
        }
        double atSea = c.markets().shipping().atSea(account);
        orderQuantity = Math.max(0, pooled - stock - atSea);
    }

    private String forbidden() {
        StringBuilder b = new StringBuilder();
        for (InformationField f : exchanged) {
            if (!f.allowed()) {
                b.append(b.length() == 0 ? "" : ", ").append(f.label());
            }
        }
        return b.toString();
    }

    private void record(int tick, String member, InformationField field) {
        exchangeCounts.merge(field.label(), 1, Integer::sum);
        if (exchangeSample.size() < 20) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("tick", tick);
            e.put("member", member);
            e.put("field", field.label());
            exchangeSample.add(e);
        }
    }

    private void offtake(ConsortiumContext c, int tick) {
        if (offtakeTerm <= 0 || tick >= activatedAt + offtakeTerm) {
            return;
        }
        Firms x = c.firms();
        double[] relief = c.hurdleRelief();
        for (int f = 0; f < x.count; f++) {
            if (x.commodity(f) == input && contains(suppliers, x.region(f))) {
                relief[f] = Math.max(relief[f], offtakeRelief);
            }
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    // ---- plan phase: allocation of product, pooled order ----------------------------------------------

    /**
     * Case 7: shares the members' output of the product made from jointly procured input among the
     * downstream firms that ask for it, by the key, before the rest of the product is auctioned.
     */
    @Override
    public void allocate(int tick) {
        if (!active || key == null || product < 0) {
            return;
        }
        ConsortiumContext c = ctx;
        Firms x = c.firms();
        World w = c.world();
        Markets markets = c.markets();
        int m = w.market(region, product);
        double price = markets.price(m);
        double value = w.commodity(product).valuePerUnit();
        // Supply: each member maker of the product sets aside the share of its stock made from pooled input.
        List<Integer> makers = new ArrayList<>();
        List<Double> reserve = new ArrayList<>();
        double available = 0;
        for (int f : candidates) {
            if (!member[f] || x.commodity(f) != product) {
                continue;
            }
            int s = slotOf(x, f, input);
            double use = Math.max(1e-12, allocationMemory * x.intensity(s) * Math.max(x.normalSales(f), 1e-12));
            double jointShare = Math.min(1.0, deliveredRecent[f] / use);
            double r = x.stock(f) * jointShare;
            if (r > 0) {
                makers.add(f);
                reserve.add(r);
                available += r;
            }
        }
        if (available <= 0) {
            return;
        }
        // Demand: every manufacturer in the region that uses the product and is short of it asks.
        List<Integer> askers = new ArrayList<>();
        List<Integer> slotsOf = new ArrayList<>();
        for (int f = 0; f < x.count; f++) {
            if (x.type(f) != FirmType.MANUFACTURER || x.region(f) != region) {
                continue;
            }
            int s = slotOf(x, f, product);
            if (s < 0) {
                continue;
            }
            askers.add(f);
            slotsOf.add(s);
        }
        int n = askers.size();
        double[] requested = new double[n];
        double[] weight = new double[n];
        int[] priority = new int[n];
        for (int i = 0; i < n; i++) {
            int f = askers.get(i);
            int s = slotsOf.get(i);
            double use = x.intensity(s) * x.normalSales(f);
            requested[i] = Math.max(0, x.intensity(s) * Math.max(x.plannedOutput(f), x.normalSales(f))
                    * allocationRequest - x.inputStock(s));
            boolean byBaseline = AllocationKey.BASELINE_PRO_RATA.equals(key.kind());
            weight[i] = byBaseline ? baselineUse(f, use) : requested[i];
            priority[i] = byBaseline ? 0 : key.priorityOf(w.commodity(x.commodity(f)).id());
        }
        double[] got = Allocation.allocate(available, requested, weight, priority);
        double given = 0;
        for (int i = 0; i < n; i++) {
            given += got[i];
        }
        if (given <= 0) {
            return;
        }
        // Take from the makers pro rata to what they set aside; deliver into the askers' input stocks.
        for (int k = 0; k < makers.size(); k++) {
            int f = makers.get(k);
            double q = given * reserve.get(k) / available;
            x.handOver(f, q, q * price * value, markets.ledger());
        }
        double[] memberShare = new double[2];
        double[] memberAsked = new double[2];
        for (int i = 0; i < n; i++) {
            int f = askers.get(i);
            int s = slotsOf.get(i);
            x.receiveInput(s, got[i], got[i] * price * value, markets.ledger());
            allocated[f] += got[i];
            String cls = w.commodity(x.commodity(f)).id();
            double[] row = allocationByClass.computeIfAbsent(cls, k -> new double[5]);
            row[0] += requested[i];
            row[1] += got[i];
            int who = member[f] ? 0 : 1;
            row[2 + who] += got[i];
            row[4] = priority[i] == Integer.MAX_VALUE ? -1 : priority[i];
            memberShare[who] += got[i];
            memberAsked[who] += requested[i];
        }
        markets.ledger().transfer(m, given);
        // Equal treatment: within each class, members and non-members get the same share of what they asked.
        boolean equal = true;
        for (int a = 0; a < n && equal; a++) {
            for (int b = a + 1; b < n; b++) {
                int fa = askers.get(a);
                int fb = askers.get(b);
                if (priority[a] == priority[b] && member[fa] != member[fb] && requested[a] > 0 && requested[b] > 0
                        && AllocationKey.PRIORITY_CLASSES.equals(key.kind())) {
                    double ra = got[a] / requested[a];
                    double rb = got[b] / requested[b];
                    if (Math.abs(ra - rb) > 1e-9) {
                        equal = false;
                        break;
                    }
                }
            }
        }
        auditor.check(ComplianceAuditor.Rule.EQUAL_TREATMENT, equal, c.tick(),
                "members and non-members of the same class got different shares of what they asked");
    }

    private final Map<Integer, Double> baselineUse = new LinkedHashMap<>();

    /** A buyer's use of the product in the pre-shock window, remembered at the end of the warm-up. */
    private double baselineUse(int f, double current) {
        return baselineUse.getOrDefault(f, current);
    }

    /** Remembers every buyer's normal use of the product when the baseline window closes. */
    void rememberBaseline(ConsortiumContext c) {
        if (product < 0) {
            return;
        }
        Firms x = c.firms();
        for (int f = 0; f < x.count; f++) {
            int s = slotOf(x, f, product);
            if (s >= 0 && x.region(f) == region) {
                baselineUse.put(f, x.intensity(s) * x.normalSales(f));
            }
        }
    }

    /** Places the pooled order at the candidate supplier with the lowest landed price. */
    @Override
    public void postOrders(int tick) {
        ConsortiumContext c = ctx;
        orderMarket = -1;
        if (!active || orderQuantity <= 0) {
            return;
        }
        World w = c.world();
        Markets markets = c.markets();
        int home = w.market(region, input);
        double best = Double.POSITIVE_INFINITY;
        for (int s : suppliers) {
            int route = w.routeBetween(s, region);
            if (route < 0 || c.routes().closed(route)) {
                continue;
            }
            int m = w.market(s, input);
            double landed = markets.price(m) + c.routes().cost(route);
            if (landed < best) {
                best = landed;
                orderMarket = m;
                orderRoute = route;
            }
        }
        if (orderMarket < 0) {
            return;
        }
        double limit = markets.price(home) * (1 + poolingPremium) - c.routes().cost(orderRoute);
        if (limit > 0) {
            markets.book(orderMarket).addBid(limit, orderQuantity, Owner.of(seat, 0));
        }
    }

    @Override
    public void settleBids(OrderBook book, int market, int from, int to) {
        if (!book.crossed()) {
            return;
        }
        double p = ctx.markets().price(market);
        for (int i = from; i < to; i++) {
            double q = book.bidFilled(i);
            if (q > 0) {
                settle(market, q, p);
            }
        }
    }

    /**
     * Books pooled cargo bought at the supplier: it leaves as an export and sails home. (Cargo on a voyage of no
     * time joins the ring slot already landed this tick, and comes round with it.)
     */
    private void settle(int market, double quantity, double price) {
        World w = ctx.world();
        ctx.markets().shipping().ship(account, Shipping.DIRECT, market, -1, ctx.tick(),
                ctx.routes().transit(orderRoute), quantity, quantity * price);
        procured += quantity;
        procuredFrom.merge(w.region(w.regionOfMarket(market)).id(), quantity, Double::sum);
    }

    // ---- ship phase: cargo lands and goes to members ---------------------------------------------------

    /**
     * What arrived from the disrupted origin this tick is noted (before the consortium's own cargo lands); the
     * pooled cargo due lands, and members get what they required.
     */
    @Override
    public void ship(int tick) {
        ConsortiumContext c = ctx;
        Markets markets = c.markets();
        World w = c.world();
        int home = w.market(region, input);
        lastImports = markets.ledger().importsFrom(home, origin);
        double q = markets.shipping().land(account, Shipping.DIRECT, tick);
        if (q > 0) {
            stock += q;
            stockCost += markets.shipping().landedValue();
        }
        for (int i = 0; i < deliveredRecent.length; i++) {
            deliveredRecent[i] *= 1.0 - 1.0 / allocationMemory;
        }
        if (stock <= 0) {
            return;
        }
        Firms x = c.firms();
        double total = 0;
        for (int f : candidates) {
            if (member[f]) {
                total += required[f];
            }
        }
        if (total <= 0) {
            return;
        }
        double give = Math.min(stock, total);
        double unitCost = stockCost / stock;
        double value = w.commodity(input).valuePerUnit();
        for (int f : candidates) {
            if (!member[f] || required[f] <= 0) {
                continue;
            }
            double share = give * required[f] / total;
            x.receiveInput(x.slotOf(f, input), share, share * unitCost * value, markets.ledger());
            deliveredRecent[f] += share;
        }
        stock -= give;
        stockCost -= give * unitCost;
    }

    // ---- accounting and report ---------------------------------------------------------------------------

    /** Cargo landed and not yet handed to members, held in the home region. */
    public double stockIn(int market) {
        return ctx != null && market == ctx.world().market(region, input) ? stock : 0;
    }

    @Override
    public void addHoldings(double[] stockByMarket) {
        for (int m = 0; m < stockByMarket.length; m++) {
            stockByMarket[m] += stockIn(m);
        }
    }

    @Override
    public void finish(int lastTick) {
        auditor.finish(lastTick);
    }

    public boolean active() {
        return active;
    }

    public List<ComplianceAuditor.Violation> violations() {
        return auditor.violations();
    }

    /** The record {@code compliance.json} holds for this consortium. */
    public Map<String, Object> report() {
        World w = ctx == null ? null : ctx.world();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("consortium", id);
        r.put("type", JointProcurementSpec.TYPE);
        r.put("region", w == null ? null : w.region(region).id());
        r.put("mode", mode.name());
        r.put("procures", w == null ? null : w.commodity(input).id());
        List<Map<String, String>> rules = new ArrayList<>();
        for (ComplianceAuditor.Rule rule : ComplianceAuditor.Rule.values()) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("rule", rule.name());
            e.put("requires", rule.requirement());
            rules.add(e);
        }
        r.put("rulesChecked", rules);
        r.put("activePeriods", auditor.periods());
        List<String> members = new ArrayList<>();
        if (ctx != null) {
            for (int f : candidates) {
                if (member[f]) {
                    members.add(ctx.firms().id(f));
                }
            }
        }
        r.put("members", members);
        Map<String, Object> share = new LinkedHashMap<>();
        share.put("max", maxMemberShare);
        share.put("mean", shareTicks == 0 ? 0 : sumMemberShare / shareTicks);
        share.put("limitInPeacetime", peacetimeMaxShare);
        r.put("membersCombinedShare", share);
        Map<String, Object> ex = new LinkedHashMap<>();
        ex.put("fieldsExchanged", exchanged.stream().map(InformationField::label).toList());
        ex.put("countsByField", exchangeCounts);
        ex.put("firstExchanges", exchangeSample);
        ex.put("membersSee", List.of("pooledRequirement", "candidateSuppliers", "members"));
        r.put("exchanges", ex);
        Map<String, Object> proc = new LinkedHashMap<>();
        proc.put("volume", procured);
        proc.put("bySupplier", procuredFrom);
        proc.put("candidateSuppliers", supplierIds);
        r.put("procurement", proc);
        if (key != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("product", w == null || product < 0 ? null : w.commodity(product).id());
            a.put("key", key.kind());
            a.put("priority", key.priority());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map.Entry<String, double[]> e : allocationByClass.entrySet()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("buyersMaking", e.getKey());
                row.put("priority", e.getValue()[4] < 0 ? null : (int) e.getValue()[4]);
                row.put("requested", e.getValue()[0]);
                row.put("allocated", e.getValue()[1]);
                row.put("toMembers", e.getValue()[2]);
                row.put("toNonMembers", e.getValue()[3]);
                rows.add(row);
            }
            a.put("results", rows);
            r.put("allocation", a);
        }
        r.put("violations", auditor.violations());
        return r;
    }
}
