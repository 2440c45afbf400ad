package org.chokepoint.policy;

import java.util.Map;
import org.chokepoint.agent.Firms;
import org.chokepoint.scenario.spec.CapexSubsidySpec;
import org.chokepoint.world.World;

/**
 * A capex subsidy for new capacity outside a restricting country: eligible firms (making one of the
 * {@code commodities}, in the {@code eligibleRegions} or, by default, anywhere but {@code excludeRegion})
 * see their investment hurdle lowered by {@code hurdleRelief} (a share of the hurdle) while the subsidy is
 * in force. The budget pays {@code subsidyRate * capexPerAnnualUnit * added capacity per year} when an
 * eligible firm commits to new capacity while the subsidy is in force (capacity per tick times ticks per
 * year; capex in US dollars per unit of yearly capacity), booked as fiscal cost of the government's market in
 * the firm's commodity. For a firm whose entry gives its plant's capital cost, which it pays itself, the subsidy
 * pays {@code subsidyRate} of that cost instead, back to the firm's producers, and the firm decides on the rest of it
 * (the relief lowers the hurdle that stands in for a capital cost, which such a firm does not read).
 */
final class CapexSubsidy extends ImporterMeasure {
    private final boolean[] commodity;
    private final boolean[] regionEligible;
    private final double relief;
    private final double rate;
    private final double capex;
    private double committed;
    private double arrived;
    private double paid;
    private double[] capacitySeen;

    /** Its own market is the first listed commodity's in its region, and its trigger watches it by default. */
    CapexSubsidy(CapexSubsidySpec spec, PolicySetting setting) {
        super(spec, setting.world().commodityIndex(spec.commodities().get(0)),
                Trigger.of(spec.trigger(), setting.world(), spec.region(), spec.commodities().get(0), spec.start()),
                setting);
        World world = setting.world();
        this.commodity = new boolean[world.commodityCount()];
        for (String c : spec.commodities()) {
            this.commodity[world.commodityIndex(c)] = true;
        }
        this.regionEligible = new boolean[world.regionCount()];
        for (int i = 0; i < regionEligible.length; i++) {
            regionEligible[i] = spec.eligibleRegions() == null;
        }
        if (spec.eligibleRegions() != null) {
            for (String e : spec.eligibleRegions()) {
                regionEligible[world.regionIndex(e)] = true;
            }
        }
        if (spec.excludeRegion() != null) {
            regionEligible[world.regionIndex(spec.excludeRegion())] = false;
        }
        this.relief = spec.hurdleRelief();
        this.rate = spec.subsidyRate();
        this.capex = spec.capexPerAnnualUnit();
    }

    /** The firm's plant that stands built: a prospect's, declared whole, only once its construction is over. */
    private static double built(Firms f, int i) {
        return f.prospect(i) || f.building(i) ? 0 : f.capacity(i);
    }

    private boolean eligible(Firms f, int i) {
        return commodity[f.commodity(i)] && regionEligible[f.region(i)];
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        Firms f = ctx.firms();
        if (capacitySeen == null) {
            capacitySeen = new double[f.count];
            for (int i = 0; i < f.count; i++) {
                capacitySeen[i] = built(f, i);
            }
        }
        // The model clears the shared relief each tick; every measure that lowers a hurdle (this subsidy, a
        // consortium's offtake) writes its own, and the largest holds.
        if (active()) {
            double[] shared = ctx.hurdleRelief();
            double[] spared = null;
            for (int i = 0; i < f.count; i++) {
                if (eligible(f, i)) {
                    shared[i] = Math.max(shared[i], relief);
                    // Subsidies on one plant add up to the whole of it at most, and pay that share between them
                    // (endTick). A firm that pays for its plant decides on what it pays, the capital less that share,
                    // not on the largest rate alone.
                    spared = spared == null ? ctx.capitalSpared() : spared;
                    spared[i] = Math.min(1.0, spared[i] + rate);
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
            double ordered = f.ordered(i);
            if (ordered > 0 && active()) {
                committed += ordered;
                // A firm that gives its own plant's capital cost pays it when it orders; the subsidy pays its share
                // of that, back to the firm's producers, so the plant's capital is counted once.
                boolean ownCapex = f.declaresCapex(i);
                // What is left of the share the subsidies on this plant spared it: the first to settle pays its rate,
                // the last what remains, so together they pay the capital once at most (two of 60% had the budget pay
                // 120% of a plant whose firm gives no capital cost, all of it then valued as plant at the horizon).
                double[] spared = ctx.capitalSpared();
                double share = Math.min(rate, spared[i]);
                spared[i] -= share;
                double usd = share * (ownCapex ? f.capexPerAnnualUnit(i) : capex) * ordered * perYear;
                paid += usd;
                ctx.markets().ledger().spend(world.market(region, f.commodity(i)), usd);
                if (ownCapex) {
                    ctx.markets().ledger().capitalGrant(f.market(i), usd);
                } else {
                    // The firm's own capital is not counted, so the plant the sum values is the part it paid for.
                    ctx.plants().add(i, usd, tick + Math.max(1, f.leadTicks(i)));
                }
            }
            double built = built(f, i);
            if (built > capacitySeen[i]) {
                arrived += built - capacitySeen[i];
            }
            capacitySeen[i] = built;
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
