package org.chokepoint.agent;

import org.chokepoint.market.Ledger;

/**
 * Slow decisions about capacity, taken after production. A firm builds for two reasons: for the growth of the
 * final demand its market serves, keeping capacity on that path so utilization, costs and prices stay on it;
 * and, when the expected margin at full capacity has stayed above a hurdle for a while (for a firm that gives its
 * plant's capital cost, when the price has stayed above the levelised cost of new plant, {@link ExpansionCapital}),
 * for the scarcity rent it earns, one project after another while the rent lasts and its plant is what is short. New capacity is built
 * through three stages of construction and comes into use spread around the firm's lead time. A firm mothballs when the expected price
 * has stayed below its lowest variable cost (unless an announced end of a restriction on its exports will lift the
 * loss within a restart), leaves for good after a long mothball, and restarts, after a lead that grows with the
 * time it stood idle (by default up to half its investment lead), when the price again covers costs with a
 * margin. The price it
 * decides all this on is the one its goods fetch ({@code Firms.salePrice}): a plant whose unfilled ask is all
 * that holds up its market's quote is not in the money because of that quote.
 */
public final class CapacityDecisions implements java.io.Serializable {
    private final Firms firms;
    private final double hurdle;
    private final int patience;
    private final double stepShare;
    private final int mothballAfter;
    private final int exitAfter;
    /** The restart lead of a firm long mothballed, or -1 to take half of each firm's investment lead time. */
    private final int restartTicks;
    private final double restartMargin;
    /** Ticks of restart per tick a firm has stood mothballed, up to its restart lead. */
    private final double restartPerIdleTick;
    /** Share of its normal utilization below which a firm's sales no longer justify building for the trend. */
    private final double trendUtilizationFloor;
    /** Lowers the hurdle for some firms; 0 when no capex subsidy is in force. */
    private double[] hurdleRelief;
    /** The share of their capital subsidies pay for firms that give their plant's capital cost; null when none does. */
    private double[] capitalSpared;
    /**
     * Per market, when the restrictions on its region's exports of its commodity in force this tick end, as
     * announced: -1 where none is in force, {@link Integer#MAX_VALUE} where one has no announced end.
     */
    private int[] exportRestrictionEnd;
    /** The scenario's declared projects awaiting their investment decision; null when it has none. */
    private Prospects prospects;
    /** What firms that give the capital cost of their plant pay for what they add; null when none gives one. */
    private ExpansionCapital expansionCapital;

    public CapacityDecisions(Firms firms, double hurdle, int patience, double stepShare, int mothballAfter,
                             int exitAfter, int restartTicks, double restartMargin, double restartPerIdleTick,
                             double trendUtilizationFloor) {
        this.firms = firms;
        this.hurdle = hurdle;
        this.patience = patience;
        this.stepShare = stepShare;
        this.mothballAfter = mothballAfter;
        this.exitAfter = exitAfter;
        this.restartTicks = restartTicks;
        this.restartMargin = restartMargin;
        this.restartPerIdleTick = restartPerIdleTick;
        this.trendUtilizationFloor = trendUtilizationFloor;
    }

    /** Lets a policy lower the investment hurdle of chosen firms (by this share of the hurdle, per firm). */
    public void setHurdleRelief(double[] reliefPerFirm) {
        this.hurdleRelief = reliefPerFirm;
    }

    /** Lets a subsidy pay a share of the capital that firms giving their plant's capital cost order (per firm). */
    public void setCapitalSpared(double[] sparedPerFirm) {
        this.capitalSpared = sparedPerFirm;
    }

    /** The prospects among the firms, which decide on their levelised cost ({@link Prospects}). */
    public void setProspects(Prospects prospects) {
        this.prospects = prospects;
    }

    /** The prospects among the firms, or null when the scenario declares none. */
    public Prospects prospects() {
        return prospects;
    }

    /** The firms that give the capital cost of their plant, which decide on it and pay it ({@link ExpansionCapital}). */
    public void setExpansionCapital(ExpansionCapital expansionCapital) {
        this.expansionCapital = expansionCapital;
    }

