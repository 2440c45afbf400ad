package org.chokepoint.antitrust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.scenario.spec.JointProcurementSpec.Mode;

/**
 * Judges a consortium's conduct each tick against the casebook's conditions, from what happened: the
 * imports and notices it observed (the auditor works out the trigger and its grace itself), whether it acted,
 * the messages actually delivered, the allocation key actually applied and what each buyer that asked got
 * against what that key gives, and the members' combined shares. A breach that persists is reported once
 * per spell, with the number of ticks it lasted, every party to it over those ticks and the evidence of its first
 * tick.
 *
 * <p>Nothing is allocated in a tick in which every rule holds; evidence is copied only when a spell opens.
 */
public final class ComplianceAuditor implements java.io.Serializable {

    /** The conditions audited, with what each requires. */
    public enum Rule {
        TRIGGER("an after-shock consortium acts only once a cut-off is observed or a government notice is in force"),
        DURATION("it winds down when the trigger lapses, after the stated grace period"),
        INFORMATION_SCOPE("members pass the consortium only required volumes, specifications and candidate suppliers"),
        NO_DOWNSTREAM_COORDINATION("no member receives figures on members' selling prices, output, customers or costs,"
                + " aggregated or not"),
        FIREWALL("no member receives another member's individual figures; members see aggregates only"),
        EQUAL_TREATMENT("every buyer that asks, member or not, gets what the key gives it"),
        KEY_FIXED_IN_ADVANCE("the key applied is the one fixed before the shock, unchanged"),
        PEACETIME_SHARE("a peacetime arrangement keeps members' combined share of the purchasing and the selling"
                + " market within the limit (by default the EU's 15% safe harbour for purchasing agreements)");

        private final String requirement;

        Rule(String requirement) {
            this.requirement = requirement;
        }

        public String requirement() {
            return requirement;
        }
    }

    /**
     * One breach: its rule, the tick it began, how many ticks it lasted, what happened, who took part, and the
     * messages or figures of its first tick.
     */
    public record Violation(String rule, int tick, int ticks, String detail, List<String> parties,
                            List<Map<String, Object>> evidence) implements java.io.Serializable { }

    public record Period(String mode, String basis, int from, int to) implements java.io.Serializable { }

    /** A key applied over a span of ticks. */
    public record KeySpell(String key, Map<String, Integer> priority, int from, int to)
            implements java.io.Serializable { }

    /** Messages of a breach kept as evidence, at most. */
    static final int EVIDENCE = 6;
    private static final Rule[] RULES = Rule.values();

    private final Mode mode;
    private final int grace;
    private final double peacetimeLimit;
    /** Firms' and commodities' ids by index, for the evidence. */
    private final String[] firmNames;
    private final String[] commodityNames;
    private final List<Violation> violations = new ArrayList<>();
    /** Per rule, the first and last tick of its open spell and its index in the violations (-1: none). */
    private final int[] spellFrom = new int[RULES.length];
    private final int[] spellTo = new int[RULES.length];
    private final int[] spellIndex = new int[RULES.length];
    /**
     * Per rule, the parties of its open spell so far, kept from tick to tick so that a tick of a persisting breach
     * that brings no new party allocates nothing: a copy made each tick to look for one cost a list every tick of a
     * breach that can last the whole run.
     */
    private final List<List<String>> spellParties = new ArrayList<>();
    private final List<Period> periods = new ArrayList<>();
    private final List<AllocationKey> keys = new ArrayList<>();
    private final List<int[]> keySpans = new ArrayList<>();
    /** Spans of ticks in which the auditor found the trigger held (a cut-off observed or a notice in force). */
    private final List<int[]> triggerSpells = new ArrayList<>();
    private String periodBasis;
    private int periodFrom;
    private int firstTrigger = -1;
    private int lastTrigger = -1;
    private AllocationKey fixedKey;
    private int fixedAt = -1;
    private AllocationKey lastKey;
    private final double[] keyGives;
    private final boolean[] working;

    /**
     * @param allocationCapacity the most buyers an allocation can serve in a tick
     * @param firmNames firms' ids by index, for the evidence
     * @param commodityNames commodities' ids by index
     */
    public ComplianceAuditor(Mode mode, int grace, double peacetimeLimit, int allocationCapacity,
                             String[] firmNames, String[] commodityNames) {
        this.mode = mode;
        this.grace = grace;
        this.peacetimeLimit = peacetimeLimit;
        this.firmNames = firmNames;
        this.commodityNames = commodityNames;
        this.keyGives = new double[allocationCapacity];
        this.working = new boolean[allocationCapacity];
        java.util.Arrays.fill(spellIndex, -1);
        for (int r = 0; r < RULES.length; r++) {
            spellParties.add(new ArrayList<>());
        }
    }

