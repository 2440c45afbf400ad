package org.chokepoint.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chokepoint.market.Ledger;
import org.chokepoint.scenario.Scenario;

/**
 * The capital that firms whose entries give its cost ({@code capexPerAnnualUnit}) pay for the plant they add. Such a
 * firm expands for a scarcity rent when the price its goods fetch has stood, for the investment patience, above the
 * levelised cost of plant like its own ({@link CapitalCharge}) and above its marginal cost at full capacity, rather
 * than above that marginal cost plus the investment hurdle, the stand-in for a capital cost that the scenario does
 * not give; and every unit of capacity it orders, for the rent, for the growth of its market or, a prospect, its
 * whole plant the week it commits ({@link Prospects}), costs it {@code capexPerAnnualUnit} per unit of yearly capacity,
 * booked against its market's producers in the week it orders, after every firm has decided. So it builds for the
 * growth of its market too only while the price pays that levelised cost.
 *
 * <p>A capex subsidy that pays a share of the capital such a firm books spares it that share in the decision too; the
 * hurdle reliefs of a subsidy or an offtake lower the hurdle, which such a firm does not read. Only a scenario whose
 * firms give a capital cost has this object.
 */
public final class ExpansionCapital implements java.io.Serializable {
    private final Firms firms;
    private final CapitalCharge charge;
    /** The firms that give their capital cost, in firm order. */
    private final int[] firm;
    /** The scenario entry of each, for the figures reported by entry. */
    private final String[] entry;
    private final double[] capacityOrdered;
    private final double[] capitalCost;
    /** Where the plant's value left at the horizon is kept; null where the sum values none (a unit test's firm). */
    private PlantBook plants;

    private ExpansionCapital(Firms firms, CapitalCharge charge, int count) {
        this.firms = firms;
        this.charge = charge;
        this.firm = new int[count];
        this.entry = new String[count];
        this.capacityOrdered = new double[count];
        this.capitalCost = new double[count];
    }

    /**
     * The expansion capital of {@code scenario}'s firms, or null when no entry gives a capital cost; what their plant
     * is worth at the horizon is kept in {@code plants}.
     */
    public static ExpansionCapital of(Scenario scenario, Firms firms, int ticksPerYear, PlantBook plants) {
        int count = 0;
        for (Scenario.FirmSpec spec : scenario.firms()) {
            if (spec.capexPerAnnualUnit() != null) {
                count += spec.countOrDefault();
            }
        }
        if (count == 0) {
            return null;
        }
        ExpansionCapital e = new ExpansionCapital(firms,
                CapitalCharge.of(firms, scenario.behaviour().investment(), ticksPerYear), count);
        e.plants = plants;
        int f = 0;
        int s = 0;
        for (Scenario.FirmSpec spec : scenario.firms()) {
            for (int i = 0; i < spec.countOrDefault(); i++, f++) {
                if (spec.capexPerAnnualUnit() != null) {
                    e.firm[s] = f;
                    e.entry[s++] = spec.id();
                }
            }
        }
        return e;
    }

    /** Expansion capital for tests: firm {@code f}, alone, at this capex, rate and life. */
    static ExpansionCapital single(Firms firms, int f, double capexPerAnnualUnit, double rate, int years,
                                   int ticksPerYear) {
        ExpansionCapital e = new ExpansionCapital(firms,
                new CapitalCharge(firms, CapitalCharge.capitalRecoveryFactor(rate, years), ticksPerYear), 1);
        e.firm[0] = f;
        e.entry[0] = firms.id(f);
        firms.setCapex(f, capexPerAnnualUnit);
        return e;
    }

    /**
     * The price above which plant like the firm's own is worth adding: its levelised cost, with the capital charge on
     * the share {@code 1 − spared} of its capital that the firm pays itself, and no less than its marginal cost at full
     * capacity, below which the plant it has is not short (at that price it would not run it all).
     */
    double worthBuildingAbove(int f, double spared) {
        return Math.max(firms.costAtCapacity(f), levelisedCost(f, spared));
    }

    /** The levelised cost of plant like the firm's own, with the charge on the share {@code 1 − spared} it pays. */
    double levelisedCost(int f, double spared) {
        return charge.levelisedCost(f, 1 - spared);
    }

    /**
     * Books the capital of what each firm ordered this week against its market's producers, in firm order, and keeps
     * what that plant, in service a lead time on, will be worth at the horizon.
     */
    void book(Ledger ledger, int tick) {
        Firms x = firms;
        for (int s = 0; s < firm.length; s++) {
            int f = firm[s];
            double ordered = x.ordered[f];
            if (ordered > 0) {
                double usd = charge.of(f, ordered);
                capacityOrdered[s] += ordered;
                capitalCost[s] += usd;
                ledger.capitalCost(x.market[f], usd);
                if (plants != null) {
                    plants.add(f, usd, tick + Math.max(1, x.leadTicks[f]));
                }
            }
        }
    }

    /**
     * What the firms of each entry that gives a capital cost ordered over the run, by entry id: {@code firms},
     * {@code capacityOrdered} (per tick, for a scarcity rent, for growth, or a prospect's whole plant the week it
     * commits) and {@code capitalCost} (US dollars of the scenario's price year).
     */
    public Map<String, Map<String, Double>> indicators() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int s = 0; s < firm.length; s++) {
            Map<String, Double> m = out.computeIfAbsent(entry[s], k -> {
                Map<String, Double> n = new LinkedHashMap<>();
                n.put("firms", 0.0);
                n.put("capacityOrdered", 0.0);
                n.put("capitalCost", 0.0);
                return n;
            });
            m.merge("firms", 1.0, Double::sum);
            m.merge("capacityOrdered", capacityOrdered[s], Double::sum);
            m.merge("capitalCost", capitalCost[s], Double::sum);
        }
        return out;
    }
}
