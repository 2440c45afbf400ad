package org.chokepoint.policy;

import java.util.List;
import java.util.Map;
import org.chokepoint.agent.Firms;
import org.chokepoint.world.World;

/**
 * A capex subsidy for new capacity outside a restricting country: eligible firms (making one of the
 * {@code commodities}, in the {@code eligibleRegions} or, by default, anywhere but {@code excludeRegion})
 * see their investment hurdle lowered by {@code hurdleRelief} (a share of the hurdle) while the subsidy is
 * in force. The budget pays {@code subsidyRate * capexPerAnnualUnit * added capacity per year} when an
 * eligible firm commits to new capacity while the subsidy is in force (capacity per tick times ticks per
 * year; capex in US dollars per unit of yearly capacity), booked as fiscal cost of the government's market in
 * the firm's commodity.
 */
final class CapexSubsidy extends ImporterMeasure {
    static final String TYPE = "capexSubsidy";
    private final boolean[] commodity;
    private final boolean[] regionEligible;
    private final double relief;
    private final double rate;
    private final double capex;
    private double[] pendingSeen;
    private double committed;
    private double arrived;
    private double paid;
    private double[] capacitySeen;

    private CapexSubsidy(String id, int region, int anyCommodity, Timing timing, Trigger trigger, World world,
                         boolean[] commodity, boolean[] regionEligible, double relief, double rate, double capex) {
        super(id, region, anyCommodity, timing, trigger, world);
        this.commodity = commodity;
        this.regionEligible = regionEligible;
        this.relief = relief;
        this.rate = rate;
        this.capex = capex;
    }

    static CapexSubsidy read(SpecReader r, World world, int horizon) {
        String id = r.text("id", TYPE);
        String region = r.region("region");
        List<String> commodities = r.commodities("commodities");
        String exclude = r.optionalRegion("excludeRegion");
        List<String> eligible = r.regions("eligibleRegions");
        double relief = r.number("hurdleRelief", null, 0, 1);
        double rate = r.number("subsidyRate", null, 0, 1);
        double capex = r.number("capexPerAnnualUnit", null, 0, Double.MAX_VALUE);
        Timing timing = Timing.read(r, horizon);
        Trigger trigger = Trigger.read(r, "trigger", world, region,
                commodities == null || commodities.isEmpty() ? null : commodities.get(0), timing.start());
        if (world == null) {
            return null;
        }
        boolean[] c = new boolean[world.commodityCount()];
        for (String id2 : commodities) {
            c[world.commodityIndex(id2)] = true;
        }
        boolean[] reg = new boolean[world.regionCount()];
        for (int i = 0; i < reg.length; i++) {
            reg[i] = eligible == null;
        }
        if (eligible != null) {
            for (String e : eligible) {
                reg[world.regionIndex(e)] = true;
            }
        }
        if (exclude != null) {
            reg[world.regionIndex(exclude)] = false;
        }
        return new CapexSubsidy(id, world.regionIndex(region), world.commodityIndex(commodities.get(0)), timing,
                trigger, world, c, reg, relief, rate, capex);
    }

    private boolean eligible(Firms f, int i) {
        return commodity[f.commodity(i)] && regionEligible[f.region(i)];
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        Firms f = ctx.firms();
        if (pendingSeen == null) {
            pendingSeen = new double[f.count];
            capacitySeen = new double[f.count];
            for (int i = 0; i < f.count; i++) {
                capacitySeen[i] = f.capacity(i);
            }
        }
        // The model clears the shared relief each tick; every measure that lowers a hurdle (this subsidy, a
        // consortium's offtake) writes its own, and the largest holds.
        if (active()) {
            double[] shared = ctx.hurdleRelief();
            for (int i = 0; i < f.count; i++) {
                if (eligible(f, i)) {
                    shared[i] = Math.max(shared[i], relief);
                }
            }
        }
    }

    @Override
    public void endTick(int tick) {
        super.endTick(tick);
        Firms f = ctx.firms();
        double perYear = world.ticksPerYear();
        for (int i = 0; i < f.count; i++) {
            if (!eligible(f, i)) {
                continue;
            }
            double pending = f.pendingCapacity(i);
            if (pending > 0 && pendingSeen[i] <= 0 && active()) {
                committed += pending;
                double usd = rate * capex * pending * perYear;
                paid += usd;
                ctx.markets().ledger().spend(world.market(region, f.commodity(i)), usd);
            }
            pendingSeen[i] = pending;
            if (f.capacity(i) > capacitySeen[i]) {
                arrived += f.capacity(i) - capacitySeen[i];
            }
            capacitySeen[i] = f.capacity(i);
        }
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = super.indicators();
        m.put("capacityCommitted", committed);
        m.put("capacityArrived", arrived);
        m.put("subsidyPaid", paid);
        return m;
    }
}
