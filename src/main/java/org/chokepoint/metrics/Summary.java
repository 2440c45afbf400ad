package org.chokepoint.metrics;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a run came to: one {@link MarketSummary} per market some agent trades in, in market order, and the
 * run's {@link Totals}. Definitions are in {@code docs/outputs.md} and {@link SummaryCalculator}.
 */
public record Summary(List<MarketSummary> markets, Totals totals, List<RegionSurplus> regions,
                      java.util.Map<String, java.util.Map<String, Double>> policies) {

    public Summary {
        markets = List.copyOf(markets);
        regions = List.copyOf(regions);
        policies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(policies));
    }

    /** A summary with no per-region surplus and no policy indicators. */
    public Summary(List<MarketSummary> markets, Totals totals) {
        this(markets, totals, List.of(), java.util.Map.of());
    }

    /**
     * Consumer and producer surplus change of one region against the counterfactual, in US dollars, summed
     * from the window's start on, and their present values.
     */
    public record RegionSurplus(String region, double consumerSurplusChange, double producerSurplusChange,
                                double consumerSurplusChangePv, double producerSurplusChangePv) { }

    /** The totals discounted to the run's first tick at {@link Totals#discountRate()}, per tick. */
    public record PresentValues(double downstreamOutputLoss, double consumerSurplusChange,
                                double producerSurplusChange, double fiscalCost, double levyRevenue,
                                double quotaRent, double deadweightLoss) {
        public static final PresentValues ZERO = new PresentValues(0, 0, 0, 0, 0, 0, 0);
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
     * @param outputLoss         production lost against the counterfactual from the window's start on, in
     *                           quantity units (negative when the run produced more), or null without a
     *                           counterfactual
     * @param outputLossShare    {@code outputLoss} over the counterfactual's production in the same ticks, or
     *                           null without a counterfactual or where the counterfactual produced nothing
     * @param ticksToExhaustion  ticks from the first shock to the first tick on which the region's stock fell
     *                           below {@code outputs.exhaustionShare} of its mean over the pre-shock window, or
     *                           null without a shock, without a pre-shock stock, or when it never fell so far
     * @param firstTickAbove2x   first tick from the window's start on with the price above twice the baseline
     *                           price, or null when it never rose so far
     * @param firstTickAbove5x   the same for five times the baseline price
     */
    public record MarketSummary(String region, String commodity, double baselinePrice, double peakPrice,
                                int peakTick, double peakMultiple, Integer recoveryTick,
                                double cumulativeShortage, Double daysOfCoverAtShock, Double outputLoss,
                                Double outputLossShare, Integer ticksToExhaustion, Integer firstTickAbove2x,
                                Integer firstTickAbove5x) {

        /** A market without the stock and price-threshold figures (a run too short to have them). */
        public MarketSummary(String region, String commodity, double baselinePrice, double peakPrice,
                             int peakTick, double peakMultiple, Integer recoveryTick, double cumulativeShortage,
                             Double daysOfCoverAtShock, Double outputLoss, Double outputLossShare) {
            this(region, commodity, baselinePrice, peakPrice, peakTick, peakMultiple, recoveryTick,
                    cumulativeShortage, daysOfCoverAtShock, outputLoss, outputLossShare, null, null, null);
        }
    }

    /**
     * Differences against the counterfactual, in US dollars, summed from the window's start on; all zero
     * when the run has no counterfactual.
     */
    public record Totals(double downstreamOutputLoss, double consumerSurplusChange, double producerSurplusChange,
                         double fiscalCost, double levyRevenue, double quotaRent, double deadweightLoss,
                         double discountRate, PresentValues presentValues) {

        /** Totals without levies, quota rents or discounting; the deadweight loss follows from the rest. */
        public Totals(double downstreamOutputLoss, double consumerSurplusChange, double producerSurplusChange,
                      double fiscalCost) {
            this(downstreamOutputLoss, consumerSurplusChange, producerSurplusChange, fiscalCost, 0, 0,
                    deadweight(consumerSurplusChange, producerSurplusChange, fiscalCost, 0, 0), 0,
                    new PresentValues(downstreamOutputLoss, consumerSurplusChange, producerSurplusChange, fiscalCost,
                            0, 0, deadweight(consumerSurplusChange, producerSurplusChange, fiscalCost, 0, 0)));
        }

        /**
         * The net welfare loss against the counterfactual: minus the sum of the changes in consumer and
         * producer surplus, government receipts (levies and tariffs) and quota rents (licences held at home),
         * less government outlays. Positive is a loss.
         */
        public static double deadweight(double cs, double ps, double fiscal, double levy, double quotaRent) {
            return -(cs + ps - fiscal + levy + quotaRent);
        }
    }

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
        row.put("totals.levyRevenue", totals.levyRevenue());
        row.put("totals.quotaRent", totals.quotaRent());
        row.put("totals.deadweightLoss", totals.deadweightLoss());
        PresentValues pv = totals.presentValues();
        row.put("pv.downstreamOutputLoss", pv.downstreamOutputLoss());
        row.put("pv.consumerSurplusChange", pv.consumerSurplusChange());
        row.put("pv.producerSurplusChange", pv.producerSurplusChange());
        row.put("pv.fiscalCost", pv.fiscalCost());
        row.put("pv.levyRevenue", pv.levyRevenue());
        row.put("pv.quotaRent", pv.quotaRent());
        row.put("pv.deadweightLoss", pv.deadweightLoss());
        for (MarketSummary m : markets) {
            String p = m.region() + "." + m.commodity() + ".";
            row.put(p + "baselinePrice", m.baselinePrice());
            row.put(p + "peakPrice", m.peakPrice());
            row.put(p + "peakTick", (double) m.peakTick());
            row.put(p + "peakMultiple", m.peakMultiple());
            row.put(p + "recoveryTick", m.recoveryTick() == null ? Double.NaN : m.recoveryTick().doubleValue());
            row.put(p + "cumulativeShortage", m.cumulativeShortage());
            row.put(p + "daysOfCoverAtShock", m.daysOfCoverAtShock() == null ? Double.NaN : m.daysOfCoverAtShock());
            row.put(p + "outputLoss", m.outputLoss() == null ? Double.NaN : m.outputLoss());
            row.put(p + "outputLossShare", m.outputLossShare() == null ? Double.NaN : m.outputLossShare());
            row.put(p + "ticksToExhaustion", orNaN(m.ticksToExhaustion()));
            row.put(p + "firstTickAbove2x", orNaN(m.firstTickAbove2x()));
            row.put(p + "firstTickAbove5x", orNaN(m.firstTickAbove5x()));
        }
        for (RegionSurplus r : regions) {
            row.put("region." + r.region() + ".consumerSurplusChange", r.consumerSurplusChange());
            row.put("region." + r.region() + ".producerSurplusChange", r.producerSurplusChange());
        }
        for (java.util.Map.Entry<String, java.util.Map<String, Double>> e : policies.entrySet()) {
            for (java.util.Map.Entry<String, Double> v : e.getValue().entrySet()) {
                row.put("policy." + e.getKey() + "." + v.getKey(), v.getValue());
            }
        }
        return row;
    }

    private static double orNaN(Integer tick) {
        return tick == null ? Double.NaN : tick.doubleValue();
    }
}
