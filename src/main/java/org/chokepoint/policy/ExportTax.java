package org.chokepoint.policy;

import org.chokepoint.scenario.spec.ExportTaxSpec;

/**
 * An ad valorem export tax: exporters pay {@code rate} times the origin price on what leaves. With trade
 * flowing, the price outside exceeds the price inside by the tax on top of transport and margins. The
 * exporting government's receipts count as levy revenue in the origin market, and as a cost of the trader
 * that pays them in the destination market, where its cargo sells.
 */
final class ExportTax extends ExportMeasure {
    private final double rate;

    ExportTax(ExportTaxSpec spec, PolicySetting setting) {
        super(spec, setting);
        this.rate = spec.rate();
    }

    @Override
    public double exportTaxRate(int o, int d, int c, int tick) {
        return binds(o, d, c, tick) ? rate : 0.0;
    }

    @Override
    public void shipped(int trader, int o, int d, int c, int tick, double quantity, double price) {
        if (binds(o, d, c, tick)) {
            int m = ctx.world().market(o, c);
            ctx.markets().ledger().borderCharge(m, traderMarket(trader, d, c),
                    rate * price * quantity * ctx.world().commodity(c).valuePerUnit());
        }
    }

    /** A tax prices the lane and stops no volume: its news raises expected costs, not the cover buyers hold. */
    @Override
    double newsSeverity(int destination, int commodity) {
        return 0.0;
    }
}
