package org.chokepoint.policy;

import java.util.Map;
import org.chokepoint.scenario.spec.TariffRateQuotaSpec;

/**
 * A tariff-rate quota on imports of a commodity into the region: a yearly quota volume enters at the
 * in-quota tariff, anything beyond at the out-of-quota tariff (both ad valorem on the c.i.f. price).
 *
 * <p>Licences: the quota year starts at the instrument's start; each tick releases {@code 1/ticksPerYear}
 * of the yearly volume, and licences unused within the year lapse at its end. Importers apply in the order
 * they are listed (the historical licence holders first): while this tick's licences last an importer
 * decides at the in-quota tariff and is granted at most what is left; once they are gone, the next
 * importers decide at the out-of-quota tariff. In-quota treatment is settled when the cargo leaves, first come,
 * first served, as customs settles it where the quota is administered at the border: licences that a claimant
 * could not use this tick (another measure, an exporter's quota or licences, cut its cargo) go, at the tick's
 * end, to traders' cargo shipped this tick at the out-of-quota tariff and still at sea, which then pays the
 * in-quota tariff. Without that, licences granted to cargo that never left rolled forward to the next claimant,
 * were cut again, and lapsed at the year's end, so a quota behind a binding export quota filled only part of
 * itself. Cargo on a voyage of no time has landed by then, at the out-of-quota tariff: it is settled in-quota all
 * the same, the difference in tariff handed back and the licence's rent booked, in the tick it landed.
 * Holders of licences earn the quota rent
 * {@code (domestic price - cif - in-quota tariff) * in-quota volume} when their cargo lands. A trader's is
 * recorded as the market's quota rent and as the licence's cost to the trader, since the rent is part of its
 * margin; a consortium pool's is its members' already, in the in-quota cost of the cargo they are handed, and is
 * recorded only in the measure's indicators. Tariffs collected are levy revenue, and the importing trader's cost.
 * Domestic buyers pay the higher price; the rent goes to the licence holders.
 */
final class TariffRateQuota extends ImporterMeasure {
    private final double inRate;
    private final double outRate;
    private final double yearlyVolume;
    private final boolean[] exempt;
    private final ImportLedger inQuota = new ImportLedger();
    private final ImportLedger outOfQuota = new ImportLedger();
    /** The lanes' cargo at sea round an export restriction: it claims no licence and owes the out-of-quota tariff. */
    private final ImportLedger round = new ImportLedger();
    private double available;
    private double claimed;
    private int claimTick = -1;
    private double pendingCif;
    private boolean pendingIn;
    private double[] granted = new double[0];
    /** Cargo each trader shipped this tick at the out-of-quota tariff, and the traders that shipped it. */
    private double[] shippedOut = new double[0];
    private int[] outShippers = new int[0];
    private int outShipperCount;
    /**
     * Of that cargo, what landed in the tick it shipped (a voyage of no time), the tariff it paid, and its c.i.f.
     * value, in the commodity's price a unit times quantity.
     */
    private double[] landedOut = new double[0];
    private double[] landedOutTariff = new double[0];
    private double[] landedOutCif = new double[0];
    private double rent;
    private double revenue;
    private double inVolume;
    private double outVolume;
    private double quotaOffered;

    TariffRateQuota(TariffRateQuotaSpec spec, PolicySetting setting) {
        super(spec, commodityOf(spec, setting), triggerOf(spec, setting), setting);
        this.inRate = spec.inQuotaTariff();
        this.outRate = spec.outOfQuotaTariff();
        this.yearlyVolume = spec.yearlyQuota();
        this.exempt = regionFlags(world, spec.exemptOrigins());
    }

    private boolean covers(int o, int d, int c) {
        return coversImport(o, d, c, exempt);
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        if (!inForce(tick)) {
            return;
        }
        if ((tick - start) % world.ticksPerYear() == 0) {
            available = 0;
        }
        double release = yearlyVolume / world.ticksPerYear();
        available += release;
        quotaOffered += release;
    }

    private void newTick(int tick) {
        if (claimTick != tick) {
            claimTick = tick;
            claimed = 0;
        }
    }

