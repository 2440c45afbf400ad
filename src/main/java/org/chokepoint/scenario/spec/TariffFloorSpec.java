package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A tariff price floor (variable import levy): imports from origins not exempt pay the floor less their
 * c.i.f. price.
 *
 * @param floor the price imports must not undercut, in the commodity's price unit
 * @param exemptOrigins origins whose cargo pays no levy
 */
@JsonTypeName(TariffFloorSpec.TYPE)
public record TariffFloorSpec(String id, String region, String commodity, Double floor, List<String> exemptOrigins,
                              Integer announce, Integer start, Integer end, TriggerSpec trigger, String role)
        implements ImporterInstrumentSpec {
    public static final String TYPE = "tariffFloor";

    public TariffFloorSpec {
        id = id == null ? TYPE : id;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    @Override
    public void check(SpecCheck at) {
        checkInstrument(at);
        checkExemptOrigins(at, exemptOrigins);
    }
}
