package org.chokepoint.experiment;

/**
 * A number of things as a progress or summary line says it: "1 run", "0 runs", "20 runs". Every noun counted there
 * (run, simulation, point, row, option, tick, replication, violation) makes its plural with an s.
 */
public final class Count {

    private Count() {
    }

    /** {@code n} and the noun, singular for one: {@code of(1, "run")} is "1 run", {@code of(2, "run")} "2 runs". */
    public static String of(long n, String noun) {
        return n + " " + noun(n, noun);
    }

    /** The noun for {@code n} of it: {@code noun} itself for one, its plural otherwise (zero included). */
    public static String noun(long n, String noun) {
        return n == 1 ? noun : noun + "s";
    }
}
