package org.chokepoint.agent;

/**
 * The price supports contracts for difference and purchase guarantees give the firms, and the premiums a resilience
 * standard's certificates earn them, one index per firm as in {@link Firms}: what each firm counts on for its output
 * over what the market pays. A firm plans on it ({@link #supportedPrice}); {@link Producers} sizes its plan and
 * prices its ask by it.
 *
 * <p>Instruments give their support through {@link #offer}, which keeps the best of several on one firm in a tick
 * and records who gave it, so that a contract pays only on the sales of the firms that plan on it.
 */
final class PriceSupports implements java.io.Serializable {
    /**
     * A price support the firm plans on, set by a contract for difference or a purchase guarantee: the firm counts on
     * at least {@code strike} for its output and, above it, keeps only {@code 1 - upsideShare} of the excess. NaN
     * when no support is in force.
     */
    final double[] strike;
    final double[] upsideShare;
    /**
     * Under a contract for difference settled against another market, what it pays a unit sold, on top of the sale
     * price: it settles against a reference market's price, not the firm's own, so this is the firm's revenue over
     * its price. Under a purchase guarantee or a contract on the firm's own market whose cap covers part of what its
     * firms make, the covered share of the floor's or strike's gap over the firm's last price. NaN otherwise.
     */
    final double[] payment;
    /**
     * Under a contract for difference settled against the firm's own market whose volume cap covers only part of
     * what its holders make, how much of the firm's offer this tick falls within its part of the cap, on which the
     * contract makes the price up to the strike whatever the market pays; 0 otherwise. Null until a contract gives
     * one, so that a run without one carries none of it.
     */
    private double[] covered;
    /**
     * What a unit of {@link #covered} earns over its sale price under a contract settled against another market: the
     * reference's whole gap to the strike, not its covered share. NaN under a contract on the firm's own market, which
     * makes the unit up to the strike. Allocated with {@link #covered}.
     */
    private double[] coveredPayment;
    /**
     * A premium per unit the firm earns on top of the market price for its output, by a certificate it sells with
     * each unit (a resilience standard's certified segment); 0 when none.
     */
    final double[] premium;
    /**
     * Whether any firm has been given a price support or a premium. Until then every strike and payment is NaN and
     * every premium 0, and the tick reads none of the three arrays: at 100,000 firms each array the per-firm loops
     * walk costs memory traffic whether or not a scenario uses what it holds.
     */
    private boolean given;
    /**
     * The tick each firm's support was last given by {@link #offer}, -1 before any: allocated with the first, so that
     * a run without supports carries none of it.
     */
    private int[] tick;
    /** Who gave each firm the support it holds this tick (the giver's own number), allocated with {@link #tick}. */
    private int[] holder;

    PriceSupports(int n) {
        strike = new double[n];
        upsideShare = new double[n];
        premium = new double[n];
        java.util.Arrays.fill(strike, Double.NaN);
        payment = new double[n];
        java.util.Arrays.fill(payment, Double.NaN);
    }

    /** Whether any firm has had a price support or premium (before that, none has either). */
    boolean given() { return given; }

    /** The price support the firm plans on, NaN when none is in force. */
    double strike(int f) { return given ? strike[f] : Double.NaN; }

    /** The output price the firm plans on given its expected price and any support in force. */
    double supportedPrice(int f, double expected) {
        if (!given) {
            return expected;
        }
        double strike = this.strike[f];
        double price;
        if (Double.isNaN(strike)) {
            price = expected;
        } else if (!Double.isNaN(payment[f])) {
            price = expected + payment[f];
        } else {
            price = madeUpToStrike(f, expected);
        }
        double extra = premium[f];
        return extra == 0 ? price : price + extra;
    }

    /**
     * What a unit fetching {@code expected} earns under a contract that makes it up to the firm's strike, less the
     * share of the upside paid back above it: a contract on the firm's own market, or its part of such a contract's
     * cap. Premium not included.
     */
    double madeUpToStrike(int f, double expected) {
        double strike = this.strike[f];
        return expected < strike ? strike : expected - upsideShare[f] * (expected - strike);
    }

    /**
     * A price support: at least {@code strike}, keeping {@code 1 - upsideShare} above it. Settled on the firm's own
     * market (a purchase guarantee, a contract for difference on its own price) {@code payment} is NaN; settled against
     * another market, the firm receives {@code payment} a unit it sells on top of its sale price, what the contract
     * pays against its reference price (negative where it claws back above the strike), scaled by the share of its
     * sales the contract's volume covers, and the strike still bounds its plan. A purchase guarantee whose firms make
     * more than its cap gives the payment too: the floor's gap over their price on the share it covers. Instruments
     * give it through {@link #offer}, which keeps the best of several.
     */
    void give(int f, double strike, double upsideShare, double payment) {
        given = true;
        this.strike[f] = strike;
        this.upsideShare[f] = upsideShare;
        this.payment[f] = payment;
        if (covered != null) {
            covered[f] = 0;
            coveredPayment[f] = Double.NaN;
        }
    }

