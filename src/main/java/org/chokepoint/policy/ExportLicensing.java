package org.chokepoint.policy;

import java.util.List;
import java.util.Map;
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
    static final String TYPE = "exportLicensing";
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

    private ExportLicensing(String id, int region, Timing timing, World world, List<String> commodities,
                            List<String> destinations, int lead, int validity, double defaultApproval,
                            Map<String, Double> byDestination, double carryingCost) {
        super(id, region, timing, world, commodities, destinations);
        this.lead = lead;
        this.validity = validity;
        this.defaultApproval = defaultApproval;
        this.approval = new double[world.regionCount()];
        java.util.Arrays.fill(approval, defaultApproval);
        for (Map.Entry<String, Double> e : byDestination.entrySet()) {
            approval[world.regionIndex(e.getKey())] = e.getValue();
        }
        this.carryingCost = carryingCost;
    }

    static ExportLicensing read(SpecReader r, World world, int horizon) {
        String id = r.text("id", TYPE);
        String region = r.region("region");
        List<String> commodities = r.commodities("commodities");
        List<String> destinations = r.regions("destinations");
        int lead = r.integer("leadTicks", null, 0, 1000);
        int validity = r.integer("validityTicks", 26, 1, 100000);
        double p = r.number("approvalProbability", 1.0, 0, 1);
        Map<String, Double> byDestination = r.regionNumbers("approvalByDestination", 0, 1);
        double carrying = r.number("carryingCostPerTick", 0.002, 0, 1);
        Timing timing = Timing.read(r, horizon);
        if (world == null) {
            return null;
        }
        return new ExportLicensing(id, world.regionIndex(region), timing, world, commodities, destinations,
                lead, validity, p, byDestination, carrying);
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
