package org.chokepoint.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.scenario.DecimalText;

/**
 * A comparison's {@code runs.csv}: one row per option and run, {@code option,run,seed} and then every figure
 * {@code comparison.csv} aggregates, under the same metric names, in the same order. It is what the means,
 * the paired differences and their intervals are computed from, so a reader can check them, or look at the
 * spread behind an interval, without running the options again; the columns after {@code seed} are an
 * ensemble's {@code runs.csv}'s, so one reader serves both.
 *
 * <p>Rows go option by option ("no policy" first), run by run within an option, and run {@code i} has the
 * same seed under every option: a paired difference is two rows of the same {@code run}. A figure a run does
 * not have (an instrument's own figures under an option without it, the harm against a compliant twin under
 * an option with no rule-breaking consortium) is written {@code NA}, as an undefined value is: it is not
 * zero, and {@code comparison.csv} leaves it out of {@code n} and the mean alike.
 */
public final class ComparisonRuns {
    public static final String CSV = "runs.csv";

    private ComparisonRuns() {
    }

    /** Writes {@code file}. */
    public static void write(Path file, Comparison c) throws IOException {
        List<String> metrics = c.metricNames();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> header = new ArrayList<>(metrics.size() + 3);
            header.add("option");
            header.add("run");
            header.add("seed");
            header.addAll(metrics);
            p.printRecord(header);
            for (int o = 0; o < c.options().size(); o++) {
                String name = c.options().get(o).name();
                for (int i = 0; i < c.runs(); i++) {
                    Comparison.RunResult r = c.result(o, i);
                    List<String> row = new ArrayList<>(header.size());
                    row.add(name);
                    row.add(Integer.toString(i));
                    row.add(Integer.toString(r.seed()));
                    for (String m : metrics) {
                        row.add(format(r.metrics().get(m)));
                    }
                    p.printRecord(row);
                }
            }
        }
    }

    /** As an ensemble's runs.csv: Java's shortest round-tripping decimal, {@code NA} for no value. */
    static String format(Double v) {
        return v == null || Double.isNaN(v) ? "NA" : DecimalText.of(v);
    }
}
