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
 * @param membersSee what the consortium passes back to each member: {@code AGGREGATES} (pooled figures only)
 *                   or {@code INDIVIDUAL_FIGURES} (each member gets another member's own figures, a breach of
 *                   the firewall the auditor reports)
 * @param actsFrom a tick from which it acts whether or not its trigger holds (a breach in {@code AFTER_SHOCK}
 *                 mode the auditor reports), or null
 * @param continueAfterTrigger true when it keeps operating once the trigger and grace have lapsed (a breach
 *                             the auditor reports)
 * @param peacetimeMaxShare the largest combined share of the procurement market members may hold in peacetime
 * @param firmIdPrefix only the region's manufacturers using the input whose id starts with this may join ("", the
 *                     default, lets every one of them); the markets members' shares are judged in are still the
 *                     whole region's
 * @param offtake a long-term offtake that lowers suppliers' investment hurdle, if any
 * @param allocation the case-7 allocation of product made from pooled input, if any
 */
@JsonTypeName(JointProcurementSpec.TYPE)
public record JointProcurementSpec(String id, String region, Mode mode, String input, String disruptedOrigin,
                                   Double cutoffThreshold, Integer graceTicks, Integer baselineWindowTicks,
                                   Double joinCoverTicks, Double poolingPremium, List<String> candidateSuppliers,
                                   List<String> exchange, Disclosure membersSee, Integer actsFrom,
                                   Boolean continueAfterTrigger, Double peacetimeMaxShare, String firmIdPrefix,
                                   Offtake offtake, Allocation allocation) implements ConsortiumSpec {
    public static final String TYPE = "jointProcurement";

    /** When the consortium acts. */
    public enum Mode { AFTER_SHOCK, PEACETIME }

    /** What the consortium passes back to members of what they passed to it. */
    public enum Disclosure { AGGREGATES, INDIVIDUAL_FIGURES }

    /**
     * The most members' combined share of the procurement market may be in peacetime by default: the soft
     * safe harbour of the European Commission's 2023 Horizontal Guidelines for purchasing agreements (not
     * exceeding 15% on the purchasing market as well as on the selling market). The JFTC states no share threshold for joint purchasing.
     */
    public static final double PEACETIME_SAFE_HARBOUR = 0.15;

    public JointProcurementSpec {
        id = id == null ? TYPE : id;
        mode = mode == null ? Mode.AFTER_SHOCK : mode;
        cutoffThreshold = cutoffThreshold == null ? 0.5 : cutoffThreshold;
        graceTicks = graceTicks == null ? 4 : graceTicks;
        baselineWindowTicks = baselineWindowTicks == null ? 13 : baselineWindowTicks;
        joinCoverTicks = joinCoverTicks == null ? 8.0 : joinCoverTicks;
        poolingPremium = poolingPremium == null ? 0.05 : poolingPremium;
        exchange = exchange == null ? List.of("requiredVolume", "specification", "candidateSuppliers") : exchange;
        membersSee = membersSee == null ? Disclosure.AGGREGATES : membersSee;
        continueAfterTrigger = continueAfterTrigger != null && continueAfterTrigger;
        peacetimeMaxShare = peacetimeMaxShare == null ? PEACETIME_SAFE_HARBOUR : peacetimeMaxShare;
        firmIdPrefix = firmIdPrefix == null ? "" : firmIdPrefix;
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
     * @param refuse buyers turned away whatever the key gives them, by the commodity they make (a breach of
     *               equal treatment the auditor reports)
     * @param keyChange a key adopted during the run in place of the one declared (once the trigger has held, a
     *                  change of key the auditor reports; before any trigger, the key fixed in advance), or null
     */
    public record Allocation(String product, String key, Map<String, Integer> priority, List<String> refuse,
                             KeyChange keyChange) {
        public Allocation {
            priority = priority == null ? Map.of() : priority;
            refuse = refuse == null ? List.of() : refuse;
        }
    }

    /**
     * @param tick the tick from which the new key applies
     * @param key {@code priorityClasses} or {@code baselineProRata}
     * @param priority its classes' priorities, as in {@link Allocation#priority}
     */
    public record KeyChange(Integer tick, String key, Map<String, Integer> priority) {
        public KeyChange {
            priority = priority == null ? Map.of() : priority;
        }
    }

    /**
     * The same consortium keeping every rule its declaration can break: only the allowed fields exchanged,
     * aggregates passed back, no acting before the trigger or after its grace, no refusals and no change of
     * key. Its runs are the twin a breach's harm is measured against.
     */
    public JointProcurementSpec compliant() {
        // The fields InformationField marks allowed (a test holds the two equal; the scenario layer cannot read it).
        List<String> allowed = exchange.stream()
                .filter(f -> List.of("requiredVolume", "specification", "candidateSuppliers").contains(f)).toList();
        Allocation a = allocation == null ? null
                : new Allocation(allocation.product(), allocation.key(), allocation.priority(), List.of(), null);
        return new JointProcurementSpec(id, region, mode, input, disruptedOrigin, cutoffThreshold, graceTicks,
                baselineWindowTicks, joinCoverTicks, poolingPremium, candidateSuppliers, allowed,
                Disclosure.AGGREGATES, null, false, peacetimeMaxShare, firmIdPrefix, offtake, a);
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
            a.commodities("refuse", allocation.refuse());
            if (allocation.keyChange() != null) {
                SpecCheck k = a.at("keyChange");
                k.commodityKeys("priority", allocation.keyChange().priority());
                if (allocation.keyChange().tick() != null && allocation.keyChange().tick() >= at.horizonTicks()) {
                    k.problem("tick", "the key changes at tick " + allocation.keyChange().tick()
                            + ", past the run's last tick " + (at.horizonTicks() - 1));
                }
            }
        }
    }
}