    /**
     * A contract for difference whose volume cap covers a share of what its holders make: the firm counts on its
     * price plus {@code payment}, that share of what the contract pays a unit, on all it makes, as under a purchase
     * guarantee so capped, and {@code coveredQuantity} of its offer, its part of the cap, earns what the contract pays
     * a unit in full: on the firm's own market, made up to the strike whatever it sells at ({@code coveredPayment}
     * NaN); against another market, {@code coveredPayment} on top of its sale price.
     */
    void give(int f, double strike, double upsideShare, double payment, double coveredQuantity,
              double coveredPayment) {
        give(f, strike, upsideShare, payment);
        if (coveredQuantity > 0) {
            if (covered == null) {
                covered = new double[this.strike.length];
                this.coveredPayment = new double[this.strike.length];
                java.util.Arrays.fill(this.coveredPayment, Double.NaN);
            }
            covered[f] = coveredQuantity;
            this.coveredPayment[f] = coveredPayment;
        }
    }

    /** How much of its offer the firm's contract pays for in full this tick (0: none, or no cap binds). */
    double covered(int f) {
        return covered == null ? 0 : covered[f];
    }

    /**
     * What a unit of the firm's {@link #covered} earns over its sale price, against another market's price; NaN where
     * the contract makes it up to the strike, or covers none of the firm's offer.
     */
    double coveredPayment(int f) {
        return covered == null ? Double.NaN : coveredPayment[f];
    }

    /** The premium per unit the firm counts on over the market price for its output (0: none). */
    void premium(int f, double perUnit) {
        given = true;
        premium[f] = perUnit;
    }

    /** The premium per unit over the market price the firm counts on, 0 when none. */
    double premium(int f) { return given ? premium[f] : 0; }

    /**
     * Gives firm {@code f} a support for tick {@code tick}, as {@link #give(int, double, double, double)} does
     * ({@code payment} NaN for one settled against its own market), unless another instrument has already given
     * it one this tick with a strike at least as high. Instruments stacked on one firm (a contract for difference
     * and a purchase guarantee) then leave it planning on the best of them, whatever their order in the scenario,
     * as the largest hurdle relief holds: the last to write held, so a guarantee at 11 listed after a contract at
     * 14 had the firm plan on 11. {@code holder} names the giver, so that a contract pays only on the sales of the
     * firms that plan on it ({@link #givenBy}).
     */
    void offer(int f, int tick, double strike, double upsideShare, double payment, int holder) {
        offer(f, tick, strike, upsideShare, payment, 0, Double.NaN, holder);
    }

    /**
     * As {@link #offer(int, int, double, double, double, int)}, for a contract whose cap covers
     * {@code coveredQuantity} of the firm's offer, paying {@code coveredPayment} a unit of it over its sale price
     * (NaN: made up to the strike) ({@link #give(int, double, double, double, double, double)}).
     */
    void offer(int f, int tick, double strike, double upsideShare, double payment,
               double coveredQuantity, double coveredPayment, int holder) {
        if (this.tick == null) {
            this.tick = new int[this.strike.length];
            java.util.Arrays.fill(this.tick, -1);
            this.holder = new int[this.strike.length];
        }
        if (this.tick[f] == tick && !(strike > this.strike[f])) {
            return;
        }
        this.tick[f] = tick;
        this.holder[f] = holder;
        give(f, strike, upsideShare, payment, coveredQuantity, coveredPayment);
    }

    /**
     * Whether the support firm {@code f} plans on at tick {@code tick} is the one {@code holder} gave it: a unit the
     * firm sells is paid under the contract it planned that unit on, not under every contract that names it, as
     * the equilibrium attributes a firm's supply to one support.
     */
    boolean givenBy(int f, int tick, int holder) {
        return this.tick != null && this.tick[f] == tick && this.holder[f] == holder;
    }

    /**
     * Withdraws the support of an instrument that has ended from firm {@code f}, unless another instrument has given
     * it one this tick: that one still holds, whichever of the two the tick reached first.
     */
    void withdraw(int f, int tick) {
        if (this.tick == null || this.tick[f] != tick) {
            withdraw(f);
        }
    }

    void withdraw(int f) {
        strike[f] = Double.NaN;
        upsideShare[f] = 0;
        payment[f] = Double.NaN;
        if (covered != null) {
            covered[f] = 0;
            coveredPayment[f] = Double.NaN;
        }
    }
}
