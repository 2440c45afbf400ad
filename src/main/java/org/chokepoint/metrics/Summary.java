package org.chokepoint.metrics;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a run came to: one {@link MarketSummary} per market some agent trades in, in market order, and the
 * run's {@link Totals}. Definitions are in {@code docs/outputs.md} and {@link SummaryCalculator}.
 */
public record Summary(List<MarketSummary> markets, Totals totals) {

    public Summary {
        markets = List.copyOf(markets);
    }

    /**
     * @param baselinePrice      mean price over the pre-shock window
     * @param peakPrice          highest price from the window's start on
     * @param peakTick           first tick at which the peak was reached
     * @param peakMultiple       peak price over baseline price
     * @param recoveryTick       first tick after the peak with the price within 10% of the baseline (the peak
     *                           tick itself when the peak is within 10%), or null when it never came back
     * @param cumulativeShortage unmet demand summed from the window's start on, in quantity units
     * @param daysOfCoverAtShock inventory days of cover on the tick before the first shock, or null without one
     */
    public record MarketSummary(String region, String commodity, double baselinePrice, double peakPrice,
                                int peakTick, double peakMultiple, Integer recoveryTick,
                                double cumulativeShortage, Double daysOfCoverAtShock) { }

    /**
     * Differences against the counterfactual, in US dollars, summed from the window's start on; all zero
     * when the run has no counterfactual.
     */
    public record Totals(double downstreamOutputLoss, double consumerSurplusChange, double producerSurplusChange,
                         double fiscalCost) { }

    /**
     * Every number under a stable column name, for one row of a table of runs: {@code totals.<field>} for the
     * totals, then {@code <region>.<commodity>.<field>} for each market in order, fields in the order of
     * {@link MarketSummary} without region and commodity. A missing value (null) is NaN.
     */
    public LinkedHashMap<String, Double> flatten() {
        LinkedHashMap<String, Double> row = new LinkedHashMap<>();
        row.put("totals.downstreamOutputLoss", totals.downstreamOutputLoss());
        row.put("totals.consumerSurplusChange", totals.consumerSurplusChange());
        row.put("totals.producerSurplusChange", totals.producerSurplusChange());
        row.put("totals.fiscalCost", totals.fiscalCost());
        for (MarketSummary m : markets) {
            String p = m.region() + "." + m.commodity() + ".";
            row.put(p + "baselinePrice", m.baselinePrice());
            row.put(p + "peakPrice", m.peakPrice());
            row.put(p + "peakTick", (double) m.peakTick());
            row.put(p + "peakMultiple", m.peakMultiple());
            row.put(p + "recoveryTick", m.recoveryTick() == null ? Double.NaN : m.recoveryTick().doubleValue());
            row.put(p + "cumulativeShortage", m.cumulativeShortage());
            row.put(p + "daysOfCoverAtShock", m.daysOfCoverAtShock() == null ? Double.NaN : m.daysOfCoverAtShock());
        }
        return row;
    }
}
