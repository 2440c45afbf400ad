package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chokepoint.report.BenchComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench-compare}: the benchmark regression gate. The logic is in {@link BenchComparison}. */
@Command(name = "bench-compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compares two JMH result files (-rf json). Every score is divided by the reference kernel's score "
                    + "in its own file, so results from different machines can be compared; the ratio is "
                    + "current/baseline of those normalised costs (above 1 = slower). Throughput scores are "
                    + "turned into time per operation first.",
            "A benchmark in the baseline but not in the current file is reported as MISSING (a warning, "
                    + "unless --fail-on-missing); one only in the current file as NEW. A NaN score fails."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no regression beyond --fail",
            "1:at least one benchmark slower than 1 + --fail times the baseline, or with a NaN score",
            "2:the files cannot be compared (unreadable, not JMH JSON, reference kernel missing)"})
public final class BenchCompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE.json", description = "JMH results to compare against")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT.json", description = "JMH results of this build")
    Path current;

    @Option(names = "--warn", defaultValue = "0.25", paramLabel = "FRACTION",
            description = "relative slow-down flagged WARN (default: ${DEFAULT-VALUE})")
    double warn;

    @Option(names = "--fail", defaultValue = "1.0", paramLabel = "FRACTION",
            description = "relative slow-down that FAILs, 1.0 = twice as slow (default: ${DEFAULT-VALUE})")
    double fail;

    @Option(names = "--reference-kernel", defaultValue = "ReferenceKernelBench", paramLabel = "NAME",
            description = "substring of the reference kernel's benchmark name (default: ${DEFAULT-VALUE})")
    String referenceKernel;

    @Option(names = "--fail-on-missing",
            description = "a benchmark of the baseline missing from the current results fails the gate")
    boolean failOnMissing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Object[] threshold : new Object[][] {{"--warn", warn}, {"--fail", fail}}) {
            double v = (Double) threshold[1];
            if (!(v >= 0) || Double.isInfinite(v)) {
                err.println("bench-compare: " + threshold[0] + " must be a finite fraction, 0 or more (0.25 = a "
                        + "quarter slower than the baseline), got " + v);
                err.flush();
                return BenchComparison.BAD_INPUT;
            }
        }
        if (warn > fail) {
            // A WARN band above the FAIL line would never flag anything: every slow-down past it already fails.
            err.println("bench-compare: --warn must not exceed --fail (a slow-down is flagged before it fails), got "
                    + "--warn " + warn + " and --fail " + fail);
            err.flush();
            return BenchComparison.BAD_INPUT;
        }
        try {
            BenchComparison.Report report =
                    new BenchComparison(warn, fail, referenceKernel, failOnMissing).compare(baseline, current);
            report.print(out);
            out.flush();
            return report.exitCode();
        } catch (BenchComparison.BadInputException | IllegalArgumentException e) {
            err.println("bench-compare: " + e.getMessage());
            err.flush();
            return BenchComparison.BAD_INPUT;
        }
    }
}
