package org.chokepoint.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import org.chokepoint.scenario.PriceBase;

/**
 * What a run came to: one {@link MarketSummary} per market some agent trades in, in market order, and the
 * run's {@link Totals}. Definitions are in {@code docs/outputs.md} and {@link SummaryCalculator}. Money in the
 * totals and regions is in the dollars of {@link #money()}'s base year; prices in the markets and the policies'
 * indicators stay in the scenario's own units.
 */
public record Summary(List<MarketSummary> markets, Totals totals, List<RegionSurplus> regions,
                      java.util.Map<String, java.util.Map<String, Double>> policies, PriceBase money,
                      @com.fasterxml.jackson.annotation.JsonInclude(
                              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                      java.util.Map<String, java.util.Map<String, Double>> prospects,
                      @com.fasterxml.jackson.annotation.JsonInclude(
                              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                      java.util.Map<String, java.util.Map<String, Double>> expansions) {

    public Summary {
        markets = List.copyOf(markets);
        regions = List.copyOf(regions);
        policies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(policies));
        prospects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(prospects));
        expansions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expansions));
    }

    /** A summary without what prospects did or what plant with a given capital cost was ordered. */
    public Summary(List<MarketSummary> markets, Totals totals, List<RegionSurplus> regions,
                   java.util.Map<String, java.util.Map<String, Double>> policies, PriceBase money) {
        this(markets, totals, regions, policies, money, java.util.Map.of(), java.util.Map.of());
    }

    /** A summary with no per-region surplus and no policy indicators, in the scenario's own dollars. */
    public Summary(List<MarketSummary> markets, Totals totals) {
        this(markets, totals, List.of(), java.util.Map.of(), new PriceBase(null, null, 1, null));
    }

    /**
     * The incidence of the run's welfare change in one region, against the counterfactual, in US dollars:
     * who in the region gained or lost. Over every region, consumers, producers, taxpayers, quota-rent holders,
     * traders, the private stocks held at the end and the new plant's value left add up to minus the total
     * {@link Totals#deadweightLoss()}.
     *
     * @param consumerSurplusChange   households' surplus change, from the window's start on
     * @param producerSurplusChange   the region's producers' surplus change (every stage), from the window's start on
     * @param taxpayerChange          the government's receipts (levies, tariffs, export taxes) less its outlays,
     *                                plus the public stocks it holds at the end at the market price, from tick 0
     * @param quotaRentChange         rents of the region's tariff-rate-quota licence holders, from tick 0
     * @param traderSurplusChange     the surplus of the traders selling into the region's markets, from the
     *                                window's start on
     * @param privateStockValueChange what the stocks held in the region's markets (and at sea bound for them) by
     *                                firms, traders, stockists and consortium pools after the last tick are worth
     *                                at its market price, beyond what the sum already counts them at
     * @param plantValueChange        what the new plant of the region's firms whose capital the sum counted is worth
     *                                after the last tick ({@link org.chokepoint.agent.PlantBook})
     * @param downstreamOutputLoss    the region's firms' lost output of component and final goods in value added
     *                                (not part of the welfare sum: the same loss seen from output)
     */
    public record RegionSurplus(String region, double consumerSurplusChange, double producerSurplusChange,
                                double taxpayerChange, double quotaRentChange, double traderSurplusChange,
                                double privateStockValueChange, double plantValueChange,
                                double downstreamOutputLoss, double consumerSurplusChangePv,
                                double producerSurplusChangePv, double taxpayerChangePv, double quotaRentChangePv,
                                double traderSurplusChangePv, double privateStockValueChangePv,
                                double plantValueChangePv, double downstreamOutputLossPv) {

        /** The same in dollars worth {@code k} times as much. */
        RegionSurplus scaled(double k) {
            return new RegionSurplus(region, k * consumerSurplusChange, k * producerSurplusChange, k * taxpayerChange,
                    k * quotaRentChange, k * traderSurplusChange, k * privateStockValueChange, k * plantValueChange,
                    k * downstreamOutputLoss, k * consumerSurplusChangePv, k * producerSurplusChangePv,
                    k * taxpayerChangePv, k * quotaRentChangePv, k * traderSurplusChangePv,
                    k * privateStockValueChangePv, k * plantValueChangePv, k * downstreamOutputLossPv);
        }

        /**
         * The region's welfare change: consumers, producers, taxpayers, quota-rent holders, traders, the private
         * stocks held at the end and the new plant's value left together.
         */
        public double welfareChange() {
            return consumerSurplusChange + producerSurplusChange + taxpayerChange + quotaRentChange
                    + traderSurplusChange + privateStockValueChange + plantValueChange;
        }

        /** {@link #welfareChange()} in present values. */
        public double welfareChangePv() {
            return consumerSurplusChangePv + producerSurplusChangePv + taxpayerChangePv + quotaRentChangePv
                    + traderSurplusChangePv + privateStockValueChangePv + plantValueChangePv;
        }
    }

    /**
     * The totals discounted to the decision tick ({@link Totals#decisionTick()}) at {@link Totals#discountRate()},
     * per tick; the public and private stocks and the plant's value left at the end are discounted from the end of
     * the run.
     */
    public record PresentValues(double downstreamOutputLoss, double finalDemandShortage,
                                double consumerSurplusChange, double producerSurplusChange, double fiscalCost,
                                double publicStockValue, double levyRevenue, double quotaRent,
                                double traderSurplusChange, double privateStockValueChange, double plantValueChange,
                                double deadweightLoss) {
        public static final PresentValues ZERO = new PresentValues(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        PresentValues scaled(double k) {
            return new PresentValues(k * downstreamOutputLoss, k * finalDemandShortage, k * consumerSurplusChange,
                    k * producerSurplusChange, k * fiscalCost, k * publicStockValue, k * levyRevenue, k * quotaRent,
                    k * traderSurplusChange, k * privateStockValueChange, k * plantValueChange, k * deadweightLoss);
        }
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
     * Differences against the counterfactual, in US dollars, summed from the window's start on (money flows of
     * governments from tick 0); all zero when the run has no counterfactual.
     *
     * @param downstreamOutputLoss lost output of component and final goods in value added at initial prices
     * @param finalDemandShortage  final demand rationed, valued at initial prices (firms' unmet input demand is
     *                             not in it: it shows as their lost output)
     * @param fiscalCost           government outlays net of receipts from sales
     * @param publicStockValue     the stocks governments hold at the end of the run, at the last tick's market
     *                             price: an asset the fiscal cost bought
     * @param traderSurplusChange  the traders' surplus ({@link Metric#TRADER_SURPLUS}), actual less
     *                             counterfactual, from the window's start on
     * @param privateStockValueChange the stocks firms, traders (cargo in port and at sea), stockists and
     *                             consortium pools hold after the last tick, at the last tick's market price,
     *                             beyond what the sum already counts them at, actual less counterfactual: the
     *                             surplus series book a purchase or a unit's cost when paid, so a run that ends
     *                             with less in stock would otherwise look richer by what it ran down
     * @param plantValueChange     what the new plant whose capital the sum counted is worth after the last tick,
     *                             actual less counterfactual: its capital is booked whole when paid, so a run that
     *                             builds late would otherwise be charged it all against the weeks it served
     * @param decisionTick         the tick present values are discounted to
     */
    public record Totals(double downstreamOutputLoss, double finalDemandShortage, double consumerSurplusChange,
                         double producerSurplusChange, double fiscalCost, double publicStockValue,
                         double levyRevenue, double quotaRent, double traderSurplusChange,
                         double privateStockValueChange, double plantValueChange, double deadweightLoss,
                         double discountRate, int decisionTick, PresentValues presentValues) {

        /**
         * Totals without shortage, stocks, levies, quota rents, traders or discounting; the deadweight loss
         * follows.
         */
        public Totals(double downstreamOutputLoss, double consumerSurplusChange, double producerSurplusChange,
                      double fiscalCost) {
            this(downstreamOutputLoss, 0, consumerSurplusChange, producerSurplusChange, fiscalCost, 0, 0, 0, 0, 0, 0,
                    deadweight(consumerSurplusChange, producerSurplusChange, fiscalCost, 0, 0, 0, 0, 0, 0), 0, 0,
                    new PresentValues(downstreamOutputLoss, 0, consumerSurplusChange, producerSurplusChange,
                            fiscalCost, 0, 0, 0, 0, 0, 0, deadweight(consumerSurplusChange, producerSurplusChange,
                            fiscalCost, 0, 0, 0, 0, 0, 0)));
        }

        /** The same in dollars worth {@code k} times as much. */
        Totals scaled(double k) {
            return new Totals(k * downstreamOutputLoss, k * finalDemandShortage, k * consumerSurplusChange,
                    k * producerSurplusChange, k * fiscalCost, k * publicStockValue, k * levyRevenue, k * quotaRent,
                    k * traderSurplusChange, k * privateStockValueChange, k * plantValueChange, k * deadweightLoss,
                    discountRate, decisionTick, presentValues.scaled(k));
        }

        /** The government's outlays net of receipts less what the stocks it holds at the end are worth. */
        public double netFiscalCost() {
            return fiscalCost - publicStockValue;
        }

        /**
         * The net welfare loss against the counterfactual, the one place the welfare terms are summed: minus the
         * sum of the changes in consumer, producer and traders' surplus, government receipts (levies and
         * tariffs), the public stocks held at the end and quota rents (licences held at home), less government
         * outlays, and the changes in the private stocks held at the end and in what new plant is worth then.
         * Positive is a loss.
         */
        public static double deadweight(double cs, double ps, double fiscal, double publicStock, double levy,
                                        double quotaRent, double traderSurplus, double privateStock, double plant) {
            return -(cs + ps - fiscal + publicStock + levy + quotaRent + traderSurplus + privateStock + plant);
        }

        /** How {@link #deadweight} sums, in words, for the reports. */
        public static final String DEFINITION = "−(consumer surplus change + producer surplus change + traders'"
                + " surplus change − fiscal cost + public stocks held at the end, at the market price + levy revenue"
                + " + quota rents + change in the private stocks held at the end, at the market price + change in"
                + " what new plant is worth at the end)";
    }

    /**
     * Every number under a stable column name, for one row of a table of runs: {@code totals.<field>} for the
     * totals, then {@code <region>.<commodity>.<field>} for each market in order, fields in the order of
     * {@link MarketSummary} without region and commodity. A missing value (null) is NaN.
     */
    public LinkedHashMap<String, Double> flatten() {
        LinkedHashMap<String, Double> row = new LinkedHashMap<>();
        row.put("totals.downstreamOutputLoss", totals.downstreamOutputLoss());
        row.put("totals.finalDemandShortage", totals.finalDemandShortage());
        row.put("totals.consumerSurplusChange", totals.consumerSurplusChange());
        row.put("totals.producerSurplusChange", totals.producerSurplusChange());
        row.put("totals.fiscalCost", totals.fiscalCost());
        row.put("totals.publicStockValue", totals.publicStockValue());
        row.put("totals.levyRevenue", totals.levyRevenue());
        row.put("totals.quotaRent", totals.quotaRent());
        row.put("totals.traderSurplusChange", totals.traderSurplusChange());
        row.put("totals.privateStockValueChange", totals.privateStockValueChange());
        row.put("totals.plantValueChange", totals.plantValueChange());
        row.put("totals.deadweightLoss", totals.deadweightLoss());
        PresentValues pv = totals.presentValues();
        row.put("pv.downstreamOutputLoss", pv.downstreamOutputLoss());
        row.put("pv.finalDemandShortage", pv.finalDemandShortage());
        row.put("pv.consumerSurplusChange", pv.consumerSurplusChange());
        row.put("pv.producerSurplusChange", pv.producerSurplusChange());
        row.put("pv.fiscalCost", pv.fiscalCost());
        row.put("pv.publicStockValue", pv.publicStockValue());
        row.put("pv.levyRevenue", pv.levyRevenue());
        row.put("pv.quotaRent", pv.quotaRent());
        row.put("pv.traderSurplusChange", pv.traderSurplusChange());
        row.put("pv.privateStockValueChange", pv.privateStockValueChange());
        row.put("pv.plantValueChange", pv.plantValueChange());
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
            String p = "region." + r.region() + ".";
            row.put(p + "consumerSurplusChange", r.consumerSurplusChange());
            row.put(p + "producerSurplusChange", r.producerSurplusChange());
            row.put(p + "taxpayerChange", r.taxpayerChange());
            row.put(p + "quotaRentChange", r.quotaRentChange());
            row.put(p + "traderSurplusChange", r.traderSurplusChange());
            row.put(p + "privateStockValueChange", r.privateStockValueChange());
            row.put(p + "plantValueChange", r.plantValueChange());
            row.put(p + "downstreamOutputLoss", r.downstreamOutputLoss());
            row.put(p + "pv.consumerSurplusChange", r.consumerSurplusChangePv());
            row.put(p + "pv.producerSurplusChange", r.producerSurplusChangePv());
            row.put(p + "pv.taxpayerChange", r.taxpayerChangePv());
            row.put(p + "pv.quotaRentChange", r.quotaRentChangePv());
            row.put(p + "pv.traderSurplusChange", r.traderSurplusChangePv());
            row.put(p + "pv.privateStockValueChange", r.privateStockValueChangePv());
            row.put(p + "pv.plantValueChange", r.plantValueChangePv());
        }
        for (java.util.Map.Entry<String, java.util.Map<String, Double>> e : policies.entrySet()) {
            for (java.util.Map.Entry<String, Double> v : e.getValue().entrySet()) {
                row.put("policy." + e.getKey() + "." + v.getKey(), v.getValue());
            }
        }
        putByEntry(row, "prospect.", prospects);
        putByEntry(row, "expansion.", expansions);
        return row;
    }

    private static void putByEntry(java.util.Map<String, Double> row, String prefix,
                                   java.util.Map<String, java.util.Map<String, Double>> byEntry) {
        for (java.util.Map.Entry<String, java.util.Map<String, Double>> e : byEntry.entrySet()) {
            for (java.util.Map.Entry<String, Double> v : e.getValue().entrySet()) {
                row.put(prefix + e.getKey() + "." + v.getKey(), v.getValue());
            }
        }
    }

    private static double orNaN(Integer tick) {
        return tick == null ? Double.NaN : tick.doubleValue();
    }
}
