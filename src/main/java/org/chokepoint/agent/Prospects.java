package org.chokepoint.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.Scenario;

/**
 * Projects a scenario declares, awaiting their investment decision (a known deposit, a recovery circuit): firms of
 * status {@code prospect}, which decide on the economics. Each week a prospect compares the price its goods would
 * fetch, net of its inputs (the slow {@code capacityNetPrice} every capacity decision reads), with its levelised
 * cost at its normal utilization u: its average variable cost there plus the capital charge per unit,
 * {@code capex × CRF(r, n) / u}, the yearly payment that recovers a dollar of capital over n years at rate r,
 * {@code CRF = r / (1 − (1 + r)^−n)}, spread over the units a unit of yearly capacity makes at u. Above it for
 * {@code patienceTicks} weeks running, it commits: it is built over its lead time, making nothing, and then operates
 * as any firm does. The firm pays its capital cost, {@code capexPerAnnualUnit} times its yearly capacity, in the
 * week it commits: its whole plant is what it orders that week, booked against its market's producers as any plant
 * a firm that gives its capital cost orders ({@link ExpansionCapital}), a project being never cancelled once
 * committed. A capex subsidy pays its share of that capital and spares it that share in its decision.
 *
 * <p>Only a scenario with prospects has this object, and the weekly loop reaches it only from a firm whose status
 * is one of the prospect's: a scenario without prospects reads nothing of it.
 */
public final class Prospects implements java.io.Serializable {
    private final Firms firms;
    /** The firm of each prospect, in firm order. */
    private final int[] firm;
    /** Per firm, its prospect, or -1. */
    private final int[] prospectOf;
    /** The scenario entry each prospect belongs to, for the figures reported by entry. */
    private final String[] entry;
    /** Weeks running the price has paid the levelised cost. */
    private final int[] aboveTicks;
    /** The week each prospect committed, -1 while it has not. */
    private final int[] committedAt;
    /** The capacity it committed to, per tick: what it pays for, whatever becomes of the plant later. */
    private final double[] committedCapacity;
    /** What the plant costs, per unit and in all: the capex is the firm's, {@link Firms#capexPerAnnualUnit}. */
    private final CapitalCharge charge;
    private final int patience;

    private Prospects(Firms firms, int count, CapitalCharge charge, int patience) {
        this.firms = firms;
        this.firm = new int[count];
        this.entry = new String[count];
        this.aboveTicks = new int[count];
        this.committedAt = new int[count];
        java.util.Arrays.fill(committedAt, -1);
        this.committedCapacity = new double[count];
        this.prospectOf = new int[firms.count];
        java.util.Arrays.fill(prospectOf, -1);
        this.charge = charge;
        this.patience = patience;
    }

    /** The prospects of {@code scenario}'s firms, or null when it declares none. */
    public static Prospects of(Scenario scenario, Firms firms, int ticksPerYear) {
        int count = 0;
        for (Scenario.FirmSpec spec : scenario.firms()) {
            if (spec.prospect()) {
                count += spec.countOrDefault();
            }
        }
        if (count == 0) {
            return null;
        }
        BehaviourSpec.Investment inv = scenario.behaviour().investment();
        Prospects p = new Prospects(firms, count, CapitalCharge.of(firms, inv, ticksPerYear), inv.patienceTicks());
        int f = 0;
        int s = 0;
        for (Scenario.FirmSpec spec : scenario.firms()) {
            for (int i = 0; i < spec.countOrDefault(); i++, f++) {
                if (spec.prospect()) {
                    p.add(s++, f, spec.id());
                }
            }
        }
        return p;
    }

    /** Prospects for tests: firm {@code f} of {@code firms}, alone, at this capex, rate, life and patience. */
    static Prospects single(Firms firms, int f, double capexPerAnnualUnit, double rate, int years, int ticksPerYear,
                            int patience) {
        Prospects p = new Prospects(firms, 1,
                new CapitalCharge(firms, CapitalCharge.capitalRecoveryFactor(rate, years), ticksPerYear), patience);
        p.add(0, f, firms.id(f));
        firms.setCapex(f, capexPerAnnualUnit);
        firms.status[f] = FirmStatus.PROSPECT;
        return p;
    }

