package org.chokepoint.antitrust;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.agent.FirmType;
import org.chokepoint.agent.Firms;
import org.chokepoint.market.Markets;
import org.chokepoint.world.World;

/**
 * Case 7: the share of members' output of the product made from jointly procured input is not auctioned; it
 * goes to the region's manufacturers that use the product and ask, members or not, by the key fixed in advance,
 * at the market's quoted price, with no condition on what they do with it. A declaration may turn some buyers
 * away ({@code refuse}) or change the key during the run ({@code keyChange}); the allocation then does so, and
 * the auditor, which replays the key on what each buyer asked, reports it.
 */
final class CaseSevenAllocation implements java.io.Serializable {
    private final ConsortiumTerms terms;
    /** Every manufacturer of the region that uses the product: who may ask. */
    private final int[] askers;
    private final int[] askerSlots;
    /** Per firm, its use of the product when the baseline window closed. */
    private final double[] baselineUse;
    private final double[] reserve;
    private final double[] effective;
    private final double[] grant;
    private final boolean[] working;
    /** Per class (the commodity buyers make): requested, allocated, to members, to non-members, refused. */
    private final double[][] byClass;
    private final int[] classPriority;

    CaseSevenAllocation(Firms x, World w, ConsortiumTerms terms, int candidates) {
        this.terms = terms;
        int n = 0;
        for (int f = 0; f < x.count; f++) {
            if (asks(x, f)) {
                n++;
            }
        }
        askers = new int[n];
        askerSlots = new int[n];
        n = 0;
        for (int f = 0; f < x.count; f++) {
            if (asks(x, f)) {
                askers[n] = f;
                askerSlots[n++] = x.slotOf(f, terms.product);
            }
        }
        baselineUse = new double[x.count];
        reserve = new double[Math.max(1, candidates)];
        effective = new double[n];
        grant = new double[n];
        working = new boolean[n];
        byClass = new double[w.commodityCount()][5];
        classPriority = new int[w.commodityCount()];
    }

    private boolean asks(Firms x, int f) {
        return terms.product >= 0 && x.type(f) == FirmType.MANUFACTURER && x.region(f) == terms.region
                && x.slotOf(f, terms.product) >= 0;
    }

    int capacity() {
        return Math.max(1, askers.length);
    }

    /** Remembers every buyer's normal use of the product when the baseline window closes. */
    void rememberBaseline(Firms x) {
        for (int i = 0; i < askers.length; i++) {
            int f = askers[i];
            baselineUse[f] = x.intensity(askerSlots[i]) * x.normalSales(f);
        }
    }

    void allocate(Firms x, World w, Markets markets, Membership members, double[] deliveredRecent, int tick,
                  AllocationRecord record) {
        if (terms.product < 0) {
            return;
        }
        AllocationKey key = terms.keyAt(tick);
        int m = w.market(terms.region, terms.product);
        double price = markets.price(m);
        double value = w.commodity(terms.product).valuePerUnit();
        // Supply: each member maker of the product sets aside the share of its stock made from pooled input.
        int[] candidates = members.candidates;
        double available = 0;
        for (int k = 0; k < candidates.length; k++) {
            int f = candidates[k];
            reserve[k] = 0;
            if (!members.member[f] || x.commodity(f) != terms.product) {
                continue;
            }
            int s = x.slotOf(f, terms.input);
            double use = Math.max(1e-12, terms.allocationMemory * x.intensity(s) * Math.max(x.normalSales(f), 1e-12));
            double jointShare = Math.min(1.0, deliveredRecent[f] / use);
            reserve[k] = x.stock(f) * jointShare;
            available += reserve[k];
        }
        if (available <= 0) {
            return;
        }
        // Demand: every manufacturer in the region that uses the product asks for what it lacks.
        boolean byBaseline = AllocationKey.BASELINE_PRO_RATA.equals(key.kind());
        record.key = key;
        record.available = available;
        for (int i = 0; i < askers.length; i++) {
            int f = askers[i];
            int s = askerSlots[i];
            double requested = Math.max(0, x.intensity(s) * Math.max(x.plannedOutput(f), x.normalSales(f))
                    * terms.allocationRequest - x.inputStock(s));
            double weight = byBaseline ? (baselineUse[f] > 0 ? baselineUse[f] : x.intensity(s) * x.normalSales(f))
                    : requested;
            int priority = byBaseline ? 0 : key.priorityOf(w.commodity(x.commodity(f)).id());
            record.ask(f, members.member[f], x.commodity(f), priority, requested, weight);
            effective[i] = terms.refused[x.commodity(f)] ? 0 : requested;
        }
        Allocation.allocate(available, effective, record.weight, record.priority, askers.length, grant, working);
        double given = 0;
        for (int i = 0; i < askers.length; i++) {
            given += grant[i];
        }
        if (given <= 0) {
            return;
        }
        // Take from the makers pro rata to what they set aside; deliver into the askers' input stocks.
        for (int k = 0; k < candidates.length; k++) {
            if (reserve[k] > 0) {
                double q = given * reserve[k] / available;
                x.handOver(candidates[k], q, q * price * value, markets.ledger());
            }
        }
        for (int i = 0; i < askers.length; i++) {
            int f = askers[i];
            double got = grant[i];
            record.got[i] = got;
            x.receiveInput(askerSlots[i], got, got * price * value, markets.ledger());
            double[] row = byClass[x.commodity(f)];
            row[0] += record.requested[i];
            row[1] += got;
            row[members.member[f] ? 2 : 3] += got;
            if (terms.refused[x.commodity(f)]) {
                row[4] += record.requested[i];
            }
            classPriority[x.commodity(f)] = record.priority[i];
        }
        markets.ledger().transfer(m, given);
    }

    /** Per buyer class, what was asked and given, to members and to non-members, and what was refused. */
    List<Map<String, Object>> results(World w) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int c = 0; c < byClass.length; c++) {
            double[] r = byClass[c];
            if (r[0] == 0 && r[1] == 0) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("buyersMaking", w.commodity(c).id());
            row.put("priority", classPriority[c] == Integer.MAX_VALUE ? null : classPriority[c]);
            row.put("requested", r[0]);
            row.put("allocated", r[1]);
            row.put("toMembers", r[2]);
            row.put("toNonMembers", r[3]);
            row.put("refused", r[4]);
            rows.add(row);
        }
        return rows;
    }
}
