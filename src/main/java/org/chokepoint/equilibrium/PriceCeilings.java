package org.chokepoint.equilibrium;

import java.util.Arrays;

/**
 * The most a step may take each market's price to, and its households' choke. A market's ceiling is a thousand
 * times its reference price, raised, once the solver starts again from other prices, to the most any buyer could
 * pay; where households buy, it is the most any buyer the market reaches could pay. Those bounds start from the
 * households' choke prices, the agencies' offtake prices and the strikes of supported firms, and are carried up the
 * chain of recipes and back along the lanes, pass by pass, until a pass raises none.
 */
final class PriceCeilings {
    private PriceCeilings() {
    }

    /**
     * A thousand times the reference, raised, where {@code lifted}, to the most any buyer could pay for the market's
     * commodity ({@link #mostAnyBuyerPays}) or any buyer the market reaches ({@link #mostAnyReachableBuyerPays}),
     * whichever is higher; where households buy, the most any buyer the market reaches could pay, which is at least
     * their highest choke price. Held at that choke, an exporter whose buyers abroad pay more than its own
     * households ever would could not be priced where its trade pays, and was reported short at its ceiling. The
     * buyers a market reaches count where it has no households too: an export subsidy lets a lane's trade pay at an
     * origin price above anything its buyers pay (twice theirs, less the freight, at a rate of 0.5), which the most
     * any buyer pays for the commodity alone left out of reach, and an exporter without households of its own was
     * reported short at that ceiling from the firms' costs.
     */
    static void set(Network net, boolean lifted) {
        double[] reachable = mostAnyReachableBuyerPays(net);
        double[] anyBuyer = lifted ? mostAnyBuyerPays(net) : null;
        for (int m = 0; m < net.markets; m++) {
            net.ceiling[m] = 1e3 * net.reference[m];
            if (lifted) {
                double floor = anyBuyer[net.world.commodityOfMarket(m)];
                if (reachable[m] > floor || Double.isNaN(floor)) {
                    floor = reachable[m];
                }
                if (floor > net.ceiling[m] && Double.isFinite(floor)) {
                    net.ceiling[m] = floor;
                }
            }
            net.choke[m] = Double.POSITIVE_INFINITY;
        }
        for (int h = 0; h < net.demands; h++) {
            int m = net.dMarket[h];
            net.choke[m] = Double.isInfinite(net.choke[m]) ? net.dChoke[h] : Math.max(net.choke[m], net.dChoke[h]);
        }
        for (int h = 0; h < net.demands; h++) {
            int m = net.dMarket[h];
            net.ceiling[m] = reachable[m] > net.choke[m] ? reachable[m] : net.choke[m];
        }
    }

