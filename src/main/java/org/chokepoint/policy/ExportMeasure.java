package org.chokepoint.policy;

import java.util.List;
import org.chokepoint.world.World;

/**
 * An exporting government's measure on some commodities leaving its region, to every other region or to
 * a listed set of destinations.
 */
abstract class ExportMeasure extends Instrument {
    private final boolean[] commodity;
    private final boolean[] destination;

    ExportMeasure(String id, int region, Timing timing, World world, List<String> commodities,
                  List<String> destinations) {
        super(id, region, timing.announce(), timing.start(), timing.end());
        commodity = new boolean[world.commodityCount()];
        if (commodities != null) {
            for (String c : commodities) {
                commodity[world.commodityIndex(c)] = true;
            }
        }
        destination = new boolean[world.regionCount()];
        for (int r = 0; r < destination.length; r++) {
            destination[r] = destinations == null && r != region;
        }
        if (destinations != null) {
            for (String d : destinations) {
                destination[world.regionIndex(d)] = true;
            }
        }
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

    /** The circumvention a measure allows, read from its {@code circumvention} and {@code antiCircumvention}. */
    record Circumvention(String via, double extraCost, double leakRate, boolean anti) {
        static Circumvention read(SpecReader r) {
            boolean anti = r.bool("antiCircumvention", false);
            SpecReader c = r.object("circumvention");
            if (c == null) {
                return new Circumvention(null, Double.NaN, 0, anti);
            }
            String via = c.region("via");
            double extra = c.number("extraCostPerUnit", null, 0, Double.MAX_VALUE);
            double leak = c.number("leakRate", null, 0, 1);
            r.absorb(c);
            return new Circumvention(via, extra, leak, anti);
        }
    }

    void allow(Circumvention c, World world) {
        via = c.via() == null ? -1 : world.regionIndex(c.via());
        extraCost = c.extraCost();
        leakRate = c.leakRate();
        antiCircumvention = c.anti();
    }

    @Override
    public double detourCost(int o, int d, int c, int tick) {
        if (!binds(o, d, c, tick) || via < 0 || antiCircumvention) {
            return Double.NaN;
        }
        return extraCost;
    }

    @Override
    public double detourShare(int o, int d, int c, int tick) {
        return leakRate;
    }

    @Override
    public int detourVia(int o, int d, int c, int tick) {
        return via;
    }

    @Override
    public boolean restrictionAhead(int o, int d, int c, int tick) {
        return announcedAhead(tick) && covers(o, d, c);
    }
}
