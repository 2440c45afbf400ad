package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A tariff-rate quota: a yearly volume of imports enters at the in-quota tariff, the rest at the
 * out-of-quota tariff, both ad valorem on the c.i.f. price.
 *
 * @param inQuotaTariff the tariff inside the quota
 * @param outOfQuotaTariff the tariff beyond it
 * @param yearlyQuota quantity that may enter at the in-quota tariff in a quota year
 * @param exemptOrigins origins whose cargo the quota does not cover
 */
@JsonTypeName(TariffRateQuotaSpec.TYPE)
public record TariffRateQuotaSpec(String id, String region, String commodity, Double inQuotaTariff,
                                  Double outOfQuotaTariff, Double yearlyQuota, List<String> exemptOrigins,
                                  Integer announce, Integer start, Integer end, TriggerSpec trigger, String role)
        implements ImporterInstrumentSpec {
    public static final String TYPE = "tariffRateQuota";

    public TariffRateQuotaSpec {
        id = id == null ? TYPE : id;
        inQuotaTariff = inQuotaTariff == null ? 0.0 : inQuotaTariff;
        start = Schedule.startOrZero(start);
        announce = announce == null ? start : announce;
    }

    @Override
    public void check(SpecCheck at) {
        checkInstrument(at);
        checkExemptOrigins(at, exemptOrigins);
    }
}
