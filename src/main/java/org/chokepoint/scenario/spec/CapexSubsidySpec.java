package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A capex subsidy for new capacity outside a restricting country: it lowers eligible firms' investment
 * hurdle and pays a share of the capex of what they commit to.
 *
 * @param commodities the commodities whose makers are eligible
 * @param excludeRegion a region whose firms are never eligible (the restricting country)
 * @param eligibleRegions regions whose firms are eligible; absent, every region but {@code excludeRegion}
 * @param hurdleRelief share by which an eligible firm's investment hurdle is lowered
 * @param subsidyRate share of the capex the budget pays
 * @param capexPerAnnualUnit capex in US dollars per unit of yearly capacity
 */
@JsonTypeName(CapexSubsidySpec.TYPE)
public record CapexSubsidySpec(String id, String region, List<String> commodities, String excludeRegion,
                               List<String> eligibleRegions, Double hurdleRelief, Double subsidyRate,
                               Double capexPerAnnualUnit, Integer announce, Integer start, Integer end,
                               TriggerSpec trigger, String role) implements ImporterInstrumentSpec {
    public static final String TYPE = "capexSubsidy";

    public CapexSubsidySpec {
        id = id == null ? TYPE : id;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    @Override
    public void check(SpecCheck at) {
        at.region("region", region);
        at.commodities("commodities", commodities);
        at.region("excludeRegion", excludeRegion);
        // Every eligible region excluded leaves the subsidy no firm to pay or relieve: it would validate and do
        // nothing, as an export measure that covers no region a route reaches would restrict nothing.
        at.regions("eligibleRegions", eligibleRegions, (field, id) -> {
            if (id.equals(excludeRegion)) {
                at.problem(field, "region '" + id + "' is the excludeRegion, whose firms are never eligible, so"
                        + " listing it here makes none of its firms eligible; remove it from one of the two");
            }
        });
        if (eligibleRegions == null && excludeRegion != null && at.regionIds().equals(List.of(excludeRegion))) {
            at.problem("excludeRegion", "'" + excludeRegion + "' is the scenario's only region, and without"
                    + " eligibleRegions every region but excludeRegion is eligible, so no firm would be: the subsidy"
                    + " would pay and relieve nothing; remove excludeRegion or the subsidy");
        }
        Schedule.check(this, at);
        if (trigger != null) {
            trigger.check(at.at("trigger"));
        }
    }
}
