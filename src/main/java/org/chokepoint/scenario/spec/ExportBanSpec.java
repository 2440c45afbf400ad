package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A halt to exports of some commodities to the listed destinations, or, with none listed, to every other region.
 *
 * @param circumvention the way round the ban, if any
 * @param antiCircumvention true when a rule closes every way round
 */
@JsonTypeName(ExportBanSpec.TYPE)
public record ExportBanSpec(String id, String region, List<String> commodities, List<String> destinations,
                            Integer announce, Integer start, Integer end, String replaces,
                            CircumventionSpec circumvention, Boolean antiCircumvention, String role) implements ExportMeasureSpec {
    public static final String TYPE = "exportBan";

    public ExportBanSpec {
        id = id == null ? TYPE : id;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
        antiCircumvention = antiCircumvention != null && antiCircumvention;
    }

    @Override
    public void check(SpecCheck at) {
        checkMeasure(at);
        if (circumvention != null) {
            circumvention.check(at.at("circumvention"), region);
        }
    }
}