    @Override
    public double importLevy(int o, int d, int c, int tick, double cif) {
        pendingCif = cif;
        if (!covers(o, d, c) || !active()) {
            pendingIn = false;
            return 0;
        }
        newTick(tick);
        pendingIn = claimed < available - 1e-12;
        return (pendingIn ? inRate : outRate) * cif;
    }

    @Override
    public void request(int trader, int o, int d, int c, int tick, double quantity) {
        if (!covers(o, d, c)) {
            return;
        }
        if (trader >= granted.length) {
            granted = java.util.Arrays.copyOf(granted, Math.max(trader + 1, 2 * granted.length));
        }
        granted[trader] = 1.0;
        if (!active()) {
            return;
        }
        newTick(tick);
        if (pendingIn) {
            double left = Math.max(0, available - claimed);
            double take = Math.min(quantity, left);
            granted[trader] = quantity > 0 ? take / quantity : 1.0;
            claimed += take;
            inQuota.requested(trader, inRate * pendingCif, pendingCif);
            outOfQuota.requested(trader, -1, pendingCif);
        } else {
            inQuota.requested(trader, -1, pendingCif);
            outOfQuota.requested(trader, outRate * pendingCif, pendingCif);
        }
    }

    @Override
    public double grantedShare(int trader, int o, int d, int c, int tick) {
        if (!covers(o, d, c) || !active() || trader >= granted.length) {
            return 1.0;
        }
        return granted[trader];
    }

    @Override
    public void shipped(int trader, int o, int d, int c, int tick, double quantity, double price) {
        if (!covers(o, d, c)) {
            return;
        }
        if (!active()) {
            return;
        }
        // A trader granted in-quota licences this tick ships under them; the ledgers know which it was.
        if (inQuota.pendingCharge(trader) >= 0) {
            available -= quantity;
            inQuota.shipped(trader, quantity);
        } else {
            outOfQuota.shipped(trader, quantity);
            // A trader pays its tariff when the cargo lands; a consortium pool has put the out-of-quota tariff
            // into the cost its members are handed the cargo at, so its cargo keeps the treatment it was bought on.
            if (quantity > 0 && traderMarket(trader, d, c) >= 0) {
                recordShippedOut(trader, quantity);
            }
        }
    }

    private void recordShippedOut(int trader, double quantity) {
        if (trader >= shippedOut.length) {
            int n = Math.max(trader + 1, 2 * shippedOut.length);
            shippedOut = java.util.Arrays.copyOf(shippedOut, n);
            landedOut = java.util.Arrays.copyOf(landedOut, n);
            landedOutTariff = java.util.Arrays.copyOf(landedOutTariff, n);
            landedOutCif = java.util.Arrays.copyOf(landedOutCif, n);
        }
        if (shippedOut[trader] == 0) {
            if (outShipperCount == outShippers.length) {
                outShippers = java.util.Arrays.copyOf(outShippers, Math.max(4, 2 * outShippers.length));
            }
            outShippers[outShipperCount++] = trader;
        }
        shippedOut[trader] += quantity;
    }

    /**
     * Licences left unused when the tick's cargo has left go to its out-of-quota cargo, in the order it shipped:
     * what is still at sea moves to the in-quota ledger, what landed already (a voyage of no time) is settled here.
     */
    @Override
    public void endTick(int tick) {
        super.endTick(tick);
        for (int k = 0; k < outShipperCount; k++) {
            int trader = outShippers[k];
            // Only this tick's cargo, at the c.i.f. price it was bought on: cargo of earlier ticks at sea is not it.
            double atSea = Math.min(shippedOut[trader] - landedOut[trader], outOfQuota.atSea(trader));
            double q = Math.min(atSea, available);
            if (q > 0) {
                outOfQuota.transfer(trader, q, inQuota, inRate);
                available -= q;
            }
            double landed = Math.min(landedOut[trader], available);
            if (landed > 0) {
                settleLanded(trader, landed);
                available -= landed;
            }
            shippedOut[trader] = 0;
            landedOut[trader] = 0;
            landedOutTariff[trader] = 0;
            landedOutCif[trader] = 0;
        }
        outShipperCount = 0;
    }

