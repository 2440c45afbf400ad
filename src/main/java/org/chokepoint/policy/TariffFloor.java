package org.chokepoint.policy;

import java.util.List;
import java.util.Map;
import org.chokepoint.world.World;

/**
 * A tariff price floor, or variable import levy: cargo of the commodity landing in the region from a
 * non-exempt origin pays {@code max(0, floor - cif)} per unit, where {@code cif} is the c.i.f. price the
 * importer saw when it bought (origin price with export taxes and compliance costs, plus transport). Imports
 * then reach the domestic market at no less than the floor, so the domestic price sits at about the floor
 * while imports still flow. Domestic buyers pay; the levy is collected when the cargo lands and counts as
 * levy revenue of the importing market.
 */
final class TariffFloor extends ImporterMeasure {
    static final String TYPE = "tariffFloor";
    private final double floor;
    private final boolean[] exempt;
    private final ImportLedger ledger = new ImportLedger();
    private double pendingLevy;
    private double pendingCif;
    private double collected;
    private double leviedVolume;

    private TariffFloor(String id, int region, int commodity, Timing timing, Trigger trigger, World world,
                        double floor, List<String> exempt) {
        super(id, region, commodity, timing, trigger, world);
        this.floor = floor;
        this.exempt = new boolean[world.regionCount()];
        if (exempt != null) {
            for (String e : exempt) {
                this.exempt[world.regionIndex(e)] = true;
            }
        }
    }

    static TariffFloor read(SpecReader r, World world, int horizon) {
        String id = r.text("id", TYPE);
        String region = r.region("region");
        String commodity = r.commodity("commodity", null);
        double floor = r.number("floor", null, 0, Double.MAX_VALUE);
        List<String> exempt = r.regions("exemptOrigins");
        Timing timing = Timing.read(r, horizon);
        Trigger trigger = Trigger.read(r, "trigger", world, region, commodity, timing.start());
        if (world == null) {
            return null;
        }
        return new TariffFloor(id, world.regionIndex(region), world.commodityIndex(commodity), timing, trigger,
                world, floor, exempt);
    }

    private boolean covers(int o, int d, int c) {
        return d == region && c == commodity && !exempt[o] && o != region;
    }

    @Override
    public double importLevy(int o, int d, int c, int tick, double cif) {
        if (!covers(o, d, c) || !active()) {
            pendingLevy = 0;
            return 0;
        }
        pendingLevy = Math.max(0, floor - cif);
        pendingCif = cif;
        return pendingLevy;
    }

    @Override
    public void request(int trader, int o, int d, int c, int tick, double quantity) {
        if (covers(o, d, c)) {
            ledger.requested(trader, active() ? pendingLevy : 0, pendingCif);
        }
    }

    @Override
    public void shipped(int trader, int o, int d, int c, int tick, double quantity, double price) {
        if (covers(o, d, c)) {
            ledger.shipped(trader, quantity);
        }
    }

    @Override
    public void landed(int trader, int o, int d, int c, int tick, double quantity, double landedPrice) {
        if (!covers(o, d, c)) {
            return;
        }
        double levy = ledger.landed(trader, quantity)[0];
        if (levy > 0) {
            double usd = dollars(quantity, levy);
            ctx.markets().ledger().levy(market, usd);
            collected += usd;
            leviedVolume += quantity;
        }
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = super.indicators();
        m.put("levyRevenue", collected);
        m.put("leviedVolume", leviedVolume);
        return m;
    }
}
