package org.chokepoint.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.ScenarioProblem;

/**
 * Compares two JMH result files ({@code -rf json}) as a regression gate.
 *
 * <p>Raw timings differ from machine to machine, so every score is first divided by the score of a
 * reference kernel measured in the same file (a benchmark that only exercises the machine, such as
 * sorting an array). What is compared is that normalised cost: {@code ratio = current / baseline}, where
 * above 1 means slower. Throughput scores (units {@code ops/<time>}, higher is better) are turned into a
 * time per operation first, so both directions are handled and a result in one mode can be normalised
 * by a kernel measured in another.
 *
 * <p>Verdicts: {@code OK}; {@code WARN} when the ratio is above {@code 1 + warn}; {@code FAIL} when it
 * is above {@code 1 + fail}, or when a score is NaN, infinite or not positive; {@code MISSING} for a
 * benchmark of the baseline absent from the current file and {@code NEW} for the reverse; {@code REF}
 * for the reference kernel itself. MISSING is a warning, not a failure, unless {@code failOnMissing}:
 * a renamed or deliberately removed benchmark should not break the gate, but it must be seen, and the
 * baseline must then be regenerated. A benchmark is identified by its name, its mode and its
 * parameters.
 *
 * <p>Exit codes: 0 nothing failed, 1 at least one FAIL, 2 the inputs could not be compared (a file
 * unreadable or not JMH JSON, a unit not understood, the reference kernel missing, ambiguous or
 * without a usable score).
 */
public final class BenchComparison {

    public static final int OK = 0;
    public static final int REGRESSION = 1;
    public static final int BAD_INPUT = 2;

    /** One benchmark result, as read. */
    public record Result(String benchmark, String mode, Map<String, String> params, double score,
            double scoreError, String unit) {

        /** Name, mode and parameters: what makes two results comparable. */
        public String key() {
            return benchmark + " [" + mode + "] " + paramText();
        }

        public String paramText() {
            if (params.isEmpty()) {
                return "-";
            }
            StringBuilder sb = new StringBuilder();
            params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
            return sb.toString();
        }

        /** The score as seconds per operation (lower is better), NaN when the unit is not understood. */
        public double secondsPerOp() {
            return toSecondsPerOp(score, unit);
        }
    }

    /** Raised when a file cannot be used; its message is meant for the user. */
    public static final class BadInputException extends Exception {
        private static final long serialVersionUID = 1L;

        public BadInputException(String message) {
            super(message);
        }
    }

    public enum Verdict { OK, WARN, FAIL, MISSING, NEW, REF }

    /** One line of the comparison. Scores are raw; the ratio is of normalised costs. */
    public record Row(String benchmark, String params, String mode, Result baseline, Result current,
            double ratio, Verdict verdict, String note) {}

    /** The comparison: its lines, a summary of the two machines, and the exit code it calls for. */
    public record Report(List<Row> rows, Result baselineReference, Result currentReference, int exitCode) {

