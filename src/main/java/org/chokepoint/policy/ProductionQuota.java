package org.chokepoint.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chokepoint.agent.FirmType;
import org.chokepoint.agent.Firms;
import org.chokepoint.scenario.spec.ProductionQuotaSpec;

/**
 * A cap on a region's primary output of a commodity, as China sets yearly mining and smelting quotas for rare
 * earths: each year's volume (or the measure's) is released evenly over its ticks, and each tick's release is
 * shared among the region's operating producers and manufacturers of the commodity in proportion to their
 * capacity, the way the ministry shares a quota among the state groups by their capacity rather than by their
 * costs (a merit-order split would be a tradable quota, which China does not run). A firm's share is the most it
 * may make in the tick; a share it does not use lapses. Recycled output is outside the quota, as secondary
 * production is in China's. A quota above what firms would make anyway does not bind.
 */
final class ProductionQuota extends Instrument {
    private final int commodity;
    private final int ticksPerYear;
    /**
     * The volume released each tick in each year from the start, the last going on: the spec's figures, kept
     * as numbers so a checkpoint holds them (one entry for a volume given for the measure).
     */
    private final double[] perTickByYear;
    private int market = -1;
    private double released;
    private double made;
    private int bindingTicks;
    private double tickQuota;

    ProductionQuota(ProductionQuotaSpec spec, PolicySetting setting) {
        this(spec, setting, Timing.of(spec, setting.horizonTicks()));
    }

    private ProductionQuota(ProductionQuotaSpec spec, PolicySetting setting, Timing timing) {
        super(spec.id(), setting.world().regionIndex(spec.region()), timing.announce(), timing.start(), timing.end());
        this.commodity = setting.world().commodityIndex(spec.commodity());
        this.ticksPerYear = setting.world().ticksPerYear();
        int years = spec.yearlyVolumes() == null ? 1 : spec.yearlyVolumes().size();
        this.perTickByYear = new double[years];
        for (int y = 0; y < years; y++) {
            perTickByYear[y] = spec.volumePerTick(y * ticksPerYear, ticksPerYear, setting.horizonTicks());
        }
    }

    /** The volume released in the tick {@code ticksFromStart} ticks after the start. */
    private double volumePerTick(int ticksFromStart) {
        return perTickByYear[Math.min(ticksFromStart / ticksPerYear, perTickByYear.length - 1)];
    }

    @Override
    public void bind(PolicyContext ctx) {
        super.bind(ctx);
        market = ctx.world().market(region, commodity);
    }

    private boolean covered(Firms f, int i) {
        return f.market(i) == market && f.type(i) != FirmType.RECYCLER && f.producing(i);
    }

    @Override
    public void capOutput(int tick) {
        tickQuota = Double.NaN;
        if (!inForce(tick)) {
            return;
        }
        Firms f = ctx.firms();
        double capacity = 0;
        for (int i = 0; i < f.count; i++) {
            if (covered(f, i)) {
                capacity += f.capacity(i);
            }
        }
        tickQuota = volumePerTick(tick - start);
        released += tickQuota;
        if (capacity <= 0) {
            return;
        }
        // The release, news to the firms it holds (against the release that held them last tick) of the volume
        // they must sell among them.
        double[] cap = ctx.outputCap();
        double[] release = ctx.quotaRelease();
        for (int i = 0; i < f.count; i++) {
            if (covered(f, i)) {
                double share = tickQuota * f.capacity(i) / capacity;
                if (share <= cap[i]) {
                    cap[i] = share;
                    release[i] = tickQuota;
                }
            }
        }
    }

    /**
     * Buyers in the quota's market read it as a threat to their supply from its announcement: until it applies,
     * the output its firms normally make beyond its first release; in force, the output they plan beyond this
     * tick's release. Their plans are held to their shares, so in force it is news only in the first tick of a
     * lower release, and otherwise their buyers' cover comes down at the risk's half-life, the price now telling
     * them what the quota does. (Read from sales in force, the threat would flicker for as long as the firms'
     * stocks wobble round their target and their sales round the quota.)
     */
    @Override
    public double outputThreatened(int m, int tick) {
        if (m != market || tick < announce || tick >= end) {
            return 0.0;
        }
        Firms f = ctx.firms();
        boolean inForce = tick >= start;
        double made = 0;
        for (int i = 0; i < f.count; i++) {
            if (covered(f, i)) {
                made += inForce ? f.plannedOutput(i) : Math.max(0, f.normalSales(i));
            }
        }
        return Math.max(0, made - volumePerTick(Math.max(0, tick - start)));
    }

    @Override
    public void endTick(int tick) {
        if (Double.isNaN(tickQuota)) {
            return;
        }
        Firms f = ctx.firms();
        double output = 0;
        // Every firm of the market but its recyclers: one that mothballed after this tick's run made its output
        // under the quota's share too, and one not operating made nothing.
        for (int i = 0; i < f.count; i++) {
            if (f.market(i) == market && f.type(i) != FirmType.RECYCLER) {
                output += f.output(i);
            }
        }
        made += output;
        // Binding: the firms made (to rounding) all the tick's quota let them.
        if (output >= tickQuota * (1 - 1e-6)) {
            bindingTicks++;
        }
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("quotaReleased", released);
        m.put("outputUnderQuota", made);
        m.put("bindingTicks", (double) bindingTicks);
        return m;
    }
}
