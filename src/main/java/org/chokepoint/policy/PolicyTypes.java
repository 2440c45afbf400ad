package org.chokepoint.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.chokepoint.world.World;

/** The instrument types this version runs, and how each is read from its scenario entry. */
public final class PolicyTypes {
    private PolicyTypes() { }

    /** Every supported {@code type} of a scenario's {@code policies} entry. */
    public static final List<String> SUPPORTED = List.of(
            ExportQuota.TYPE, ExportBan.TYPE, ExportLicensing.TYPE, ExportTax.TYPE,
            TariffFloor.TYPE, ContractForDifference.TYPE, PurchaseGuarantee.TYPE, TariffRateQuota.TYPE,
            StrategicStockpile.TYPE, DiversificationRequirement.TYPE, CapexSubsidy.TYPE, GovernmentNotice.TYPE);

    /**
     * Problems with one entry of a supported type, as (JSON pointer, message) pairs; the pointer is
     * relative to {@code pointer}.
     */
    public static List<String[]> check(JsonNode spec, String pointer, Set<String> regions, Set<String> commodities,
                                       int horizon) {
        SpecReader r = new SpecReader(spec, pointer, regions, commodities);
        read(spec.path("type").asText(), r, null, horizon);
        return r.problems();
    }

    static Instrument create(JsonNode spec, World world, int horizon) {
        SpecReader r = SpecReader.of(spec, world);
        Instrument i = read(spec.path("type").asText(), r, world, horizon);
        List<String[]> problems = r.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0)[0] + ": " + problems.get(0)[1]);
        }
        return i;
    }

    private static Instrument read(String type, SpecReader r, World world, int horizon) {
        return switch (type) {
            case ExportQuota.TYPE -> ExportQuota.read(r, world, horizon);
            case ExportBan.TYPE -> ExportBan.read(r, world, horizon);
            case ExportLicensing.TYPE -> ExportLicensing.read(r, world, horizon);
            case ExportTax.TYPE -> ExportTax.read(r, world, horizon);
            case TariffFloor.TYPE -> TariffFloor.read(r, world, horizon);
            case ContractForDifference.TYPE -> ContractForDifference.read(r, world, horizon);
            case PurchaseGuarantee.TYPE -> PurchaseGuarantee.read(r, world, horizon);
            case TariffRateQuota.TYPE -> TariffRateQuota.read(r, world, horizon);
            case StrategicStockpile.TYPE -> StrategicStockpile.read(r, world, horizon);
            case DiversificationRequirement.TYPE -> DiversificationRequirement.read(r, world, horizon);
            case CapexSubsidy.TYPE -> CapexSubsidy.read(r, world, horizon);
            case GovernmentNotice.TYPE -> GovernmentNotice.read(r, world, horizon);
            default -> throw new IllegalArgumentException("unsupported policy type '" + type + "'");
        };
    }
}
