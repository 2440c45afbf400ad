package org.chokepoint.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.scenario.spec.ExportLicensingSpec;
import org.chokepoint.world.World;

/**
 * Export licensing: every shipment of a covered commodity needs a licence. A trader applies each tick for
 * what it wants to ship, short of what it already expects from its applications and licences ({@link #toFile});
 * the application joins the licensing office's {@link LicenceQueue}, which decides it no sooner than
 * {@code leadTicks} later and, for a commodity with a processing capacity, only as that capacity reaches it, so
 * the wait is what the queue makes of the applications. Each decided volume is
 * approved whole with the rate in force for its commodity and destination on the day of the decision
 * (drawn from the model's policy stream); applications to a denied destination, or one approved at a rate of 0,
 * are refused on filing, and those waiting when their destination is denied are refused then, unreviewed (a
 * denial may change on dates). An
 * approved licence is valid for {@code validityTicks}, and a trader may buy for shipment only what its
 * unexpired licences cover. The review costs the trader {@code carryingCostPerTick} of the cargo's value for
 * each tick of the lead, which narrows the gap it needs; a longer wait in the queue acts through the licences,
 * fewer and later, not as a cost on cargo whose licence is in hand. With a way round it ({@code circumvention})
 * and no rule against one, traders send the leak rate of what their licences do not grant through the third
 * region, as round a quota. A consortium's pool applies, holds and uses licences as a trader does, under its
 * importer number ({@link PolicyContext#importers}).
 */
final class ExportLicensing extends ExportMeasure {
    /** The per-tick figures of each covered commodity, in the order of {@link #SERIES}. */
    static final String[] SERIES = {"applied", "approved", "refused", "decided", "backlog", "waitTicks",
            "expectedWaitTicks", "licencesHeld"};
    private static final int APPLIED = 0;
    private static final int APPROVED = 1;
    private static final int REFUSED = 2;
    private static final int DECIDED = 3;
    private static final int BACKLOG = 4;
    private static final int WAIT = 5;
    private static final int EXPECTED_WAIT = 6;
    private static final int HELD = 7;

    private final World world;
    private final int lead;
    private final int validity;
    /** Approval probability by commodity and destination, {@code [c * regions + d]}, as of the current tick. */
    private final double[] approval;
    /** The approval schedule: from which tick each step sets which cells to which rate. */
    private final CellSchedule approvalSteps;
    /** Whether applications are refused outright, by commodity and destination, {@code [c * regions + d]}. */
    private final boolean[] denied;
    /** The denial schedule: from which tick each step denies or reopens which cells (value 1 or 0). */
    private final CellSchedule denialSteps;
    /** What buyers read from the steps of both schedules made known before they take effect. */
    private final StepNews stepNews;
    /** The office's capacity per tick by commodity, as of the current tick; infinite for one decided without limit. */
    private final double[] capacityPerTick;
    /** The capacity schedule in the order it applies: from which tick each step sets which commodities to what. */
    private final int[] capacityFrom;
    private final int[][] capacityCommodities;
    private final double[] capacityStepPerTick;
    private int nextCapacityStep;
    private final double[] capacityLeft;
    private final double carryingCost;
    private final LicenceQueue queue;
    private final Decide decide = new Decide();
    private final RefuseOutright refuseOutright = new RefuseOutright();
    private final int[] covered;
    private double[] licensed;
    private double[] requestedNow;
    /** Per importer, what it has applied for and the office has not yet decided. */
    private double[] pending;
    /** Per importer, the commodity it files for (each importer buys one), or -1 before it first files. */
    private int[] filesFor;
    private double approvedVolume;
    private double decidedVolume;
    private double appliedVolume;
    private double deniedVolume;
    private double waitVolume;
    private int longestWait;
    private double peakBacklog;
    /** This tick's figures by commodity, {@code [c * SERIES.length + k]}. */
    private final double[] now;
    /** Every tick's figures, {@code [(tick * covered.length + j) * SERIES.length + k]}. */
    private double[] history = new double[0];
    private int ticksRecorded;