    private void add(int s, int f, String id) {
        firm[s] = f;
        entry[s] = id;
        prospectOf[f] = s;
    }

    /**
     * Average variable cost at the firm's normal utilization plus the capital charge on the share {@code 1 − spared}
     * of its capital that no subsidy pays, in its price unit.
     */
    double levelisedCost(int f, double spared) {
        return charge.levelisedCost(f, 1 - spared);
    }

    /**
     * One week of a prospect's or a committed project's decision: a prospect counts the weeks the price pays its
     * levelised cost, on the share {@code 1 − spared} of its capital that no subsidy pays, and commits after
     * {@code patience} of them running; a project under construction starts to operate the week its lead time ends,
     * so that it plans and produces from then.
     */
    void decide(int f, int tick, double spared) {
        Firms x = firms;
        int s = prospectOf[f];
        if (x.status[f] == FirmStatus.BUILDING) {
            if (tick + 1 >= x.restartAt[f]) {
                x.startOperating(f);
            }
            return;
        }
        if (x.capacityNetPrice[f] > levelisedCost(f, spared)) {
            if (++aboveTicks[s] >= patience) {
                commit(f, s, tick);
            }
        } else {
            aboveTicks[s] = 0;
        }
    }

    /**
     * The prospect commits this week: it is built over its lead time and produces from week {@code tick + lead}
     * (at the soonest the next week: what is decided in a week's decisions acts from the next). Its whole plant is
     * what it orders this week, so its capital is booked, and a capex subsidy pays its share, as for any plant a firm
     * that gives its capital cost orders ({@link ExpansionCapital}), after every firm has decided.
     */
    private void commit(int f, int s, int tick) {
        Firms x = firms;
        x.status[f] = FirmStatus.BUILDING;
        committedAt[s] = tick;
        committedCapacity[s] = x.capacity[f];
        x.ordered[f] = x.capacity[f];
        x.restartAt[f] = tick + Math.max(1, x.leadTicks[f]);
        if (tick + 1 >= x.restartAt[f]) {
            x.startOperating(f);
        }
    }

    /** The capital cost of a committed prospect, in US dollars: its capex times the yearly capacity it built. */
    private double capital(int s) {
        return charge.of(firm[s], committedCapacity[s]);
    }

    /** The week the firm's prospect committed, -1 if it has not (or the firm is no prospect). */
    public int committedAt(int f) {
        int s = prospectOf[f];
        return s < 0 ? -1 : committedAt[s];
    }

    /**
     * What the prospects of each scenario entry did, by entry id: {@code prospects} declared, {@code committed},
     * {@code capacityCommitted} (per tick), {@code capitalCost} (US dollars of the scenario's price year, booked in
     * the week each committed), {@code firstCommitTick} (NaN when none did) and {@code operating} at the end.
     */
    public Map<String, Map<String, Double>> indicators() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int s = 0; s < firm.length; s++) {
            Map<String, Double> m = out.computeIfAbsent(entry[s], k -> {
                Map<String, Double> n = new LinkedHashMap<>();
                n.put("prospects", 0.0);
                n.put("committed", 0.0);
                n.put("capacityCommitted", 0.0);
                n.put("capitalCost", 0.0);
                n.put("firstCommitTick", Double.NaN);
                n.put("operating", 0.0);
                return n;
            });
            m.merge("prospects", 1.0, Double::sum);
            if (committedAt[s] >= 0) {
                m.merge("committed", 1.0, Double::sum);
                m.merge("capacityCommitted", committedCapacity[s], Double::sum);
                m.merge("capitalCost", capital(s), Double::sum);
                double first = m.get("firstCommitTick");
                m.put("firstCommitTick", Double.isNaN(first) ? committedAt[s] : Math.min(first, committedAt[s]));
            }
            if (firms.producing(firm[s])) {
                m.merge("operating", 1.0, Double::sum);
            }
        }
        return out;
    }
}
