package org.chokepoint.policy;

import org.chokepoint.scenario.spec.CircumventionSpec;
import org.chokepoint.scenario.spec.ExportMeasureSpec;
import org.chokepoint.world.World;

/**
 * An exporting government's measure on some commodities leaving its region, to every other region or to
 * a listed set of destinations.
 */
abstract class ExportMeasure extends Instrument {
    private final boolean[] commodity;
    private final boolean[] destination;
    /** The end its announcement gave, or {@link Integer#MAX_VALUE} if it gave none. */
    private final int announcedEnd;

    ExportMeasure(ExportMeasureSpec spec, PolicySetting setting) {
        this(spec, setting, Timing.of(spec, setting.horizonTicks()));
    }

    private ExportMeasure(ExportMeasureSpec spec, PolicySetting setting, Timing timing) {
        super(spec.id(), setting.world().regionIndex(spec.region()), timing.announce(), timing.start(), timing.end());
        announcedEnd = spec.end() == null ? Integer.MAX_VALUE : spec.end();
        World world = setting.world();
        commodity = new boolean[world.commodityCount()];
        for (String c : spec.commodities()) {
            commodity[world.commodityIndex(c)] = true;
        }
        destination = new boolean[world.regionCount()];
        for (int r = 0; r < destination.length; r++) {
            destination[r] = spec.destinations() == null && r != region;
        }
        if (spec.destinations() != null) {
            for (String d : spec.destinations()) {
                destination[world.regionIndex(d)] = true;
            }
        }
    }

    /** What it withholds is held back at the border it guards: a way round it may carry that. */
    @Override
    public boolean limitsExports() {
        return true;
    }

    /** Whether a shipment of {@code c} from {@code o} to {@code d} falls under the measure. */
    boolean covers(int o, int d, int c) {
        return o == region && commodity[c] && destination[d];
    }

    boolean binds(int o, int d, int c, int tick) {
        return inForce(tick) && covers(o, d, c);
    }

    /** Where cargo can go round the measure, unless an anti-circumvention rule holds; unset: nowhere. */
    private int via = -1;
    private double extraCost = Double.NaN;
    private double leakRate;
    private boolean antiCircumvention;

    /** Opens the way round the measure its spec describes, if any, unless an anti-circumvention rule holds. */
    void allow(CircumventionSpec c, boolean anti, World world) {
        if (c != null) {
            via = world.regionIndex(c.via());
            extraCost = c.extraCostPerUnit();
            leakRate = c.leakRate();
        }
        antiCircumvention = anti;
    }

    /**
     * No way round the measure for a lane into the region cargo would be declared to: declared to its own destination
     * it is the lane's cargo. (Such a detour once carried a banned lane's cargo into its destination as an import from
     * the destination itself.) The exporter itself is never {@code via}: validation refuses it.
     */
    @Override
    public double detourCost(int o, int d, int c, int tick) {
        if (!binds(o, d, c, tick) || via < 0 || antiCircumvention || via == d) {
            return Double.NaN;
        }
        return extraCost;
    }

    /** A rule against circumvention closes every way round on the lanes the measure binds, not only its own. */
    @Override
    public boolean forbidsWayRound(int o, int d, int c, int tick) {
        return antiCircumvention && binds(o, d, c, tick);
    }

    @Override
    public double detourShare(int o, int d, int c, int tick) {
        return leakRate;
    }

    @Override
    public int detourVia(int o, int d, int c, int tick) {
        return via;
    }

    /**
     * The share of a covered lane's supply buyers expect the measure to stop, as they read its news: a ban or
     * a quota stops it all as far as a buyer can tell (a quota's volume says nothing of its own share), a
     * licence what it is expected to refuse. A measure that only prices the lane (a tax, a subsidy) threatens no
     * volume.
     */
    double newsSeverity(int destination, int commodity) {
        return 1.0;
    }

    @Override
    public double announcedThreat(int o, int d, int c, int tick) {
        return covers(o, d, c) && (tick == announce || announcedAhead(tick)) ? newsSeverity(d, c) : 0.0;
    }

    @Override
    public boolean restrictionAhead(int o, int d, int c, int tick) {
        return announcedAhead(tick) && covers(o, d, c);
    }

    /** Whether it lowers what the exporter's sellers get: all but a subsidy do. */
    boolean restrictsExports() {
        return true;
    }

    @Override
    public int exportRestrictionEnd(int origin, int c, int at, int now) {
        if (origin != region || !commodity[c] || now < announce || at < start || !restrictsExports()) {
            return -1;
        }
        int known = endKnownAt(now, announcedEnd);
        return at < known ? known : -1;
    }
}
