package org.chokepoint.policy;

import org.chokepoint.world.World;

/**
 * An ad valorem export tax: exporters pay {@code rate} times the origin price on what leaves. With trade
 * flowing, the price outside exceeds the price inside by the tax on top of transport and margins. The
 * exporting government's receipts count as levy revenue in the origin market.
 */
final class ExportTax extends ExportMeasure {
    static final String TYPE = "exportTax";
    private final double rate;

    private ExportTax(String id, int region, Timing timing, World world, java.util.List<String> commodities,
                      java.util.List<String> destinations, double rate) {
        super(id, region, timing, world, commodities, destinations);
        this.rate = rate;
    }

    static ExportTax read(SpecReader r, World world, int horizon) {
        String id = r.text("id", TYPE);
        String region = r.region("region");
        java.util.List<String> commodities = r.commodities("commodities");
        java.util.List<String> destinations = r.regions("destinations");
        double rate = r.number("rate", null, 0, 10);
        Timing timing = Timing.read(r, horizon);
        if (world == null) {
            return null;
        }
        return new ExportTax(id, world.regionIndex(region), timing, world, commodities, destinations, rate);
    }

    @Override
    public double exportTaxRate(int o, int d, int c, int tick) {
        return binds(o, d, c, tick) ? rate : 0.0;
    }

    @Override
    public void shipped(int trader, int o, int d, int c, int tick, double quantity, double price) {
        if (binds(o, d, c, tick)) {
            int m = ctx.world().market(o, c);
            ctx.markets().ledger().levy(m, rate * price * quantity * ctx.world().commodity(c).valuePerUnit());
        }
    }
}
