package org.chokepoint.policy;

import java.util.Map;
import org.chokepoint.scenario.spec.ExportQuotaSpec;
import org.chokepoint.world.World;

/**
 * An export quota, released evenly over the ticks of each quota period (a year from the measure's start, or the
 * measure's whole period when its volume is given {@code per: "measure"}); what is not used within a period
 * lapses at its end. Optionally split by destination, each destination getting its share of the
 * volume. When traders ask for more than is left, each gets the same share of its request, so the quota
 * caps exports and the prices inside and outside the exporting region separate. Unless an
 * anti-circumvention rule holds, a leak rate of what the quota refuses can be smuggled out through a third
 * country at an extra cost, outside the quota (as much of China's rare earths left in 2011).
 */
final class ExportQuota extends ExportMeasure {
    private final double periodVolume;
    private final double[] destinationShare;
    private final double[] available;
    private final double[] requested;
    private final double[] granted;
    private final int periodTicks;
    private int grantedTick = -1;

    ExportQuota(ExportQuotaSpec spec, PolicySetting setting) {
        super(spec, setting);
        World world = setting.world();
        allow(spec.circumvention(), spec.antiCircumvention(), world);
        this.periodVolume = spec.periodVolume();
        this.periodTicks = spec.periodTicks(world.ticksPerYear(), setting.horizonTicks());
        Map<String, Double> split = spec.destinationShares();
        int n = world.regionCount();
        destinationShare = new double[n];
        available = new double[n + 1];
        requested = new double[n + 1];
        granted = new double[n + 1];
        for (Map.Entry<String, Double> e : split.entrySet()) {
            destinationShare[world.regionIndex(e.getKey())] = e.getValue();
        }
        this.split = !split.isEmpty();
    }

    private final boolean split;

    /** The pool a destination draws on: its own share when the quota is split, else the common pool. */
    private int bucket(int d) {
        return split ? d : available.length - 1;
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        java.util.Arrays.fill(requested, 0);
        if (!inForce(tick)) {
            return;
        }
        if ((tick - start) % periodTicks == 0) {
            java.util.Arrays.fill(available, 0);
        }
        double release = periodVolume / periodTicks;
        if (split) {
            for (int d = 0; d < destinationShare.length; d++) {
                available[d] += release * destinationShare[d];
            }
        } else {
            available[available.length - 1] += release;
        }
    }

    @Override
    public void request(int trader, int o, int d, int c, int tick, double quantity) {
        if (binds(o, d, c, tick)) {
            requested[bucket(d)] += quantity;
        }
    }

    @Override
    public double grantedShare(int trader, int o, int d, int c, int tick) {
        if (!binds(o, d, c, tick)) {
            return 1.0;
        }
        if (grantedTick != tick) {
            for (int b = 0; b < granted.length; b++) {
                granted[b] = requested[b] > 0 ? Math.min(1.0, Math.max(0.0, available[b]) / requested[b]) : 1.0;
            }
            grantedTick = tick;
        }
        return granted[bucket(d)];
    }

    @Override
    public void shipped(int trader, int o, int d, int c, int tick, double quantity, double price) {
        if (binds(o, d, c, tick)) {
            available[bucket(d)] -= quantity;
        }
    }

    /** Quota left in the common pool (or a destination's), for tests and reports. */
    double available(int destination) {
        return available[bucket(destination)];
    }
}
