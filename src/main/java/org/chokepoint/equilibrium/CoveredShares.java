package org.chokepoint.equilibrium;

import org.chokepoint.scenario.spec.PurchaseGuaranteeSpec;

/**
 * What a volume-capped contract for difference or purchase guarantee pays its firms on: the share of their sales its
 * cap covers, and what it pays a unit. A firm settled against a market other than its own, or under a capped
 * guarantee, plans on its own price plus that share of the payment, held for a round; the share is solved at the
 * round's prices so that what the firms make counting on it fills the cap. Which firms answer the share and which
 * others the cap is spread over are fixed with the network and read once here.
 */
final class CoveredShares {
    private final Network net;
    /** {@link #sharers(Network)}, fixed with the network. */
    private final int[][] sharers;
    /** {@link #sharersAside(Network, int[][])}, fixed with the network. */
    private final int[][] sharersAside;

    CoveredShares(Network net) {
        this.net = net;
        sharers = sharers(net);
        sharersAside = sharersAside(net, sharers);
    }

    /**
     * What a contract for difference settled against another market pays firm f a unit it sells under the cap, in
     * dollars of the firm's output, at prices {@code price} (the model's {@code ContractForDifference.beginTick}): the
     * strike less the reference's price, or less the clawback above the strike. A capped purchase guarantee pays
     * the same way against the firm's own price ({@link Network#fReference}), as the model's
     * {@code PurchaseGuarantee.beginTick} has it.
     */
    double paymentPerUnit(int f, double[] price) {
        Network.Instrument ins = net.instruments.get(net.fSupport[f]);
        double ref = price[net.fReference[f]];
        double perUnit = ref < ins.strike ? ins.strike - ref : -ins.upside * (ref - ins.strike);
        return perUnit / net.value[ins.reference] * net.value[net.fMarket[f]];
    }

    /**
     * The share of its firms' sales each instrument's volume cap covers at the solver's current prices, where the firms
     * that plan on that share make what it pays them for: {@code c} with {@code c Q(c) = cap} where the firms would
     * make more than the cap at a share of one, {@code Q(c)} what they make when each counts on {@code c} of its
     * payment a unit ({@code 1} where they would not, {@code 0} for a cap of 0, which covers nothing even where nothing
     * is sold, as the model's {@code PurchaseGuarantee.coveredShare}). Taken from the firms' outputs of the round
     * before, the share swung between rounds where {@code cap × payment / Q²} outran the firms' supply slope (a cap of
     * 0.01 a week on mines that make several units at the floor). A contract pays on the sales of the firms that plan
     * on it; a guarantee's agency shares its cap over every firm it covers, as the model's does, a firm planning on a
     * contract with a higher strike included. Unused entries are 0. The firms not planning on the share are taken at
     * the outputs the solver last evaluated.
     */
    double[] at(PriceSolver solver) {
        double[] price = solver.price;
        double[] firmOutput = solver.firmOutput;
        int n = net.instruments.size();
        double[] share = new double[n];
        for (int i = 0; i < n; i++) {
            int[] answering = sharers[i];
            if (answering.length == 0) {
                continue;
            }
            double cap = net.instruments.get(i).volumeCap;
            if (!(cap > 0)) {
                share[i] = 0;
                continue;
            }
            double fixed = 0;
            for (int g : sharersAside[i]) {
                fixed += net.fWeight[g] * firmOutput[g];
            }
            // What each answering firm counts on but the share's part, what a unit of the share adds, and its
            // capacity: none of them moves with the share, so they are read once for the bisection.
            double[] without = new double[answering.length];
            double[] perShare = new double[answering.length];
            double[] capacity = new double[answering.length];
            for (int j = 0; j < answering.length; j++) {
                int g = answering[j];
                without[j] = solver.plannedPrice(g, price) - net.fShift[g];
                perShare[j] = paymentPerUnit(g, price);
                capacity[j] = solver.capacity(g, price);
            }
            if (!Double.isFinite(cap) || salesAtShare(answering, without, perShare, capacity, 1.0, fixed) <= cap) {
                share[i] = 1.0;
            } else {
                // c Q(c) rises with c from 0 to above the cap: bisect to the last bit.
                double lo = 0;
                double hi = 1;
                for (int k = 0; k < 200 && hi - lo > Math.ulp(hi); k++) {
                    double mid = 0.5 * (lo + hi);
                    if (mid * salesAtShare(answering, without, perShare, capacity, mid, fixed) < cap) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                share[i] = 0.5 * (lo + hi);
            }
        }
        return share;
    }

    /**
     * The firms that plan on each instrument's covered share, in increasing order: those settled against a market
     * ({@link Network#fReference}) under it.
     */
    private static int[][] sharers(Network net) {
        int[][] out = new int[net.instruments.size()][];
        for (int i = 0; i < out.length; i++) {
            final int instrument = i;
            out[i] = java.util.stream.IntStream.range(0, net.firms)
                    .filter(g -> net.fReference[g] >= 0 && net.fSupport[g] == instrument).toArray();
        }
        return out;
    }

    /**
     * The other firms on whose sales each instrument with {@link #sharers} pays or buys, in increasing order: a
     * contract's firms settled against their own market, a guarantee's firms planning on a contract with a higher
     * strike. Empty for an instrument no firm plans on the covered share of.
     */
    private static int[][] sharersAside(Network net, int[][] sharers) {
        int[][] out = new int[sharers.length][];
        for (int i = 0; i < out.length; i++) {
            final int instrument = i;
            boolean guarantee = net.instruments.get(i).spec instanceof PurchaseGuaranteeSpec;
            out[i] = sharers[i].length == 0 ? new int[0] : java.util.stream.IntStream.range(0, net.firms)
                    .filter(g -> !(net.fReference[g] >= 0 && net.fSupport[g] == instrument)
                            && (guarantee ? net.guaranteeCovers(instrument, g) : net.fSupport[g] == instrument))
                    .toArray();
        }
        return out;
    }

    /** What an instrument's firms sell when those that plan on its covered share count on {@code c} of it. */
    private double salesAtShare(int[] answering, double[] without, double[] perShare, double[] capacity, double c,
                                double fixed) {
        double q = fixed;
        for (int j = 0; j < answering.length; j++) {
            int g = answering[j];
            double v = without[j] + c * perShare[j];
            q += net.fWeight[g] * Math.min(Curves.supply(v, capacity[j], net.fBase[g], net.fSlope[g],
                    net.fExponent[g], net.fRamp[g]), net.fOutputCap[g]);
        }
        return q;
    }
}