        public void print(PrintWriter out) {
            out.printf(Locale.ROOT, "reference kernel: %s%n", baselineReference.benchmark());
            out.printf(Locale.ROOT, "  baseline %s, current %s (current machine %.2fx the baseline's time)%n",
                    format(baselineReference), format(currentReference),
                    currentReference.secondsPerOp() / baselineReference.secondsPerOp());
            String[] head = {"benchmark", "params", "baseline", "current", "ratio", "verdict"};
            List<String[]> lines = new ArrayList<>();
            lines.add(head);
            for (Row r : rows) {
                lines.add(new String[] {
                    shortName(r.benchmark()) + (r.mode().equals("avgt") ? "" : " [" + r.mode() + "]"),
                    r.params(),
                    format(r.baseline()),
                    format(r.current()),
                    Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.3f", r.ratio()),
                    r.verdict() + (r.note().isEmpty() ? "" : " (" + r.note() + ")")});
            }
            int[] width = new int[head.length];
            for (String[] l : lines) {
                for (int i = 0; i < l.length; i++) {
                    width[i] = Math.max(width[i], l[i].length());
                }
            }
            for (String[] l : lines) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < l.length; i++) {
                    sb.append(i == 0 ? "" : "  ");
                    sb.append(i == l.length - 1 ? l[i] : pad(l[i], width[i]));
                }
                out.println(sb.toString().stripTrailing());
            }
            long fail = rows.stream().filter(r -> r.verdict() == Verdict.FAIL).count();
            long warn = rows.stream().filter(r -> r.verdict() == Verdict.WARN).count();
            long missing = rows.stream().filter(r -> r.verdict() == Verdict.MISSING).count();
            long added = rows.stream().filter(r -> r.verdict() == Verdict.NEW).count();
            for (Row r : rows) {
                if (r.verdict() == Verdict.MISSING) {
                    out.println("warning: " + r.benchmark() + " " + r.params()
                            + " is in the baseline but not in the current results");
                }
            }
            out.printf(Locale.ROOT, "%d compared, %d FAIL, %d WARN, %d MISSING, %d NEW: %s%n",
                    rows.stream().filter(r -> r.current() != null && r.baseline() != null).count(),
                    fail, warn, missing, added, exitCode == OK ? "passed" : "FAILED");
        }

        private static String pad(String s, int w) {
            return s + " ".repeat(Math.max(0, w - s.length()));
        }

        private static String format(Result r) {
            if (r == null) {
                return "-";
            }
            return String.format(Locale.ROOT, "%.4g %s", r.score(), r.unit());
        }

        private static String shortName(String benchmark) {
            int last = benchmark.lastIndexOf('.');
            int previous = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
            return benchmark.substring(previous + 1);
        }
    }

    private final double warn;
    private final double fail;
    private final String referenceKernel;
    private final boolean failOnMissing;

    /**
     * @param warn relative slow-down above which a benchmark is flagged WARN, e.g. 0.25
     * @param fail relative slow-down above which it FAILs, e.g. 1.0 (twice as slow)
     * @param referenceKernel a substring of the reference kernel's benchmark name
     * @param failOnMissing whether a benchmark missing from the current results fails the gate
     */
    public BenchComparison(double warn, double fail, String referenceKernel, boolean failOnMissing) {
        if (!(warn >= 0) || !(fail >= 0) || Double.isInfinite(warn) || Double.isInfinite(fail)) {
            throw new IllegalArgumentException("thresholds must be finite and not negative: warn " + warn + ", fail " + fail);
        }
        this.warn = warn;
        this.fail = fail;
        this.referenceKernel = referenceKernel;
        this.failOnMissing = failOnMissing;
    }

    public Report compare(Path baselineFile, Path currentFile) throws BadInputException {
        return compare(read(baselineFile), read(currentFile), baselineFile.toString(), currentFile.toString());
    }

    public Report compare(List<Result> baseline, List<Result> current, String baselineName, String currentName)
            throws BadInputException {
        Result baseRef = reference(baseline, baselineName);
        Result curRef = reference(current, currentName);
        Map<String, Result> base = index(baseline, baselineName);
        Map<String, Result> cur = index(current, currentName);
        List<Row> rows = new ArrayList<>();
        boolean failed = false;
        for (Map.Entry<String, Result> e : base.entrySet()) {
            Result b = e.getValue();
            Result c = cur.get(e.getKey());
            if (c == null) {
                rows.add(new Row(b.benchmark(), b.paramText(), b.mode(), b, null, Double.NaN, Verdict.MISSING,
                        "not in current results"));
                failed |= failOnMissing;
                continue;
            }
            if (b == baseRef) {
                rows.add(new Row(b.benchmark(), b.paramText(), b.mode(), b, c, 1.0, Verdict.REF, "reference kernel"));
                continue;
            }
            String problem = scoreProblem("current", c);
            if (problem == null) {
                problem = scoreProblem("baseline", b);
            }
            if (problem != null) {
                rows.add(new Row(b.benchmark(), b.paramText(), b.mode(), b, c, Double.NaN, Verdict.FAIL, problem));
                failed = true;
                continue;
            }
            double ratio = (c.secondsPerOp() / curRef.secondsPerOp()) / (b.secondsPerOp() / baseRef.secondsPerOp());
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                // Each score is a time a double holds, but its quotient by the reference kernel's need not be: 1e304
                // s/op over a kernel of 1e-5 s is infinite, though the same score in both files changed by nothing.
                // Taken as the benchmark's change over the kernel's, each a quotient of like times, it is a number.
                ratio = (c.secondsPerOp() / b.secondsPerOp()) / (curRef.secondsPerOp() / baseRef.secondsPerOp());
            }
            // A ratio still beyond a double (scores 1e600 apart) fails: a NaN one would pass every test below.
            boolean beyond = Double.isNaN(ratio) || Double.isInfinite(ratio);
            Verdict v = beyond || ratio > 1 + fail ? Verdict.FAIL : ratio > 1 + warn ? Verdict.WARN : Verdict.OK;
            String note = v == Verdict.OK ? ""
                    : beyond ? "the ratio of the scores over their reference kernels' is beyond what a double holds"
                    : String.format(Locale.ROOT, "%.0f%% slower", 100 * (ratio - 1));
            rows.add(new Row(b.benchmark(), b.paramText(), b.mode(), b, c, ratio, v, note));
            failed |= v == Verdict.FAIL;
        }
        for (Map.Entry<String, Result> e : cur.entrySet()) {
            if (!base.containsKey(e.getKey())) {
                Result c = e.getValue();
                String problem = scoreProblem("current", c);
                rows.add(new Row(c.benchmark(), c.paramText(), c.mode(), null, c, Double.NaN,
                        problem == null ? Verdict.NEW : Verdict.FAIL, problem == null ? "not in baseline" : problem));
                failed |= problem != null;
            }
        }
        return new Report(rows, baseRef, curRef, failed ? REGRESSION : OK);
    }

    private static String scoreProblem(String which, Result r) {
        if (Double.isNaN(r.score())) {
            return which + " score is NaN";
        }
        if (!(r.score() > 0) || Double.isInfinite(r.score())) {
            return which + " score is not a positive finite number: " + r.score();
        }
        double seconds = r.secondsPerOp();
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            // 5e-324 ms/op is no time at all in seconds, 1e-320 ops/s an infinite one: the ratio would be 0, infinite
            // or NaN, and a NaN ratio passed the gate
            return which + " score " + r.score() + " " + r.unit() + " is beyond what a double holds in seconds per"
                    + " operation";
        }
        return null;
    }

    private Result reference(List<Result> results, String file) throws BadInputException {
        List<Result> found = new ArrayList<>();
        for (Result r : results) {
            if (r.benchmark().contains(referenceKernel)) {
                found.add(r);
            }
        }
        if (found.isEmpty()) {
            throw new BadInputException(file + ": no benchmark matches the reference kernel '" + referenceKernel
                    + "', so its scores cannot be normalised (run it too, or name another with --reference-kernel)");
        }
        if (found.size() > 1) {
            List<String> keys = found.stream().map(Result::key).toList();
            throw new BadInputException(file + ": the reference kernel '" + referenceKernel
                    + "' matches more than one result " + keys + "; give a more specific --reference-kernel");
        }
        Result ref = found.get(0);
        double s = ref.secondsPerOp();
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new BadInputException(file + ": the reference kernel " + ref.key() + " has no usable score ("
                    + ref.score() + " " + ref.unit() + ")");
        }
        return ref;
    }

    private static Map<String, Result> index(List<Result> results, String file) throws BadInputException {
        Map<String, Result> byKey = new LinkedHashMap<>();
        for (Result r : results) {
            if (byKey.put(r.key(), r) != null) {
                throw new BadInputException(file + ": " + r.key() + " appears twice");
            }
        }
        return byKey;
    }

    /**
     * Reads a JMH JSON result file as a scenario file is read (JMH writes NaN and the infinities as strings, so
     * strict JSON holds it): JSON that is broken, or followed by more, is placed at its line and column.
     */
    public static List<Result> read(Path file) throws BadInputException {
        JsonNode root;
        try {
            root = ScenarioLoader.readJson(file, "JMH results are a JSON array, as written by -rf json");
        } catch (ScenarioException e) {
            throw new BadInputException(e.problems().stream().map(ScenarioProblem::toString)
                    .collect(java.util.stream.Collectors.joining("\n")));
        }
        if (!root.isArray()) {
            throw new BadInputException(file + ": not JMH JSON results (expected an array of results, as written by -rf json)");
        }
        List<Result> results = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            String where = file + " result #" + i++;
            JsonNode benchmark = n.get("benchmark");
            JsonNode metric = n.get("primaryMetric");
            if (benchmark == null || !benchmark.isTextual() || metric == null || !metric.isObject()) {
                throw new BadInputException(where + ": needs a 'benchmark' name and a 'primaryMetric' object");
            }
            JsonNode unit = metric.get("scoreUnit");
            if (unit == null || !unit.isTextual()) {
                throw new BadInputException(where + ": primaryMetric has no 'scoreUnit'");
            }
            double score = number(metric.get("score"), where + ": primaryMetric.score");
            JsonNode errorNode = metric.get("scoreError");
            double error = errorNode == null ? Double.NaN : number(errorNode, where + ": primaryMetric.scoreError");
            if (Double.isNaN(toSecondsPerOp(1, unit.asText()))) {
                throw new BadInputException(where + ": score unit '" + unit.asText()
                        + "' is not understood (expected <time>/op or ops/<time>)");
            }
            Map<String, String> params = new TreeMap<>();
            JsonNode p = n.get("params");
            if (p != null && p.isObject()) {
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            JsonNode mode = n.get("mode");
            results.add(new Result(benchmark.asText(), mode == null ? "?" : mode.asText(), params, score, error,
                    unit.asText()));
        }
        return results;
    }

    private static double number(JsonNode n, String what) throws BadInputException {
        if (n == null || n.isNull()) {
            throw new BadInputException(what + " is missing");
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            // JMH writes NaN and the infinities as strings.
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException e) {
                throw new BadInputException(what + " is not a number: '" + n.asText() + "'");
            }
        }
        throw new BadInputException(what + " is not a number: " + n);
    }

    /** Converts a score in {@code <time>/op} or {@code ops/<time>} to seconds per operation; NaN if unknown. */
    static double toSecondsPerOp(double score, String unit) {
        String u = unit.trim();
        int slash = u.indexOf('/');
        if (slash < 0) {
            return Double.NaN;
        }
        String top = u.substring(0, slash).trim();
        String bottom = u.substring(slash + 1).trim();
        if (bottom.equals("op")) {
            return score * seconds(top);
        }
        if (top.equals("ops")) {
            return seconds(bottom) / score;
        }
        return Double.NaN;
    }

    private static double seconds(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1e-9;
            case "us", "\u00b5s" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            case "hr" -> 3600;
            case "day" -> 86400;
            default -> Double.NaN;
        };
    }
}
