package org.chokepoint.metrics;

/** The per-market, per-tick series a run records, in the order they are stored and written. */
public enum Metric {
    /** The quoted price after clearing, in the commodity's price unit. */
    PRICE("price"),
    /** Volume cleared in the market. */
    TRADED("traded"),
    PRODUCTION("production"),
    /** Final consumption by households plus intermediate use by manufacturers. */
    CONSUMPTION("consumption"),
    /** Cargo arriving in the region. */
    IMPORTS("imports"),
    /** Cargo bought in the region for shipment elsewhere. */
    EXPORTS("exports"),
    /** Everything of the commodity held in the region: firms' output and input stocks, traders' cargo landed. */
    STOCK("stock"),
    /** Stock divided by daily use (consumption plus exports, averaged over about four ticks). */
    INVENTORY_DAYS("inventoryDays"),
    /** Input manufacturers needed for their planned output and lacked, plus final demand rationed at the quote. */
    UNMET_DEMAND("unmetDemand"),
    /**
     * The part of {@link #UNMET_DEMAND} that was final demand (households rationed at the quote): a shortage
     * valued once, at final demand, where a firm's unmet input demand shows instead in the output it lost.
     */
    UNMET_FINAL_DEMAND("unmetFinalDemand"),
    /** Capacity of the firms producing in the market that are operating. */
    CAPACITY("capacity"),
    /** Revenue less purchased inputs and variable cost of the market's producers, in US dollars. */
    PRODUCER_SURPLUS("producerSurplus"),
    /** Government spending net of receipts on the commodity in the region (subsidies, stockpile trades), US dollars. */
    FISCAL_COST("fiscalCost"),
    /** Import levies and tariffs collected, in US dollars. */
    LEVY_REVENUE("levyRevenue"),
    /** Rents earned by holders of tariff-rate-quota licences, in US dollars. */
    QUOTA_RENT("quotaRent"),
    /**
     * Traders' sales of the cargo sold in the market (and of speculative stock held in it) less what they paid for
     * it: its price at the origin, freight, compliance and detour costs, export taxes net of subsidies, import
     * levies and tariffs, and the rent of the quota licences it landed under, in US dollars.
     */
    TRADER_SURPLUS("traderSurplus");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static final Metric[] ALL = values();
    public static final int COUNT = ALL.length;
}
