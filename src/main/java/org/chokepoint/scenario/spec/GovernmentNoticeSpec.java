package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * An importing government's notice that a disruption of some commodities is likely: it moves no goods and
 * costs nothing, and lets domestic firms start joint procurement before the cut-off is felt.
 *
 * @param commodities the commodities it covers
 */
@JsonTypeName(GovernmentNoticeSpec.TYPE)
public record GovernmentNoticeSpec(String id, String region, List<String> commodities, Integer announce,
                                   Integer start, Integer end, String role) implements ImporterInstrumentSpec {
    public static final String TYPE = "governmentNotice";

    public GovernmentNoticeSpec {
        id = id == null ? TYPE : id;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    @Override
    public void check(SpecCheck at) {
        at.region("region", region);
        at.commodities("commodities", commodities);
        Schedule.check(this, at);
    }
}
