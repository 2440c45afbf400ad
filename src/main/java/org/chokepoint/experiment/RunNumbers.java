package org.chokepoint.experiment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's flattened summary numbers as an array beside their names, the names shared by every run that has the
 * same ones. A sweep holds every run's numbers until it writes them: as a map per run, with its own boxed numbers
 * and its own copies of the names, a run of a world of 450 numbers took some 50 KB, and a sweep that fit in
 * --runs ran out of memory after hours; as an array it takes 8 bytes a number.
 */
final class RunNumbers {

    private final List<String> names;
    private final double[] values;

    private RunNumbers(List<String> names, double[] values) {
        this.names = names;
        this.values = values;
    }

    /** The names every run shares, so that runs with the same names hold one list of them. */
    static final class Names {
        private final Map<List<String>, List<String>> shared = new ConcurrentHashMap<>();

        /** {@code summary} in its own order, a missing (null) number kept as NaN, which is written NA as null is. */
        RunNumbers of(LinkedHashMap<String, Double> summary) {
            List<String> own = List.copyOf(summary.keySet());
            double[] values = new double[own.size()];
            int i = 0;
            for (Double v : summary.values()) {
                values[i++] = v == null ? Double.NaN : v;
            }
            return new RunNumbers(shared.computeIfAbsent(own, k -> k), values);
        }
    }

    List<String> names() {
        return names;
    }

    /**
     * Where each of {@code columns} stands among {@code names}, -1 where it is not one of them: computed once for
     * each list of names, not for each run.
     */
    static int[] positions(List<String> columns, List<String> names) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            at.put(names.get(i), i);
        }
        int[] p = new int[columns.size()];
        Arrays.fill(p, -1);
        for (int j = 0; j < columns.size(); j++) {
            p[j] = at.getOrDefault(columns.get(j), -1);
        }
        return p;
    }

    /** The number at {@code position} of {@link #positions}, NaN where the run does not have it. */
    double at(int position) {
        return position < 0 ? Double.NaN : values[position];
    }
}