    /**
     * The most any buyer could pay for each commodity, in dollars, wherever it is shipped: a household's highest
     * choke price, an agency's offtake price, and for a manufacturer's input what a unit of its output could
     * bring it at most ({@link #mostAUnitFetches}) over the input it takes per unit, since its conversion costs
     * nothing less than nothing. NaN where nobody could buy it.
     */
    private static double[] mostAnyBuyerPays(Network net) {
        int commodities = net.world.commodityCount();
        double[] most = new double[commodities];
        Arrays.fill(most, Double.NaN);
        for (int h = 0; h < net.demands; h++) {
            raise(most, net.world.commodityOfMarket(net.dMarket[h]), net.dChoke[h]);
        }
        for (Network.Arc a : net.arcs) {
            if (a.kind == Network.ArcKind.OFFTAKE) {
                raise(most, a.commodity, a.offtakePrice);
            }
        }
        // Each pass carries the bounds one stage up the chain; a chain has at most as many stages as commodities.
        for (int pass = 0; pass < commodities; pass++) {
            boolean changed = false;
            for (int f = 0; f < net.firms; f++) {
                double output = mostAUnitFetches(net, f, most[net.world.commodityOfMarket(net.fMarket[f])]);
                for (int s = net.fInputFrom[f]; s < net.fInputFrom[f + 1]; s++) {
                    if (net.inputPerUnit[s] > 0 && !Double.isNaN(output)) {
                        changed |= raise(most, net.world.commodityOfMarket(net.inputMarket[s]),
                                output / net.inputPerUnit[s]);
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return most;
    }

    /**
     * The most any buyer that market m's goods can reach could pay, in dollars, as a price in m: its own households'
     * highest choke price and an agency's offtake price there; what a manufacturer there could pay for it as an
     * input (the most a unit of its output could bring it, {@link #mostAUnitFetches}, over the input it takes per
     * unit); and,
     * along each arc out of it, the highest origin price at which the arc's trade pays where its destination
     * stands at that destination's own such bound (the wedge's margin, cost, taxes and subsidies taken, levies,
     * which only narrow it, left out). NaN where no buyer is within reach. Markets are raised pass by pass until a
     * pass raises none; a chain of markets is at most as long as there are markets.
     */
    private static double[] mostAnyReachableBuyerPays(Network net) {
        double[] most = new double[net.markets];
        Arrays.fill(most, Double.NaN);
        for (int h = 0; h < net.demands; h++) {
            raise(most, net.dMarket[h], net.dChoke[h]);
        }
        for (Network.Arc a : net.arcs) {
            if (a.kind == Network.ArcKind.OFFTAKE) {
                raise(most, a.from, a.offtakePrice);
            }
        }
        for (int pass = 0; pass <= net.markets; pass++) {
            boolean changed = false;
            for (Network.Arc a : net.arcs) {
                if (a.kind != Network.ArcKind.OFFTAKE && !Double.isNaN(most[a.to])) {
                    changed |= raise(most, a.from, highestPayingOriginPrice(net, a, most[a.to]));
                }
            }
            for (int f = 0; f < net.firms; f++) {
                double output = mostAUnitFetches(net, f, most[net.fMarket[f]]);
                for (int s = net.fInputFrom[f]; s < net.fInputFrom[f + 1]; s++) {
                    if (net.inputPerUnit[s] > 0 && !Double.isNaN(output)) {
                        changed |= raise(most, net.inputMarket[s], output / net.inputPerUnit[s]);
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return most;
    }

    /**
     * The most a unit of firm f's output could bring it, in dollars, where its buyers pay at most {@code most} (NaN
     * for none): that, or its support's strike where that is higher; and under a contract settled against another
     * market, that plus the strike, since the contract pays up to the strike (the strike less a reference price of no
     * less than nothing) on top of whatever the unit sells for. Bounded by the higher of the two alone, a metal
     * bought by device makers paid a contract's gap of 2,950 over another market's price was held at the strike of
     * 3,000, where its equilibrium was 4,340, and reported short at that ceiling.
     */
    private static double mostAUnitFetches(Network net, int f, double most) {
        double strike = net.fStrike[f];
        if (Double.isNaN(strike)) {
            return most;
        }
        if (Double.isNaN(most)) {
            return strike;
        }
        return net.fReference[f] >= 0 && net.fReference[f] != net.fMarket[f] ? most + strike : Math.max(most, strike);
    }

    /**
     * The highest origin price, in dollars, at which arc a's trade pays with its destination at {@code destination}
     * dollars: {@code α p_d >= paid}, with {@code paid = p_o (1 + tax + compliance - subsidy rate) + cost - subsidy
     * per unit} (a detour's {@code p_o + cost + extra}), levies left out. NaN where no origin price bounds it (a
     * subsidy rate that pays at least what the taxes take and the price itself) or where no positive one pays.
     */
    private static double highestPayingOriginPrice(Network net, Network.Arc a, double destination) {
        double v = net.value[a.from];
        double alpha = 1 / (1 + a.tariff) - a.margin;
        double fetched = alpha * destination / v;
        double po;
        if (a.kind == Network.ArcKind.DETOUR) {
            po = fetched - a.cost - a.extra;
        } else {
            double rate = 1 + a.exportTax + a.compliance - a.subsidyRate;
            po = rate > 0 ? (fetched - a.cost + a.subsidyPerUnit) / rate : Double.NaN;
        }
        return po > 0 && Double.isFinite(po) ? po * v : Double.NaN;
    }

    private static boolean raise(double[] most, int c, double value) {
        if (value > 0 && !(most[c] >= value)) {
            most[c] = value;
            return true;
        }
        return false;
    }
}
