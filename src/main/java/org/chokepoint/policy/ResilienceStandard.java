package org.chokepoint.policy;

import java.util.List;
import java.util.Map;
import org.chokepoint.agent.Firms;
import org.chokepoint.market.Ledger;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.scenario.spec.ResilienceStandardSpec;

/**
 * A resilience standard (a standards-based market): a share {@code s} of what the region's buyers purchase of
 * the commodity must be covered by units of certified sources, the producers of the commodity in the certified
 * regions. The commodity then trades as two goods: uncertified units at the market price {@code p}, certified
 * units at {@code p + π}. The premium is carried by a certificate issued with each certified unit made (book and
 * claim): buyers surrender certificates for the mandated share of their purchases, certified producers sell
 * them, so the physical market keeps one price and one clearing.
 *
 * <p>The premium clears the certified segment: at the start of each tick it is the {@code π} at which certified
 * supply, each firm's marginal-cost curve at the price it plans on plus {@code π}, equals the mandated quantity
 * {@code M = s Q} ({@code Q} the region's purchases a tick, averaged as firms average their sales); 0 when
 * certified supply covers {@code M} without one. The certified firms then plan and offer on {@code p + π}. When
 * {@code M} exceeds what certified capacity in service can make, the {@code shortfall} rule decides: {@code cap}
 * caps the mandate at that capacity (the premium is what brings every certified plant to full output) and
 * reports the shortfall; {@code penalty} caps the premium at the penalty, and buyers pay the penalty on every
 * mandated unit not covered, collected as a charge of the region's market. A mothballed certified plant counts
 * from the price that pays for its restart on, so scarce certificates bring it back.
 *
 * <p>Who pays: at the end of each tick buyers pay {@code π} on the certificates surrendered,
 * {@code min(C, M)} for certified output {@code C} and this tick's mandate {@code M}; each certified firm
 * receives its share of that, pro rata to its output, as producer revenue in its own market (producer surplus
 * of the certified regions). A manufacturer buying the commodity pays pro rata to its purchases, as an input
 * cost of its own market; what households pay ({@link #householdChargeAt}, the premium part reported as
 * {@code premiumPaidByFinalBuyers}) does not enter the ledger, which books no household's purchase, but comes off
 * their consumer surplus beside what the demand curve measures at the market price.
 */
final class ResilienceStandard extends ImporterMeasure {
    /**
     * A tick complies when certified output covers the mandate to within this share: at rest the premium makes
     * them equal, and the rounding of plans and fills would otherwise split equal ticks at random.
     */
    private static final double COMPLIANCE_TOLERANCE = 0.01;
    private final double share;
    private final boolean penaltyMode;
    private final double penalty;
    private final double valuePerUnit;
    /** Which standards share certificates: the same commodity, certified sources and shortfall rule. */
    private final String certificatesKey;
    private CertificateMarket certificates;
    /** The input slots that buy in the standard's market, and their firms, resolved once. */
    private int[] slots;
    private int[] slotFirms;
    private double[] slotStockAtStart;
    /** The region's purchases a tick, a slow average: what the certified producers plan the mandate on. */
    private double normalPurchases = Double.NaN;
    private final double purchasesWeight;
    private double purchases;
    private double householdPurchases;

    private int ticksInForce;
    private int compliantTicks;
    private double mandatedTotal;
    private double certifiedTotal;
    private double coveredTotal;
    private double shortfallTotal;
    private double premiumPaid;
    private double premiumPaidByFinalBuyers;
    private double penaltyPaid;
    private double premiumTimesMandate;
    /** US dollars booked in the ledger: to certified producers, and to the region's manufacturers that bought. */
    private double bookedToBuyingFirms;
    /** US dollars of premium received by certified producers, by their region. */
    private final double[] receivedByRegion;
    /** The certified regions, by index: each reports what its producers received, none included. */
    private final boolean[] certifiedRegion;

    private double[] premiumByTick = new double[0];
    private double[] mandateByTick = new double[0];
    private double[] certifiedByTick = new double[0];
    private double[] coveredByTick = new double[0];
    private double[] purchasesByTick = new double[0];
    private double[] shortfallByTick = new double[0];
    /** Premium and penalty the region's households paid a tick, US dollars. */
    private double[] householdChargeByTick = new double[0];
    private int recordedTicks;
    private int tick;