    /** The allocation key declared, and when: a key fixed after the first trigger is not fixed in advance. */
    public void fixKey(AllocationKey key, int tick) {
        fixedKey = key;
        fixedAt = tick;
    }

    /**
     * A key adopted during the run in place of the one declared, at {@code tick}, before that tick is audited.
     * Adopted before any trigger has held, it is the key fixed in advance; once one has, the key fixed in advance
     * stays what it was and the one adopted is a change. A key adopted in the warm-up, weeks before the shock, was
     * reported as a key other than the one fixed in advance.
     */
    public void adoptKey(AllocationKey key, int tick) {
        if (firstTrigger < 0) {
            fixKey(key, tick);
        }
    }

    /** Judges one tick's conduct. */
    public void audit(TickConduct c) {
        int tick = c.tick;
        boolean triggered = c.cutOff() || c.noticeInForce;
        if (triggered) {
            if (lastTrigger < 0 || lastTrigger < tick - 1) {
                triggerSpells.add(new int[] {tick, tick});
            }
            triggerSpells.get(triggerSpells.size() - 1)[1] = tick;
            lastTrigger = tick;
            if (firstTrigger < 0) {
                firstTrigger = tick;
            }
        }
        period(c);
        boolean afterShock = mode == Mode.AFTER_SHOCK;
        judge(Rule.TRIGGER, !(afterShock && c.acted && firstTrigger < 0), c);
        judge(Rule.DURATION, !(afterShock && c.acted && firstTrigger >= 0 && !triggered && tick - lastTrigger > grace),
                c);
        judge(Rule.INFORMATION_SCOPE, firstMessage(c.messages, Rule.INFORMATION_SCOPE) < 0, c);
        judge(Rule.NO_DOWNSTREAM_COORDINATION, firstMessage(c.messages, Rule.NO_DOWNSTREAM_COORDINATION) < 0, c);
        judge(Rule.FIREWALL, firstMessage(c.messages, Rule.FIREWALL) < 0, c);
        AllocationRecord a = c.allocation;
        judge(Rule.EQUAL_TREATMENT, a.key == null || firstUnequal(a) < 0, c);
        judge(Rule.KEY_FIXED_IN_ADVANCE, a.key == null || keyHeld(a.key), c);
        judge(Rule.PEACETIME_SHARE, mode != Mode.PEACETIME || !c.acted
                || (purchasingShare(c) <= peacetimeLimit && sellingShare(c) <= peacetimeLimit), c);
        if (a.key != null) {
            if (a.key != lastKey && !a.key.equals(lastKey)) {
                keys.add(a.key);
                keySpans.add(new int[] {tick, tick});
                lastKey = a.key;
            }
            keySpans.get(keySpans.size() - 1)[1] = tick;
        }
    }

    private boolean keyHeld(AllocationKey applied) {
        return fixedKey != null && (firstTrigger < 0 || fixedAt < firstTrigger) && (applied == fixedKey || applied.equals(fixedKey));
    }

