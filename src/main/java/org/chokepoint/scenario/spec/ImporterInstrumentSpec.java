package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.List;

/**
 * An importing government's instrument, in its own region: a support, a levy or quota on imports, a
 * stockpile, a procurement rule, a capex subsidy or a notice. Most act on one commodity and may wait for a
 * {@link TriggerSpec trigger}.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(TariffFloorSpec.class),
        @JsonSubTypes.Type(ContractForDifferenceSpec.class),
        @JsonSubTypes.Type(PurchaseGuaranteeSpec.class),
        @JsonSubTypes.Type(TariffRateQuotaSpec.class),
        @JsonSubTypes.Type(StrategicStockpileSpec.class),
        @JsonSubTypes.Type(DiversificationRequirementSpec.class),
        @JsonSubTypes.Type(ResilienceStandardSpec.class),
        @JsonSubTypes.Type(CapexSubsidySpec.class),
        @JsonSubTypes.Type(GovernmentNoticeSpec.class)})
public sealed interface ImporterInstrumentSpec extends PolicySpec
        permits TariffFloorSpec, ContractForDifferenceSpec, PurchaseGuaranteeSpec, TariffRateQuotaSpec,
        StrategicStockpileSpec, DiversificationRequirementSpec, ResilienceStandardSpec, CapexSubsidySpec, GovernmentNoticeSpec {

    /** The one commodity the instrument acts on in its region; null for one that covers several. */
    default String commodity() {
        return null;
    }

    /** The rule that switches it on, or null when its schedule alone decides. */
    default TriggerSpec trigger() {
        return null;
    }

    /** The checks most importer instruments share: region, commodity, schedule and trigger. */
    default void checkInstrument(SpecCheck at) {
        at.region("region", region());
        at.commodity("commodity", commodity());
        Schedule.check(this, at);
        if (trigger() != null) {
            trigger().check(at.at("trigger"));
        }
    }

    /**
     * Checks a list of exempt origins: regions, each named once, and other regions than the importer's own, whose
     * output is no import, so exempting it would do nothing.
     */
    default void checkExemptOrigins(SpecCheck at, List<String> origins) {
        at.regions("exemptOrigins", origins, (here, o) -> {
            if (o.equals(region())) {
                at.problem(here, "'" + o + "' is the importing region itself, whose own output is no import:"
                        + " exempting it does nothing");
            }
        });
    }
}
