package org.chokepoint.scenario.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.List;
import java.util.Map;

/**
 * An exporting government's measure on some commodities leaving its region, to every other region or to
 * the listed destinations.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(ExportQuotaSpec.class),
        @JsonSubTypes.Type(ExportBanSpec.class),
        @JsonSubTypes.Type(ExportLicensingSpec.class),
        @JsonSubTypes.Type(ExportTaxSpec.class),
        @JsonSubTypes.Type(ExportSubsidySpec.class)})
public sealed interface ExportMeasureSpec extends PolicySpec
        permits ExportQuotaSpec, ExportBanSpec, ExportLicensingSpec, ExportTaxSpec, ExportSubsidySpec {

    /** The commodities the measure covers. */
    List<String> commodities();

    /** The destinations it covers; null for every region but the exporter's own. */
    List<String> destinations();

    /**
     * The checks every export measure shares: its ids and its schedule. A destination is another region: the
     * exporter's own, listed, would be a measure on no shipment at all.
     */
    default void checkMeasure(SpecCheck at) {
        boolean known = at.region("region", region());
        at.commodities("commodities", commodities());
        at.regions("destinations", destinations(), (here, d) -> coveredDestination(at, here, d));
        if (known && region() != null) {
            reachesACoveredDestination(at);
        }
        Schedule.check(this, at);
    }

    /**
     * A measure acts on the lanes from its region to the destinations it covers: where the routes open none (a
     * world of one region, or destinations no route reaches), it would restrict nothing, which is a mistake in the
     * file rather than a policy.
     */
    private void reachesACoveredDestination(SpecCheck at) {
        List<String> covered = destinations() != null ? destinations()
                : at.regionIds().stream().filter(r -> !r.equals(region())).toList();
        for (String d : covered) {
            if (at.laneExists(region(), d)) {
                return;
            }
        }
        at.problem(destinations() != null ? "destinations" : "region", "no route runs from '" + region()
                + "' to " + (covered.isEmpty() ? "another region" : "any of " + String.join(", ", covered))
                + ", so the measure would restrict nothing; the routes open: " + at.lanes());
    }

    /** Each key of an object keyed by destination must name a destination the measure covers. */
    default void coveredDestinationKeys(SpecCheck at, String field, Map<String, ?> byDestination) {
        for (String d : byDestination.keySet()) {
            String here = JsonPointers.child(field, d);
            if (at.region(here, d)) {
                coveredDestination(at, here, d);
            }
        }
    }

    /** A destination a field names must be one the measure covers, or naming it would do nothing. */
    default void coveredDestination(SpecCheck at, String field, String d) {
        if (d.equals(region())) {
            at.problem(field, "'" + d + "' is the exporting region itself, which the measure does not cover: name"
                    + " another region");
        } else if (destinations() != null && !destinations().contains(d)) {
            at.problem(field, "destination '" + d + "' is not among the measure's destinations: "
                    + String.join(", ", destinations()));
        }
    }
}
