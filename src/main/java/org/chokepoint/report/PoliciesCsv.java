package org.chokepoint.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.policy.Instrument;
import org.chokepoint.policy.PolicySeries;

/**
 * {@code policies.csv}: what instruments did tick by tick, one row per tick, policy, commodity and metric
 * ({@code tick,policy,commodity,metric,value}), the tidy long form of {@code timeseries.csv}. Rows come tick by
 * tick, then in the order the instruments report their series; NaN is written {@code NA}. Only a run whose
 * instruments report series (export licensing) has the file.
 */
public final class PoliciesCsv {

    public static final String[] HEADER = {"tick", "policy", "commodity", "metric", "value"};

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER)
            .setRecordSeparator('\n')
            .get();

    private PoliciesCsv() {
    }

    /** Every series the run's instruments report, in scenario order. */
    public static List<PolicySeries> of(SupplyShockModel run) {
        List<PolicySeries> all = new ArrayList<>();
        for (Instrument i : run.instruments()) {
            all.addAll(i.series());
        }
        return all;
    }

    public static void write(List<PolicySeries> series, Writer out) throws IOException {
        int ticks = 0;
        for (PolicySeries s : series) {
            ticks = Math.max(ticks, s.values().length);
        }
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (int t = 0; t < ticks; t++) {
                String tick = Integer.toString(t);
                for (PolicySeries s : series) {
                    if (t < s.values().length) {
                        csv.printRecord(tick, s.policy(), s.commodity(), s.metric(),
                                TimeseriesCsv.format(s.values()[t]));
                    }
                }
            }
        }
    }
}
