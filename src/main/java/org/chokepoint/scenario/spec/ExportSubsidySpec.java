package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * An export subsidy or VAT rebate, paid by the exporting government on what leaves: per unit, or ad valorem on
 * the origin price (one of the two).
 *
 * @param perUnit the subsidy per unit exported, in the commodity's price unit
 * @param rate the subsidy as a share of the origin price of what leaves
 * @param replaces the id of a policy this one ends when it takes effect
 */
@JsonTypeName(ExportSubsidySpec.TYPE)
public record ExportSubsidySpec(String id, String region, List<String> commodities, List<String> destinations,
                                Double perUnit, Double rate, Integer announce, Integer start, Integer end,
                                String replaces, String role) implements ExportMeasureSpec {
    public static final String TYPE = "exportSubsidy";

    public ExportSubsidySpec {
        id = id == null ? TYPE : id;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    /** The ad valorem rate, 0 for a subsidy per unit. */
    public double rateOrZero() {
        return rate == null ? 0.0 : rate;
    }

    /** The subsidy per unit, 0 for an ad valorem one. */
    public double perUnitOrZero() {
        return perUnit == null ? 0.0 : perUnit;
    }

    @Override
    public void check(SpecCheck at) {
        checkMeasure(at);
        if ((perUnit == null) == (rate == null)) {
            at.problem("", "an export subsidy is either 'perUnit' (price units per unit exported) or 'rate' (a share"
                    + " of the origin price); give exactly one, got " + (perUnit == null ? "neither" : "both"));
        }
    }
}
