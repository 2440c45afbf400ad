package org.chokepoint.agent;

/**
 * Slow decisions about capacity, taken after production: invest when the expected margin at full capacity
 * has stayed above a hurdle for a while (the capacity arrives after the firm's lead time), mothball when
 * the expected price has stayed below the lowest variable cost, leave for good after a long mothball, and
 * restart, after a lead time (by default half the firm's investment lead), when the price again covers
 * costs with a margin.
 */
public final class CapacityDecisions implements java.io.Serializable {
    private final Firms firms;
    private final double hurdle;
    private final int patience;
    private final double stepShare;
    private final int mothballAfter;
    private final int exitAfter;
    /** A fixed restart lead, or -1 to take half of each firm's investment lead time. */
    private final int restartTicks;
    private final double restartMargin;
    /** Lowers the hurdle for some firms; 0 when no capex subsidy is in force. */
    private double[] hurdleRelief;

    public CapacityDecisions(Firms firms, double hurdle, int patience, double stepShare, int mothballAfter,
                             int exitAfter, int restartTicks, double restartMargin) {
        this.firms = firms;
        this.hurdle = hurdle;
        this.patience = patience;
        this.stepShare = stepShare;
        this.mothballAfter = mothballAfter;
        this.exitAfter = exitAfter;
        this.restartTicks = restartTicks;
        this.restartMargin = restartMargin;
    }

    /** Lets a policy lower the investment hurdle of chosen firms (by this share of the hurdle, per firm). */
    public void setHurdleRelief(double[] reliefPerFirm) {
        this.hurdleRelief = reliefPerFirm;
    }

    /**
     * One tick of a firm's capacity decisions: capacity due arrives; an active firm may mothball or commit to
     * new capacity, a mothballed one restart or exit, a restarting one come back. Each state is its own
     * small method, so the per-firm loop stays small enough for the JIT to inline.
     */
    public void decide(int f, int tick) {
        Firms x = firms;
        if (x.pendingCapacity[f] > 0 && tick >= x.pendingArrival[f]) {
            x.capacity[f] += x.pendingCapacity[f];
            x.pendingCapacity[f] = 0;
        }
        switch (x.status[f]) {
            case FirmStatus.ACTIVE -> decideActive(f, tick);
            case FirmStatus.MOTHBALLED -> decideMothballed(f, tick);
            case FirmStatus.RESTARTING -> {
                if (tick >= x.restartAt[f]) {
                    x.status[f] = FirmStatus.ACTIVE;
                    x.belowCostTicks[f] = 0;
                }
            }
            default -> { }
        }
    }

    private void decideActive(int f, int tick) {
        Firms x = firms;
        double net = x.netPrice[f];
        if (net < x.costBase[f]) {
            if (++x.belowCostTicks[f] >= mothballAfter) {
                x.status[f] = FirmStatus.MOTHBALLED;
                x.statusTicks[f] = 0;
                x.belowCostTicks[f] = 0;
                x.aboveHurdleTicks[f] = 0;
                return;
            }
        } else {
            x.belowCostTicks[f] = 0;
        }
        double h = hurdleRelief == null ? hurdle : hurdle * (1 - hurdleRelief[f]);
        double fullCost = x.marginalCost(f, x.capacity[f]);
        if (net > fullCost * (1 + h)) {
            x.aboveHurdleTicks[f]++;
        } else {
            x.aboveHurdleTicks[f] = 0;
        }
        if (x.aboveHurdleTicks[f] >= patience && x.pendingCapacity[f] <= 0 && x.capacity[f] > 0) {
            x.pendingCapacity[f] = stepShare * x.capacity[f];
            x.pendingArrival[f] = tick + x.leadTicks[f];
            x.aboveHurdleTicks[f] = 0;
        }
    }

    private void decideMothballed(int f, int tick) {
        Firms x = firms;
        x.statusTicks[f]++;
        if (x.netPrice[f] >= x.costBase[f] * (1 + restartMargin)) {
            x.status[f] = FirmStatus.RESTARTING;
            x.restartAt[f] = tick + (restartTicks >= 0 ? restartTicks : x.leadTicks[f] / 2);
        } else if (x.statusTicks[f] >= exitAfter) {
            x.status[f] = FirmStatus.EXITED;
            x.capacity[f] = 0;
            x.pendingCapacity[f] = 0;
        }
    }
}
