package org.chokepoint.policy;

import java.util.Map;
import org.chokepoint.scenario.spec.ExportLicensingSpec;
import org.chokepoint.world.World;

/**
 * Export licensing: every shipment of a covered commodity needs a licence. A trader applies each tick for
 * what it wants to ship; each application is decided {@code leadTicks} later and approved whole with the
 * probability set for its destination (default {@code approvalProbability}), drawn from the model's policy
 * stream; an approved licence is valid for {@code validityTicks}. A trader may buy for shipment only what
 * its unexpired licences cover. Waiting costs the trader {@code carryingCostPerTick} of the cargo's value
 * for each tick of lead time, which narrows the gap it needs.
 */
final class ExportLicensing extends ExportMeasure {
    private final int lead;
    private final int validity;
    private final double defaultApproval;
    private final double[] approval;
    private final double carryingCost;
    private double[] pending;
    private double[] licensed;
    private double[] requestedNow;
    private double approvedVolume;
    private double decidedVolume;

    ExportLicensing(ExportLicensingSpec spec, PolicySetting setting) {
        super(spec, setting);
        World world = setting.world();
        this.lead = spec.leadTicks();
        this.validity = spec.validityTicks();
        this.defaultApproval = spec.approvalProbability();
        this.approval = new double[world.regionCount()];
        java.util.Arrays.fill(approval, defaultApproval);
        for (Map.Entry<String, Double> e : spec.approvalByDestination().entrySet()) {
            approval[world.regionIndex(e.getKey())] = e.getValue();
        }
        this.carryingCost = spec.carryingCostPerTick();
    }

    /** Buyers expect a licence to refuse what it is set to refuse for their destination. */
    @Override
    double newsSeverity(int destination) {
        return 1.0 - approval[destination];
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        int traders = ctx.traders().count;
        if (pending == null) {
            pending = new double[traders * (lead + 1)];
            licensed = new double[traders * (validity + 1)];
            requestedNow = new double[traders];
        }
        java.util.Arrays.fill(requestedNow, 0);
        for (int i = 0; i < traders; i++) {
            licensed[i * (validity + 1) + tick % (validity + 1)] = 0;
            if (lead > 0) {
                int slot = i * (lead + 1) + tick % (lead + 1);
                double q = pending[slot];
                if (q > 0) {
                    pending[slot] = 0;
                    decide(i, q, tick);
                }
            }
        }
    }

    private void decide(int trader, double quantity, int tick) {
        decidedVolume += quantity;
        double p = approval[ctx.traders().destination(trader)];
        if (ctx.policyRandom().nextDouble() < p) {
            approvedVolume += quantity;
            licensed[trader * (validity + 1) + (tick + validity) % (validity + 1)] += quantity;
        }
    }

    @Override
    public void request(int trader, int o, int d, int c, int tick, double quantity) {
        if (!binds(o, d, c, tick)) {
            return;
        }
        requestedNow[trader] += quantity;
        if (lead == 0) {
            decide(trader, quantity, tick);
        } else {
            pending[trader * (lead + 1) + (tick + lead) % (lead + 1)] += quantity;
        }
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

    @Override
    public double complianceCostRate(int o, int d, int c, int tick) {
        return binds(o, d, c, tick) ? carryingCost * lead : 0.0;
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
        if (pending != null) {
            for (double q : pending) {
                s += q;
            }
        }
        return s;
    }

    /** Share of the volume decided so far that was approved. */
    public double approvedShare() {
        return decidedVolume == 0 ? Double.NaN : approvedVolume / decidedVolume;
    }
}