    /**
     * Books the capital of the plant that firms giving its cost ordered this tick, a prospect's commitment among them,
     * once every firm has decided: one thread, in firm order, so the accounts are the same on any number of threads.
     */
    public void bookCommitments(Ledger ledger, int tick) {
        if (expansionCapital != null) {
            expansionCapital.book(ledger, tick);
        }
    }

    /** Lets the firms read, each tick, when the restrictions on their markets' exports end. */
    public void setExportRestrictionEnds(int[] endPerMarket) {
        this.exportRestrictionEnd = endPerMarket;
    }

    /**
     * One tick of a firm's capacity decisions: capacity due arrives; an active firm may mothball or commit to
     * new capacity, a mothballed one restart or exit, a restarting one come back. Each state is its own
     * small method, so the per-firm loop stays small enough for the JIT to inline.
     */
    public void decide(int f, int tick) {
        Firms x = firms;
        x.ordered[f] = 0;
        // Read before this tick's new plant comes into use: what the firm could make this tick was planned on the
        // plant it had, so a firm whose projects arrive week by week is not read as held back by something else. A
        // firm an outage left none of its plant is held back by the outage, which takes the same share of any plant
        // it adds: read as bound by its plant, the two-region world's mines, shut whole from week 190 with their
        // price at the buyers' limit, ordered a fifth more plant after 26 weeks of it and again every 26 weeks for as
        // long as the outage lasted: 240 a week of plant back from a 50-week outage against 200, 1,300 six years
        // into one with no end, none of which could make anything.
        double operable = x.operableCapacity(f);
        boolean plantBound = operable > 0 && x.availableCapacity[f] >= operable * (1 - 1e-9);
        if (x.pendingCapacity[f] > 0) {
            build(f);
        }
        if (restrictionEnd(f) < 0) {
            x.unrestrictedPrice[f] = x.capacityNetPrice[f];
        }
        switch (x.status[f]) {
            case FirmStatus.ACTIVE -> decideActive(f, tick, plantBound);
            case FirmStatus.MOTHBALLED -> decideMothballed(f, tick);
            case FirmStatus.RESTARTING -> {
                if (tick >= x.restartAt[f]) {
                    x.startOperating(f);
                }
            }
            // Only a scenario that declares prospects has firms in these states.
            case FirmStatus.PROSPECT, FirmStatus.BUILDING -> prospects.decide(f, tick, spared(f));
            default -> { }
        }
    }

    private void decideActive(int f, int tick, boolean plantBound) {
        Firms x = firms;
        double net = x.capacityNetPrice[f];
        if (net < x.costBase[f]) {
            if (bearsLossToReopening(f, tick)) {
                // Borne for the reopening: once the restriction is over the firm judges the market afresh, over a
                // whole spell, for the price it decides on lags the reopened market's.
                x.belowCostTicks[f] = 0;
            } else if (++x.belowCostTicks[f] >= mothballAfter) {
                x.status[f] = FirmStatus.MOTHBALLED;
                x.statusTicks[f] = 0;
                x.belowCostTicks[f] = 0;
                x.aboveHurdleTicks[f] = 0;
                return;
            }
        } else {
            x.belowCostTicks[f] = 0;
        }
        // A firm a production quota holds to its share earns the quota's rent, not its plants': capacity it
        // added would stand idle, so it builds neither for the rent nor for the trend.
        if (x.quotaBinds(f)) {
            x.aboveHurdleTicks[f] = 0;
            return;
        }
        if (net > worthBuildingAbove(f)) {
            x.aboveHurdleTicks[f]++;
        } else {
            x.aboveHurdleTicks[f] = 0;
        }
        // A price far above cost is a rent on plant only where plant is what is short: nothing but its plant caps
        // what the firm may make (a recycler's scrap may fill only part of it), and its sales have not fallen
        // below its normal rate for want of buyers or of inputs, as a device maker's do when a ban starves it of
        // wafers. Plant added where it stands partly idle would stand idle too.
        if (x.aboveHurdleTicks[f] >= patience && x.capacity[f] > 0 && plantBound && !idling(f)) {
            order(f, stepShare * x.capacity[f]);
            x.aboveHurdleTicks[f] = 0;
        }
        planForGrowth(f, tick, net);
    }

