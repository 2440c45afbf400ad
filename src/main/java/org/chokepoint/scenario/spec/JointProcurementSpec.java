package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;

/**
 * Joint procurement of a critical input by a region's manufacturers under the antitrust casebook (cases 6
 * and 7); {@code docs/antitrust.md} gives the rules.
 *
 * @param mode {@code AFTER_SHOCK}: acts only while a cut-off is observed or a government notice covers the
 *             input, and for the grace period after; {@code PEACETIME}: a standing arrangement
 * @param input the commodity it procures
 * @param disruptedOrigin the region whose shipments of the input it watches for a cut-off
 * @param cutoffThreshold imports from that origin below this share of their baseline count as a cut-off
 * @param graceTicks ticks it keeps acting after the trigger lapses
 * @param baselineWindowTicks ticks before the warm-up ends whose imports are the baseline
 * @param joinCoverTicks a manufacturer joins when its input stock covers fewer ticks of its use than this;
 *                       members order up to this cover
 * @param poolingPremium how far above the home price, net of transport, the pooled order bids
 * @param candidateSuppliers regions it may buy from
 * @param exchange what members pass to the consortium (information field labels)
 * @param continueAfterTrigger true when it keeps operating once the trigger and grace have lapsed (a breach
 *                             the auditor reports)
 * @param peacetimeMaxShare the largest combined share of the procurement market members may hold in peacetime
 * @param offtake a long-term offtake that lowers suppliers' investment hurdle, if any
 * @param allocation the case-7 allocation of product made from pooled input, if any
 */
@JsonTypeName(JointProcurementSpec.TYPE)
public record JointProcurementSpec(String id, String region, Mode mode, String input, String disruptedOrigin,
                                   Double cutoffThreshold, Integer graceTicks, Integer baselineWindowTicks,
                                   Double joinCoverTicks, Double poolingPremium, List<String> candidateSuppliers,
                                   List<String> exchange, Boolean continueAfterTrigger, Double peacetimeMaxShare,
                                   Offtake offtake, Allocation allocation) implements ConsortiumSpec {
    public static final String TYPE = "jointProcurement";

    /** When the consortium acts. */
    public enum Mode { AFTER_SHOCK, PEACETIME }

    public JointProcurementSpec {
        id = id == null ? TYPE : id;
        mode = mode == null ? Mode.AFTER_SHOCK : mode;
        cutoffThreshold = cutoffThreshold == null ? 0.5 : cutoffThreshold;
        graceTicks = graceTicks == null ? 4 : graceTicks;
        baselineWindowTicks = baselineWindowTicks == null ? 13 : baselineWindowTicks;
        joinCoverTicks = joinCoverTicks == null ? 8.0 : joinCoverTicks;
        poolingPremium = poolingPremium == null ? 0.05 : poolingPremium;
        exchange = exchange == null ? List.of("requiredVolume", "specification", "candidateSuppliers") : exchange;
        continueAfterTrigger = continueAfterTrigger != null && continueAfterTrigger;
        peacetimeMaxShare = peacetimeMaxShare == null ? 0.25 : peacetimeMaxShare;
    }

    /**
     * @param termTicks ticks from activation during which suppliers' producers count on the offtake
     * @param hurdleRelief share by which their investment hurdle is lowered
     */
    public record Offtake(Integer termTicks, Double hurdleRelief) { }

    /**
     * @param product the commodity members make from the pooled input, shared by the key
     * @param key {@code priorityClasses} or {@code baselineProRata}
     * @param priority the priority of each buyer class, by the commodity the buyer makes (1 is served first)
     */
    public record Allocation(String product, String key, Map<String, Integer> priority) {
        public Allocation {
            priority = priority == null ? Map.of() : priority;
        }
    }

    @Override
    public void check(SpecCheck at) {
        at.region("region", region);
        at.commodity("input", input);
        at.region("disruptedOrigin", disruptedOrigin);
        at.regions("candidateSuppliers", candidateSuppliers);
        if (allocation != null) {
            SpecCheck a = at.at("allocation");
            a.commodity("product", allocation.product());
            a.commodityKeys("priority", allocation.priority());
        }
    }
}
