package org.chokepoint.trade;

/**
 * A government's measure on trade between two regions in one commodity: an export quota, ban, licence,
 * tax, or an import tariff or levy. Each method answers for a prospective shipment this tick; the defaults
 * are those of free trade, so a measure overrides only what it restricts.
 *
 * <p>The terms of a lane (allowance, taxes and subsidies, tariff, compliance cost, detour, a restriction
 * ahead) are asked once per lane and tick, before any trader requests a shipment, and shared by every trader of
 * the lane: they must follow from the lane and the tick alone. The import levy is asked trader by trader, just
 * before its request, so it may depend on what earlier traders asked for.
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

    /**
     * Ad valorem export subsidy (a VAT rebate) on the origin price: the exporting government pays it on what
     * leaves, so it lowers the trader's cost of the cargo as a negative export tax would.
     */
    default double exportSubsidyRate(int origin, int destination, int commodity, int tick) {
        return 0.0;
    }

    /** Specific export subsidy per unit leaving, in the commodity's price unit. */
    default double exportSubsidyPerUnit(int origin, int destination, int commodity, int tick) {
        return 0.0;
    }

    /** Ad valorem import tariff on the landed price. */
    default double importTariffRate(int origin, int destination, int commodity, int tick) {
        return 0.0;
    }

    /**
     * Specific import levy per unit on cargo landing at {@code landedPrice} (price at the destination before
     * the levy), in the commodity's price unit.
     */
    default double importLevy(int origin, int destination, int commodity, int tick, double landedPrice) {
        return 0.0;
    }

    /**
     * Extra cost per unit of shipping through a third country, for a shipment the measure would otherwise
     * stop; NaN when no such route is open.
     */
    default double detourCost(int origin, int destination, int commodity, int tick) {
        return Double.NaN;
    }

    /**
     * Whether the measure holds the lane to a rule against circumvention: the exporter's customs look through a
     * third country to where cargo is bound, so none of the lane's cargo goes round any export measure on it, however
     * another measure leaves a way round itself open.
     */
    default boolean forbidsWayRound(int origin, int destination, int commodity, int tick) {
        return false;
    }

    /** Share of a wanted shipment that gets round a stop through the detour (the leak rate). */
    default double detourShare(int origin, int destination, int commodity, int tick) {
        return 0.0;
    }

    /** The third region a detour passes through, or -1. */
    default int detourVia(int origin, int destination, int commodity, int tick) {
        return -1;
    }

    /**
     * Cost of complying, as a share of the origin price: the carrying cost of waiting for a licence, for
     * instance. Unlike a tax nobody collects it.
     */
    default double complianceCostRate(int origin, int destination, int commodity, int tick) {
        return 0.0;
    }

    /**
     * Whether the lane lets none of this importer's cargo pass, whatever it asks: a licensing office refuses its
     * applications outright (a denied destination, or an approval rate of nil) and it holds no licence granted
     * before, on which it may still ship. A buyer free to choose its supplier does not apply there.
     */
    default boolean refusesAll(int importer, int origin, int destination, int commodity, int tick) {
        return false;
    }

    /** Whether a restriction on this lane is announced but not yet in force. */
    default boolean restrictionAhead(int origin, int destination, int commodity, int tick) {
        return false;
    }

    /**
     * What buyers read into the news of a quantity restriction on this lane: the share of the lane's supply it
     * may stop, from the tick it is announced (and again on the tick a measure extending or replacing it is
     * announced) until it takes effect; 0 at other ticks. Once it is in force, buyers judge it by what it
     * refuses them.
     */
    default double announcedThreat(int origin, int destination, int commodity, int tick) {
        return 0.0;
    }

    /**
     * Tonnes of market {@code market}'s own output a measure on production holds back this tick, as its buyers
     * read it: from the tick it is announced until it takes effect, how far the output its sellers normally make
     * exceeds what it will let them make in its first tick; in force, how far their plans exceed what it lets them
     * make this tick. 0 for a measure on trade, which threatens lanes instead ({@link #announcedThreat}).
     */
    default double outputThreatened(int market, int tick) {
        return 0.0;
    }

    /**
     * When this measure's restriction on exports of {@code commodity} from {@code origin} ends (the first tick
     * it no longer holds), if it holds at tick {@code at} as known at tick {@code now}: its scheduled end from
     * its announcement on, cut by a measure replacing it from that one's announcement on, or
     * {@link Integer#MAX_VALUE} for one announced without an end; -1 when it does not restrict those exports at
     * {@code at} or is not yet announced. A measure that lowers no exporter's price (a subsidy) restricts nothing.
     */
    default int exportRestrictionEnd(int origin, int commodity, int at, int now) {
        return -1;
    }

    /** A trader asks to ship this much this tick; volume-capped measures pool the requests. */
    default void request(int trader, int origin, int destination, int commodity, int tick, double quantity) { }

    /** Share of this tick's request that may be bought for shipment, after every trader has asked. */
    default double grantedShare(int trader, int origin, int destination, int commodity, int tick) {
        return 1.0;
    }

    /**
     * Whether what {@link #grantedShare} withholds is held back at the exporter's border (an export quota, a
     * licence), so that a way round the exporter's restriction carries its leak rate of it. What an importer's
     * measure withholds (a tariff-rate quota's licences, a diversification cap) no way round an export measure
     * evades.
     */
    default boolean limitsExports() {
        return false;
    }

    /** A shipment left: volume-capped measures count it against what remains. */
    default void shipped(int trader, int origin, int destination, int commodity, int tick, double quantity,
                         double price) { }

    /** Cargo landed at the destination: levies and tariffs are collected here. */
    default void landed(int trader, int origin, int destination, int commodity, int tick, double quantity,
                        double landedPrice) { }

    /**
     * Specific charge per unit the destination levies on the lane's cargo that goes round an export restriction
     * through a third country, landing at c.i.f. {@code cif} (the origin price and the route's freight: it pays no
     * export tax, subsidy or licence). An importer's measure covers the lane as it covers its direct cargo: the
     * way round evades the exporter's measure, not the importer's. Asked once a trader's detour is priced; it must
     * change no state of the measure.
     */
    default double detourLevy(int origin, int destination, int commodity, int tick, double cif) {
        return 0.0;
    }

    /**
     * The lane's cargo left round an export restriction, owing {@link #detourLevy} on {@code cif} this tick:
     * collected when it lands ({@link #landedRound}). It counts against no quota or licence.
     */
    default void shippedRound(int trader, int origin, int destination, int commodity, int tick, double quantity,
                              double cif) { }

    /** The lane's cargo that went round an export restriction landed: what it owes is collected here. */
    default void landedRound(int trader, int origin, int destination, int commodity, int tick, double quantity) { }
}
