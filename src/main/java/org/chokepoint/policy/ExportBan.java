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
    private final int via;
    private final double extraCost;
    private final double leakRate;
    private final boolean antiCircumvention;

    private ExportBan(String id, int region, Timing timing, World world, java.util.List<String> commodities,
                      java.util.List<String> destinations, int via, double extraCost, double leakRate,
                      boolean antiCircumvention) {
        super(id, region, timing, world, commodities, destinations);
        this.via = via;
        this.extraCost = extraCost;
        this.leakRate = leakRate;
        this.antiCircumvention = antiCircumvention;
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
        boolean anti = r.bool("antiCircumvention", false);
        SpecReader c = r.object("circumvention");
        String via = null;
        double extra = Double.NaN;
        double leak = 0;
        if (c != null) {
            via = c.region("via");
            extra = c.number("extraCostPerUnit", null, 0, Double.MAX_VALUE);
            leak = c.number("leakRate", null, 0, 1);
            r.absorb(c);
        }
        if (world == null) {
            return null;
        }
        return new ExportBan(id, world.regionIndex(region), timing, world, commodities, destinations,
                via == null ? -1 : world.regionIndex(via), extra, leak, anti);
    }

    @Override
    public double exportAllowance(int o, int d, int c, int tick) {
        return binds(o, d, c, tick) ? 0.0 : 1.0;
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
}
