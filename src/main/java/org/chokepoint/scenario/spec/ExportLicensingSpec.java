package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Export licensing: each shipment needs a licence. Applications join the licensing office's queue, one per
 * commodity, first come first served; the office decides each no sooner than {@code leadTicks} after it was
 * filed and, for a commodity with a processing capacity, no more than that volume a week; each decided
 * volume is approved with the rate in force for its commodity and destination on the day it is decided.
 *
 * @param leadTicks the shortest time from an application to its decision, in ticks (the statutory review)
 * @param validityTicks ticks an approved licence stays valid
 * @param approvalProbability probability that an application is approved, for destinations not listed below
 * @param approvalByDestination the approval probability for each listed destination
 * @param carryingCostPerTick what waiting for a licence costs the trader, per tick of the statutory review, as a
 *                            share of the cargo's value
 * @param capacityPerWeek for each listed commodity, the volume of applications the office decides a week, in
 *                        the commodity's quantity unit; an unlisted commodity is decided without limit
 * @param approvalSchedule changes of the approval rate from a tick on, for some commodities and destinations
 * @param capacitySchedule changes of the office's capacity from a tick on, for some commodities
 * @param deniedDestinations destinations whose applications are refused outright, without review
 * @param denialSchedule destinations denied, or no longer denied, from a tick on, for some commodities
 * @param circumvention the way round the licensing for cargo it does not license, if any
 * @param antiCircumvention true when a rule closes every way round
 */