    /** The first message of the tick that breaks a rule of the exchange, or -1. */
    static int firstMessage(MessageLog log, Rule rule) {
        for (int i = 0; i < log.count(); i++) {
            if (breaks(log, i, rule)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean breaks(MessageLog log, int i, Rule rule) {
        return switch (rule) {
            case INFORMATION_SCOPE -> !log.toMember(i) && !log.field(i).allowed();
            case NO_DOWNSTREAM_COORDINATION -> log.toMember(i) && !log.field(i).allowed();
            case FIREWALL -> log.toMember(i) && (log.subject(i) == MessageLog.AGGREGATE ? otherOfTwo(log, i) >= 0
                    : log.subject(i) != log.receiver(i));
            default -> false;
        };
    }

    /**
     * Where an aggregate delivered to a member is a figure made of two members' own, the other member, whose figure
     * the receiver works out from it (the total less its own, or twice the average less its own); otherwise -1. The
     * European Commission's Horizontal Guidelines (2023) do not count as genuinely aggregated a figure from which a
     * company's own can be recognised; a figure of one member is the receiver's own, and one of three or more does not
     * give any single member's.
     */
    static int otherOfTwo(MessageLog log, int i) {
        if (!Double.isFinite(log.value(i))) {
            return -1;
        }
        int contributors = 0;
        int other = -1;
        for (int k = 0; k < log.count(); k++) {
            if (!log.toMember(k) && log.field(k) == log.field(i)) {
                contributors++;
                other = log.sender(k) != log.receiver(i) ? log.sender(k) : other;
            }
        }
        return contributors == 2 ? other : -1;
    }

    /** The first buyer whose grant differs from what the applied key gives it, or -1. */
    private int firstUnequal(AllocationRecord a) {
        Allocation.allocate(a.available, a.requested, a.weight, a.priority, a.count, keyGives, working);
        for (int i = 0; i < a.count; i++) {
            if (unequal(a, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether buyer i got other than the key gives it, as last worked out by {@link #firstUnequal}. */
    private boolean unequal(AllocationRecord a, int i) {
        return Math.abs(a.got[i] - keyGives[i]) > 1e-9 * Math.max(1.0, keyGives[i]);
    }

    static double purchasingShare(TickConduct c) {
        return c.allUse > 0 ? c.membersUse / c.allUse : 0;
    }

    static double sellingShare(TickConduct c) {
        return c.allOutput > 0 ? c.membersOutput / c.allOutput : 0;
    }

    private void judge(Rule rule, boolean holds, TickConduct c) {
        int r = rule.ordinal();
        if (holds) {
            close(r);
            return;
        }
        List<String> parties = spellParties.get(r);
        if (spellIndex[r] < 0) {
            spellFrom[r] = c.tick;
            spellIndex[r] = violations.size();
            parties.clear();
            violations.add(describe(rule, c, parties));
        } else if (parties(rule, c, parties)) {
            // Firms that join a breach after its first tick took part in it as much as those that opened it:
            // members of a consortium that kept sharing prices joined twenty ticks on and priced with the others.
            Violation v = violations.get(spellIndex[r]);
            violations.set(spellIndex[r], new Violation(v.rule(), v.tick(), v.ticks(), v.detail(),
                    List.copyOf(parties), v.evidence()));
        }
        spellTo[r] = c.tick;
    }

    /** Adds the tick's parties to a breach of the rule to {@code parties}; whether any was new. */
    private boolean parties(Rule rule, TickConduct c, List<String> parties) {
        int before = parties.size();
        switch (rule) {
            // A key is applied by the consortium, to what its members share: they are party to the key as to its
            // acting at all.
            case TRIGGER, DURATION, PEACETIME_SHARE, KEY_FIXED_IN_ADVANCE -> receivers(c.messages, parties);
            case INFORMATION_SCOPE, NO_DOWNSTREAM_COORDINATION, FIREWALL -> {
                MessageLog log = c.messages;
                for (int i = 0; i < log.count(); i++) {
                    if (breaks(log, i, rule)) {
                        addOnce(parties, name(rule == Rule.INFORMATION_SCOPE ? log.sender(i) : log.receiver(i)));
                        if (rule == Rule.FIREWALL) {
                            addOnce(parties, name(log.subject(i) == MessageLog.AGGREGATE ? otherOfTwo(log, i)
                                    : log.subject(i)));
                        }
                    }
                }
            }
            case EQUAL_TREATMENT -> {
                AllocationRecord a = c.allocation;
                for (int i = 0; i < a.count; i++) {
                    if (unequal(a, i)) {
                        addOnce(parties, name(a.buyer[i]));
                    }
                }
            }
            default -> { }
        }
        return parties.size() > before;
    }

    private void close(int r) {
        int i = spellIndex[r];
        if (i < 0) {
            return;
        }
        Violation v = violations.get(i);
        violations.set(i, new Violation(v.rule(), v.tick(), spellTo[r] - spellFrom[r] + 1, v.detail(), v.parties(),
                v.evidence()));
        spellIndex[r] = -1;
    }

    // ---- evidence, written when a spell opens --------------------------------------------------------------

    /** The breach of a rule opening this tick, its first tick's parties added to {@code parties}. */
    private Violation describe(Rule rule, TickConduct c, List<String> parties) {
        List<Map<String, Object>> evidence = new ArrayList<>();
        String detail;
        switch (rule) {
            case TRIGGER -> {
                detail = "acted (" + c.basis + ") before any cut-off was observed or a government notice was in force";
                evidence.add(observation(c));
            }
            case DURATION -> {
                detail = "acted (" + c.basis + ") after its " + grace + "-tick grace period ended; the trigger last held"
                        + " at tick " + lastTrigger;
                evidence.add(observation(c));
            }
            case INFORMATION_SCOPE, NO_DOWNSTREAM_COORDINATION, FIREWALL -> {
                detail = switch (rule) {
                    case INFORMATION_SCOPE -> "members passed the consortium figures outside the allowed scope";
                    case NO_DOWNSTREAM_COORDINATION -> "members received figures on members' own selling prices, "
                            + "output, customers or costs, which let them align what they sell and at what price";
                    default -> c.messages.subject(firstMessage(c.messages, rule)) == MessageLog.AGGREGATE
                            ? "members received a total of two members' figures, from which each works out the other's"
                            : "members received other members' individual figures";
                };
                MessageLog log = c.messages;
                for (int i = 0; i < log.count(); i++) {
                    if (breaks(log, i, rule)) {
                        if (evidence.size() < EVIDENCE) {
                            evidence.add(message(log, i));
                        }
                    }
                }
            }
            case EQUAL_TREATMENT -> {
                AllocationRecord a = c.allocation;
                detail = "buyers that asked got other than the key gives them";
                for (int i = 0; i < a.count; i++) {
                    if (unequal(a, i)) {
                        if (evidence.size() < EVIDENCE) {
                            Map<String, Object> e = new LinkedHashMap<>();
                            e.put("tick", c.tick);
                            e.put("buyer", name(a.buyer[i]));
                            e.put("member", a.member[i]);
                            e.put("makes", commodityNames[a.makes[i]]);
                            e.put("requested", a.requested[i]);
                            e.put("keyGives", keyGives[i]);
                            e.put("got", a.got[i]);
                            evidence.add(e);
                        }
                    }
                }
            }
            case KEY_FIXED_IN_ADVANCE -> {
                AllocationKey k = c.allocation.key;
                detail = fixedKey != null && !k.equals(fixedKey)
                        ? "applied a key other than the one fixed in advance"
                        : "applied a key not fixed before the shock";
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("tick", c.tick);
                e.put("keyFixed", fixedKey == null ? null : describe(fixedKey));
                e.put("fixedAtTick", fixedAt);
                e.put("firstTrigger", firstTrigger);
                e.put("keyApplied", describe(k));
                evidence.add(e);
            }
            case PEACETIME_SHARE -> {
                detail = "members held more of the purchasing or selling market than the limit of "
                        + Math.round(peacetimeLimit * 1000) / 10.0 + "%";
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("tick", c.tick);
                e.put("purchasingShare", purchasingShare(c));
                e.put("sellingShare", sellingShare(c));
                e.put("limit", peacetimeLimit);
                evidence.add(e);
            }
            default -> throw new IllegalStateException(rule.name());
        }
        parties(rule, c, parties);
        return new Violation(rule.name(), c.tick, 1, detail, List.copyOf(parties), List.copyOf(evidence));
    }

    private String name(int firm) {
        return firmNames[firm];
    }

    /** A key as compliance.json shows it, in a fixed order (the priorities as the scenario lists them). */
    private static Map<String, Object> describe(AllocationKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key.kind());
        m.put("priority", key.priority());
        return m;
    }

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }

    private void receivers(MessageLog log, List<String> parties) {
        for (int i = 0; i < log.count(); i++) {
            if (log.toMember(i)) {
                addOnce(parties, name(log.receiver(i)));
            }
        }
    }

    private Map<String, Object> observation(TickConduct c) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("tick", c.tick);
        e.put("basisClaimed", c.basis);
        e.put("importsFromOrigin", finite(c.importsAverage));
        e.put("baseline", finite(c.baseline));
        e.put("cutoffThreshold", c.cutoffThreshold);
        e.put("noticeInForce", c.noticeInForce);
        e.put("lastTrigger", lastTrigger < 0 ? null : lastTrigger);
        e.put("messages", c.messages.count());
        e.put("ordered", c.ordered);
        return e;
    }

    private Map<String, Object> message(MessageLog log, int i) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("tick", log.tick());
        e.put("from", log.sender(i) == MessageLog.CONSORTIUM ? "consortium" : name(log.sender(i)));
        e.put("to", log.receiver(i) == MessageLog.CONSORTIUM ? "consortium" : name(log.receiver(i)));
        e.put("field", log.field(i).label());
        e.put("about", log.subject(i) == MessageLog.AGGREGATE ? "all members" : name(log.subject(i)));
        e.put("figure", finite(log.value(i)));
        return e;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    // ---- periods ---------------------------------------------------------------------------------------------

    private void period(TickConduct c) {
        String basis = c.acted || c.basis != null ? c.basis : null;
        if (java.util.Objects.equals(basis, periodBasis)) {
            return;
        }
        if (periodBasis != null) {
            periods.add(new Period(mode.name(), periodBasis, periodFrom, c.tick - 1));
        }
        periodBasis = basis;
        periodFrom = c.tick;
    }

    /** Closes open spells and periods at the end of the run. */
    public void finish(int lastTick) {
        for (int r = 0; r < RULES.length; r++) {
            close(r);
        }
        if (periodBasis != null) {
            periods.add(new Period(mode.name(), periodBasis, periodFrom, lastTick));
            periodBasis = null;
        }
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public List<Period> periods() {
        return List.copyOf(periods);
    }

    /** The ticks the trigger held, as the auditor worked it out: {@code [from, to]} spans. */
    public List<int[]> triggerHeld() {
        return triggerSpells.stream().map(int[]::clone).toList();
    }

    /** The keys applied, each over the ticks it was applied in. */
    public List<KeySpell> keysApplied() {
        List<KeySpell> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(new KeySpell(keys.get(i).kind(), keys.get(i).priority(), keySpans.get(i)[0], keySpans.get(i)[1]));
        }
        return out;
    }
}
