package org.chokepoint.antitrust;

import java.util.List;

/**
 * All a consortium member may see of the others: the pooled requirement, the candidate suppliers and how
 * many firms take part. The type has no field for another member's volume, selling price, output,
 * customers or costs, so no code path can hand a member those (the casebook's firewall).
 */
public record MemberView(int tick, double pooledRequirement, List<String> candidateSuppliers, int members) implements java.io.Serializable { }
