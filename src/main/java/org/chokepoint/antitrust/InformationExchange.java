package org.chokepoint.antitrust;

import org.chokepoint.agent.Firms;
import org.chokepoint.market.Markets;
import org.chokepoint.scenario.spec.JointProcurementSpec.Disclosure;

/**
 * The exchange of one tick, message by message: each member passes the consortium its own figure of every
 * field the declaration lists; the consortium passes back to each member either the aggregate of each field
 * (the firewall the casebook asks for) or, when the declaration says so, another member's own figures (each
 * member those of the next member).
 * Every message goes into the tick's {@link MessageLog}; the consortium and its members act only on what it
 * holds.
 */
final class InformationExchange implements java.io.Serializable {
    private final ConsortiumTerms terms;
    /** This tick's aggregate of each field, by its ordinal. */
    private final double[] aggregates = new double[InformationField.values().length];

    InformationExchange(ConsortiumTerms terms) {
        this.terms = terms;
    }

    /** The most messages a tick can hold with {@code candidates} members. */
    static int capacity(int candidates, ConsortiumTerms terms) {
        int fields = Math.max(1, terms.exchanged.length);
        return Math.max(1, candidates * fields * 2);
    }

    void exchange(Firms x, Markets markets, Membership members, MessageLog log) {
        int inbound = 0;
        for (int f : members.candidates) {
            if (!members.member[f]) {
                continue;
            }
            for (InformationField field : terms.exchanged) {
                log.deliver(f, MessageLog.CONSORTIUM, field, f, figure(x, markets, members, f, field));
                inbound++;
            }
        }
        // Leaked individual figures go from each member to the next in member order (the last member's to the
        // first), so a leak costs as many messages as the aggregates would, however many members there are.
        int fields = terms.exchanged.length;
        for (InformationField field : terms.exchanged) {
            aggregates[field.ordinal()] = aggregate(log, inbound, field);
        }
        for (int k = 0; k < inbound; k += Math.max(1, fields)) {
            int r = log.sender(k);
            if (terms.disclosure == Disclosure.INDIVIDUAL_FIGURES) {
                int from = k + fields < inbound ? k + fields : 0;
                if (log.sender(from) == r) {
                    continue;
                }
                for (int i = from; i < from + fields; i++) {
                    log.deliver(MessageLog.CONSORTIUM, r, log.field(i), log.sender(i), log.value(i));
                }
            } else {
                for (InformationField field : terms.exchanged) {
                    log.deliver(MessageLog.CONSORTIUM, r, field, MessageLog.AGGREGATE, aggregates[field.ordinal()]);
                }
            }
        }
    }

    /** A member's own figure of a field; NaN for what is not a number (a specification, a list of suppliers). */
    private double figure(Firms x, Markets markets, Membership members, int f, InformationField field) {
        return switch (field) {
            case REQUIRED_VOLUME -> members.required[f];
            case SELLING_PRICE -> markets.price(x.market(f));
            case OUTPUT -> x.output(f);
            // What its next unit costs it on the plants it runs, the curve it plans and asks on: during an outage the
            // whole plant's curve gives the cost of plants the outage has shut.
            case COSTS -> x.marginalCostOfAvailable(f, x.plannedOutput(f));
            default -> Double.NaN;
        };
    }

    /** Volumes add up; prices and costs average; the rest are not figures. */
    private static double aggregate(MessageLog log, int inbound, InformationField field) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < inbound; i++) {
            if (log.field(i) == field) {
                sum += log.value(i);
                n++;
            }
        }
        return switch (field) {
            case REQUIRED_VOLUME, OUTPUT -> sum;
            case SELLING_PRICE, COSTS -> n == 0 ? Double.NaN : sum / n;
            default -> Double.NaN;
        };
    }

    /** What the consortium learned of the pooled requirement this tick: the required volumes members passed it. */
    static double pooledRequirement(MessageLog log) {
        double sum = 0;
        for (int i = 0; i < log.count(); i++) {
            if (!log.toMember(i) && log.field(i) == InformationField.REQUIRED_VOLUME) {
                sum += log.value(i);
            }
        }
        return sum;
    }

    /** Whether members passed it their candidate suppliers this tick, so it can choose among them. */
    static boolean suppliersKnown(MessageLog log) {
        for (int i = 0; i < log.count(); i++) {
            if (!log.toMember(i) && log.field(i) == InformationField.CANDIDATE_SUPPLIERS) {
                return true;
            }
        }
        return false;
    }
}
