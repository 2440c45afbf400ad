package org.chokepoint.policy;

/**
 * A government's measure on trade between two regions in one commodity: an export quota, ban, licence,
 * tax, or an import tariff. Each method answers for a prospective shipment this tick; the defaults are
 * those of free trade, so a measure overrides only what it restricts.
 */
public interface TradeMeasure {

    /** Share of a wanted shipment that may leave (1 = unrestricted, 0 = banned). */
    default double exportAllowance(int origin, int destination, int commodity, int tick) {
        return 1.0;
    }

    /** Ad valorem export tax on the origin price. */
    default double exportTaxRate(int origin, int destination, int commodity, int tick) {
        return 0.0;
    }

    /** Ad valorem import tariff on the landed price. */
    default double importTariffRate(int origin, int destination, int commodity, int tick) {
        return 0.0;
    }
}
