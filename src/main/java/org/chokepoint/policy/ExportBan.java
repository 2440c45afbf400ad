package org.chokepoint.policy;

import org.chokepoint.scenario.spec.ExportBanSpec;

/**
 * A halt to exports of some commodities to listed destinations (a halt to one country). Unless an
 * anti-circumvention rule holds, a share of the wanted flow ({@code leakRate}) can still reach a banned
 * destination through a third country, at an extra cost per unit and extra transit time, and only when the
 * gap still pays after that cost.
 */
final class ExportBan extends ExportMeasure {
    ExportBan(ExportBanSpec spec, PolicySetting setting) {
        super(spec, setting);
        allow(spec.circumvention(), spec.antiCircumvention(), setting.world());
    }

    @Override
    public double exportAllowance(int o, int d, int c, int tick) {
        return binds(o, d, c, tick) ? 0.0 : 1.0;
    }
}
