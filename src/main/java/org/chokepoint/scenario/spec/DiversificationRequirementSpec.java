package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A diversification requirement: the region's buyers take no more than a share of their imports of the
 * commodity from any one origin over a rolling window.
 *
 * @param maxShare the largest share of the window's imports one origin may supply
 * @param windowTicks length of the rolling window
 */
@JsonTypeName(DiversificationRequirementSpec.TYPE)
public record DiversificationRequirementSpec(String id, String region, String commodity, Double maxShare,
                                             Integer windowTicks, Integer announce, Integer start, Integer end,
                                             TriggerSpec trigger, String role) implements ImporterInstrumentSpec {
    public static final String TYPE = "diversificationRequirement";

    public DiversificationRequirementSpec {
        id = id == null ? TYPE : id;
        windowTicks = windowTicks == null ? 26 : windowTicks;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    @Override
    public void check(SpecCheck at) {
        checkInstrument(at);
    }
}
