package org.chokepoint.report;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.DecimalText;
import org.chokepoint.world.World;

/**
 * {@code timeseries.csv}: one row per tick, market and metric ({@code tick,region,commodity,metric,value}),
 * the tidy long form R and pandas read directly. Rows come tick by tick, markets in index order, metrics in
 * {@link Metric} order; only markets some agent trades in are written. Values are written by
 * {@link DecimalText}, so equal runs give equal bytes on any Java; NaN (no days of cover without any use)
 * is written {@code NA}.
 */
public final class TimeseriesCsv {

    public static final String[] HEADER = {"tick", "region", "commodity", "metric", "value"};

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER)
            .setRecordSeparator('\n')
            .get();

    private TimeseriesCsv() {
    }

    public static void write(SupplyShockModel run, Writer out) throws IOException {
        World world = run.world();
        SeriesRecorder series = run.series();
        org.chokepoint.market.Markets used = run.markets();
        String[] region = new String[used.count()];
        String[] commodity = new String[used.count()];
        for (int m = 0; m < used.count(); m++) {
            region[m] = world.region(world.regionOfMarket(m)).id();
            commodity[m] = world.commodity(world.commodityOfMarket(m)).id();
        }
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (int t = 0; t < series.ticks(); t++) {
                String tick = Integer.toString(t);
                for (int m = 0; m < used.count(); m++) {
                    if (!used.used(m)) {
                        continue;
                    }
                    for (Metric metric : Metric.ALL) {
                        csv.printRecord(tick, region[m], commodity[m], metric.label(),
                                format(series.get(t, m, metric)));
                    }
                }
            }
        }
    }

    static String format(double value) {
        return Double.isNaN(value) ? "NA" : DecimalText.of(value);
    }
}
