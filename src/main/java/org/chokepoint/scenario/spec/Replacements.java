package org.chokepoint.scenario.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each policy ends once the policies that replace it are counted: a policy named in another's
 * {@code replaces} ends at the replacing one's start, if that comes before its own end.
 */
public final class Replacements {
    private Replacements() { }

    /** The tick each of {@code policies} ends, in their order: its own end (or the horizon), cut by replacements. */
    public static int[] ends(List<? extends PolicySpec> policies, int horizon) {
        int[] ends = new int[policies.size()];
        for (int i = 0; i < ends.length; i++) {
            PolicySpec p = policies.get(i);
            ends[i] = p.end() == null ? horizon : p.end();
        }
        for (Cut c : cuts(policies)) {
            ends[c.policy()] = Math.min(ends[c.policy()], c.start());
        }
        return ends;
    }

    /**
     * A policy cut short by another that replaces it: the one replaced ({@code policy}, its index), from when
     * ({@code start}, the replacing one's start) and from when that is known ({@code announce}, the replacing one's
     * announcement, at most its start).
     */
    public record Cut(int policy, int start, int announce) { }

    /** Every replacement of {@code policies} that names one of them, in file order. */
    public static List<Cut> cuts(List<? extends PolicySpec> policies) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < policies.size(); i++) {
            index.putIfAbsent(policies.get(i).id(), i);
        }
        List<Cut> cuts = new java.util.ArrayList<>();
        for (PolicySpec p : policies) {
            Integer replaced = p.replaces() == null ? null : index.get(p.replaces());
            if (replaced != null) {
                int start = p.start() == null ? 0 : p.start();
                cuts.add(new Cut(replaced, start, p.announce() == null ? start : Math.min(p.announce(), start)));
            }
        }
        return cuts;
    }

    /**
     * The checks a replacement needs: it names another policy of the scenario, one of the same government's measures
     * on its exports or its output (an importer's instrument, or another government's measure, is not the replacing
     * measure's to end), that starts before it does (a measure cannot end one that has not begun).
     */
    public static void check(List<? extends PolicySpec> policies, java.util.function.BiConsumer<String, String> problem) {
        for (int i = 0; i < policies.size(); i++) {
            PolicySpec p = policies.get(i);
            String target = p.replaces();
            if (target == null) {
                continue;
            }
            String at = "/policies/" + i + "/replaces";
            if (java.util.Objects.equals(target, p.id())) {
                problem.accept(at, "a policy cannot replace itself ('" + target + "')");
                continue;
            }
            PolicySpec replaced = null;
            StringBuilder ids = new StringBuilder();
            for (PolicySpec q : policies) {
                ids.append(ids.length() == 0 ? "" : ", ").append(q.id());
                if (target.equals(q.id()) && replaced == null) {
                    replaced = q;
                }
            }
            if (replaced == null) {
                problem.accept(at, "no policy has id '" + target + "'; the policies are: " + ids);
                continue;
            }
            if (replaced instanceof ImporterInstrumentSpec) {
                problem.accept(at, "policy '" + target + "' is an importer's instrument: a measure can replace only an"
                        + " export measure, a production quota or state capacity of its own region");
                continue;
            }
            if (!java.util.Objects.equals(replaced.region(), p.region())) {
                problem.accept(at, "policy '" + target + "' is region " + replaced.region() + "'s, not " + p.region()
                        + "'s: a measure can replace only one of its own region's");
                continue;
            }
            int start = p.start() == null ? 0 : p.start();
            int replacedStart = replaced.start() == null ? 0 : replaced.start();
            if (replacedStart >= start) {
                problem.accept(at, "policy '" + target + "' starts at tick " + replacedStart + ", not before this one"
                        + " (" + start + "): a measure can replace only one already in force when it takes effect");
            }
        }
    }
}