    ResilienceStandard(ResilienceStandardSpec spec, PolicySetting setting) {
        super(spec, commodityOf(spec, setting), triggerOf(spec, setting), setting);
        this.share = spec.mandateShare();
        this.penaltyMode = ResilienceStandardSpec.PENALTY.equals(spec.shortfall());
        this.penalty = penaltyMode ? spec.penaltyPerUnit() : Double.POSITIVE_INFINITY;
        this.valuePerUnit = world.commodity(commodity).valuePerUnit();
        this.receivedByRegion = new double[world.regionCount()];
        // Buyers order in lumps, so one tick's purchases would swing the premium; firms judge their own normal
        // sales over the same span.
        this.purchasesWeight = TickTime.averageWeight(setting.behaviour().normalSalesWeeks(), world.ticksPerYear());
        List<String> regions = spec.certifiedRegionsOrOwn();
        this.certifiedRegion = new boolean[world.regionCount()];
        for (String id : regions) {
            certifiedRegion[world.regionIndex(id)] = true;
        }
        this.certificatesKey = spec.certificatesKey();
        share(new CertificateMarket(EligibleFirms.of(regions, spec.firmIdPrefix(), world, spec.region(),
                spec.commodity()), penalty, setting.behaviour().exit().restartMargin()));
    }

    /** Standards with the same key draw on one pool of certificates. */
    String certificatesKey() {
        return certificatesKey;
    }

    CertificateMarket certificates() {
        return certificates;
    }

    /** Draws on {@code pool}, with every other standard that does. */
    void share(CertificateMarket pool) {
        this.certificates = pool;
        pool.join(this);
    }

    private void resolveBuyers(Firms f) {
        if (slots != null) {
            return;
        }
        int n = 0;
        for (int i = 0; i < f.count; i++) {
            int s = f.slotOf(i, commodity);
            if (s >= 0 && f.inputMarket(s) == market) {
                n++;
            }
        }
        slots = new int[n];
        slotFirms = new int[n];
        slotStockAtStart = new double[n];
        n = 0;
        for (int i = 0; i < f.count; i++) {
            int s = f.slotOf(i, commodity);
            if (s >= 0 && f.inputMarket(s) == market) {
                slots[n] = s;
                slotFirms[n++] = i;
            }
        }
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        this.tick = tick;
        Firms f = ctx.firms();
        resolveBuyers(f);
        for (int k = 0; k < slots.length; k++) {
            slotStockAtStart[k] = f.inputStock(slots[k]);
        }
        certificates.plan(ctx);
    }

    /** The mandate the certified firms plan on: the share of the region's normal purchases, 0 before any. */
    double plannedMandate() {
        return Double.isNaN(normalPurchases) ? 0 : share * normalPurchases;
    }

    /** This tick's mandate: the share of what the region's buyers purchased. */
    double mandateNow() {
        return share * purchases;
    }

    @Override
    public void endTick(int tick) {
        super.endTick(tick);
        Firms f = ctx.firms();
        // Purchases by the region's buyers: what manufacturers took into their input stock (used or kept) and
        // what households bought, which they consume at once.
        double firmsUse = 0;
        double firmsBought = 0;
        for (int k = 0; k < slots.length; k++) {
            double use = f.inputUse(slots[k]);
            firmsUse += use;
            firmsBought += Math.max(0, f.inputStock(slots[k]) - slotStockAtStart[k] + use);
        }
        householdPurchases = Math.max(0, ctx.markets().ledger().consumption(market) - firmsUse);
        purchases = firmsBought + householdPurchases;
        normalPurchases = Double.isNaN(normalPurchases) ? purchases
                : normalPurchases + purchasesWeight * (purchases - normalPurchases);
        certificates.settle(f);
    }

    void settleOutOfForce() {
        record(tick, 0, 0, 0, 0, purchases, 0, 0);
    }

    /**
     * Settles this tick: buyers pay the premium on the {@code covered} certificates surrendered (and, with a
     * penalty, the penalty on the rest of the mandate); the certified firms receive it pro rata to what they
     * made, {@code made} in all.
     */
    void settle(Firms f, int[] firms, double made, double covered, double premium) {
        Ledger ledger = ctx.markets().ledger();
        double mandate = mandateNow();
        double uncovered = mandate - covered;
        double premiumUsd = covered * premium * valuePerUnit;
        double penaltyUsd = penaltyMode ? uncovered * penalty * valuePerUnit : 0;
        if (premiumUsd > 0) {
            // Each certified unit made carries a certificate; the surrendered ones are paid pro rata.
            double perUnitMade = premiumUsd / made;
            for (int i : firms) {
                double q = f.output(i);
                if (q > 0) {
                    ledger.revenue(f.market(i), q * perUnitMade);
                    receivedByRegion[f.region(i)] += q * perUnitMade;
                }
            }
        }
        if (penaltyUsd > 0) {
            ledger.levy(market, penaltyUsd);
        }
        double charge = premiumUsd + penaltyUsd;
        double households = 0;
        if (charge > 0 && purchases > 0) {
            for (int k = 0; k < slots.length; k++) {
                double bought = Math.max(0, f.inputStock(slots[k]) - slotStockAtStart[k] + f.inputUse(slots[k]));
                if (bought > 0) {
                    ledger.inputCost(f.market(slotFirms[k]), charge * bought / purchases);
                    bookedToBuyingFirms += charge * bought / purchases;
                }
            }
            // The premium alone: a penalty final buyers pay is in the penalty's own total.
            premiumPaidByFinalBuyers += premiumUsd * householdPurchases / purchases;
            households = charge * householdPurchases / purchases;
        }
        ticksInForce++;
        if (covered >= mandate * (1 - COMPLIANCE_TOLERANCE)) {
            compliantTicks++;
        }
        mandatedTotal += mandate;
        certifiedTotal += made;
        coveredTotal += covered;
        shortfallTotal += uncovered;
        premiumPaid += premiumUsd;
        penaltyPaid += penaltyUsd;
        premiumTimesMandate += premium * mandate;
        record(tick, premium, mandate, made, covered, purchases, uncovered, households);
    }