    ExportLicensing(ExportLicensingSpec spec, PolicySetting setting) {
        super(spec, setting);
        this.world = setting.world();
        this.lead = spec.leadTicks();
        this.validity = spec.validityTicks();
        int regions = world.regionCount();
        int commodities = world.commodityCount();
        this.approval = new double[commodities * regions];
        this.approvalSteps = new CellSchedule(spec, spec.stepsInOrder(), world, ExportLicensingSpec.ApprovalStep::rate);
        for (int c = 0; c < commodities; c++) {
            for (int d = 0; d < regions; d++) {
                approval[c * regions + d] = spec.approvalByDestination().getOrDefault(world.region(d).id(),
                        spec.approvalProbability());
            }
        }
        this.denied = new boolean[commodities * regions];
        for (String d : spec.deniedDestinations()) {
            for (int c = 0; c < commodities; c++) {
                denied[c * regions + world.regionIndex(d)] = true;
            }
        }
        this.denialSteps = new CellSchedule(spec, spec.denialStepsInOrder(), world, step -> step.denied() ? 1 : 0);
        this.stepNews = new StepNews(spec, world);
        this.capacityPerTick = new double[commodities];
        Arrays.fill(capacityPerTick, Double.POSITIVE_INFINITY);
        double ticksPerWeek = TickTime.ticks(1, world.ticksPerYear());
        for (Map.Entry<String, Double> e : spec.capacityPerWeek().entrySet()) {
            capacityPerTick[world.commodityIndex(e.getKey())] = e.getValue() / ticksPerWeek;
        }
        List<ExportLicensingSpec.CapacityStep> capacitySteps = spec.capacityStepsInOrder();
        this.capacityFrom = new int[capacitySteps.size()];
        this.capacityCommodities = new int[capacitySteps.size()][];
        this.capacityStepPerTick = new double[capacitySteps.size()];
        for (int k = 0; k < capacitySteps.size(); k++) {
            ExportLicensingSpec.CapacityStep step = capacitySteps.get(k);
            capacityFrom[k] = spec.fromOrStart(step.from());
            List<String> set = step.commodities() == null ? spec.commodities() : step.commodities();
            capacityCommodities[k] = set.stream().mapToInt(world::commodityIndex).toArray();
            capacityStepPerTick[k] = step.capacityPerWeek() / ticksPerWeek;
        }
        this.capacityLeft = new double[commodities];
        this.carryingCost = spec.carryingCostPerTick();
        this.queue = new LicenceQueue(commodities);
        this.covered = spec.commodities().stream().mapToInt(world::commodityIndex).toArray();
        allow(spec.circumvention(), spec.antiCircumvention(), world);
        this.now = new double[commodities * SERIES.length];
    }

    /**
     * Buyers expect a licence to refuse what it is set to refuse for their destination and commodity when it
     * starts, and a denied destination all of it: the measure's own news, from its announcement to its start, is
     * of the measure as it starts, whether its own fields or steps from its start say so, as far as those steps are
     * made known by {@code tick}; a step that will refuse more of the lane is news of its own from when it is made
     * known until it applies ({@link StepNews}).
     */
    @Override
    public double announcedThreat(int o, int d, int c, int tick) {
        return covers(o, d, c) ? stepNews.news(c * world.regionCount() + d, tick,
                tick == announce || announcedAhead(tick)) : 0.0;
    }

    @Override
    public boolean restrictionAhead(int o, int d, int c, int tick) {
        return super.restrictionAhead(o, d, c, tick)
                || covers(o, d, c) && stepNews.ahead(c * world.regionCount() + d, tick);
    }

    @Override
    public boolean refusesAll(int importer, int o, int d, int c, int tick) {
        int cell = c * world.regionCount() + d;
        return binds(o, d, c, tick) && (denied[cell] || approval[cell] <= 0) && balance(importer) <= 0;
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        int importers = ctx.importers();
        if (licensed == null) {
            licensed = new double[importers * (validity + 1)];
            requestedNow = new double[importers];
            pending = new double[importers];
            filesFor = new int[importers];
            Arrays.fill(filesFor, -1);
        }
        Arrays.fill(requestedNow, 0);
        Arrays.fill(now, 0);
        applySchedule(tick);
        for (int i = 0; i < importers; i++) {
            licensed[i * (validity + 1) + tick % (validity + 1)] = 0;
        }
        System.arraycopy(capacityPerTick, 0, capacityLeft, 0, capacityLeft.length);
        if (tick >= end) {
            // Once the measure has ended no cargo needs a licence: what still waits is never decided (deciding it
            // reported approvals, refusals and licences held for weeks after the end, and drew approvals from the
            // stream other offices draw on), and a licence still held licenses nothing.
            queue.clear();
            Arrays.fill(pending, 0);
            Arrays.fill(licensed, 0);
            return;
        }
        // What waits is decided first, whether or not anyone files this tick; with no lead, what is filed this
        // tick is decided as it is filed, from what capacity is left (see request).
        queue.process(tick, lead, capacityLeft, decide);
    }

    /** Sets the rates, capacities and denials of every step of the schedules that starts on or before {@code tick}. */
    private void applySchedule(int tick) {
        while (nextCapacityStep < capacityFrom.length && capacityFrom[nextCapacityStep] <= tick) {
            for (int c : capacityCommodities[nextCapacityStep]) {
                capacityPerTick[c] = capacityStepPerTick[nextCapacityStep];
            }
            nextCapacityStep++;
        }
        while (approvalSteps.due(tick)) {
            approvalSteps.apply(approval);
        }
        boolean denialChanged = false;
        while (denialSteps.due(tick)) {
            denialSteps.apply(denied);
            denialChanged = true;
        }
        // Only what is denied once every step of the tick has applied: a destination denied by one step and let in
        // again by a later one of the same tick keeps its waiting applications.
        if (denialChanged) {
            queue.withdraw(denied, world.regionCount(), refuseOutright, tick);
        }
    }