    /**
     * The price above which the firm's goods make more plant like its own worth building: its levelised cost, on the
     * share of its capital no subsidy pays, where its entry gives its capital cost; otherwise its marginal cost at full
     * capacity plus the investment hurdle, the margin that stands in for a capital cost not given, which a measure
     * that lowers the hurdle (a subsidy's or an offtake's relief) lowers by its share.
     */
    private double worthBuildingAbove(int f) {
        if (expansionCapital != null && firms.declaresCapex(f)) {
            return expansionCapital.worthBuildingAbove(f, spared(f));
        }
        double h = hurdleRelief == null ? hurdle : hurdle * (1 - hurdleRelief[f]);
        return firms.costAtCapacity(f) * (1 + h);
    }

    /** The share of a firm's capital that a subsidy pays this tick. */
    private double spared(int f) {
        return capitalSpared == null ? 0 : capitalSpared[f];
    }

    /**
     * The price below which a firm that pays for the plant it orders does not build for the trend: the levelised
     * cost of plant like its own, on the share of its capital it pays, for that plant's capital is booked against it
     * as a rent's is; its plant need not be short now, since it is built for demand still to come. A firm whose
     * entry gives no capital cost pays nothing for it, and no price stops it but its variable cost.
     */
    private double worthBuildingForTheTrendAbove(int f) {
        if (expansionCapital != null && firms.declaresCapex(f)) {
            return expansionCapital.levelisedCost(f, spared(f));
        }
        return Double.NEGATIVE_INFINITY;
    }

    /**
     * Whether the firm's sales have fallen below {@code trendUtilizationFloor} of its normal utilization, for want
     * of buyers or of inputs. Read on the plants an outage leaves it, which are all it can sell from: on its whole
     * plant, a mine an outage left half of, selling its normal share of that half, read as one that had lost its
     * buyers, and built neither for the trend nor for the rent while the outage lasted.
     */
    private boolean idling(int f) {
        Firms x = firms;
        return x.normalSales[f] < trendUtilizationFloor * x.normalUtilization[f] * x.operableCapacity(f);
    }

    /**
     * Capacity for the trend the firm expects: its capacity at the start grown with its market's volume on the
     * balanced growth path to the time an order placed now comes into use, capacity in place and on order
     * counting against it (the supply line of capacity), so capacity keeps pace with demand and utilization,
     * costs and prices stay on their path. A firm whose sales have fallen well below its normal utilization, or
     * whose price would not bring back a mothballed plant, or, where it pays for its plant, would not pay for
     * plant like its own, does not build for the trend.
     */
    private void planForGrowth(int f, int tick, double net) {
        Firms x = firms;
        if (trendPath == null || x.capacity[f] <= 0 || net < x.costBase[f] * (1 + restartMargin)
                || idling(f) || net < worthBuildingForTheTrendAbove(f)) {
            return;
        }
        int at = Math.min(tick + x.leadTicks[f], trendTicks - 1);
        double desired = x.trendCapacity[f] * trendPath[x.market[f] * trendTicks + at];
        double gap = desired - x.capacity[f] - x.pendingCapacity[f];
        if (gap > 0) {
            order(f, gap);
        }
    }

    /** Each market's volume on its growth path relative to the start, {@code path[market * ticks + tick]}. */
    private double[] trendPath;
    private int trendTicks;

    /**
     * Sets the growth path firms plan capacity for, and starts capacity under construction on it: what orders
     * placed over the last lead time hold, spread evenly over the three stages.
     */
    public void planForTrend(double[] path, int ticks) {
        // A path that stays at 1 (no final demand grows) asks no firm for more than the capacity it started with,
        // which it still has (capacity only grows until the firm exits), so no firm reads it week by week.
        this.trendPath = staysAtOne(path) ? null : path;
        this.trendTicks = ticks;
        Firms x = firms;
        for (int f = 0; f < x.count; f++) {
            x.trendCapacity[f] = x.capacity[f];
            if (x.status[f] != FirmStatus.ACTIVE) {
                continue;
            }
            double pending = x.capacity[f] * (path[x.market[f] * ticks + Math.min(x.leadTicks[f], ticks - 1)] - 1);
            if (pending > 0) {
                x.building1[f] = pending / 3;
                x.building2[f] = pending / 3;
                x.building3[f] = pending / 3;
                x.pendingCapacity[f] = pending;
            }
        }
    }

