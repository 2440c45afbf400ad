package org.chokepoint.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.chokepoint.scenario.spec.CapexSubsidySpec;
import org.chokepoint.scenario.spec.ContractForDifferenceSpec;
import org.chokepoint.scenario.spec.DiversificationRequirementSpec;
import org.chokepoint.scenario.spec.ExportBanSpec;
import org.chokepoint.scenario.spec.ExportLicensingSpec;
import org.chokepoint.scenario.spec.ExportQuotaSpec;
import org.chokepoint.scenario.spec.ExportSubsidySpec;
import org.chokepoint.scenario.spec.ExportTaxSpec;
import org.chokepoint.scenario.spec.GovernmentNoticeSpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.ProductionQuotaSpec;
import org.chokepoint.scenario.spec.PurchaseGuaranteeSpec;
import org.chokepoint.scenario.spec.ResilienceStandardSpec;
import org.chokepoint.scenario.spec.StateCapacitySpec;
import org.chokepoint.scenario.spec.StrategicStockpileSpec;
import org.chokepoint.scenario.spec.TariffFloorSpec;
import org.chokepoint.scenario.spec.TariffRateQuotaSpec;

/**
 * Which instrument each kind of policy spec makes. The scenario reads a policy into its spec record by its
 * {@code type}; this registry turns the record into the running instrument. {@link #STANDARD} holds every
 * shipped type; {@link #with} gives a registry with one more (an instrument of a study's own), which a run
 * receives through {@code Simulation.run} or the model's constructor.
 *
 * <p>A registry is serializable, factories included, because a run keeps it in its checkpoint: a restored
 * run reads its scenario back with the spec types the registry names and can be started again.
 */
public final class PolicyTypes implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Builds an instrument from its spec. Serializable, so that a constructor reference ({@code MyPolicy::new})
     * given as a factory is saved with the run's checkpoint.
     */
    @FunctionalInterface
    public interface Factory<S extends PolicySpec> extends java.io.Serializable {
        Instrument create(S spec, PolicySetting setting);
    }

    /** Every instrument this version ships. */
    public static final PolicyTypes STANDARD = new PolicyTypes(Map.of())
            .with(ExportQuotaSpec.class, ExportQuota::new)
            .with(ExportBanSpec.class, ExportBan::new)
            .with(ExportLicensingSpec.class, ExportLicensing::new)
            .with(ExportTaxSpec.class, ExportTax::new)
            .with(ExportSubsidySpec.class, ExportSubsidy::new)
            .with(TariffFloorSpec.class, TariffFloor::new)
            .with(ContractForDifferenceSpec.class, ContractForDifference::new)
            .with(PurchaseGuaranteeSpec.class, PurchaseGuarantee::new)
            .with(TariffRateQuotaSpec.class, TariffRateQuota::new)
            .with(StrategicStockpileSpec.class, StrategicStockpile::new)
            .with(DiversificationRequirementSpec.class, DiversificationRequirement::new)
            .with(ResilienceStandardSpec.class, ResilienceStandard::new)
            .with(CapexSubsidySpec.class, CapexSubsidy::new)
            .with(GovernmentNoticeSpec.class, GovernmentNotice::new)
            .with(ProductionQuotaSpec.class, ProductionQuota::new)
            .with(StateCapacitySpec.class, StateCapacity::new);

    private final Map<Class<? extends PolicySpec>, Factory<?>> factories;

    private PolicyTypes(Map<Class<? extends PolicySpec>, Factory<?>> factories) {
        this.factories = factories;
    }

    /** This registry and one more type; a type already registered gets the new factory. */
    public <S extends PolicySpec> PolicyTypes with(Class<S> spec, Factory<? super S> factory) {
        Map<Class<? extends PolicySpec>, Factory<?>> more = new LinkedHashMap<>(factories);
        more.put(spec, factory);
        return new PolicyTypes(Collections.unmodifiableMap(more));
    }

    /** The spec types this registry can build, in registration order. */
    public Set<Class<? extends PolicySpec>> specTypes() {
        return factories.keySet();
    }

    /** The instrument a spec declares. */
    @SuppressWarnings("unchecked")
    public Instrument create(PolicySpec spec, PolicySetting setting) {
        Factory<PolicySpec> factory = (Factory<PolicySpec>) factories.get(spec.getClass());
        if (factory == null) {
            throw new IllegalArgumentException("no instrument is registered for " + spec.getClass().getSimpleName());
        }
        return factory.create(spec, setting);
    }
}
