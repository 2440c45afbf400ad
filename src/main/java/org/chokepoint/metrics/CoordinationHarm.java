package org.chokepoint.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.world.World;

/**
 * The harm of a consortium's breaches, measured against its compliant twin (the same scenario and seed with
 * the consortium keeping the rules its declaration breaks): for each market members sell in, the price over
 * the whole run against the twin's, what its buyers paid beyond the twin's prices for what they bought, and
 * the output lost; and the change in the surplus of the final consumers of the members' region, the area under
 * each household sector's demand curve between the twin's price and the run's, tick by tick (as the summary
 * measures it against the no-shock counterfactual).
 *
 * @param membersProducts one row per market members sell in
 * @param finalConsumerSurplusChangeUsd the change in final consumers' surplus against the twin, US dollars
 */
public record CoordinationHarm(List<ProductHarm> membersProducts, double finalConsumerSurplusChangeUsd) {

    /**
     * @param overcharge the run's mean price over the twin's, less one
     * @param paidBeyondTwinPricesUsd what buyers paid beyond the twin's price for what they bought, US dollars
     * @param outputLostShare the share of the twin's output of the product not made
     */
    public record ProductHarm(String region, String commodity, double meanPrice, double meanPriceCompliantTwin,
                              double overcharge, double paidBeyondTwinPricesUsd, double outputLostShare) { }

    /** The harm in {@code run} against {@code twin}, over the markets members sell in. */
    public static CoordinationHarm of(RunView run, RunView twin, int[] productMarkets) {
        World w = run.world();
        SeriesRecorder a = run.series();
        SeriesRecorder b = twin.series();
        int ticks = run.horizon();
        List<ProductHarm> products = new ArrayList<>();
        boolean[] regions = new boolean[w.regionCount()];
        for (int m : productMarkets) {
            regions[w.regionOfMarket(m)] = true;
            double value = w.commodity(w.commodityOfMarket(m)).valuePerUnit();
            double price = 0;
            double twinPrice = 0;
            double extra = 0;
            double output = 0;
            double twinOutput = 0;
            for (int t = 0; t < ticks; t++) {
                double p = a.get(t, m, Metric.PRICE);
                double q = b.get(t, m, Metric.PRICE);
                price += p / ticks;
                twinPrice += q / ticks;
                extra += (p - q) * a.get(t, m, Metric.TRADED) * value;
                output += a.get(t, m, Metric.PRODUCTION);
                twinOutput += b.get(t, m, Metric.PRODUCTION);
            }
            products.add(new ProductHarm(w.region(w.regionOfMarket(m)).id(), w.commodity(w.commodityOfMarket(m)).id(),
                    price, twinPrice, twinPrice > 0 ? price / twinPrice - 1 : Double.NaN, extra,
                    twinOutput > 0 ? 1 - output / twinOutput : Double.NaN));
        }
        // Minus the area under each household sector's demand curve between the twin's price and the run's.
        double[][] byRegion = new double[w.regionCount()][ticks];
        SummaryCalculator.consumerSurplusChangeByTick(run, twin, 0, byRegion);
        double surplus = 0;
        for (int r = 0; r < regions.length; r++) {
            if (regions[r]) {
                for (double v : byRegion[r]) {
                    surplus += v;
                }
            }
        }
        return new CoordinationHarm(List.copyOf(products), surplus);
    }

    /**
     * The same harm with its money restated by {@code deflator} (see {@link org.chokepoint.scenario.PriceBase}),
     * as every other money figure of a run's outputs is; prices and shares are left in the scenario's terms, as a
     * summary's are.
     */
    public CoordinationHarm scaled(double deflator) {
        List<ProductHarm> products = new ArrayList<>();
        for (ProductHarm p : membersProducts) {
            products.add(new ProductHarm(p.region(), p.commodity(), p.meanPrice(), p.meanPriceCompliantTwin(),
                    p.overcharge(), deflator * p.paidBeyondTwinPricesUsd(), p.outputLostShare()));
        }
        return new CoordinationHarm(List.copyOf(products), deflator * finalConsumerSurplusChangeUsd);
    }

    /** The figures as columns: {@code harm.<region>.<commodity>.<figure>} and {@code harm.finalConsumerSurplusChange}. */
    public Map<String, Double> flatten() {
        Map<String, Double> row = new LinkedHashMap<>();
        for (ProductHarm p : membersProducts) {
            String k = "harm." + p.region() + "." + p.commodity() + ".";
            row.put(k + "overcharge", p.overcharge());
            row.put(k + "paidBeyondTwinPrices", p.paidBeyondTwinPricesUsd());
            row.put(k + "outputLostShare", p.outputLostShare());
        }
        row.put("harm.finalConsumerSurplusChange", finalConsumerSurplusChangeUsd);
        return row;
    }
}
