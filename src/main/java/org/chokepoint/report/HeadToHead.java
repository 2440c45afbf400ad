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
import org.chokepoint.experiment.MeanInterval;
import org.chokepoint.scenario.DecimalText;

/**
 * One option against another, run by run on the same seeds: how much more downstream loss (present value, in
 * value added) the first avoids than the second, what more it costs the budget net of the public stocks it holds
 * at the end, and in how many runs each avoided more. Two options' own intervals against no policy may overlap
 * while their paired difference is clear: both carry each run's shock, and the difference leaves it out. In the NdPr
 * comparison (40 runs from seed 1) the purchase guarantee avoids $0.86 bn [0.67, 1.05] and the stockpile $0.61 bn
 * [0.49, 0.72], and the guarantee avoids $0.25 bn [0.09, 0.41] more than the stockpile, in 30 runs of 40.
 *
 * @param avoidedLoss   {@code option}'s downstream loss avoided less {@code versus}'s: {@code versus}'s loss less
 *                      {@code option}'s, run by run
 * @param netFiscalCost {@code option}'s net fiscal cost less {@code versus}'s, run by run
 * @param optionAhead   runs in which {@code option}'s downstream loss was below {@code versus}'s
 * @param versusAhead   runs in which it was above (the runs in neither count are ties)
 * @param runsCompared  runs in which both options have the loss
 */
public record HeadToHead(String option, String versus, MeanInterval avoidedLoss, MeanInterval netFiscalCost,
                         int optionAhead, int versusAhead, int runsCompared) {
    public static final String CSV = "head-to-head.csv";
    static final String LOSS = "pv.downstreamOutputLoss";

    /** Every option but no policy against every one listed after it; no policy's pairs are the cost-effectiveness. */
    public static List<HeadToHead> of(Comparison c) {
        List<HeadToHead> out = new ArrayList<>();
        for (int a = 1; a < c.options().size(); a++) {
            for (int b = a + 1; b < c.options().size(); b++) {
                out.add(of(c, a, b));
            }
        }
        return out;
    }

    /** Option {@code a} of the comparison against option {@code b}. */
    public static HeadToHead of(Comparison c, int a, int b) {
        return of(c.options().get(a).name(), c.options().get(b).name(), c.values(a, LOSS), c.values(b, LOSS),
                ComparisonReport.netFiscal(c, a), ComparisonReport.netFiscal(c, b));
    }

    /** From each run's downstream loss and net fiscal cost of the two options, the runs in the same order. */
    static HeadToHead of(String option, String versus, double[] lossOption, double[] lossVersus,
                         double[] fiscalOption, double[] fiscalVersus) {
        double[] avoided = MeanInterval.differences(lossVersus, lossOption);
        int ahead = 0;
        int behind = 0;
        int compared = 0;
        for (double d : avoided) {
            if (!Double.isNaN(d)) {
                compared++;
                ahead += d > 0 ? 1 : 0;
                behind += d < 0 ? 1 : 0;
            }
        }
        return new HeadToHead(option, versus, MeanInterval.of(avoided),
                MeanInterval.of(MeanInterval.differences(fiscalOption, fiscalVersus)), ahead, behind, compared);
    }

    static void writeCsv(Path file, List<HeadToHead> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(
                     "option", "versus", "avoidedLossPvMore", "avoidedLossPvMoreCi95Low", "avoidedLossPvMoreCi95High",
                     "netFiscalCostPvMore", "netFiscalCostPvMoreCi95Low", "netFiscalCostPvMoreCi95High",
                     "runsOptionAvoidsMore", "runsVersusAvoidsMore", "runs").get())) {
            for (HeadToHead h : rows) {
                p.printRecord(h.option(), h.versus(), num(h.avoidedLoss().mean()), num(h.avoidedLoss().ci95Low()),
                        num(h.avoidedLoss().ci95High()), num(h.netFiscalCost().mean()),
                        num(h.netFiscalCost().ci95Low()), num(h.netFiscalCost().ci95High()), h.optionAhead(),
                        h.versusAhead(), h.runsCompared());
            }
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "NA" : DecimalText.of(v);
    }
}
