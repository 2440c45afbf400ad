package org.chokepoint.antitrust;

import org.chokepoint.agent.FirmType;
import org.chokepoint.agent.Firms;
import org.chokepoint.scenario.spec.JointProcurementSpec.Mode;

/**
 * Who may join and who has: the candidates are the region's manufacturers whose recipe uses the input (those
 * whose id starts with the declaration's {@code firmIdPrefix}, where it gives one); each joins on its own exposure,
 * when its input stock covers fewer than {@code joinCoverTicks} ticks of normal use (in peacetime every candidate
 * stands in the arrangement). A member's required volume is what it lacks of that cover. Members stay members to
 * the end of the run: cargo bought while the consortium acted sails home to them after it stops, and a later
 * activation finds them in. Members' shares are judged against the whole region: the purchasing market is the
 * use of every manufacturer of the region that uses the input, candidate or not, so that an arrangement of some of
 * them can stay within a share limit and one of all of them cannot.
 */
final class Membership implements java.io.Serializable {
    private final ConsortiumTerms terms;
    final int[] candidates;
    /** The region's manufacturers using the input, candidates or not: the purchasing market. */
    private final int[] users;
    /** Firms of the region making what the candidates make: the selling market members' share is judged in. */
    private final int[] rivals;
    /** By firm index. */
    final boolean[] member;
    final double[] required;

    Membership(Firms x, ConsortiumTerms terms) {
        this.terms = terms;
        int n = 0;
        int u = 0;
        for (int f = 0; f < x.count; f++) {
            if (user(x, f)) {
                u++;
                n += candidate(x, f) ? 1 : 0;
            }
        }
        users = new int[u];
        candidates = new int[n];
        boolean[] products = new boolean[Math.max(1, maxCommodity(x) + 1)];
        n = 0;
        u = 0;
        for (int f = 0; f < x.count; f++) {
            if (user(x, f)) {
                users[u++] = f;
                if (candidate(x, f)) {
                    candidates[n++] = f;
                    products[x.commodity(f)] = true;
                }
            }
        }
        int r = 0;
        for (int f = 0; f < x.count; f++) {
            if (x.region(f) == terms.region && products[x.commodity(f)]) {
                r++;
            }
        }
        rivals = new int[r];
        r = 0;
        for (int f = 0; f < x.count; f++) {
            if (x.region(f) == terms.region && products[x.commodity(f)]) {
                rivals[r++] = f;
            }
        }
        member = new boolean[x.count];
        required = new double[x.count];
    }

    private boolean user(Firms x, int f) {
        return x.type(f) == FirmType.MANUFACTURER && x.region(f) == terms.region && x.slotOf(f, terms.input) >= 0;
    }

    private boolean candidate(Firms x, int f) {
        return x.id(f).startsWith(terms.firmIdPrefix);
    }

    private static int maxCommodity(Firms x) {
        int max = 0;
        for (int f = 0; f < x.count; f++) {
            max = Math.max(max, x.commodity(f));
        }
        return max;
    }

    /** Candidates short of cover join (all of them in peacetime). */
    void join(Firms x) {
        for (int f : candidates) {
            if (member[f]) {
                continue;
            }
            double use = normalUse(x, f);
            double cover = use > 0 ? x.inputStock(x.slotOf(f, terms.input)) / use : Double.POSITIVE_INFINITY;
            if (terms.mode == Mode.PEACETIME || cover < terms.joinCover) {
                member[f] = true;
            }
        }
    }

    /** Works out each member's required volume, and writes members' shares of both markets into the record. */
    void require(Firms x, TickConduct record) {
        double membersUse = 0;
        double allUse = 0;
        for (int f : users) {
            double use = normalUse(x, f);
            allUse += use;
            required[f] = 0;
            if (member[f]) {
                membersUse += use;
                required[f] = Math.max(0, terms.joinCover * use - x.inputStock(x.slotOf(f, terms.input)));
            }
        }
        double membersOutput = 0;
        double allOutput = 0;
        for (int f : rivals) {
            allOutput += x.output(f);
            if (member[f]) {
                membersOutput += x.output(f);
            }
        }
        record.membersUse = membersUse;
        record.allUse = allUse;
        record.membersOutput = membersOutput;
        record.allOutput = allOutput;
    }

    /** A candidate's normal use of the input: its recipe's content times its normal sales. */
    double normalUse(Firms x, int f) {
        return x.intensity(x.slotOf(f, terms.input)) * x.normalSales(f);
    }

    /** What the members lack of their cover between them: the pooled requirement. */
    double requiredByMembers() {
        double total = 0;
        for (int f : candidates) {
            if (member[f]) {
                total += required[f];
            }
        }
        return total;
    }

    /** The members' normal use of the input between them. */
    double normalUseOfMembers(Firms x) {
        double total = 0;
        for (int f : candidates) {
            if (member[f]) {
                total += normalUse(x, f);
            }
        }
        return total;
    }

    int count() {
        int n = 0;
        for (int f : candidates) {
            if (member[f]) {
                n++;
            }
        }
        return n;
    }
}
