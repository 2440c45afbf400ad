package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * An ad valorem export tax.
 *
 * @param rate the tax, as a share of the origin price of what leaves
 */
@JsonTypeName(ExportTaxSpec.TYPE)
public record ExportTaxSpec(String id, String region, List<String> commodities, List<String> destinations,
                            Double rate, Integer announce, Integer start, Integer end, String replaces,
                            String role)
        implements ExportMeasureSpec {
    public static final String TYPE = "exportTax";

    public ExportTaxSpec {
        id = id == null ? TYPE : id;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    @Override
    public void check(SpecCheck at) {
        checkMeasure(at);
    }
}