@JsonTypeName(ExportLicensingSpec.TYPE)
public record ExportLicensingSpec(String id, String region, List<String> commodities, List<String> destinations,
                                  Integer leadTicks, Integer validityTicks, Double approvalProbability,
                                  Map<String, Double> approvalByDestination, Double carryingCostPerTick,
                                  Map<String, Double> capacityPerWeek, List<ApprovalStep> approvalSchedule,
                                  List<CapacityStep> capacitySchedule,
                                  List<String> deniedDestinations, List<DenialStep> denialSchedule,
                                  CircumventionSpec circumvention,
                                  Boolean antiCircumvention, Integer announce, Integer start, Integer end, String role)
        implements ExportMeasureSpec {
    public static final String TYPE = "exportLicensing";

    /**
     * From tick {@code from} on, applications for the listed commodities to the listed destinations are
     * approved with probability {@code rate}, until a later step sets them again.
     *
     * @param from first tick of the new rate; absent, the measure's start
     * @param commodities the commodities it sets; absent, every commodity of the measure
     * @param destinations the destinations it sets; absent, every destination
     * @param rate the approval probability
     * @param announce the tick the step is made known; absent, {@code from} (the measure's announce for a step from
     *                 its start)
     */
    public record ApprovalStep(Integer from, List<String> commodities, List<String> destinations, Double rate,
                               Integer announce) implements DestinationStep { }

    /**
     * From tick {@code from} on, the office decides {@code capacityPerWeek} of the listed commodities'
     * applications a week, until a later step sets them again: an office that gathers pace, or is cut back.
     *
     * @param from first tick of the new capacity; absent, the measure's start
     * @param commodities the commodities it sets; absent, every commodity of the measure
     * @param capacityPerWeek the volume decided a week, in the commodity's quantity unit
     */
    public record CapacityStep(Integer from, List<String> commodities, Double capacityPerWeek) implements Step { }

    /**
     * From tick {@code from} on, applications for the listed commodities to the listed destinations are refused
     * outright ({@code denied} true) or go to the office again ({@code denied} false), until a later step sets
     * them again: a ban on a destination imposed, suspended or restored while the licensing stays.
     *
     * @param from first tick of the change; absent, the measure's start
     * @param commodities the commodities it sets; absent, every commodity of the measure
     * @param destinations the destinations it sets; absent, every destination
     * @param denied true to refuse them outright, false to let their applications go to the office
     * @param announce the tick the step is made known; absent, {@code from} (the measure's announce for a step from
     *                 its start)
     */
    public record DenialStep(Integer from, List<String> commodities, List<String> destinations, Boolean denied,
                             Integer announce) implements DestinationStep { }

    /** A change a schedule makes from a tick on, for some of the measure's commodities. */
    public interface Step {
        /** The first tick of the change; absent, the measure's start. */
        Integer from();

        /** The commodities it changes; absent, every commodity of the measure. */
        List<String> commodities();

        default boolean sets(String commodity) {
            return commodities() == null || commodities().contains(commodity);
        }
    }

    /**
     * A step that sets its commodities for some destinations only: a change of what the office refuses them, which
     * may be made known before it takes effect.
     */
    public interface DestinationStep extends Step {
        /** The destinations it sets; absent, every destination. */
        List<String> destinations();

        /** The tick the step is made known; absent, see {@link ExportLicensingSpec#announceOf}. */
        Integer announce();

        default boolean names(String destination) {
            return destinations() == null || destinations().contains(destination);
        }
    }

    public ExportLicensingSpec {
        id = id == null ? TYPE : id;
        validityTicks = validityTicks == null ? 26 : validityTicks;
        approvalProbability = approvalProbability == null ? 1.0 : approvalProbability;
        approvalByDestination = approvalByDestination == null ? Map.of() : approvalByDestination;
        carryingCostPerTick = carryingCostPerTick == null ? 0.002 : carryingCostPerTick;
        capacityPerWeek = capacityPerWeek == null ? Map.of() : capacityPerWeek;
        approvalSchedule = approvalSchedule == null ? List.of() : approvalSchedule;
        capacitySchedule = capacitySchedule == null ? List.of() : capacitySchedule;
        deniedDestinations = deniedDestinations == null ? List.of() : deniedDestinations;
        denialSchedule = denialSchedule == null ? List.of() : denialSchedule;
        antiCircumvention = antiCircumvention != null && antiCircumvention;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    /**
     * The approval probability of an application for {@code commodity} to {@code destination} decided on
     * {@code tick}: the destination's rate, or the measure's, changed by every step of the schedule from on or
     * before the tick, in the order of their ticks (steps of the same tick in file order).
     */
    public double approvalAt(String commodity, String destination, int tick) {
        ApprovalStep last = lastBy(stepsInOrder(), tick, step -> step.sets(commodity) && step.names(destination));
        return last != null ? last.rate() : approvalByDestination.getOrDefault(destination, approvalProbability);
    }

    /** The schedule sorted by tick, steps of the same tick kept in file order. */
    public List<ApprovalStep> stepsInOrder() {
        return inTickOrder(approvalSchedule);
    }

    /**
     * The volume of {@code commodity}'s applications the office decides a week on {@code tick}, or null where it
     * decides them without limit: {@code capacityPerWeek}'s, changed by every step of the capacity schedule from
     * on or before the tick, in the order of their ticks (steps of the same tick in file order).
     */
    public Double capacityAt(String commodity, int tick) {
        CapacityStep last = lastBy(capacityStepsInOrder(), tick, step -> step.sets(commodity));
        return last != null ? last.capacityPerWeek() : capacityPerWeek.get(commodity);
    }

    /**
     * Whether applications for {@code commodity} to {@code destination} decided or filed on {@code tick} are
     * refused outright: {@code deniedDestinations}, changed by every step of the denial schedule from on or before
     * the tick, in the order of their ticks (steps of the same tick in file order).
     */
    public boolean deniedAt(String commodity, String destination, int tick) {
        DenialStep last = lastBy(denialStepsInOrder(), tick,
                step -> step.sets(commodity) && step.names(destination));
        return last != null ? last.denied() : deniedDestinations.contains(destination);
    }

    /** The denial schedule sorted by tick, steps of the same tick kept in file order. */
    public List<DenialStep> denialStepsInOrder() {
        return inTickOrder(denialSchedule);
    }

    /** The capacity schedule sorted by tick, steps of the same tick kept in file order. */
    public List<CapacityStep> capacityStepsInOrder() {
        return inTickOrder(capacitySchedule);
    }

    private <S extends Step> List<S> inTickOrder(List<S> steps) {
        List<S> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparingInt(step -> fromOrStart(step.from())));
        return sorted;
    }

    /** The last step, in tick order, that starts on or before {@code tick} and applies; null when none does. */
    private <S extends Step> S lastBy(List<S> inOrder, int tick, Predicate<S> applies) {
        S last = null;
        for (S step : inOrder) {
            if (fromOrStart(step.from()) > tick) {
                break;
            }
            if (applies.test(step)) {
                last = step;
            }
        }
        return last;
    }

    /** A step's first tick: its own, or the measure's start. */
    public int fromOrStart(Integer from) {
        return from == null ? start : from;
    }

    /**
     * The tick a step is made known: its own announce, or, absent, its first tick; a step from the measure's start
     * is part of the measure as announced, so it is made known with the measure unless it says otherwise.
     */
    public int announceOf(DestinationStep step) {
        if (step.announce() != null) {
            return step.announce();
        }
        int from = fromOrStart(step.from());
        return from == start ? announce : from;
    }

    /**
     * The share of the applications for {@code commodity} to {@code destination} the office refuses on
     * {@code tick} as the steps made known by {@code told} have it (all of them where the destination is denied):
     * the measure's own rate and denials, changed by each of those steps from on or before the tick, in the order
     * of their ticks (steps of one tick in file order). What buyers read of the office before it acts.
     */
    public double refusedAt(String commodity, String destination, int tick, int told) {
        ApprovalStep rate = lastBy(stepsInOrder(), tick, step -> announceOf(step) <= told && step.sets(commodity)
                && step.names(destination));
        DenialStep denial = lastBy(denialStepsInOrder(), tick, step -> announceOf(step) <= told
                && step.sets(commodity) && step.names(destination));
        boolean denied = denial != null ? denial.denied() : deniedDestinations.contains(destination);
        double approval = rate != null ? rate.rate() : approvalByDestination.getOrDefault(destination,
                approvalProbability);
        return denied ? 1.0 : 1.0 - approval;
    }

    @Override
    public void check(SpecCheck at) {
        checkMeasure(at);
        coveredDestinationKeys(at, "approvalByDestination", approvalByDestination);
        for (String c : capacityPerWeek.keySet()) {
            covered(at, JsonPointers.child("capacityPerWeek", c), c);
        }
        int last = end == null ? at.horizonTicks() : end;
        for (int i = 0; i < approvalSchedule.size(); i++) {
            ApprovalStep step = approvalSchedule.get(i);
            String here = "approvalSchedule/" + i;
            checkStep(at, here, step, last);
            checkAnnounce(at, here, step);
            coveredDestinations(at, here + "/destinations", step.destinations());
        }
        for (int i = 0; i < capacitySchedule.size(); i++) {
            CapacityStep step = capacitySchedule.get(i);
            checkStep(at, "capacitySchedule/" + i, step, last);
        }
        for (int i = 0; i < denialSchedule.size(); i++) {
            DenialStep step = denialSchedule.get(i);
            String here = "denialSchedule/" + i;
            checkStep(at, here, step, last);
            checkAnnounce(at, here, step);
            coveredDestinations(at, here + "/destinations", step.destinations());
        }
        coveredDestinations(at, "deniedDestinations", deniedDestinations);
        if (circumvention != null) {
            circumvention.check(at.at("circumvention"), region);
        }
    }

    /** A step of a schedule must start while the measure is in force and name only the measure's commodities. */
    private void checkStep(SpecCheck at, String here, Step step, int last) {
        Integer from = step.from();
        List<String> stepCommodities = step.commodities();
        if (from != null && (from < start || from >= last)) {
            at.problem(here + "/from", "'from' must fall while the measure is in force, from its start ("
                    + start + ") to before its end (" + last + "), got " + from);
        }
        at.commodities(here + "/commodities", stepCommodities, (field, c) -> covered(at, field, c));
    }

    /** A step is made known no earlier than the measure itself, and no later than it takes effect. */
    private void checkAnnounce(SpecCheck at, String here, DestinationStep step) {
        Integer told = step.announce();
        int from = fromOrStart(step.from());
        if (told != null && (told < announce || told > from)) {
            at.problem(here + "/announce", "'announce' must fall from the measure's announce (" + announce
                    + ") to the step's first tick (" + from + "), got " + told);
        }
    }

    /** A commodity a step or a capacity names must be one the measure covers: an unknown one is said so once. */
    private void covered(SpecCheck at, String field, String c) {
        if (at.commodity(field, c) && commodities != null && !commodities.contains(c)) {
            at.problem(field, "commodity '" + c + "' is not among the measure's commodities " + commodities);
        }
    }

    /** Every destination a list names must be a region the measure covers; an absent list names them all. */
    private void coveredDestinations(SpecCheck at, String field, List<String> named) {
        at.regions(field, named, (here, d) -> coveredDestination(at, here, d));
    }

}
