package org.chokepoint.model;

import java.util.List;
import org.chokepoint.agent.Firms;
import org.chokepoint.agent.Traders;
import org.chokepoint.equilibrium.FirmParameters;
import org.chokepoint.equilibrium.TraderParameters;
import org.chokepoint.scenario.Scenario;

/**
 * The firms and traders a model drew, in the terms the equilibrium takes them: every firm one row with the
 * capacity, cost curve and status it starts with, and every trader entry its traders' summed capacity and
 * capacity-weighted margin. The equilibrium of these, rather than of each population's expected parameters,
 * is the one that run's agents start from.
 *
 * <p>It reads the agents, so it belongs to the model, not to the equilibrium, which reads only the scenario.
 */
public record DrawnPopulations(FirmParameters firms, TraderParameters traders) {

    /** What a model of {@code scenario} draws with {@code seed}, before its first tick. */
    public static DrawnPopulations draw(Scenario scenario, int seed) {
        return heldAfter(new SupplyShockModel(scenario, seed, 1), 0);
    }

    /**
     * What a model of {@code scenario} run with {@code seed} holds after its first {@code ticks} ticks: the capacity
     * in place (not what is on order), the plants operating (not those still restarting), the input content its
     * manufacturers have thrifted to. It runs the scenario as written, with its own horizon (firms plan capacity
     * toward it, so a run cut short by {@code --ticks} would hold other firms), and stops there.
     *
     * @throws IllegalArgumentException unless {@code 0 <= ticks <= } the scenario's horizon
     */
    public static DrawnPopulations after(Scenario scenario, int seed, int ticks) {
        int horizon = scenario.time().horizonTicks();
        if (ticks < 0 || ticks > horizon) {
            throw new IllegalArgumentException("ticks must be from 0 to the horizon, " + horizon + ", got " + ticks);
        }
        return heldAfter(new SupplyShockModel(scenario, seed, -1), ticks);
    }

    /** Starts {@code model}, runs its first {@code ticks} ticks and takes what it holds then. */
    private static DrawnPopulations heldAfter(SupplyShockModel model, int ticks) {
        model.start();
        try {
            for (int t = 0; t < ticks; t++) {
                model.stepTick();
            }
            return of(model);
        } finally {
            model.finish();
        }
    }

    /**
     * What a started model holds now. The arrays are copies: the model may run on, invest and mothball
     * without changing them.
     */
    public static DrawnPopulations of(SupplyShockModel model) {
        return of(model.scenario(), model.firms(), model.traders());
    }

    /** What these firms and traders of {@code s} hold now, as copies. */
    static DrawnPopulations of(Scenario s, Firms f, Traders t) {
        int[] firmEntry = entries(s.firms().stream().map(Scenario.FirmSpec::countOrDefault).toList(), f.count,
                "firms");
        boolean[] active = new boolean[f.count];
        for (int i = 0; i < f.count; i++) {
            // A plant its measure has not yet built produces from that measure's date; one built and since
            // mothballed does not.
            active[i] = f.producing(i) || f.planned(i);
        }
        int[] traderEntry = entries(s.traders().stream().map(Scenario.TraderSpec::countOrDefault).toList(), t.count,
                "traders");
        double[] capacity = new double[f.count];
        double[] base = new double[f.count];
        double[] slope = new double[f.count];
        double[] exponent = new double[f.count];
        for (int i = 0; i < f.count; i++) {
            capacity[i] = f.capacity(i);
            base[i] = f.costBase(i);
            slope[i] = f.costSlope(i);
            exponent[i] = f.costExponent(i);
        }
        // What a unit of each manufacturer's output takes of each input now: less than its recipe once it has
        // thrifted, which it never undoes (Manufacturers#thrift).
        double[][] intensity = new double[f.count][];
        for (int i = 0; i < f.count; i++) {
            int from = f.firstSlot(i);
            int to = f.firstSlot(i + 1);
            if (to > from) {
                intensity[i] = new double[to - from];
                for (int s2 = from; s2 < to; s2++) {
                    intensity[i][s2 - from] = f.intensity(s2);
                }
            }
        }
        double[] traderCapacity = new double[t.count];
        double[] margin = new double[t.count];
        for (int i = 0; i < t.count; i++) {
            traderCapacity[i] = t.capacity(i);
            margin[i] = t.minMargin(i);
        }
        return new DrawnPopulations(FirmParameters.drawn(firmEntry, capacity, base, slope, exponent, active, intensity),
                TraderParameters.drawn(s.traders().size(), traderEntry, traderCapacity, margin));
    }

    /**
     * For each agent, the index of the scenario entry it was drawn from: the model builds every agent of the
     * first entry, then of the second, and so on.
     */
    private static int[] entries(List<Integer> counts, int agents, String what) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        if (total != agents) {
            throw new IllegalStateException("the model holds " + agents + " " + what
                    + " but the scenario's entries count " + total);
        }
        int[] entry = new int[agents];
        for (int i = 0, k = 0; k < counts.size(); k++) {
            for (int j = 0; j < counts.get(k); j++, i++) {
                entry[i] = k;
            }
        }
        return entry;
    }

    /** Whether the two hold the same firms and traders, number for number. */
    public boolean sameAs(DrawnPopulations o) {
        FirmParameters a = firms;
        FirmParameters b = o.firms;
        return java.util.Arrays.equals(a.spec(), b.spec()) && java.util.Arrays.equals(a.first(), b.first())
                && java.util.Arrays.equals(a.weight(), b.weight())
                && java.util.Arrays.equals(a.capacity(), b.capacity())
                && java.util.Arrays.equals(a.costBase(), b.costBase())
                && java.util.Arrays.equals(a.costSlope(), b.costSlope())
                && java.util.Arrays.equals(a.costExponent(), b.costExponent())
                && java.util.Arrays.equals(a.active(), b.active())
                && java.util.Arrays.deepEquals(a.intensity(), b.intensity())
                && java.util.Arrays.equals(traders.capacity(), o.traders.capacity())
                && java.util.Arrays.equals(traders.minMargin(), o.traders.minMargin());
    }
}