    /**
     * Cargo that landed at the out-of-quota tariff in the tick it shipped, settled in-quota: the tariff beyond the
     * in-quota one comes back to the trader, and the licence's rent is booked as at a landing, at this tick's price.
     */
    private void settleLanded(int trader, double q) {
        double share = q / landedOut[trader];
        double paid = landedOutTariff[trader] * share;
        double cif = landedOutCif[trader] / landedOut[trader];
        double owed = dollars(q, inRate * cif);
        int traderMarket = traderMarket(trader, region, commodity);
        ctx.markets().ledger().borderCharge(market, traderMarket, owed - paid);
        double r = dollars(q, ctx.markets().price(market) - cif - inRate * cif);
        ctx.markets().ledger().quotaRent(market, r);
        revenue += owed - paid;
        rent += r;
        inVolume += q;
        outVolume -= q;
    }

    @Override
    public void landed(int trader, int o, int d, int c, int tick, double quantity, double landedPrice) {
        if (!covers(o, d, c)) {
            return;
        }
        double inAtSea = inQuota.atSea(trader);
        double outAtSea = outOfQuota.atSea(trader);
        double total = inAtSea + outAtSea;
        if (total <= 0) {
            return;
        }
        double qIn = quantity * inAtSea / total;
        double qOut = quantity - qIn;
        double domestic = ctx.markets().price(market);
        if (qIn > 0) {
            double charge = inQuota.landed(trader, qIn);
            double tariff = dollars(qIn, charge);
            double r = dollars(qIn, domestic - inQuota.landedCif() - charge);
            int traderMarket = traderMarket(trader, d, c);
            ctx.markets().ledger().borderCharge(market, traderMarket, tariff);
            // A trader's licence rent moves from its margin to the licence holder's pocket. A pool's members
            // hold theirs already, in the in-quota cost of the cargo they are handed: booked again, the welfare
            // sum counted it twice.
            if (traderMarket >= 0) {
                ctx.markets().ledger().quotaRent(market, r);
            }
            revenue += tariff;
            rent += r;
            inVolume += qIn;
        }
        if (qOut > 0) {
            double tariff = dollars(qOut, Math.max(0, outOfQuota.landed(trader, qOut)));
            ctx.markets().ledger().borderCharge(market, traderMarket(trader, d, c), tariff);
            revenue += tariff;
            outVolume += qOut;
            // Landings come before the tick's purchases, so cargo landing after its trader shipped out-of-quota
            // this tick is that cargo, on a voyage of no time: endTick may yet settle it in-quota.
            if (trader < shippedOut.length && shippedOut[trader] > 0) {
                landedOut[trader] += qOut;
                landedOutTariff[trader] += tariff;
                landedOutCif[trader] += qOut * outOfQuota.landedCif();
            }
        }
    }

    /** Cargo round an export restriction holds no licence: it enters at the out-of-quota tariff. */
    @Override
    public double detourLevy(int o, int d, int c, int tick, double cif) {
        return covers(o, d, c) && active() ? outRate * cif : 0;
    }

    @Override
    public void shippedRound(int trader, int o, int d, int c, int tick, double quantity, double cif) {
        if (covers(o, d, c) && active()) {
            round.requested(trader, outRate * cif, cif);
            round.shipped(trader, quantity);
        }
    }

    @Override
    public void landedRound(int trader, int o, int d, int c, int tick, double quantity) {
        if (!covers(o, d, c) || round.atSea(trader) <= 0) {
            return;
        }
        double tariff = dollars(quantity, round.landed(trader, quantity));
        ctx.markets().ledger().borderCharge(market, traderMarket(trader, d, c), tariff);
        revenue += tariff;
        outVolume += quantity;
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = super.indicators();
        m.put("inQuotaVolume", inVolume);
        m.put("outOfQuotaVolume", outVolume);
        m.put("fillRate", quotaOffered > 0 ? inVolume / quotaOffered : Double.NaN);
        m.put("quotaRent", rent);
        m.put("tariffRevenue", revenue);
        return m;
    }
}
