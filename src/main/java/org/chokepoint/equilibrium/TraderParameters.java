package org.chokepoint.equilibrium;

import java.util.List;
import org.chokepoint.scenario.Scenario;

/**
 * What the traders of each entry of a scenario's {@code traders} can carry and the margin they need: the
 * lane's capacity per tick (the sum of its traders' {@code capacityPerTick}) and their required margin, a
 * share of the destination price (for drawn traders, their capacity-weighted mean).
 *
 * @param capacity per trader entry, the most its traders together buy for shipment in a tick
 * @param minMargin per trader entry, the margin its traders need as a share of the destination price
 */
public record TraderParameters(double[] capacity, double[] minMargin) {

    /** Each entry's {@code count} traders at the expected capacity and margin. */
    public static TraderParameters expected(Scenario scenario) {
        List<Scenario.TraderSpec> specs = scenario.traders();
        int n = specs.size();
        double[] cap = new double[n];
        double[] margin = new double[n];
        for (int i = 0; i < n; i++) {
            Scenario.TraderSpec t = specs.get(i);
            cap[i] = t.countOrDefault() * t.capacityPerTick().mean();
            margin[i] = t.minMargin().mean();
        }
        return new TraderParameters(cap, margin);
    }

    /**
     * Traders as drawn, in the model's order (every trader of the first entry, then of the second...).
     *
     * @param spec for each trader, the index of its entry in the scenario's {@code traders}
     */
    public static TraderParameters drawn(int entries, int[] spec, double[] capacity, double[] minMargin) {
        double[] cap = new double[entries];
        double[] weighted = new double[entries];
        for (int i = 0; i < spec.length; i++) {
            cap[spec[i]] += capacity[i];
            weighted[spec[i]] += capacity[i] * minMargin[i];
        }
        double[] margin = new double[entries];
        for (int e = 0; e < entries; e++) {
            margin[e] = cap[e] > 0 ? weighted[e] / cap[e] : 0;
        }
        return new TraderParameters(cap, margin);
    }
}
