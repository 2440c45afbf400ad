package org.chokepoint.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chokepoint.scenario.spec.ExportSubsidySpec;

/**
 * An export subsidy or VAT rebate: the exporting government pays {@code perUnit}, or {@code rate} times the
 * origin price, on every unit that leaves. Traders see it as a negative export tax, so with trade flowing the
 * price outside stands below the price inside plus transport by the subsidy: the importer's price falls, the
 * exporter's rises, in the ratio of the two regions' excess-demand slopes. The budget's outlay is booked as
 * fiscal cost of the origin market, where an export tax books its receipts as levy revenue.
 */
final class ExportSubsidy extends ExportMeasure {
    private final double rate;
    private final double perUnit;
    private double paid;
    private double volume;

    ExportSubsidy(ExportSubsidySpec spec, PolicySetting setting) {
        super(spec, setting);
        this.rate = spec.rateOrZero();
        this.perUnit = spec.perUnitOrZero();
    }

    /**
     * A subsidy to come is no restriction: traders have no reason to ship early and hold cargo back for it
     * (if anything, the other way round), so its announcement does not set off front-running.
     */
    @Override
    public boolean restrictionAhead(int o, int d, int c, int tick) {
        return false;
    }

    @Override
    boolean restrictsExports() {
        return false;
    }

    @Override
    public double exportSubsidyRate(int o, int d, int c, int tick) {
        return binds(o, d, c, tick) ? rate : 0.0;
    }

    @Override
    public double exportSubsidyPerUnit(int o, int d, int c, int tick) {
        return binds(o, d, c, tick) ? perUnit : 0.0;
    }

    @Override
    public void shipped(int trader, int o, int d, int c, int tick, double quantity, double price) {
        if (binds(o, d, c, tick)) {
            double usd = (perUnit + rate * price) * quantity * ctx.world().commodity(c).valuePerUnit();
            paid += usd;
            volume += quantity;
            ctx.markets().ledger().exportSubsidy(ctx.world().market(o, c), traderMarket(trader, d, c), usd);
        }
    }

    /** A subsidy prices the lane and stops no volume: its news moves no buyer's cover. */
    @Override
    double newsSeverity(int destination, int commodity) {
        return 0.0;
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("subsidyPaid", paid);
        m.put("volumeSubsidised", volume);
        return m;
    }
}
