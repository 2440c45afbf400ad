package org.chokepoint.antitrust;

/**
 * What a consortium observed and did in one tick, as the auditor judges it: the imports from the disrupted
 * origin against their baseline and whether a government notice was in force (from which the auditor works
 * out the trigger and its grace itself), whether the consortium acted and on what basis it says it did, the
 * messages delivered, the allocation and the members' combined shares. One instance, refilled every tick.
 */
public final class TickConduct implements java.io.Serializable {
    int tick;
    /** Imports from the disrupted origin averaged over the cut-off window; NaN before the window is full. */
    double importsAverage = Double.NaN;
    /** Their average over the pre-shock baseline window; NaN until the window has closed. */
    double baseline = Double.NaN;
    double cutoffThreshold;
    boolean noticeInForce;
    /** Whether it exchanged information, placed a pooled order or allocated product this tick. */
    boolean acted;
    /** The basis it claims for acting, or null. */
    String basis;
    double ordered;
    /** Members' and all candidates' use of the input: the purchasing market's shares. */
    double membersUse;
    double allUse;
    /** Members' and all domestic makers' output of the members' products: the selling market's shares. */
    double membersOutput;
    double allOutput;
    final MessageLog messages;
    final AllocationRecord allocation;

    public TickConduct(MessageLog messages, AllocationRecord allocation) {
        this.messages = messages;
        this.allocation = allocation;
    }

    /** Starts the tick's record empty. */
    void open(int tick) {
        this.tick = tick;
        importsAverage = Double.NaN;
        noticeInForce = false;
        acted = false;
        basis = null;
        ordered = 0;
        membersUse = 0;
        allUse = 0;
        membersOutput = 0;
        allOutput = 0;
        messages.open(tick);
        allocation.open();
    }

    /** Whether the imports observed this tick are a cut-off: below the threshold share of their baseline. */
    boolean cutOff() {
        return !Double.isNaN(importsAverage) && !Double.isNaN(baseline) && importsAverage < cutoffThreshold * baseline;
    }

    public int tick() {
        return tick;
    }

    public MessageLog messages() {
        return messages;
    }

    public AllocationRecord allocation() {
        return allocation;
    }
}
