package org.chokepoint.policy;

import java.util.Map;
import org.chokepoint.scenario.spec.TariffFloorSpec;

/**
 * A tariff price floor, or variable import levy: cargo of the commodity landing in the region from a
 * non-exempt origin pays {@code max(0, floor - cif)} per unit, where {@code cif} is the c.i.f. price the
 * importer saw when it bought (origin price with export taxes and compliance costs, plus transport). Imports
 * then reach the domestic market at no less than the floor, so the domestic price sits at about the floor
 * while imports still flow. Domestic buyers pay; the levy is collected when the cargo lands and counts as
 * levy revenue of the importing market.
 */
final class TariffFloor extends ImporterMeasure {
    private final double floor;
    private final boolean[] exempt;
    private final ImportLedger ledger = new ImportLedger();
    /** The lane's cargo at sea round an export restriction, and what it owes. */
    private final ImportLedger round = new ImportLedger();
    private double pendingLevy;
    private double pendingCif;
    private double collected;
    private double leviedVolume;

    TariffFloor(TariffFloorSpec spec, PolicySetting setting) {
        super(spec, commodityOf(spec, setting), triggerOf(spec, setting), setting);
        this.floor = spec.floor();
        this.exempt = regionFlags(world, spec.exemptOrigins());
    }

    private boolean covers(int o, int d, int c) {
        return coversImport(o, d, c, exempt);
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
        collect(trader, d, c, quantity, ledger.landed(trader, quantity));
    }

    /** Cargo round an export restriction is levied as the lane's own is, on the c.i.f. price it cost. */
    @Override
    public double detourLevy(int o, int d, int c, int tick, double cif) {
        return covers(o, d, c) && active() ? Math.max(0, floor - cif) : 0;
    }

    @Override
    public void shippedRound(int trader, int o, int d, int c, int tick, double quantity, double cif) {
        if (covers(o, d, c)) {
            round.requested(trader, detourLevy(o, d, c, tick, cif), cif);
            round.shipped(trader, quantity);
        }
    }

    @Override
    public void landedRound(int trader, int o, int d, int c, int tick, double quantity) {
        if (covers(o, d, c)) {
            collect(trader, d, c, quantity, round.landed(trader, quantity));
        }
    }

    private void collect(int trader, int d, int c, double quantity, double levy) {
        if (levy > 0) {
            double usd = dollars(quantity, levy);
            ctx.markets().ledger().borderCharge(market, traderMarket(trader, d, c), usd);
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