    private static boolean staysAtOne(double[] path) {
        for (double v : path) {
            if (v != 1.0) {
                return false;
            }
        }
        return true;
    }

    private void order(int f, double capacity) {
        Firms x = firms;
        x.building1[f] += capacity;
        x.pendingCapacity[f] += capacity;
        x.ordered[f] += capacity;
    }

    /** One tick of construction: each stage passes on its share, and the last brings capacity into use. */
    private void build(int f) {
        Firms x = firms;
        double rate = Math.min(1.0, 3.0 / Math.max(1, x.leadTicks[f]));
        x.capacity[f] += ConstructionStages.advance(x.building1, x.building2, x.building3, f, rate);
        x.pendingCapacity[f] = x.building1[f] + x.building2[f] + x.building3[f];
    }

    /**
     * Whether a loss the firm makes now is one an announced end of a restriction on its exports lifts within the
     * time a plant long on care and maintenance takes to restart: then it keeps its plant, idle as the loss makes
     * it, and its count of weeks toward a mothball starts again. Mothballed until the end, it would miss part of the
     * reopened market while it restarts (Congo's cobalt miners, under the export suspension of 2025 that was
     * announced for four months, kept mining into stock; docs/dynamics.md). A restriction with no announced end,
     * or one ending later than that, does not hold it.
     */
    private boolean bearsLossToReopening(int f, int tick) {
        int end = restrictionEnd(f);
        return end > tick && end - tick <= soonestBack(fullRestartLead(f));
    }

    /** When the restrictions on the firm's exports in force this tick end, as announced (-1: none in force). */
    private int restrictionEnd(int f) {
        return exportRestrictionEnd == null ? -1 : exportRestrictionEnd[firms.market[f]];
    }

    /**
     * Whether a plant mothballed while a restriction on its exports holds should start its restart now to be back
     * when the restriction's announced end reopens the market: its restart, begun now, would be complete by then,
     * and the price its goods fetched before the restriction paid for a restart. It does not wait for the reopened
     * market's price to reach it through its slow average, which would leave it idle for weeks after the end.
     */
    private boolean restartsForReopening(int f, int tick) {
        Firms x = firms;
        int end = restrictionEnd(f);
        return end > tick && end != Integer.MAX_VALUE && tick + soonestBack(restartLead(f)) >= end
                && x.unrestrictedPrice[f] >= x.costBase[f] * (1 + restartMargin);
    }

    /**
     * Ticks from a decision to restart now to the plant's return, with a restart of {@code lead} ticks: a restart
     * decided this tick puts the plant back in next tick's decisions at the earliest, so one of no ticks is one of one.
     */
    private static int soonestBack(int lead) {
        return Math.max(1, lead);
    }

    /** How long a plant long on care and maintenance takes to produce again. */
    private int fullRestartLead(int f) {
        return restartTicks >= 0 ? restartTicks : firms.leadTicks[f] / 2;
    }

    /**
     * How long this mothballed plant takes to produce again: {@code restartPerIdleTick} of the ticks it has stood
     * idle, up to the full lead, which one mothballed before the run has (its idle spell is not known, and the
     * scenario's idle plants are old closures).
     */
    private int restartLead(int f) {
        Firms x = firms;
        int full = fullRestartLead(f);
        return x.mothballedBeforeRun[f] ? full : Math.min(full, (int) Math.ceil(restartPerIdleTick * x.statusTicks[f] - 1e-9));
    }

    private void decideMothballed(int f, int tick) {
        Firms x = firms;
        x.statusTicks[f]++;
        if (x.capacityNetPrice[f] >= x.costBase[f] * (1 + restartMargin) || restartsForReopening(f, tick)) {
            x.status[f] = FirmStatus.RESTARTING;
            x.restartAt[f] = tick + restartLead(f);
        } else if (x.statusTicks[f] >= exitAfter) {
            x.retire(f);
        }
    }
}
