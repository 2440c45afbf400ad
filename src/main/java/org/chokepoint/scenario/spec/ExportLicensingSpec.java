package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;

/**
 * Export licensing: each shipment needs a licence, decided after a lead time and approved with a probability.
 *
 * @param leadTicks ticks from an application to its decision
 * @param validityTicks ticks an approved licence stays valid
 * @param approvalProbability probability that an application is approved, for destinations not listed below
 * @param approvalByDestination the approval probability for each listed destination
 * @param carryingCostPerTick what waiting for a licence costs the trader, per tick of lead, as a share of the
 *                            cargo's value
 */
@JsonTypeName(ExportLicensingSpec.TYPE)
public record ExportLicensingSpec(String id, String region, List<String> commodities, List<String> destinations,
                                  Integer leadTicks, Integer validityTicks, Double approvalProbability,
                                  Map<String, Double> approvalByDestination, Double carryingCostPerTick,
                                  Integer announce, Integer start, Integer end, String role)
        implements ExportMeasureSpec {
    public static final String TYPE = "exportLicensing";

    public ExportLicensingSpec {
        id = id == null ? TYPE : id;
        validityTicks = validityTicks == null ? 26 : validityTicks;
        approvalProbability = approvalProbability == null ? 1.0 : approvalProbability;
        approvalByDestination = approvalByDestination == null ? Map.of() : approvalByDestination;
        carryingCostPerTick = carryingCostPerTick == null ? 0.002 : carryingCostPerTick;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    @Override
    public void check(SpecCheck at) {
        checkMeasure(at);
        at.regionKeys("approvalByDestination", approvalByDestination);
    }
}
