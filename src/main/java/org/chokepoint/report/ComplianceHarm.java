package org.chokepoint.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.antitrust.Consortium;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.world.Stage;
import org.chokepoint.world.World;

/**
 * The harm of a consortium's breaches, measured against its compliant twin (the same scenario and seed with
 * the consortium keeping the rules its declaration breaks): for each market members sell in, the price over
 * the whole run against the twin's, what its buyers paid beyond the twin's prices for what they bought, and
 * the output lost; for the final goods of the region, the consumer surplus lost, the area between the two
 * price paths under the demand curve, by the trapezoid rule on each tick's quantities.
 */
public final class ComplianceHarm {
    private ComplianceHarm() {
    }

    public static Map<String, Object> of(SupplyShockModel run, SupplyShockModel twin, int consortium) {
        Consortium c = run.consortia().get(consortium);
        World w = run.world();
        SeriesRecorder a = run.series();
        SeriesRecorder b = twin.series();
        int ticks = run.horizon();
        List<Map<String, Object>> products = new ArrayList<>();
        int region = -1;
        for (int m : c.productMarkets()) {
            region = w.regionOfMarket(m);
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
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("region", w.region(region).id());
            row.put("commodity", w.commodity(w.commodityOfMarket(m)).id());
            row.put("meanPrice", price);
            row.put("meanPriceCompliantTwin", twinPrice);
            row.put("overcharge", twinPrice > 0 ? price / twinPrice - 1 : null);
            row.put("paidBeyondTwinPricesUsd", extra);
            row.put("outputLostShare", twinOutput > 0 ? 1 - output / twinOutput : null);
            products.add(row);
        }
        double surplus = 0;
        if (region >= 0) {
            for (int k = 0; k < w.commodityCount(); k++) {
                if (w.commodity(k).stage() != Stage.FINAL) {
                    continue;
                }
                int m = w.market(region, k);
                double value = w.commodity(k).valuePerUnit();
                for (int t = 0; t < ticks; t++) {
                    double dp = a.get(t, m, Metric.PRICE) - b.get(t, m, Metric.PRICE);
                    double q = 0.5 * (a.get(t, m, Metric.CONSUMPTION) + b.get(t, m, Metric.CONSUMPTION));
                    surplus -= dp * q * value;
                }
            }
        }
        Map<String, Object> harm = new LinkedHashMap<>();
        harm.put("against", "the same scenario and seed with the consortium keeping the rules its declaration breaks");
        harm.put("membersProducts", products);
        harm.put("finalConsumerSurplusChangeUsd", surplus);
        return harm;
    }
}
