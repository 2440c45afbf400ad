package org.chokepoint.policy;

import org.chokepoint.world.World;

/**
 * A halt to exports of some commodities to listed destinations (a halt to one country). Unless an
 * anti-circumvention rule holds, a share of the wanted flow ({@code leakRate}) can still reach a banned
 * destination through a third country, at an extra cost per unit and extra transit time, and only when the
 * gap still pays after that cost.
 */
final class ExportBan extends ExportMeasure {
    static final String TYPE = "exportBan";

    private ExportBan(String id, int region, Timing timing, World world, java.util.List<String> commodities,
                      java.util.List<String> destinations, Circumvention circumvention) {
        super(id, region, timing, world, commodities, destinations);
        allow(circumvention, world);
    }

    static ExportBan read(SpecReader r, World world, int horizon) {
        String id = r.text("id", TYPE);
        String region = r.region("region");
        java.util.List<String> commodities = r.commodities("commodities");
        java.util.List<String> destinations = r.regions("destinations");
        if (destinations == null) {
            r.problem("destinations", "required field 'destinations' is missing (the banned region ids)");
        }
        Timing timing = Timing.read(r, horizon);
        Circumvention circumvention = Circumvention.read(r);
        if (world == null) {
            return null;
        }
        return new ExportBan(id, world.regionIndex(region), timing, world, commodities, destinations, circumvention);
    }

    @Override
    public double exportAllowance(int o, int d, int c, int tick) {
        return binds(o, d, c, tick) ? 0.0 : 1.0;
    }
}
