package org.chokepoint.policy;

import java.util.Map;
import org.chokepoint.scenario.spec.DiversificationRequirementSpec;

/**
 * A diversification requirement: the region's buyers may take no more than {@code maxShare} of their imports
 * of the commodity from any one origin over a rolling window of {@code windowTicks} ticks. It is enforced in
 * procurement: each tick, after every importer has asked, an origin's importers are granted only what keeps
 * that origin's share of the window's purchases (this tick's requests from the other origins included) at
 * or below the maximum, pro rata to what they asked. Buyers pay (dearer or scarcer supply); there is no
 * fiscal cost. Compliance is reported on landed imports: the share of in-force ticks on which no origin
 * supplied more than the maximum over the window, and the highest share seen.
 */
final class DiversificationRequirement extends ImporterMeasure {
    private final double maxShare;
    private final int window;
    /** Purchases for shipment by origin, per tick slot of the window: {@code [slot * regions + origin]}. */
    private final double[] bought;
    private final double[] landed;
    private final double[] requested;
    private final double[] granted;
    /** Scratch: a window's purchases or landings summed by origin, reused every tick. */
    private final double[] byOrigin;
    private final int regions;
    private int grantedTick = -1;
    private int ticksInForce;
    private int compliantTicks;
    private double highestShare;

    DiversificationRequirement(DiversificationRequirementSpec spec, PolicySetting setting) {
        super(spec, commodityOf(spec, setting), triggerOf(spec, setting), setting);
        this.maxShare = spec.maxShare();
        this.window = spec.windowTicks();
        this.regions = world.regionCount();
        bought = new double[window * regions];
        landed = new double[window * regions];
        requested = new double[regions];
        granted = new double[regions];
        byOrigin = new double[regions];
    }

    private boolean covers(int o, int d, int c) {
        return d == region && c == commodity && o != region;
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        int slot = tick % window;
        java.util.Arrays.fill(bought, slot * regions, (slot + 1) * regions, 0);
        java.util.Arrays.fill(landed, slot * regions, (slot + 1) * regions, 0);
        java.util.Arrays.fill(requested, 0);
    }

    @Override
    public void request(int trader, int o, int d, int c, int tick, double quantity) {
        if (covers(o, d, c)) {
            requested[o] += quantity;
        }
    }

    @Override
    public double grantedShare(int trader, int o, int d, int c, int tick) {
        if (!covers(o, d, c) || !active()) {
            return 1.0;
        }
        if (grantedTick != tick) {
            grantedTick = tick;
            double total = sumByOrigin(bought);
            double requestsAll = 0;
            for (double v : requested) {
                requestsAll += v;
            }
            for (int r = 0; r < regions; r++) {
                if (requested[r] <= 0) {
                    granted[r] = 1.0;
                    continue;
                }
                // (W_o + x) <= s (W + X_others + x)  =>  x <= (s (W + X_others) - W_o) / (1 - s)
                double others = requestsAll - requested[r];
                double allowed = maxShare >= 1 ? Double.POSITIVE_INFINITY
                        : (maxShare * (total + others) - byOrigin[r]) / (1 - maxShare);
                granted[r] = Math.max(0, Math.min(1, allowed / requested[r]));
            }
        }
        return granted[o];
    }

    @Override
    public void shipped(int trader, int o, int d, int c, int tick, double quantity, double price) {
        if (covers(o, d, c)) {
            bought[(tick % window) * regions + o] += quantity;
        }
    }

    @Override
    public void endTick(int tick) {
        super.endTick(tick);
        int slot = tick % window;
        for (int r = 0; r < regions; r++) {
            landed[slot * regions + r] = ctx.markets().ledger().importsFrom(market, r);
        }
        if (!active()) {
            return;
        }
        double total = sumByOrigin(landed);
        double top = 0;
        for (double v : byOrigin) {
            top = Math.max(top, v);
        }
        ticksInForce++;
        double share = total > 0 ? top / total : 0;
        highestShare = Math.max(highestShare, share);
        if (share <= maxShare + 1e-9) {
            compliantTicks++;
        }
    }

    /** Sums a window's slots by origin into {@link #byOrigin} and returns their total. */
    private double sumByOrigin(double[] perSlot) {
        java.util.Arrays.fill(byOrigin, 0);
        for (int s = 0; s < window; s++) {
            for (int r = 0; r < regions; r++) {
                byOrigin[r] += perSlot[s * regions + r];
            }
        }
        double total = 0;
        for (double v : byOrigin) {
            total += v;
        }
        return total;
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = super.indicators();
        m.put("complianceRate", ticksInForce > 0 ? (double) compliantTicks / ticksInForce : Double.NaN);
        m.put("highestOriginShare", highestShare);
        return m;
    }
}