    /** What the office does with each volume it decides. */
    private final class Decide implements LicenceQueue.Decisions, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public void decide(int trader, int c, int d, int filed, double quantity, int tick) {
            decidedVolume += quantity;
            pending[trader] -= quantity;
            int wait = tick - filed;
            waitVolume += wait * quantity;
            longestWait = Math.max(longestWait, wait);
            now[c * SERIES.length + DECIDED] += quantity;
            now[c * SERIES.length + WAIT] += wait * quantity;
            if (ctx.policyRandom().nextDouble() < approval[c * world.regionCount() + d]) {
                approvedVolume += quantity;
                now[c * SERIES.length + APPROVED] += quantity;
                licensed[trader * (validity + 1) + (tick + validity) % (validity + 1)] += quantity;
            } else {
                now[c * SERIES.length + REFUSED] += quantity;
            }
        }
    }

    /** What the office does with an application whose destination is denied while it waits: refuses it unread. */
    private final class RefuseOutright implements LicenceQueue.Decisions, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public void decide(int trader, int c, int d, int filed, double quantity, int tick) {
            pending[trader] -= quantity;
            deniedVolume += quantity;
            now[c * SERIES.length + REFUSED] += quantity;
        }
    }

    @Override
    public void request(int trader, int o, int d, int c, int tick, double quantity) {
        if (!binds(o, d, c, tick)) {
            return;
        }
        requestedNow[trader] += quantity;
        filesFor[trader] = c;
        int cell = c * world.regionCount() + d;
        // An application no decision can approve, to a denied destination or one approved at a rate of 0, is
        // refused as filed. Queued, it would count for nothing in what its trader expects from the queue (the rate
        // times what waits), so the trader would file its whole want again every week and, with an office deciding
        // little, the queue would grow without end.
        if (denied[cell] || approval[cell] <= 0) {
            appliedVolume += quantity;
            now[c * SERIES.length + APPLIED] += quantity;
            deniedVolume += quantity;
            now[c * SERIES.length + REFUSED] += quantity;
            return;
        }
        // What waits counts for what the office is set to approve of it, as buyers read the measure (newsSeverity):
        // an exporter expecting half its applications refused counts them for half, so an office that falls behind
        // may hold up to twice the pipeline before it stops filing.
        double expected = approval[cell] * pending[trader] + balance(trader);
        double filed = toFile(quantity, usualSales(trader), expected);
        if (filed <= 0) {
            return;
        }
        appliedVolume += filed;
        now[c * SERIES.length + APPLIED] += filed;
        pending[trader] += filed;
        queue.file(trader, c, d, tick, filed);
        if (lead == 0) {
            queue.process(tick, 0, capacityLeft, decide);
        }
    }

    /**
     * What a trader that wants to ship {@code wanted} this tick and usually sells {@code usual} a tick files,
     * expecting {@code pipeline} from its applications not yet decided (what the office is set to approve of
     * them) and its licences not yet used. It keeps in the pipeline the cargo of the review and of the tick it
     * ships in, {@code lead + 1} ticks of the larger of the two (Little's law at the statutory pace), as a buyer
     * counts its supply line (Sterman, <i>Business Dynamics</i>, ch. 17), and files at most this tick's want. At
     * the statutory pace it files what it wants each tick, and a week it wants less than usual does not cut what
     * it files; where the office is short of capacity it stops filing for cargo already in the queue, so the
     * backlog holds at most {@code lead + 1} ticks of what traders want over the approval rate, rather than
     * growing for as long as they want more than the office decides (a real exporter does not apply again for
     * cargo it has applied for).
     */
    double toFile(double wanted, double usual, double pipeline) {
        return Math.min(wanted, Math.max(0.0, (lead + 1) * Math.max(wanted, usual) - pipeline));
    }

    /** A trader's normal sales; a consortium's pool, which sells nothing, files for its order alone. */
    private double usualSales(int importer) {
        return importer < ctx.traders().count ? ctx.traders().normalSales(importer) : 0.0;
    }

    @Override
    public double grantedShare(int trader, int o, int d, int c, int tick) {
        if (!binds(o, d, c, tick) || requestedNow[trader] <= 0) {
            return 1.0;
        }
        return Math.min(1.0, balance(trader) / requestedNow[trader]);
    }

    @Override
    public void shipped(int trader, int o, int d, int c, int tick, double quantity, double price) {
        if (!binds(o, d, c, tick)) {
            return;
        }
        // Use the licences that expire soonest first.
        double left = quantity;
        for (int k = 1; k <= validity && left > 0; k++) {
            int slot = trader * (validity + 1) + (tick + k) % (validity + 1);
            double use = Math.min(left, licensed[slot]);
            licensed[slot] -= use;
            left -= use;
        }
    }

    /**
     * The carrying cost of the statutory review, which every licensed cargo goes through: a cost of the lane, as
     * in the equilibrium. A queue's wait beyond it is not: a licence in hand has served its wait, so its cargo
     * does not bear it, and the scarcity of licences the queue makes is rationed by the approvals themselves
     * (the equilibrium's rent of the office's bound). Counting the wait a trader is told on every cargo of the
     * lane once priced licensed cargo out of the market while the office was slow, and let its licences lapse.
     */
    @Override
    public double complianceCostRate(int o, int d, int c, int tick) {
        return binds(o, d, c, tick) ? carryingCost * lead : 0.0;
    }

    /**
     * Ticks an application filed now expects to wait: the lead, or, where the office has a capacity, the time
     * it needs to work through what is already waiting, when that is longer.
     */
    double expectedWait(int c) {
        return Math.max(lead, queue.backlog(c) / capacityPerTick[c]);
    }

    @Override
    public void endTick(int tick) {
        super.endTick(tick);
        int regions = world.regionCount();
        int n = SERIES.length;
        double waiting = 0;
        for (int c : covered) {
            double backlog = queue.backlog(c);
            waiting += backlog;
            now[c * n + BACKLOG] = backlog;
            double decided = now[c * n + DECIDED];
            now[c * n + WAIT] = decided > 0 ? now[c * n + WAIT] / decided : Double.NaN;
            now[c * n + EXPECTED_WAIT] = expectedWait(c);
        }
        // The peak of what waits over all its commodities at once, as backlogAtEnd is their sum: the largest of any
        // one alone fell short of it when two filled together (32.1 t against 38.7 t in the gallium run of seed 2),
        // and could fall below the backlog at the end.
        peakBacklog = Math.max(peakBacklog, waiting);
        if (licensed != null) {
            for (int i = 0; i < requestedNow.length; i++) {
                // An importer that never filed holds no licence.
                if (filesFor[i] >= 0) {
                    now[filesFor[i] * n + HELD] += balance(i);
                }
            }
        }
        if (history.length < (tick + 1) * covered.length * n) {
            history = Arrays.copyOf(history, Math.max((tick + 1) * covered.length * n, 2 * history.length));
        }
        for (int j = 0; j < covered.length; j++) {
            System.arraycopy(now, covered[j] * n, history, (tick * covered.length + j) * n, n);
        }
        ticksRecorded = Math.max(ticksRecorded, tick + 1);
    }

    double balance(int trader) {
        double s = 0;
        for (int k = 0, base = trader * (validity + 1); k <= validity; k++) {
            s += licensed[base + k];
        }
        return s;
    }

    /** Applications waiting for a decision, in units of cargo: the backlog. */
    public double backlog() {
        double s = 0;
        for (int c : covered) {
            s += queue.backlog(c);
        }
        return s;
    }

    /** Share of the volume decided so far that was approved. */
    public double approvedShare() {
        return decidedVolume == 0 ? Double.NaN : approvedVolume / decidedVolume;
    }

    /** A figure of {@link #SERIES} for a covered commodity on a tick. */
    double figure(int tick, String commodity, String name) {
        int j = 0;
        while (!world.commodity(covered[j]).id().equals(commodity)) {
            j++;
        }
        return history[(tick * covered.length + j) * SERIES.length + Arrays.asList(SERIES).indexOf(name)];
    }

    @Override
    public List<PolicySeries> series() {
        List<PolicySeries> out = new ArrayList<>();
        int n = SERIES.length;
        for (int j = 0; j < covered.length; j++) {
            for (int k = 0; k < n; k++) {
                double[] values = new double[ticksRecorded];
                for (int t = 0; t < ticksRecorded; t++) {
                    values[t] = history[(t * covered.length + j) * n + k];
                }
                out.add(new PolicySeries(id, world.commodity(covered[j]).id(), SERIES[k], values));
            }
        }
        return out;
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("applied", appliedVolume);
        m.put("approved", approvedVolume);
        m.put("refused", decidedVolume - approvedVolume + deniedVolume);
        m.put("denied", deniedVolume);
        m.put("approvedShare", approvedShare());
        m.put("meanWaitTicks", decidedVolume > 0 ? waitVolume / decidedVolume : Double.NaN);
        m.put("longestWaitTicks", (double) longestWait);
        m.put("peakBacklog", peakBacklog);
        m.put("backlogAtEnd", backlog());
        return m;
    }
}
