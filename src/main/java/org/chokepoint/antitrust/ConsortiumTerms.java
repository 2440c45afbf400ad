package org.chokepoint.antitrust;

import java.util.List;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.scenario.spec.JointProcurementSpec.Disclosure;
import org.chokepoint.scenario.spec.JointProcurementSpec.Mode;
import org.chokepoint.world.World;

/**
 * A consortium's declaration resolved against the world: regions and commodities as indices, spans of weeks
 * as ticks, the allocation key (and any key it later adopts) as {@link AllocationKey}s.
 */
public final class ConsortiumTerms implements java.io.Serializable {
    final String id;
    final int region;
    final Mode mode;
    final int input;
    final int origin;
    final double cutoffThreshold;
    final int grace;
    final int baselineWindow;
    final double joinCover;
    final double poolingPremium;
    final List<String> supplierIds;
    final int[] suppliers;
    final InformationField[] exchanged;
    final Disclosure disclosure;
    /** Tick from which it acts whatever its trigger, or -1. */
    final int actsFrom;
    final boolean continueAfterTrigger;
    final double peacetimeMaxShare;
    /** Only manufacturers whose id starts with this may join; "" lets every one. */
    final String firmIdPrefix;
    final int offtakeTerm;
    final double offtakeRelief;
    /** The product shared by key (case 7), or -1. */
    final int product;
    final AllocationKey key;
    /** A key adopted during the run, and the tick it applies from (-1 when none). */
    final AllocationKey laterKey;
    final int laterKeyTick;
    /** Per commodity, whether buyers making it are turned away from the allocation. */
    final boolean[] refused;
    final List<String> refusedIds;
    /** Ticks over which imports from the disrupted origin are averaged before they are compared with the baseline. */
    final int cutoffWindow;
    /** Ticks over which deliveries to members are remembered, as the time constant of a decaying sum. */
    final double allocationMemory;
    /** Ticks of its use of the product a buyer asks the allocation for, less its stock. */
    final double allocationRequest;
    /** The markup over marginal cost members price at while they receive figures on each other's business. */
    final double collusiveMarkup;
    /** Ticks over which the pooled order closes the gap to members' requirement, as members close theirs. */
    final double adjustTicks;

    public ConsortiumTerms(JointProcurementSpec spec, World world, BehaviourSpec behaviour) {
        id = spec.id();
        region = world.regionIndex(spec.region());
        mode = spec.mode();
        input = world.commodityIndex(spec.input());
        origin = world.regionIndex(spec.disruptedOrigin());
        cutoffThreshold = spec.cutoffThreshold();
        grace = spec.graceTicks();
        baselineWindow = spec.baselineWindowTicks();
        joinCover = spec.joinCoverTicks();
        poolingPremium = spec.poolingPremium();
        supplierIds = List.copyOf(spec.candidateSuppliers());
        suppliers = supplierIds.stream().mapToInt(world::regionIndex).toArray();
        exchanged = spec.exchange().stream().map(InformationField::parse).distinct()
                .toArray(InformationField[]::new);
        disclosure = spec.membersSee();
        actsFrom = spec.actsFrom() == null ? -1 : spec.actsFrom();
        continueAfterTrigger = spec.continueAfterTrigger();
        peacetimeMaxShare = spec.peacetimeMaxShare();
        firmIdPrefix = spec.firmIdPrefix();
        JointProcurementSpec.Offtake offtake = spec.offtake();
        offtakeTerm = offtake == null ? 0 : offtake.termTicks();
        offtakeRelief = offtake == null ? 0 : offtake.hurdleRelief();
        JointProcurementSpec.Allocation allocation = spec.allocation();
        product = allocation == null ? -1 : world.commodityIndex(allocation.product());
        key = allocation == null ? null : new AllocationKey(allocation.key(), allocation.priority());
        JointProcurementSpec.KeyChange change = allocation == null ? null : allocation.keyChange();
        laterKey = change == null ? null : new AllocationKey(change.key(), change.priority());
        laterKeyTick = change == null ? -1 : change.tick();
        refused = new boolean[world.commodityCount()];
        refusedIds = allocation == null ? List.of() : List.copyOf(allocation.refuse());
        for (String c : refusedIds) {
            refused[world.commodityIndex(c)] = true;
        }
        BehaviourSpec.JointProcurement windows = behaviour.jointProcurement();
        int ticksPerYear = world.ticksPerYear();
        cutoffWindow = TickTime.wholeTicks(windows.cutoffWindowWeeks(), ticksPerYear, 1);
        allocationMemory = Math.max(1.0, TickTime.ticks(windows.allocationMemoryWeeks(), ticksPerYear));
        allocationRequest = TickTime.ticks(windows.allocationRequestWeeks(), ticksPerYear);
        collusiveMarkup = windows.collusiveMarkup();
        adjustTicks = behaviour.stockAdjustTicks();
    }

    /** The key the allocation applies at this tick. */
    AllocationKey keyAt(int tick) {
        return laterKey != null && tick >= laterKeyTick ? laterKey : key;
    }

    boolean supplies(int region) {
        for (int s : suppliers) {
            if (s == region) {
                return true;
            }
        }
        return false;
    }
}
