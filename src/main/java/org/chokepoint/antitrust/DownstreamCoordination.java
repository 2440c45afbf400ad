package org.chokepoint.antitrust;

/**
 * What members do with figures on each other's selling prices, output, customers or costs once the
 * consortium passes them: they stop competing downstream. A member that received such figures this tick prices
 * its output at a markup {@code m} over marginal cost, as a cartel member does: it plans the output at which
 * price covers {@code (1 + m)} times its marginal cost (input costs included) rather than the cost itself,
 * which is a cut in output (Kühn and Vives 1995 and the OECD's 2010 roundtable: current, firm-level prices and
 * quantities are the information that sustains collusion; the form, a Lerner markup, is the standard reduced
 * form of it). {@code m} is {@code behaviour.jointProcurement.collusiveMarkup}, the bias-corrected median cartel
 * overcharge of Boyer and Kotchoni (2015), 16%; the overcharge the run then shows is smaller wherever buyers
 * can turn away.
 */
final class DownstreamCoordination implements java.io.Serializable {
    private final double markup;
    /** Per firm, ticks it priced with the markup. */
    final int[] coordinatedTicks;
    /** Per firm, the last tick counted, so a member sent several such figures in a tick counts it once. */
    private final int[] countedAt;

    DownstreamCoordination(double markup, int firms) {
        this.markup = markup;
        this.coordinatedTicks = new int[firms];
        this.countedAt = new int[firms];
        java.util.Arrays.fill(countedAt, -1);
    }

    /** Sets the markup of every member the tick's messages gave figures on members' downstream business. */
    void apply(MessageLog log, double[] markupByFirm) {
        for (int i = 0; i < log.count(); i++) {
            if (log.toMember(i) && !log.field(i).allowed()) {
                int f = log.receiver(i);
                markupByFirm[f] = Math.max(markupByFirm[f], markup);
                // Counted whether or not another consortium's figures had already set the markup this tick: it
                // was counted only where the markup was not yet set, so the second of two consortia passing
                // their members' prices reported that none of them priced with it.
                if (countedAt[f] != log.tick()) {
                    countedAt[f] = log.tick();
                    coordinatedTicks[f]++;
                }
            }
        }
    }
}
