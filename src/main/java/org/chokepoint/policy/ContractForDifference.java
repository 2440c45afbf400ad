package org.chokepoint.policy;

import java.util.Map;
import org.chokepoint.agent.Firms;
import org.chokepoint.scenario.spec.ContractForDifferenceSpec;
import org.chokepoint.world.World;

/**
 * A contract for difference (price-difference subsidy): eligible producers receive
 * {@code (strike - reference) * volume} when the reference price is below the strike and, with an upside
 * share, pay back {@code upsideShare * (reference - strike) * volume} when it is above. The volume is what the
 * eligible firms sold this tick, up to {@code volumeCapPerTick}; the reference is a market's price this tick
 * (by default the eligible firms' own market). While the contract is in force, a firm settled against its own
 * market plans on the strike ({@code PriceSupports.supportedPrice}), or, once its holders make more than the cap, on
 * its price plus the share of the strike's gap over it that the cap covers of what they made, offering its part of the
 * cap as under no cap ({@link Firms#offerSupport(int, int, double, double, double, double, double, int)}); a firm
 * settled against another market (China's price for producers elsewhere) counts on its sale price plus what the
 * contract pays a unit on the share of what they made the cap covers
 * ({@link Firms#offerSupport(int, int, double, double, double, int)}) and sells no
 * lower than its cost less that payment, its part of the cap no lower than its cost less the whole gap. Either
 * is what keeps them alive through a dumping phase. A firm that several supports name plans on the one with the
 * highest strike, and only that one pays on what it sells. The budget pays: payments are fiscal cost of the
 * government's market in the commodity,
 * clawbacks reduce it.
 */
final class ContractForDifference extends ImporterMeasure {
    private final double strike;
    private final double upsideShare;
    private final double cap;
    private final int reference;
    private final EligibleFirms eligible;
    private double[] stockAtStart = new double[0];
    private boolean supporting;
    /**
     * The share of what its holders made last tick (the eligible firms, before it is in force) that the volume cap
     * covers: what each holder counts on, whichever market the contract settles against. Their output moves by a
     * fifth of the way to their plan a week, their sales by bursts.
     */
    private double coveredOutput;
    private double paid;
    private double clawedBack;
    private double volume;
    private double[] volumeByTick = new double[0];
    private double[] referenceByTick = new double[0];

    ContractForDifference(ContractForDifferenceSpec spec, PolicySetting setting) {
        super(spec, commodityOf(spec, setting), triggerOf(spec, setting), setting);
        World world = setting.world();
        this.strike = spec.strike();
        this.upsideShare = spec.upsideShare();
        this.cap = spec.volumeCapPerTick() == null ? Double.POSITIVE_INFINITY : spec.volumeCapPerTick();
        this.coveredOutput = PurchaseGuarantee.coveredShare(0, cap);
        this.reference = world.market(
                spec.referenceRegion() == null ? region : world.regionIndex(spec.referenceRegion()),
                world.commodityIndex(spec.referenceCommodity() == null ? spec.commodity() : spec.referenceCommodity()));
        this.eligible = EligibleFirms.of(spec.eligibleRegions(), spec.firmIdPrefix(), world, spec.region(),
                spec.commodity());
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        Firms f = ctx.firms();
        int[] firms = eligible.of(f);
        if (stockAtStart.length < firms.length) {
            stockAtStart = new double[firms.length];
        }
        for (int i = 0; i < firms.length; i++) {
            stockAtStart[i] = f.stock(firms[i]);
        }
        if (active()) {
            // What the contract pays a unit sold, as the firms can know it at the start of the tick: against the
            // reference's last price, on the share of what they made last tick that the volume cap covers.
            double ref = ctx.markets().price(reference);
            double perUnit = ref < strike ? strike - ref : -upsideShare * (ref - strike);
            double payment = coveredOutput * perUnit;
            for (int i : firms) {
                boolean own = f.market(i) == reference;
                if (coveredOutput < 1) {
                    // The cap covers part of what the holders make, and the contract shares it by what each sells:
                    // each unit a holder sells earns it its price plus that share of the gap (the strike's over its
                    // own price, or the reference's), which it plans on, as under a guarantee so capped, or it makes
                    // what the contract does not pay for (for a cap of 0, all it makes). Its part of the cap, that
                    // share of what it made, earns the whole gap (made up to the strike on its own market), and it
                    // offers that part apart, so that the cap sells, and is paid, every week. The share is of what
                    // they made, not of what they sold, which came in bursts: counted on sales, a week they sold
                    // nothing had them count on the whole gap the next, sell beyond the cap, count on a sliver of it
                    // the week after and sell nothing again, and the cap went unpaid in the weeks they sold nothing.
                    f.offerSupport(i, tick, strike, upsideShare, payment, coveredOutput * f.output(i),
                            own ? Double.NaN : perUnit, owner());
                } else if (own) {
                    // Settled against its own market, the holder is paid the strike whatever it sells at: it plans
                    // on the strike, and its price, not a separate reference, is what the payment makes up.
                    f.offerSupport(i, tick, strike, upsideShare, Double.NaN, owner());
                } else {
                    f.offerSupport(i, tick, strike, upsideShare, payment, owner());
                }
            }
            supporting = true;
        } else if (supporting) {
            for (int i : firms) {
                f.withdrawSupport(i, tick);
            }
            supporting = false;
        }
    }

