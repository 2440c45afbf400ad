package org.chokepoint.report;

/**
 * The summary's totals in words, as every page names them: the run's table against its counterfactual and the
 * ensemble's table over its runs say the same of the same figure.
 */
final class TotalLabels {
    /**
     * How a page reads a negative output lost, a market or an industry that made more than its counterfactual:
     * every heading of output lost, on the run's, the ensemble's and the comparison's pages, says it.
     */
    static final String NEGATIVE_IS_GAIN = "negative = gain";

    private static final String[][] LABELS = {
        {"downstreamOutputLoss", "Downstream output lost, in value added (at pre-shock prices; " + NEGATIVE_IS_GAIN + ")"},
        {"finalDemandShortage", "Final demand rationed (at pre-shock prices)"},
        {"consumerSurplusChange", "Consumer surplus change"},
        {"producerSurplusChange", "Producer surplus change"},
        {"fiscalCost", "Fiscal cost, net of sales and clawbacks"},
        {"publicStockValue", "Public stocks held at the end, at the market price"},
        {"levyRevenue", "Levy and tariff revenue"},
        {"quotaRent", "Quota rents"},
        {"traderSurplusChange", "Traders' surplus change"},
        {"privateStockValueChange", "Private stocks held at the end, at the market price: change"},
        {"plantValueChange", "New plant's value left at the end: change"},
        {"deadweightLoss", "Net welfare loss (positive = loss)"},
    };

    /**
     * What each party of the tables of who gains stands for, as the run's, the ensemble's and the comparison's notes
     * define it, by the field of the regional incidence it is.
     */
    static final String TAXPAYERS = "Taxpayers: levies, tariffs and export taxes collected less outlays, plus the "
            + "public stocks held at the end at the market price.";
    static final String TRADERS = "Traders: the margin of the cargo sold into the region's markets, after what they "
            + "paid for it, its transport, duties and licence rents.";
    static final String PRIVATE_STOCKS = "Private stocks at the end: what firms, traders, stockists and pools hold in "
            + "the region's markets, or at sea bound for them, after the last tick, at the market price, beyond what "
            + "they are already counted at.";
    static final String PLANT = "Plant left at the end: what new plant whose capital the sum charged when it was paid "
            + "is still worth, its capital less what it has recovered over its life.";
    static final java.util.Map<String, String> ACTORS = java.util.Map.of("taxpayerChange", TAXPAYERS,
            "traderSurplusChange", TRADERS, "privateStockValueChange", PRIVATE_STOCKS, "plantValueChange", PLANT);

    private TotalLabels() {
    }

    /** The words for the total named {@code field} in summary.json's {@code totals}, or null for none of them. */
    static String of(String field) {
        for (String[] l : LABELS) {
            if (l[0].equals(field)) {
                return l[1];
            }
        }
        return null;
    }
}
