package org.chokepoint.antitrust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every consortium action against the casebook's conditions each tick and keeps the record that
 * {@code compliance.json} reports: when each mode was active and on what basis, what was exchanged, the
 * allocation key and its results, the members' combined share, and each violation with its rule and tick.
 * A breach that persists is reported once per spell, with the number of ticks it lasted.
 */
public final class ComplianceAuditor implements java.io.Serializable {

    /** The conditions audited, with what each requires. */
    public enum Rule {
        TRIGGER("an after-shock consortium acts only while a cut-off is observed or a government notice is in force"),
        DURATION("it winds down when the trigger lapses, after the stated grace period"),
        INFORMATION_SCOPE("members exchange only required volumes, specifications and candidate suppliers"),
        NO_DOWNSTREAM_COORDINATION("no selling prices, output, customers or costs of members' own products pass"),
        FIREWALL("members see aggregates only, through the consortium"),
        EQUAL_TREATMENT("the allocation key applies the same way to non-members that ask"),
        KEY_FIXED_IN_ADVANCE("the allocation key is fixed before the shock and does not change"),
        PEACETIME_SHARE("a peacetime arrangement keeps members' combined share of the procurement market within its limit");

        private final String requirement;

        Rule(String requirement) {
            this.requirement = requirement;
        }

        public String requirement() {
            return requirement;
        }
    }

    public record Violation(String rule, int tick, int ticks, String detail) implements java.io.Serializable { }

    public record Period(String mode, String basis, int from, int to) implements java.io.Serializable { }

    private final List<Violation> violations = new ArrayList<>();
    private final Map<Rule, int[]> open = new LinkedHashMap<>();
    private final List<Period> periods = new ArrayList<>();
    private String periodMode;
    private String periodBasis;
    private int periodFrom;

    /** Records that a rule held or was broken this tick. */
    public void check(Rule rule, boolean holds, int tick, String detail) {
        int[] spell = open.get(rule);
        if (holds) {
            if (spell != null) {
                close(rule, spell);
            }
            return;
        }
        if (spell == null) {
            open.put(rule, new int[] {tick, tick, violations.size()});
            violations.add(new Violation(rule.name(), tick, 1, detail));
        } else {
            spell[1] = tick;
        }
    }

    private void close(Rule rule, int[] spell) {
        Violation v = violations.get(spell[2]);
        violations.set(spell[2], new Violation(v.rule(), v.tick(), spell[1] - spell[0] + 1, v.detail()));
        open.remove(rule);
    }

    /** Records the mode the consortium acted in this tick, and why; null when it did not act. */
    public void active(String mode, String basis, int tick) {
        String key = mode == null ? null : mode + "/" + basis;
        String current = periodMode == null ? null : periodMode + "/" + periodBasis;
        if (java.util.Objects.equals(key, current)) {
            return;
        }
        if (periodMode != null) {
            periods.add(new Period(periodMode, periodBasis, periodFrom, tick - 1));
        }
        periodMode = mode;
        periodBasis = basis;
        periodFrom = tick;
    }

    /** Closes open spells and periods at the end of the run. */
    public void finish(int lastTick) {
        for (Rule r : new ArrayList<>(open.keySet())) {
            close(r, open.get(r));
        }
        if (periodMode != null) {
            periods.add(new Period(periodMode, periodBasis, periodFrom, lastTick));
            periodMode = null;
        }
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public List<Period> periods() {
        return List.copyOf(periods);
    }
}
