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
    protected PolicyContext ctx;

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

    @Override
    public boolean restrictionAhead(int o, int d, int c, int tick) {
        return announcedAhead(tick) && covers(o, d, c);
    }

    @Override
    public void beginTick(PolicyContext ctx) {
        this.ctx = ctx;
    }
}
