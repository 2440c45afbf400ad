package org.chokepoint.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chokepoint.agent.Firms;
import org.chokepoint.scenario.spec.StateCapacitySpec;

/**
 * Capacity a state builds on a schedule, whatever the market pays (China's state-directed expansion of rare-earth
 * separation): a firm entry of the scenario with status {@code planned}, its capacity and cost curve stated
 * there, is idle until {@code start}, then operates as any firm does, adding its supply to its market. Its
 * capital cost, {@code capexPerAnnualUnit} times its yearly capacity, is paid by the government of
 * {@code region} when it comes into use, booked as fiscal cost of that government's market in the firm's
 * commodity. At {@code end}, if the measure has one, the plant closes for good.
 */
final class StateCapacity extends Instrument {
    private final String firm;
    private final double capex;
    private int first = -1;
    private int last = -1;
    private boolean built;
    private boolean closed;
    private double added;
    private double paid;

    StateCapacity(StateCapacitySpec spec, PolicySetting setting) {
        this(spec, setting, Timing.of(spec, setting.horizonTicks()));
    }

    private StateCapacity(StateCapacitySpec spec, PolicySetting setting, Timing timing) {
        super(spec.id(), setting.world().regionIndex(spec.region()), timing.announce(), timing.start(), timing.end());
        this.firm = spec.firm();
        this.capex = spec.capexPerAnnualUnit();
    }

    /**
     * The firms the entry holds: the one named {@code firm}, or its members {@code firm-1}, {@code firm-2}... The
     * entry's own id is looked for first, over every firm: another entry of one firm may be named {@code firm-1}
     * (only a population's members may not), and taking it for the first member built nothing and closed that
     * firm at the measure's end.
     */
    @Override
    public void bind(PolicyContext ctx) {
        super.bind(ctx);
        Firms f = ctx.firms();
        first = indexOf(f, firm);
        if (first < 0) {
            first = indexOf(f, firm + "-1");
        }
        last = first;
        if (first >= 0 && !f.id(first).equals(firm)) {
            while (last + 1 < f.count && f.id(last + 1).equals(firm + "-" + (last + 2 - first))) {
                last++;
            }
        }
    }

    private static int indexOf(Firms f, String id) {
        for (int i = 0; i < f.count; i++) {
            if (f.id(i).equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** In its start tick the plant comes into use, at its end it closes: before any instrument reads the firms. */
    @Override
    public void changeCapacity(int tick) {
        if (first < 0) {
            return;
        }
        Firms f = ctx.firms();
        if (!built && inForce(tick)) {
            built = true;
            double capacity = 0;
            for (int i = first; i <= last; i++) {
                if (f.planned(i)) {
                    f.commission(i);
                    capacity += f.capacity(i);
                    ctx.plants().add(i, capex * f.capacity(i) * ctx.world().ticksPerYear(), tick);
                }
            }
            added = capacity;
            double usd = capex * capacity * ctx.world().ticksPerYear();
            paid += usd;
            ctx.markets().ledger().spend(ctx.world().market(region, f.commodity(first)), usd);
        } else if (built && !closed && tick >= end) {
            closed = true;
            for (int i = first; i <= last; i++) {
                f.retire(i);
            }
        }
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("capacityAdded", added);
        m.put("capitalCost", paid);
        return m;
    }
}
