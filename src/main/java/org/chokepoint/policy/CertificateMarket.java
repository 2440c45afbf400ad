package org.chokepoint.policy;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.agent.Firms;

/**
 * The certificates of one set of certified sources, shared by every resilience standard that certifies them:
 * Japan's and the United States' standards over the same separators draw on one pool of certificates, so one
 * premium clears the sum of their mandates and a certificate is surrendered once. Each standard reports to it
 * at the start and at the end of every tick; when the last has reported, the pool clears the premium on the
 * mandates of the standards in force, and afterwards splits the certificates made among them pro rata to their
 * mandates. A standard alone is a pool of one.
 */
final class CertificateMarket implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Bisection steps for the premium: 60 halvings take any bracket to the last bits of a double. */
    private static final int STEPS = 60;
    private final EligibleFirms certified;
    /** The premium no buyer pays above (the penalty per missing certificate), infinite with a capped mandate. */
    private final double penalty;
    /** Margin over its lowest variable cost a mothballed plant needs to restart (behaviour.exit.restartMargin). */
    private final double restartMargin;
    private final List<ResilienceStandard> members = new ArrayList<>();
    private double premium;
    private boolean premiumSet;
    private int planned;
    private int settled;

    CertificateMarket(EligibleFirms certified, double penalty, double restartMargin) {
        this.certified = certified;
        this.penalty = penalty;
        this.restartMargin = restartMargin;
    }

    void join(ResilienceStandard standard) {
        members.add(standard);
    }

    /** The premium a certificate trades at this tick, in the commodity's price unit. */
    double premium() {
        return premium;
    }

    /**
     * A standard's start of tick; once every standard has reported, the premium clears the mandates in force
     * (each its share of its region's normal purchases), and the certified firms plan on it.
     */
    void plan(PolicyContext ctx) {
        if (++planned < members.size()) {
            return;
        }
        Firms f = ctx.firms();
        planned = 0;
        int[] firms = certified.of(f);
        boolean inForce = false;
        double mandate = 0;
        for (ResilienceStandard s : members) {
            if (s.active()) {
                inForce = true;
                mandate += s.plannedMandate();
            }
        }
        if (!inForce) {
            if (premiumSet) {
                for (int i : firms) {
                    f.premium(i, 0);
                }
                premiumSet = false;
            }
            premium = 0;
            return;
        }
        premium = clearingPremium(f, ctx, firms, mandate);
        if (premium != 0 || premiumSet) {
            for (int i : firms) {
                f.premium(i, premium);
            }
            premiumSet = premium != 0;
        }
    }

    /**
     * A standard's end of tick, its purchases measured; once every standard has reported, the certificates made
     * this tick are split among the standards in force pro rata to their mandates, none getting more than its
     * own, and each settles its share.
     */
    void settle(Firms f) {
        if (++settled < members.size()) {
            return;
        }
        settled = 0;
        int[] firms = certified.of(f);
        double made = 0;
        for (int i : firms) {
            made += f.output(i);
        }
        double mandate = 0;
        for (ResilienceStandard s : members) {
            if (s.active()) {
                mandate += s.mandateNow();
            }
        }
        double covered = Math.min(made, mandate);
        for (ResilienceStandard s : members) {
            if (s.active()) {
                double own = s.mandateNow();
                s.settle(f, firms, made, mandate > 0 ? covered * (own / mandate) : 0, premium);
            } else {
                s.settleOutOfForce();
            }
        }
    }

    /**
     * The premium at which certified firms in service plan to make {@code mandate}: each firm's output at
     * which its marginal cost equals the price it plans on (its net price without the premium it had) plus the
     * premium. A mothballed plant counts from the price that pays for its restart on, so a scarce certificate
     * brings it back. Capped, when they cannot make it all, at the premium that runs every one at capacity or at
     * the share a production quota leaves it (a higher premium calls forth nothing more), and at the penalty.
     */
    private double clearingPremium(Firms f, PolicyContext ctx, int[] firms, double mandate) {
        if (mandate <= 0 || certifiedSupply(f, ctx, firms, 0) >= mandate) {
            return 0;
        }
        double full = 0;
        for (int i : firms) {
            if (f.inService(i)) {
                double cap = ctx.outputCapOf(i);
                double atCapacity = cap < f.operableCapacity(i) ? f.marginalCostOfAvailable(i, cap)
                        : f.costAtCapacity(i);
                if (f.mothballed(i)) {
                    atCapacity = Math.max(atCapacity, restartPrice(f, i));
                }
                full = Math.max(full, atCapacity - (f.netPrice(i) - f.premium(i)));
            }
        }
        double clearing;
        if (certifiedSupply(f, ctx, firms, full) < mandate) {
            clearing = full;
        } else {
            double lo = 0;
            double hi = full;
            for (int step = 0; step < STEPS; step++) {
                double mid = 0.5 * (lo + hi);
                if (certifiedSupply(f, ctx, firms, mid) < mandate) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            clearing = hi;
        }
        return Math.min(clearing, penalty);
    }

    /**
     * What the certified firms in service would make if they earned {@code extra} over their plan price, on the
     * capacity an outage leaves them and within the share a production quota leaves them: a mothballed plant
     * nothing below the price that pays for its restart.
     */
    private double certifiedSupply(Firms f, PolicyContext ctx, int[] firms, double extra) {
        double q = 0;
        for (int i : firms) {
            if (f.inService(i)) {
                double price = f.netPrice(i) - f.premium(i) + extra;
                if (!f.mothballed(i) || price >= restartPrice(f, i)) {
                    // Along the capacity an outage leaves it, within its quota share, as the firm plans.
                    q += f.outputAtPriceWithin(i, price, ctx.outputCapOf(i));
                }
            }
        }
        return q;
    }

    private double restartPrice(Firms f, int i) {
        return f.costBase(i) * (1 + restartMargin);
    }
}
