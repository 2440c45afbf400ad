package org.chokepoint.equilibrium;

import java.util.Arrays;

/**
 * Prices built up from the firms' costs: the solver's second start, for a scenario whose initial prices lie
 * too far from its equilibrium for the first (a price given per kilogram where the unit is the tonne puts the
 * market a thousand times below its producers' costs, and its ceiling, a thousand times its initial price,
 * below them as well).
 *
 * <p>A market's price is its firms' marginal cost at half their capacity, averaged over their capacities; a
 * manufacturer's adds its inputs at the cheapest built-up price of each input anywhere, since an input can
 * be shipped in. A market that no firm supplies takes its commodity's cheapest built-up price. A commodity
 * whose cost cannot be built up (nothing makes it, or its recipes loop back on it) is left out (NaN), and the
 * solver keeps its initial price.
 */
final class CostBuiltPrices {
    private static final double HALF_CAPACITY = 0.5;

    private CostBuiltPrices() { }

    /** Dollars per unit of every market, NaN where no price could be built. */
    static double[] of(Network net) {
        int commodities = net.world.commodityCount();
        double[] price = new double[net.markets];
        double[] cheapest = new double[commodities];
        Arrays.fill(price, Double.NaN);
        Arrays.fill(cheapest, Double.NaN);
        double[] cost = new double[net.markets];
        double[] weight = new double[net.markets];
        // Each pass prices one more stage of the chain; a chain has at most as many stages as commodities, so
        // the passes end even where recipes loop.
        for (int pass = 0; pass <= commodities; pass++) {
            Arrays.fill(cost, 0);
            Arrays.fill(weight, 0);
            for (int f = 0; f < net.firms; f++) {
                double unit = net.fBase[f] + net.fSlope[f] * Math.pow(HALF_CAPACITY, net.fExponent[f]);
                for (int s = net.fInputFrom[f]; s < net.fInputFrom[f + 1]; s++) {
                    unit += net.inputPerUnit[s] * cheapest[net.world.commodityOfMarket(net.inputMarket[s])];
                }
                double w = net.fWeight[f] * Math.max(net.fCapacity[f], 0);
                if (Double.isNaN(unit) || w <= 0) {
                    continue;
                }
                cost[net.fMarket[f]] += w * unit;
                weight[net.fMarket[f]] += w;
            }
            boolean changed = false;
            for (int m = 0; m < net.markets; m++) {
                double p = weight[m] > 0 ? cost[m] / weight[m] : Double.NaN;
                if (p > 0 && Double.isFinite(p) && p != price[m]) {
                    price[m] = p;
                    changed = true;
                }
            }
            Arrays.fill(cheapest, Double.NaN);
            for (int m = 0; m < net.markets; m++) {
                int c = net.world.commodityOfMarket(m);
                if (!Double.isNaN(price[m]) && !(price[m] >= cheapest[c])) {
                    cheapest[c] = price[m];
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int m = 0; m < net.markets; m++) {
            if (Double.isNaN(price[m])) {
                price[m] = cheapest[net.world.commodityOfMarket(m)];
            }
        }
        return price;
    }
}