    @Override
    public void endTick(int tick) {
        super.endTick(tick);
        Firms f = ctx.firms();
        int[] firms = eligible.of(f);
        if (Double.isFinite(cap)) {
            double made = 0;
            for (int i : firms) {
                made += !active() || f.holdsSupportOf(i, tick, owner()) ? f.output(i) : 0;
            }
            coveredOutput = PurchaseGuarantee.coveredShare(made, cap);
        }
        if (!active()) {
            record(tick, 0, ctx.markets().price(reference));
            return;
        }
        double sold = 0;
        for (int i = 0; i < firms.length; i++) {
            sold += soldUnder(f, firms, i, tick);
        }
        double q = Math.min(sold, cap);
        double ref = ctx.markets().price(reference);
        record(tick, q, ref);
        volume += q;
        if (ref < strike) {
            double usd = dollars(q, strike - ref);
            ctx.markets().ledger().spend(market, usd);
            paid += usd;
            toHolders(f, firms, sold, usd, tick);
        } else if (upsideShare > 0) {
            double usd = dollars(q, upsideShare * (ref - strike));
            ctx.markets().ledger().receive(market, usd);
            clawedBack += usd;
            toHolders(f, firms, sold, -usd, tick);
        }
    }

    /**
     * What eligible firm {@code i} sold this tick under this contract, from the stock identity (what it held, plus
     * what it made, less what it holds): nothing when it plans on another support with a higher strike, which
     * pays for those units instead.
     */
    private double soldUnder(Firms f, int[] firms, int i, int tick) {
        if (!f.holdsSupportOf(firms[i], tick, owner())) {
            return 0;
        }
        return Math.max(0, stockAtStart[i] + f.output(firms[i]) - f.stock(firms[i]));
    }

    /**
     * What the budget pays the holders (or takes back from them, negative) is their revenue, shared by what each
     * sold this tick, in the market each sells in: a transfer from taxpayers to producers, not a loss.
     */
    private void toHolders(Firms f, int[] firms, double sold, double usd, int tick) {
        if (sold <= 0) {
            return;
        }
        for (int i = 0; i < firms.length; i++) {
            double own = soldUnder(f, firms, i, tick);
            if (own > 0) {
                ctx.markets().ledger().revenue(f.market(firms[i]), usd * own / sold);
            }
        }
    }

    private void record(int tick, double q, double ref) {
        if (tick >= volumeByTick.length) {
            volumeByTick = java.util.Arrays.copyOf(volumeByTick, Math.max(tick + 1, 2 * volumeByTick.length));
            referenceByTick = java.util.Arrays.copyOf(referenceByTick, volumeByTick.length);
        }
        volumeByTick[tick] = q;
        referenceByTick[tick] = ref;
    }

    /** Eligible volume counted at a tick (0 when not in force). */
    double volumeAt(int tick) {
        return tick < volumeByTick.length ? volumeByTick[tick] : 0;
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = super.indicators();
        m.put("payments", paid);
        m.put("clawback", clawedBack);
        m.put("supportedVolume", volume);
        return m;
    }
}