    private void record(int tick, double pi, double mandate, double made, double covered, double purchases,
                        double uncovered, double households) {
        if (tick >= premiumByTick.length) {
            int n = Math.max(tick + 1, 2 * premiumByTick.length);
            premiumByTick = java.util.Arrays.copyOf(premiumByTick, n);
            mandateByTick = java.util.Arrays.copyOf(mandateByTick, n);
            certifiedByTick = java.util.Arrays.copyOf(certifiedByTick, n);
            coveredByTick = java.util.Arrays.copyOf(coveredByTick, n);
            purchasesByTick = java.util.Arrays.copyOf(purchasesByTick, n);
            shortfallByTick = java.util.Arrays.copyOf(shortfallByTick, n);
            householdChargeByTick = java.util.Arrays.copyOf(householdChargeByTick, n);
        }
        recordedTicks = Math.max(recordedTicks, tick + 1);
        premiumByTick[tick] = pi;
        mandateByTick[tick] = mandate;
        certifiedByTick[tick] = made;
        coveredByTick[tick] = covered;
        purchasesByTick[tick] = purchases;
        shortfallByTick[tick] = uncovered;
        householdChargeByTick[tick] = households;
    }

    @Override
    public double householdChargeAt(int tick) {
        return tick < householdChargeByTick.length ? householdChargeByTick[tick] : 0;
    }

    /** US dollars of premium and penalty the ledger charged to the region's manufacturers over the run. */
    double bookedToBuyingFirms() {
        return bookedToBuyingFirms;
    }

    /** The premium in force at a tick, in the commodity's price unit (0 when not in force). */
    double premiumAt(int tick) {
        return tick < premiumByTick.length ? premiumByTick[tick] : 0;
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = super.indicators();
        m.put("complianceRate", ticksInForce > 0 ? (double) compliantTicks / ticksInForce : Double.NaN);
        m.put("mandatedVolume", mandatedTotal);
        m.put("certifiedVolume", certifiedTotal);
        m.put("coveredShare", mandatedTotal > 0 ? coveredTotal / mandatedTotal : Double.NaN);
        m.put("shortfallVolume", shortfallTotal);
        m.put("meanPremium", mandatedTotal > 0 ? premiumTimesMandate / mandatedTotal : Double.NaN);
        m.put("premiumPaid", premiumPaid);
        m.put("premiumPaidByFinalBuyers", premiumPaidByFinalBuyers);
        m.put("penaltyPaid", penaltyPaid);
        // Named by the scenario, not by what happened: an ensemble's runs must all have the same columns, and a
        // comparison's mean of a region's receipts must count the runs in which it received nothing.
        for (int r = 0; r < receivedByRegion.length; r++) {
            if (certifiedRegion[r]) {
                m.put("premiumReceived." + world.region(r).id(), receivedByRegion[r]);
            }
        }
        return m;
    }

    @Override
    public List<PolicySeries> series() {
        int n = recordedTicks;
        String c = world.commodity(commodity).id();
        double[] achieved = new double[n];
        for (int t = 0; t < n; t++) {
            achieved[t] = purchasesByTick[t] > 0 && mandateByTick[t] > 0
                    ? coveredByTick[t] / purchasesByTick[t] : Double.NaN;
        }
        return List.of(new PolicySeries(id, c, "premium", java.util.Arrays.copyOf(premiumByTick, n)),
                new PolicySeries(id, c, "mandatedVolume", java.util.Arrays.copyOf(mandateByTick, n)),
                new PolicySeries(id, c, "certifiedVolume", java.util.Arrays.copyOf(certifiedByTick, n)),
                new PolicySeries(id, c, "shortfallVolume", java.util.Arrays.copyOf(shortfallByTick, n)),
                new PolicySeries(id, c, "shareAchieved", achieved));
    }
}
