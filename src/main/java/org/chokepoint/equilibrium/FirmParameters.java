package org.chokepoint.equilibrium;

import java.util.List;
import org.chokepoint.scenario.Scenario;

/**
 * The cost and capacity of the firms the equilibrium is solved for, one row per firm or per group of
 * identical firms, in the order of the scenario's {@code firms} list.
 *
 * <p>{@link #expected} stands each population of a scenario for {@code count} identical firms with the
 * expected value of every drawn parameter (uniform: the middle of the range; log-normal:
 * {@code median * exp(σ²/2)}). The supply of such a population is not the expected supply of drawn firms
 * (the curve is not linear in its parameters), so a model that has drawn its firms passes them with
 * {@link #drawn} and starts at the equilibrium of the firms it actually has.
 *
 * @param spec index of the firm's entry in the scenario's {@code firms}
 * @param first the firm's number within its population, from 0 (the first of the group a row stands for)
 * @param weight how many identical firms the row stands for (1 for drawn firms)
 * @param capacity output per tick at full capacity
 * @param costBase marginal cost at zero output, in the commodity's price unit
 * @param costSlope rise of marginal cost up to full capacity
 * @param costExponent curvature {@code k} of {@code c(q) = base + slope (q/cap)^k}
 * @param active whether the firm produces (false: mothballed); a planned plant is true until a run has built it,
 *               since it produces from the date its measure brings it into use
 * @param intensity for a manufacturer, what a unit of its output takes of each input of its recipe, in the
 *        recipe's order; a null row takes the recipe's {@code perUnit}. A firm that has thrifted holds less
 *        than its recipe, and keeps it: the model never undoes thrifting, so it is as much part of the
 *        firm a long-run equilibrium is solved for as the capacity it has built
 */
public record FirmParameters(int[] spec, int[] first, double[] weight, double[] capacity, double[] costBase,
                             double[] costSlope, double[] costExponent, boolean[] active, double[][] intensity) {

    public int count() {
        return spec.length;
    }

    /** One row per firm entry: its {@code count} firms with the expected value of each parameter. */
    public static FirmParameters expected(Scenario scenario) {
        List<Scenario.FirmSpec> specs = scenario.firms();
        int n = specs.size();
        FirmParameters p = new FirmParameters(new int[n], new int[n], new double[n], new double[n], new double[n],
                new double[n], new double[n], new boolean[n], new double[n][]);
        for (int i = 0; i < n; i++) {
            Scenario.FirmSpec s = specs.get(i);
            p.spec[i] = i;
            p.first[i] = 0;
            p.weight[i] = s.countOrDefault();
            p.capacity[i] = s.capacity().mean();
            p.costBase[i] = s.cost().base().mean();
            p.costSlope[i] = s.cost().slope().mean();
            p.costExponent[i] = s.cost().exponent() == null ? 2.0 : s.cost().exponent().mean();
            p.active[i] = "active".equals(s.statusOrDefault()) || "planned".equals(s.statusOrDefault());
        }
        return p;
    }

    /**
     * Firms as drawn, one row each, in the order a model builds them (every firm of the first entry, then
     * of the second...). The arrays are the model's own and are not copied: the solver only reads them.
     *
     * @param spec for each firm, the index of its entry in the scenario's {@code firms}
     */
    public static FirmParameters drawn(int[] spec, double[] capacity, double[] costBase, double[] costSlope,
                                       double[] costExponent, boolean[] active) {
        return drawn(spec, capacity, costBase, costSlope, costExponent, active, new double[spec.length][]);
    }

    /**
     * Firms as drawn, with the input intensities they hold now ({@code intensity[i]} null for a firm at its
     * recipe's, or one that is not a manufacturer).
     */
    public static FirmParameters drawn(int[] spec, double[] capacity, double[] costBase, double[] costSlope,
                                       double[] costExponent, boolean[] active, double[][] intensity) {
        int n = spec.length;
        int[] first = new int[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            first[i] = i > 0 && spec[i - 1] == spec[i] ? first[i - 1] + 1 : 0;
            weight[i] = 1;
        }
        return new FirmParameters(spec, first, weight, capacity, costBase, costSlope, costExponent, active,
                intensity);
    }

    /** What a unit of row {@code r}'s output takes of input {@code j} of its recipe. */
    double perUnit(int r, int j, double[] recipePerUnit) {
        double[] own = intensity[r];
        return own != null ? own[j] : recipePerUnit[j];
    }

    /** The id of the {@code j}-th firm of an entry, as the model names it. */
    static String firmId(Scenario.FirmSpec spec, int j) {
        return spec.countOrDefault() == 1 ? spec.id() : spec.id() + "-" + (j + 1);
    }
}
