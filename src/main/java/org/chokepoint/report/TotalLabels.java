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
