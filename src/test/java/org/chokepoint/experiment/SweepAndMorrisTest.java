package org.chokepoint.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.chokepoint.scenario.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps and Morris elementary effects through the command line. */
class SweepAndMorrisTest {

    static final String LINEAR = "src/test/resources/scenarios/one-market-linear.json";

    /** CPI-U, annual averages (1982-84 = 100), as the Bureau of Labor Statistics publishes them. */
    private static final Map<Integer, Double> CPI = Map.of(2009, 214.537, 2014, 236.736, 2019, 255.657, 2024, 313.689);

    @TempDir
    Path dir;

    @Test
    void aGridHasOneRowPerPointAndRunWithCommonSeeds() throws Exception {
        Path out = dir.resolve("grid");
        StringWriter err = new StringWriter();
        assertEquals(0, EnsembleTest.cli(err, "sweep", LINEAR, "--set", "/firms/0/capacity=8,10,12",
                "--set", "/behaviour/demandNoise=0.01,0.05", "--runs", "3", "--ticks", "40", "--threads", "2",
                "--quiet", "--out", out.toString()), err.toString());
        List<CSVRecord> rows = EnsembleTest.read(out.resolve("sweep.csv"));
        assertEquals(3 * 2 * 3, rows.size());
        Set<String> points = new HashSet<>();
        for (CSVRecord r : rows) {
            points.add(r.get("/firms/0/capacity") + "|" + r.get("/behaviour/demandNoise"));
            // replication r has the same seed at every point
            assertEquals(Integer.toString(Seeds.forRun(1, Integer.parseInt(r.get("run")))), r.get("seed"));
        }
        assertEquals(6, points.size());
        assertEquals("8", rows.get(0).get("/firms/0/capacity"));
        assertEquals("0.05", rows.get(3).get("/behaviour/demandNoise")); // the last --set varies fastest
    }

    @Test
    void aLatinHypercubeUsesEveryStratumOnce() throws Exception {
        Path out = dir.resolve("lhs");
        StringWriter err = new StringWriter();
        assertEquals(0, EnsembleTest.cli(err, "sweep", LINEAR, "--lhs", "5", "--set", "/firms/0/capacity=8.0:13.0",
                "--set", "/demand/0/baseQuantity=100:150", "--runs", "1", "--ticks", "20", "--quiet",
                "--out", out.toString()), err.toString());
        List<CSVRecord> rows = EnsembleTest.read(out.resolve("sweep.csv"));
        assertEquals(5, rows.size());
        Set<Integer> strata = new HashSet<>();
        for (CSVRecord r : rows) {
            strata.add((int) Math.floor(Double.parseDouble(r.get("/firms/0/capacity")) - 8.0));
        }
        assertEquals(Set.of(0, 1, 2, 3, 4), strata);
    }

    @Test
    void aPointerMayNameASettingTheScenarioLeavesAtItsDefault() throws Exception {
        Path out = dir.resolve("defaults");
        StringWriter err = new StringWriter();
        // minimal.json has no behaviour object: it is created for the sweep
        assertEquals(0, EnsembleTest.cli(err, "sweep", EnsembleTest.MINIMAL.toString(), "--set",
                "/behaviour/demandNoise=0.0,0.05", "--runs", "2", "--ticks", "20", "--quiet",
                "--out", out.toString()), err.toString());
        List<CSVRecord> rows = EnsembleTest.read(out.resolve("sweep.csv"));
        assertEquals(4, rows.size());
        assertEquals("0.0", rows.get(0).get("/behaviour/demandNoise"));
        assertEquals(rows.get(0).get("seed"), rows.get(2).get("seed"));
        assertFalse(rows.get(0).get("JP.magnet.peakPrice").equals(rows.get(2).get("JP.magnet.peakPrice")),
                "the setting reached the model");
    }

    /**
     * A sweep's design file says in what dollars its figures are, as stats.json does: once for the sweep where every
     * point states money alike, and point by point where the sweep moves the base year, 2024 dollars restated in
     * 2009's at the first point (a deflator below one: prices rose between the two) and left as they are at the
     * second (a deflator of one). Without it, a sweep over the base year wrote rows in two kinds of dollars with
     * nothing to tell them apart. A sensitivity analysis's file says it the same way.
     */
    @Test
    void theDesignFileSaysInWhatDollarsEachPointsMoneyIs() throws Exception {
        StringWriter err = new StringWriter();
        Path plain = dir.resolve("plain");
        assertEquals(0, EnsembleTest.cli(err, "sweep", LINEAR, "--set", "/firms/0/capacity=8,10", "--runs", "1",
                "--ticks", "20", "--quiet", "--out", plain.toString()), err.toString());
        JsonNode one = Json.mapper().readTree(plain.resolve("sweep.json").toFile());
        assertEquals("US$", one.at("/money/label").asText(), one.toString());
        assertEquals(1.0, one.at("/money/deflator").asDouble());
        assertTrue(one.at("/points/0/money").isMissingNode() && one.at("/points/1/money").isMissingNode());

        Path years = dir.resolve("years");
        assertEquals(0, EnsembleTest.cli(err, "sweep", LINEAR, "--set", "/time/priceYear=2024", "--set",
                "/outputs/priceBaseYear=2009,2024", "--runs", "1", "--ticks", "20", "--quiet",
                "--out", years.toString()), err.toString());
        JsonNode two = Json.mapper().readTree(years.resolve("sweep.json").toFile());
        assertTrue(two.at("/money").isMissingNode(), two.toString());
        assertEquals(2009, two.at("/points/0/money/baseYear").asInt());
        assertEquals(2024, two.at("/points/0/money/scenarioPriceYear").asInt());
        assertEquals(CPI.get(2009) / CPI.get(2024), two.at("/points/0/money/deflator").asDouble(), 1e-12,
                "CPI-U 2009 / 2024 = 0.684: " + two.at("/points/0/money"));
        assertEquals(2024, two.at("/points/1/money/baseYear").asInt());
        assertEquals(1.0, two.at("/points/1/money/deflator").asDouble());

        Path morris = dir.resolve("morris");
        assertEquals(0, EnsembleTest.cli(err, "sensitivity", LINEAR, "--param", "/firms/0/capacity=8:12",
                "--output", "totals.downstreamOutputLoss", "--trajectories", "2", "--ticks", "20", "--quiet",
                "--out", morris.toString()), err.toString());
        JsonNode plainMorris = Json.mapper().readTree(morris.resolve("morris.json").toFile());
        assertEquals("US$", plainMorris.at("/money/label").asText());
        assertTrue(plainMorris.at("/design/0/points/0/money").isMissingNode(), plainMorris.toString());
    }

    /**
     * A sensitivity analysis of the base year, over 2009:2024 on four levels of a scenario priced in 2024 dollars,
     * runs its points in 2009, 2014, 2019 or 2024 dollars, and its file says so point by point, each point's deflator
     * the CPI-U of its year over 2024's: 214.537 / 313.689 = 0.684 for 2009, 236.736 / 313.689 = 0.755 for 2014,
     * 255.657 / 313.689 = 0.815 for 2019.
     */
    @Test
    void aSensitivityAnalysisOfTheBaseYearSaysInWhatDollarsEachPointIs() throws Exception {
        ObjectNode scenario = (ObjectNode) Json.mapper().readTree(Path.of(LINEAR).toFile());
        ((ObjectNode) scenario.get("time")).put("priceYear", 2024);
        Path priced = dir.resolve("priced-2024.json");
        Json.mapper().writeValue(priced.toFile(), scenario);
        Path out = dir.resolve("base-years");
        StringWriter err = new StringWriter();
        assertEquals(0, EnsembleTest.cli(err, "sensitivity", priced.toString(), "--param",
                "/outputs/priceBaseYear=2009:2024", "--output", "totals.downstreamOutputLoss", "--trajectories", "3",
                "--ticks", "20", "--quiet", "--out", out.toString()), err.toString());
        JsonNode m = Json.mapper().readTree(out.resolve("morris.json").toFile());
        assertTrue(m.at("/money").isMissingNode(), m.toString());
        Set<Integer> years = new HashSet<>();
        for (JsonNode trajectory : m.get("design")) {
            for (JsonNode point : trajectory.get("points")) {
                int year = point.at("/values/~1outputs~1priceBaseYear").asInt();
                years.add(year);
                assertEquals(year, point.at("/money/baseYear").asInt(), point.toString());
                assertEquals(2024, point.at("/money/scenarioPriceYear").asInt(), point.toString());
                assertEquals(CPI.get(year) / CPI.get(2024), point.at("/money/deflator").asDouble(), 1e-12,
                        point.toString());
            }
        }
        assertTrue(Set.of(2009, 2014, 2019, 2024).containsAll(years), "the four levels: " + years);
    }

    /**
     * A Morris design of four levels puts each parameter at one of four values, its range's ends and the two thirds
     * between: with capacity over 20 to 40, 20, 26.67, 33.33 and 40, and each of them one number wherever the
     * trajectories reach it. Moving by Δ on the unit scale, a level reached going down was (x + Δ) - Δ:
     * 26.666666666666668 one way and 26.666666666666664 the other, so the effects of one step differed in their last
     * digits. And the top of a range is its maximum: 0.06 + 1 × (0.9 - 0.06) ran as 0.9000000000000001.
     */
    @Test
    void aMorrisDesignPutsEachLevelAtOneValueAndItsEndsAtTheRangesEnds() throws Exception {
        Path out = dir.resolve("levels");
        StringWriter err = new StringWriter();
        assertEquals(0, EnsembleTest.cli(err, "sensitivity", LINEAR, "--param", "/firms/0/capacity=20.0:40.0",
                "--param", "/demand/0/referencePrice=0.06:0.9", "--output", "totals.downstreamOutputLoss",
                "--trajectories", "6", "--levels", "4", "--ticks", "20", "--quiet", "--out", out.toString()),
                err.toString());
        Set<Double> capacity = new HashSet<>();
        Set<Double> price = new HashSet<>();
        for (JsonNode trajectory : Json.mapper().readTree(out.resolve("morris.json").toFile()).get("design")) {
            for (JsonNode point : trajectory.get("points")) {
                capacity.add(point.at("/values/~1firms~10~1capacity").asDouble());
                price.add(point.at("/values/~1demand~10~1referencePrice").asDouble());
            }
        }
        assertTrue(capacity.size() <= 4 && price.size() <= 4, capacity + " " + price);
        assertOnTheGrid(capacity, 20, 40);
        assertOnTheGrid(price, 0.06, 0.9);
    }

    /** Each value one of the four levels of {@code [min, max]}, the ends exactly the range's own. */
    private static void assertOnTheGrid(Set<Double> values, double min, double max) {
        for (double v : values) {
            double level = (v - min) / ((max - min) / 3);
            long j = Math.round(level);
            assertEquals(j, level, 1e-9, v + " on the grid of " + min + " to " + max);
            if (j == 0) {
                assertEquals(min, v, 0, "the range's bottom");
            } else if (j == 3) {
                assertEquals(max, v, 0, "the range's top");
            }
        }
    }

    @Test
    void badPointersAndValuesAreExitTwoWithNothingWritten() {
        Path out = dir.resolve("bad");
        StringWriter err = new StringWriter();
        assertEquals(2, EnsembleTest.cli(err, "sweep", LINEAR, "--set", "/firms/7/capacity=1,2", "--quiet",
                "--out", out.toString()));
        assertEquals(2, EnsembleTest.cli(err, "sweep", LINEAR, "--set", "/firms/0/capacity=-1", "--quiet",
                "--out", out.toString()));
        assertTrue(err.toString().contains("/firms/0/capacity"), err.toString());
        assertEquals(2, EnsembleTest.cli(err, "sensitivity", LINEAR, "--param", "/firms/0/capacity=8:12",
                "--output", "no.such.metric", "--trajectories", "2", "--ticks", "20", "--quiet",
                "--out", out.toString()));
        assertFalse(Files.exists(out.resolve("sweep.csv")));
        assertFalse(Files.exists(out.resolve("morris.csv")));
    }

    /**
     * minimal.json's magnet maker draws its capacity from {"min": 40, "max": 60}. Setting its min to 30 and then
     * the whole capacity to 50 ran every point at 50 while sweep.csv's min column said 30; a pointer inside another
     * one's value is refused before anything runs, in a sweep and in a Morris design alike.
     */
    @Test
    void aPointerInsideAnotherSetPointerIsRefused() {
        Path out = dir.resolve("nested");
        StringWriter err = new StringWriter();
        assertEquals(2, EnsembleTest.cli(err, "sweep", EnsembleTest.MINIMAL.toString(), "--set",
                "/firms/1/capacity/min=30", "--set", "/firms/1/capacity=50", "--ticks", "10", "--quiet",
                "--out", out.toString()), err.toString());
        assertTrue(err.toString().contains("pointer /firms/1/capacity/min lies inside /firms/1/capacity"),
                err.toString());
        assertEquals(2, EnsembleTest.cli(err, "sensitivity", EnsembleTest.MINIMAL.toString(), "--param",
                "/firms/1/capacity=40.0:60.0", "--param", "/firms/1/capacity/max=50.0:70.0",
                "--output", "JP.magnet.peakPrice", "--trajectories", "2", "--ticks", "10", "--quiet",
                "--out", out.toString()), err.toString());
        assertFalse(Files.exists(out));
        // A pointer that merely begins with another's name is a member of its own.
        assertEquals(0, EnsembleTest.cli(err, "sweep", EnsembleTest.MINIMAL.toString(), "--set",
                "/behaviour/demandNoise=0.0", "--set", "/behaviour/demandNoisePersistence=0.5", "--ticks", "10",
                "--quiet", "--out", out.toString()), err.toString());
    }

    /**
     * What a message says reaches a terminal under LANG=C, whose ASCII has no Greek: "--levels 3" was refused
     * with "so that the step ? = L/(2(L-1)) keeps the design on the grid".
     */
    @Test
    void anOddLevelCountIsRefusedInWordsEveryTerminalShows() throws Exception {
        StringWriter err = new StringWriter();

        assertEquals(2, EnsembleTest.cli(err, "sensitivity", LINEAR, "--param", "/firms/0/capacity=8:12", "--output",
                "totals.downstreamOutputLoss", "--levels", "3", "--quiet", "--out", dir.resolve("m").toString()));

        assertEquals("sensitivity: --levels must be even and at least 2 (so that the step L/(2(L-1)) keeps the design"
                + " on the grid), got 3\n", err.toString());
        assertTrue(java.nio.charset.StandardCharsets.US_ASCII.newEncoder().canEncode(err.toString()));
    }

    /**
     * sweep.csv has a column per pointer but none for a run's length or its dollars: a grid over the horizon and the
     * price year wrote rows whose totals covered 20 or 30 weeks, in 2009 or in 2015 dollars, and said so only inside
     * sweep.json. The command now says it as it starts; with --ticks every run is one length, and only the dollars
     * are left to say.
     */
    @Test
    void aSweepWhosePointsDifferInLengthOrDollarsSaysSo() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(0, EnsembleTest.cli(err, "sweep", LINEAR, "--set", "/time/horizonTicks=20,30", "--set",
                "/time/priceYear=2009,2015", "--quiet", "--out", dir.resolve("both").toString()), err.toString());
        assertEquals("warning: sweep: " + LINEAR + ": the points run for different numbers of ticks (20, 30), so"
                + " figures over a run cover different spans, and state money in different dollars (US$ (2009 prices),"
                + " US$ (2015 prices)), so money figures are not in one unit; sweep.csv does not say so, sweep.json"
                + " gives each point's own ticks and money\n", err.toString());

        StringWriter money = new StringWriter();
        assertEquals(0, EnsembleTest.cli(money, "sweep", LINEAR, "--set", "/time/horizonTicks=20,30", "--set",
                "/time/priceYear=2009,2015", "--ticks", "20", "--quiet", "--out", dir.resolve("money").toString()));
        assertTrue(money.toString().contains(": the points state money in different dollars (US$ (2009 prices), US$"
                + " (2015 prices)), so money figures are not in one unit; sweep.csv does not say so, sweep.json gives"
                + " each point's own money\n"), money.toString());

        StringWriter none = new StringWriter();
        assertEquals(0, EnsembleTest.cli(none, "sweep", LINEAR, "--set", "/time/horizonTicks=20,30", "--ticks", "20",
                "--quiet", "--out", dir.resolve("none").toString()));
        assertEquals("", none.toString());
    }

    /**
     * minimal.json's maker draws its capacity from 40 to 60, its mine draws nothing. The demand noise and the
     * policies' draws are seeded from the model's generator after the firms are drawn, so a second maker shifts
     * every later number: one seed no longer gives the two points the same noise, and the sweep says so. A second
     * mine draws nothing, and nothing is said.
     */
    @Test
    void aSweepWhosePointsDrawDifferentNumbersOfRandomValuesSaysTheNoiseIsNotCommon() throws Exception {
        StringWriter makers = new StringWriter();
        assertEquals(0, EnsembleTest.cli(makers, "sweep", EnsembleTest.MINIMAL.toString(), "--set",
                "/firms/1/count=1,2", "--quiet", "--out", dir.resolve("makers").toString()), makers.toString());
        assertEquals("warning: sweep: " + EnsembleTest.MINIMAL + ": the points draw different numbers of firms' or"
                + " traders' random values (a count, or a parameter that is a number at one point and a range at"
                + " another), so one seed gives them different demand noise and policy draws too: differences between"
                + " points are not the parameters' doing alone\n", makers.toString());

        StringWriter mines = new StringWriter();
        assertEquals(0, EnsembleTest.cli(mines, "sweep", EnsembleTest.MINIMAL.toString(), "--set",
                "/firms/0/count=1,2", "--set", "/firms/1/capacity/max=60,70", "--quiet", "--out",
                dir.resolve("mines").toString()));
        assertEquals("", mines.toString());
    }

    /**
     * A log-normal draw takes a pass of the generator that makes two normal deviates and keeps the second for the
     * next one, so a second log-normal firm takes nothing more from the stream: with the mine's capacity log-normal,
     * one mine or two leave the generator alike for the demand noise and the policies' draws, and nothing is said.
     * A third mine starts a new pass, and the sweep warns.
     */
    @Test
    void aSecondLogNormalDrawTakesNothingFromTheStreamAndIsNotWarnedOf() throws Exception {
        ec.util.MersenneTwisterFast one = new ec.util.MersenneTwisterFast(7L);
        ec.util.MersenneTwisterFast two = new ec.util.MersenneTwisterFast(7L);
        one.nextGaussian(); // the mine
        one.nextDouble(); // the maker
        two.nextGaussian(); // two mines
        two.nextGaussian();
        two.nextDouble();
        assertEquals(one.nextInt(), two.nextInt(), "the second deviate is the pass's kept one");

        ObjectNode scenario = (ObjectNode) Json.mapper().readTree(EnsembleTest.MINIMAL.toFile());
        ObjectNode capacity = ((ObjectNode) scenario.get("firms").get(0)).putObject("capacity");
        capacity.put("median", 100);
        capacity.put("sigma", 0.1);
        Path logNormal = dir.resolve("log-normal-mine.json");
        Json.mapper().writeValue(logNormal.toFile(), scenario);

        StringWriter pair = new StringWriter();
        assertEquals(0, EnsembleTest.cli(pair, "sweep", logNormal.toString(), "--set", "/firms/0/count=1,2",
                "--quiet", "--out", dir.resolve("one-or-two").toString()), pair.toString());
        assertEquals("", pair.toString());

        StringWriter three = new StringWriter();
        assertEquals(0, EnsembleTest.cli(three, "sweep", logNormal.toString(), "--set", "/firms/0/count=2,3",
                "--quiet", "--out", dir.resolve("two-or-three").toString()), three.toString());
        assertTrue(three.toString().contains(": the points draw different numbers of firms' or traders' random"
                + " values"), three.toString());
    }

    /**
     * A misspelt --output is found by the first run; the refusal names the scenario it is not a number of, as every
     * other problem of the design does, and the names nearest it, and no results folder is made.
     */
    @Test
    void anOutputTheScenarioDoesNotHaveNamesTheFileAndTheNearestNames() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(2, EnsembleTest.cli(err, "sensitivity", EnsembleTest.MINIMAL.toString(), "--param",
                "/firms/1/capacity/max=60.0:70.0", "--output", "JP.magnet.peakMultipel", "--trajectories", "2",
                "--quiet", "--out", dir.resolve("m").toString()));
        assertTrue(err.toString().startsWith("sensitivity: " + EnsembleTest.MINIMAL + ": --output"
                + " 'JP.magnet.peakMultipel' is not a summary number of this scenario; the nearest it has:"
                + " JP.magnet.peakMultiple, "), err.toString());
        assertFalse(Files.exists(dir.resolve("m")));
    }

    /**
     * A hypercube of five points over the whole numbers 8 to 10 (the linear world's capacity is an integer, and so
     * are both bounds) can give only three values: points 0 and 4 ran capacity 10, points 1 and 2 capacity 8, with
     * nothing said. The sweep now names them; five points over 8 to 20 repeat none.
     */
    @Test
    void aHypercubeWhoseRoundingRepeatsPointsSaysWhich() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("narrow");
        assertEquals(0, EnsembleTest.cli(err, "sweep", LINEAR, "--lhs", "5", "--set", "/firms/0/capacity=8:10",
                "--ticks", "20", "--quiet", "--out", out.toString()), err.toString());
        List<String> values = EnsembleTest.read(out.resolve("sweep.csv")).stream()
                .map(r -> r.get("/firms/0/capacity")).toList();
        assertEquals(List.of("10", "8", "8", "9", "10"), values);
        assertEquals("warning: sweep: " + LINEAR + ": rounding to whole numbers gives points the same values: points"
                + " 0, 4 (/firms/0/capacity=10); points 1, 2 (/firms/0/capacity=8); they repeat one another's runs, so"
                + " an average over the points weighs their values more (a range holding at least as many whole"
                + " numbers as points, or fewer points, avoids it)\n", err.toString());

        StringWriter wide = new StringWriter();
        assertEquals(0, EnsembleTest.cli(wide, "sweep", LINEAR, "--lhs", "5", "--set", "/firms/0/capacity=8:20",
                "--ticks", "20", "--quiet", "--out", dir.resolve("wide").toString()));
        assertEquals("", wide.toString());
    }

    /**
     * A hypercube over the whole numbers 4 to 6 gives each of them a third of its points. Rounding the stratified
     * position, as before, gave 4 and 6 only the strata within half a step of them, a quarter of the points each,
     * and 5 half: over 300 strata, each at its centre, 75, 150 and 75 points, where each number now has 100. A
     * continuous range keeps its position.
     */
    @Test
    void aHypercubeGivesEachWholeNumberOfItsRangeAnEqualShareOfItsPoints() {
        ScenarioPatch.Range whole = new ScenarioPatch.Range("/firms/0/capacity", 4, 6, true);
        int[] stratified = new int[3];
        int[] rounded = new int[3];
        for (int k = 0; k < 300; k++) {
            double u = (k + 0.5) / 300;
            stratified[(int) whole.stratified(u).asLong() - 4]++;
            rounded[(int) whole.at(u).asLong() - 4]++;
        }
        assertArrayEquals(new int[] {100, 100, 100}, stratified);
        assertArrayEquals(new int[] {75, 150, 75}, rounded, "what rounding gave");
        assertEquals(4, whole.stratified(0).asLong());
        assertEquals(6, whole.stratified(0.9999).asLong());
        ScenarioPatch.Range continuous = new ScenarioPatch.Range("/behaviour/expectationRate", 0.04, 0.16, false);
        assertEquals(0.07, continuous.stratified(0.25).asDouble(), 1e-15);
    }

    /**
     * A range written backwards, or a grid's list given to a command that wants a range, was answered "expected
     * /json/pointer=min:max with numbers min < max", which left the reader to find which of the two it was. Each is
     * now named, with the range that was probably meant.
     */
    @Test
    void aBackwardRangeOrAListWhereARangeBelongsIsNamedWithTheRangeMeant() {
        assertEquals("--param '/behaviour/expectationRate=0.16:0.04': the range runs backwards, min 0.16 > max 0.04"
                + " (write the smaller bound first: /behaviour/expectationRate=0.04:0.16)",
                refused("--param", "/behaviour/expectationRate=0.16:0.04"));
        assertEquals("--set '/behaviour/expectationRate=0.08:0.08': the range is empty, min 0.08 = max 0.08 (a value"
                + " to hold fixed belongs in the scenario)", refused("--set", "/behaviour/expectationRate=0.08:0.08"));
        assertEquals("--set '/policies/2/approvalProbability=0.5,0.2,0.8': with --lhs each --set is a range min:max"
                + " to sample, such as /policies/2/approvalProbability=0.2:0.8; a list of values v1,v2,... is a grid"
                + " (leave out --lhs)", refused("--set", "/policies/2/approvalProbability=0.5,0.2,0.8"));
        assertEquals("--param '/behaviour/expectationRate=0.05,0.08,0.12': a parameter is a range min:max whose"
                + " levels the design chooses, such as /behaviour/expectationRate=0.05:0.12, not a list of values",
                refused("--param", "/behaviour/expectationRate=0.05,0.08,0.12"));
        // what is neither keeps the general form
        assertEquals("--param '/behaviour/expectationRate=NaN:1': expected /json/pointer=min:max with numbers min < max",
                refused("--param", "/behaviour/expectationRate=NaN:1"));
    }

    private static String refused(String option, String spec) {
        return org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                () -> ScenarioPatch.parseRange(option, spec)).getMessage();
    }

    /**
     * Both ends of -1.7e308:1.7e308 are doubles but their distance is not: the hypercube's values min + u (max - min)
     * were infinite and the scenario refused a demandNoise of "Infinity", a value nobody wrote. The range itself
     * is refused, for what it is.
     */
    @Test
    void aRangeOrValueBeyondADoubleIsRefusedAsWritten() throws Exception {
        ExperimentException e = org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                () -> ScenarioPatch.parseRange("--set", "/behaviour/demandNoise=-1.7e308:1.7e308"));
        assertEquals("--set '/behaviour/demandNoise=-1.7e308:1.7e308': the range is wider than a double holds"
                + " (max - min must be below about 1.8e308)", e.getMessage());
        assertEquals(1.7e308, ScenarioPatch.parseRange("--param", "/x=0:1.7e308").max());
        // A grid's value of 1e400 is refused as written too, not as the "Infinity" it became.
        ExperimentException grid = org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                () -> ScenarioPatch.parseValueList("/firms/0/capacity=50,1e400"));
        assertEquals("--set '/firms/0/capacity=50,1e400': 1e400 is beyond the largest number a double holds (about"
                + " 1.8e308)", grid.getMessage());
    }

    /**
     * In 30 ticks of minimal.json no magnet price reaches five times its baseline, so JP.magnet.firstTickAbove5x is
     * NA at every point and the capacity has no effect to measure: morris.csv says NA, and so does the line the
     * command prints, which said mu*=NaN.
     */
    @Test
    void anOutputNoRunHasIsNaOnTheSummaryLineAsInMorrisCsv() throws Exception {
        Path out = dir.resolve("na");
        StringWriter stdout = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = org.chokepoint.cli.Main.commandLine();
        cmd.setOut(new java.io.PrintWriter(stdout));
        cmd.setErr(new java.io.PrintWriter(err));
        assertEquals(0, cmd.execute("sensitivity", EnsembleTest.MINIMAL.toString(), "--param",
                "/firms/0/capacity=50.0:100.0", "--output", "JP.magnet.firstTickAbove5x", "--trajectories", "2",
                "--ticks", "30", "--quiet", "--out", out.toString()), err.toString());
        assertEquals("NA", EnsembleTest.read(out.resolve("morris.csv")).get(0).get("muStar"));
        assertTrue(stdout.toString().startsWith("effects on JP.magnet.firstTickAbove5x, in its units per whole range"
                + " (max - min) of each parameter:" + System.lineSeparator() + "/firms/0/capacity: mu*=NA mu=NA sigma=NA"
                + System.lineSeparator()), stdout.toString());
    }

    /**
     * minimal.json's magnet maker draws its capacity between 40 and 60, so a min of 70 is refused. With seed 5 the
     * design first reaches it in trajectory 2, at the first of its three points: the problem says "trajectory 2,
     * point 0", as morris.json numbers a trajectory's points, where it said "point 6", counting from trajectory 0.
     */
    @Test
    void aBadDesignPointIsNumberedWithinItsTrajectory() {
        StringWriter err = new StringWriter();
        assertEquals(2, EnsembleTest.cli(err, "sensitivity", EnsembleTest.MINIMAL.toString(), "--param",
                "/firms/0/capacity=50.0:100.0", "--param", "/firms/1/capacity/min=30.0:70.0", "--output",
                "JP.magnet.peakPrice", "--trajectories", "4", "--ticks", "5", "--seed", "5", "--quiet",
                "--out", dir.resolve("bad-point").toString()));
        assertTrue(err.toString().contains("minimal.json [trajectory 2, point 0: /firms/0/capacity=66.66666666666666,"
                + " /firms/1/capacity/min=70.0]: /firms/1/capacity/min: a range needs min <= max"), err.toString());
    }

    /**
     * A point's value is named as the outputs write numbers, the shortest decimal that reads back as it, on any Java:
     * a capacity of 1e23 was "point 0: /firms/0/capacity=9.999999999999999E22" on Java 17 (the same double, which
     * Java 25 writes 1.0E23), and so in sweep.csv's column of the pointer and in a comparison's option names.
     */
    @Test
    void aPointsValueIsNamedAsTheOutputsWriteNumbers() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(2, EnsembleTest.cli(err, "sweep", LINEAR, "--set", "/firms/0/capacity=1e23", "--quiet", "--out",
                dir.resolve("huge").toString()));
        assertEquals(LINEAR + " [point 0: /firms/0/capacity=1.0E23]: /firms/0/capacity: capacity must be <= 1e12,"
                + " got 1.0E23\n", err.toString());

        assertEquals("1.0E23", new ScenarioPatch.Assignment("/firms/0/capacity",
                com.fasterxml.jackson.databind.node.DoubleNode.valueOf(1e23)).text());
        assertEquals("8.001779703418978E16", new ScenarioPatch.Assignment("/firms/0/capacity",
                com.fasterxml.jackson.databind.node.DoubleNode.valueOf(8.0017797034189776E16)).text());
        Comparison.Grid grid = Comparison.Grid.parse("/policies/0/floor=1e23,60.0,60.5");
        assertEquals(List.of("floor [--grid /policies/0/floor = 1.0E23]", "floor [--grid /policies/0/floor = 60.0]",
                "floor [--grid /policies/0/floor = 60.5]"),
                grid.levels().stream().map(l -> grid.levelName("floor", l)).toList());
    }

    /**
     * one-market-linear.json has one firm and one demand. A pointer to a second was refused without the file it was
     * looked for in, or the elements there are: "sweep: JSON pointer '/firms/1/capacity': no element 1 in /firms (it
     * has 1)". It now names both, in sweep and in sensitivity, and nothing is written.
     */
    @Test
    void aPointerToAnElementTheScenarioDoesNotHaveNamesTheFileAndTheElementsThereAre() throws Exception {
        JsonNode linear = Json.mapper().readTree(Files.readString(Path.of(LINEAR)));
        assertEquals(1, linear.at("/firms").size());
        assertEquals(1, linear.at("/demand").size());
        StringWriter sweep = new StringWriter();
        assertEquals(2, EnsembleTest.cli(sweep, "sweep", LINEAR, "--set", "/firms/1/capacity=8,10", "--quiet",
                "--out", dir.resolve("s").toString()));
        assertEquals("sweep: " + LINEAR + ": JSON pointer '/firms/1/capacity': no element 1 in /firms (it has 1,"
                + " numbered 0)\n", sweep.toString());
        StringWriter morris = new StringWriter();
        assertEquals(2, EnsembleTest.cli(morris, "sensitivity", LINEAR, "--param", "/firms/0/capacity=8.0:12.0",
                "--param", "/demand/3/elasticity=-1.5:-0.5", "--output", "totals.deadweightLoss", "--quiet", "--out",
                dir.resolve("m").toString()));
        assertEquals("sensitivity: " + LINEAR + ": JSON pointer '/demand/3/elasticity': no element 3 in /demand (it"
                + " has 1, numbered 0)\n", morris.toString());
        assertFalse(Files.exists(dir.resolve("s")) || Files.exists(dir.resolve("m")));
    }

    /**
     * A pointer into an element of a list the scenario does not have (a stockist's interest in a world without
     * stockists) is refused for the list it names: made as an object, the scenario was refused with "stockists must
     * be an array, got an object", of a list the user never wrote.
     */
    @Test
    void aPointerIntoAListTheScenarioDoesNotHaveIsRefusedForThatList() throws Exception {
        JsonNode doc = Json.mapper().readTree("{\"meta\": {\"name\": \"w\"}, \"firms\": []}");
        ExperimentException e = org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                () -> ScenarioPatch.pointer(doc, "/stockists/0/interestPerYear"));
        assertEquals("JSON pointer '/stockists/0/interestPerYear': the scenario has no /stockists (an element of a"
                + " list can be set only in a list it has)", e.getMessage());
        // Deeper below a member it does not have, the pointer is refused as it is read, before any point is run.
        ExperimentException deeper = org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                () -> ScenarioPatch.pointer(doc, "/missing/x/0"));
        assertEquals("JSON pointer '/missing/x/0': the scenario has no /missing/x (an element of a list can be set"
                + " only in a list it has)", deeper.getMessage());
        // A member the scenario does not have yet is still made on the way, as before.
        assertEquals(0.1, ScenarioPatch.apply(doc, List.of(new ScenarioPatch.Assignment("/behaviour/demandNoise",
                Json.mapper().readTree("0.1")))).at("/behaviour/demandNoise").asDouble());
    }

    /**
     * A list's values are cut at every comma, so {@code "a,b"} arrives as {@code "a} and {@code b"}: read as
     * bare words they would be two points of the sweep (a firm's id {@code "a} and another's {@code b"}), not
     * the one value written. A quoted value that does not close is refused instead, in --set and in --grid.
     */
    @Test
    void aQuotedValueCutByACommaIsRefusedRatherThanSweptAsTwo() throws Exception {
        ExperimentException set = org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                () -> ScenarioPatch.parseValueList("/meta/name=\"a,b\""));
        assertEquals("--set '/meta/name=\"a,b\"': '\"a' opens a quoted string that does not close (a value cannot"
                + " contain a comma)", set.getMessage());
        ComparisonException grid = org.junit.jupiter.api.Assertions.assertThrows(ComparisonException.class,
                () -> Comparison.Grid.parse("/policies/0/id=\"x,y\""));
        assertEquals("--grid /policies/0/id=\"x,y\": '\"x' opens a quoted string that does not close (a value"
                + " cannot contain a comma)", grid.getMessage());
        // A whole quoted string, and a bare word, are values as before; a trailing comma is an empty level.
        assertEquals(List.of(Json.mapper().readTree("\"a b\""), Json.mapper().readTree("\"mothballed\"")),
                ScenarioPatch.parseValueList("/meta/name=\"a b\",mothballed").values());
        org.junit.jupiter.api.Assertions.assertThrows(ComparisonException.class,
                () -> Comparison.Grid.parse("/policies/0/floor=60,80,"));
    }

    /**
     * A level given twice would run the same option twice under one name; it is refused as what it is, not as a
     * name used twice at the options file's first entry. A level that is an array is named as JSON, not as "".
     */
    @Test
    void aGridLevelIsGivenOnceAndNamedAsWritten() throws Exception {
        ComparisonException twice = org.junit.jupiter.api.Assertions.assertThrows(ComparisonException.class,
                () -> Comparison.Grid.parse("/policies/0/floor=60,80,60"));
        assertEquals("--grid /policies/0/floor=60,80,60: the level 60 is given twice", twice.getMessage());
        Comparison.Grid grid = Comparison.Grid.parse("/policies/0/destinations=[\"JP\"]");
        assertEquals("floor [--grid /policies/0/destinations = [\"JP\"]]",
                grid.levelName("floor", grid.levels().get(0)));
    }

    /**
     * A sweep's value given twice, however written, ran the same point twice: two rows of the same runs under one
     * value. It is refused as a comparison's level given twice is.
     */
    @Test
    void aSweepValueIsGivenOnce() {
        ExperimentException twice = org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                () -> ScenarioPatch.parseValueList("/firms/0/capacity=10,20,10.0"));
        assertEquals("--set '/firms/0/capacity=10,20,10.0': the value 10.0 is given twice", twice.getMessage());
        assertEquals(2, org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                () -> ScenarioPatch.parseValueList("/meta/name=60,\"60\"")).values().size());
    }

    /**
     * 60, 60.0 and 6e1 are one floor to the scenario, which reads a number as a double: written two ways in one
     * grid they ran the same option twice, as two levels under two names, where 60 written twice was refused. And
     * 1e400 is beyond every double: read as one it was infinite, and the scenario's refusal named the level
     * "Infinity", which nobody wrote; it is refused as --set refuses it.
     */
    @Test
    void aGridLevelIsOneNumberHoweverItIsWrittenAndNoneIsBeyondADouble() {
        ComparisonException decimal = org.junit.jupiter.api.Assertions.assertThrows(ComparisonException.class,
                () -> Comparison.Grid.parse("/policies/0/floor=60,80,60.0"));
        assertEquals("--grid /policies/0/floor=60,80,60.0: the level 60.0 is given twice", decimal.getMessage());
        ComparisonException exponent = org.junit.jupiter.api.Assertions.assertThrows(ComparisonException.class,
                () -> Comparison.Grid.parse("/policies/0/floor=6e1,60"));
        assertEquals("--grid /policies/0/floor=6e1,60: the level 60 is given twice", exponent.getMessage());
        ComparisonException huge = org.junit.jupiter.api.Assertions.assertThrows(ComparisonException.class,
                () -> Comparison.Grid.parse("/policies/0/floor=60,1e400"));
        assertEquals("--grid /policies/0/floor=60,1e400: 1e400 is beyond the largest number a double holds (about"
                + " 1.8e308)", huge.getMessage());
        // A number and the same digits as text are two levels: the scenario reads them as two values.
        assertEquals(2, org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                () -> Comparison.Grid.parse("/policies/0/id=60,\"60\"")).levels().size());
    }

    /**
     * A range written without --lhs: read as a grid's one value, "0.01:0.05" reached the scenario as the text
     * '0.01:0.05' and was refused as "demandNoise must be a number", which says nothing of the hypercube. It is now
     * refused as what it is, with the grid's form built from the range's two ends; nothing runs or is written. A
     * quoted "0.01:0.05" is a string, a grid value like any other.
     */
    @Test
    void aRangeWithoutLhsSaysItIsForTheHypercubeAndShowsTheGridsForm() throws Exception {
        Path out = dir.resolve("grid");
        StringWriter err = new StringWriter();

        int code = EnsembleTest.cli(err, "sweep", LINEAR, "--set", "/behaviour/demandNoise=0.01:0.05", "--quiet",
                "--out", out.toString());

        assertEquals(2, code);
        assertEquals("sweep: --set '/behaviour/demandNoise=0.01:0.05': a min:max range is for Latin-hypercube"
                + " sampling (add --lhs K for K points); a grid sweep takes a list of values, /pointer=v1,v2,... such"
                + " as /behaviour/demandNoise=0.01,0.05\n", err.toString());
        assertFalse(Files.exists(out), "nothing written");
        ExperimentException inList = org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                () -> ScenarioPatch.parseValueList("/time/horizonTicks=52, 52:104"));
        assertTrue(inList.getMessage().endsWith("such as /time/horizonTicks=52,104"), inList.getMessage());
        assertEquals(List.of(Json.mapper().readTree("\"0.01:0.05\"")),
                ScenarioPatch.parseValueList("/meta/name=\"0.01:0.05\"").values());
    }

    /**
     * The textbook cross of {@code one-market-linear.json}: twenty makers of capacity c at a marginal cost of
     * {@code 2 + 10 q / c} sell {@code 2 c (p - 2)}, households buy {@code B (2 - p / 8)}, so the price clears at
     * {@code p = (2 B + 4 c) / (2 c + B / 8)}, 8 at the scenario's c = 10 and B = 120. Started at 5, the price climbs
     * to the cross without passing it, and its peak in 40 weeks falls short by 0.11-0.14%: the elementary effects of c
     * and B are the cross's over each step of the design, {@code (p(after) - p(before))} per the step's share of the
     * parameter's range, and time.discountRate, which only discounts reported present values, has none.
     */
    @Test
    void aParameterTheModelIgnoresHasMuStarExactlyZero() throws Exception {
        Path out = dir.resolve("morris");
        StringWriter err = new StringWriter();
        // time.discountRate only discounts reported present values: the price path cannot depend on it
        assertEquals(0, EnsembleTest.cli(err, "sensitivity", LINEAR, "--param", "/firms/0/capacity=8.0:12.0",
                "--param", "/time/discountRate=0.01:0.08", "--param", "/demand/0/baseQuantity=100.0:140.0",
                "--output", "X.widget.peakPrice", "--trajectories", "4", "--ticks", "40", "--threads", "2",
                "--quiet", "--out", out.toString()), err.toString());
        JsonNode params = Json.mapper().readTree(out.resolve("morris.json").toFile()).get("parameters");
        assertEquals("/time/discountRate", params.get(1).get("pointer").asText());
        assertEquals(0.0, params.get(1).get("muStar").asDouble());
        assertEquals(0.0, params.get(1).get("sigma").asDouble());
        double[] crossMuStar = new double[3];
        for (JsonNode trajectory : Json.mapper().readTree(out.resolve("morris.json").toFile()).get("design")) {
            JsonNode points = trajectory.get("points");
            for (int k = 0; k < points.size(); k++) {
                JsonNode v = points.get(k).get("values");
                double cross = cross(v.get("/firms/0/capacity").asDouble(), v.get("/demand/0/baseQuantity").asDouble());
                assertEquals(cross, points.get(k).get("output").asDouble(), 0.005 * cross, "the peak is the cross's");
                if (k == 0) {
                    continue;
                }
                JsonNode before = points.get(k - 1).get("values");
                double change = cross - cross(before.get("/firms/0/capacity").asDouble(),
                        before.get("/demand/0/baseQuantity").asDouble());
                String moved = trajectory.get("moved").get(k - 1).asText();
                int i = List.of("/firms/0/capacity", "/time/discountRate", "/demand/0/baseQuantity").indexOf(moved);
                double[] range = {4.0, 0.07, 40.0};
                double share = (v.get(moved).asDouble() - before.get(moved).asDouble()) / range[i];
                crossMuStar[i] += Math.abs(change / share) / 4;
            }
        }
        // Over the design's steps the cross moves on average by 1.336 per capacity's whole range of 8-12 and by
        // 1.066 per demand's of 100-140.
        assertEquals(1.336, crossMuStar[0], 0.001, "the cross's effect of capacity, worked out by hand");
        assertEquals(1.066, crossMuStar[2], 0.001, "the cross's effect of demand, worked out by hand");
        assertEquals(crossMuStar[0], params.get(0).get("muStar").asDouble(), 0.02 * crossMuStar[0], "capacity");
        assertEquals(crossMuStar[2], params.get(2).get("muStar").asDouble(), 0.02 * crossMuStar[2], "demand");
        assertEquals(-crossMuStar[0], params.get(0).get("mu").asDouble(), 0.02 * crossMuStar[0],
                "more capacity lowers the price at every step");
        assertEquals(4, params.get(0).get("r").asInt());
        List<CSVRecord> rows = EnsembleTest.read(out.resolve("morris.csv"));
        assertEquals(3, rows.size());
        assertEquals("0.0", rows.get(1).get("muStar"));
    }

    /** The price where the makers' supply {@code 2 c (p - 2)} meets the households' {@code B (2 - p / 8)}. */
    private static double cross(double capacity, double baseQuantity) {
        return (2 * baseQuantity + 4 * capacity) / (2 * capacity + baseQuantity / 8);
    }

    /**
     * An integer range 10:12 on a grid of four levels: the grid's values 10, 10.67, 11.33 and 12 are written as 10,
     * 11, 11 and 12 into a field that holds an integer, so a step of two thirds of the range from 0 moves the
     * parameter by half of it, and the elementary effect is taken over that half; into a field of decimals, as the
     * discount rate is, they are written as they are.
     */
    @Test
    void anIntegerParametersStepIsTheOneItActuallyTook() throws Exception {
        ScenarioPatch.Range r = ScenarioPatch.parseRange("--param", "/time/decisionTick=10:12");
        ScenarioPatch.Range integral = r.over(Json.mapper().readTree("{\"time\": {\"decisionTick\": 11}}"));
        assertEquals(0.0, Morris.applied(integral, 0.0), 0.0);
        assertEquals(0.5, Morris.applied(integral, 1.0 / 3), 0.0);
        assertEquals(0.5, Morris.applied(integral, 2.0 / 3), 0.0);
        assertEquals(1.0, Morris.applied(integral, 1.0), 0.0);
        ScenarioPatch.Range decimal = ScenarioPatch.parseRange("--param", "/time/discountRate=10:12")
                .over(Json.mapper().readTree("{\"time\": {\"discountRate\": 11.5}}"));
        assertEquals(2.0 / 3, Morris.applied(decimal, 2.0 / 3), 1e-12);
    }

    /**
     * A setting the scenario leaves out is drawn as the format takes it: warm-up is a whole number of ticks, so
     * 0:52 at a third of the way is 17 (17.33 rounded); the discount rate is a number, so 0:1 at a third is a third.
     * Drawn as a decimal, the warm-up was refused at every point ("warmupTicks must be an integer").
     */
    @Test
    void aSettingTheScenarioLeavesOutIsDrawnAsTheFormatTakesIt() throws Exception {
        JsonNode without = Json.mapper().readTree("{\"time\": {\"horizonTicks\": 104}}");
        ScenarioPatch.Range warmup = ScenarioPatch.parseRange("--set", "/time/warmupTicks=0:52").over(without);
        assertEquals(17L, warmup.at(1.0 / 3).longValue());
        assertTrue(warmup.at(1.0 / 3).isIntegralNumber());
        ScenarioPatch.Range rate = ScenarioPatch.parseRange("--set", "/time/discountRate=0:1").over(without);
        assertEquals(1.0 / 3, rate.at(1.0 / 3).doubleValue(), 1e-15);
        assertTrue(rate.at(1.0 / 3).isFloatingPointNumber());
    }

    /**
     * An integer field may be written with a decimal point, as a program that writes every number as a double
     * writes it: the format reads "warmupTicks": 26.0 as the 26 ticks it is, and a hypercube over it is drawn as
     * whole ticks. 2:8 in three strata is 2-4, 4-6 and 6-8, each point a whole number in its stratum. Drawn as
     * decimals, as where the scenario held an integer, every point was refused ("warmupTicks must be an integer, got
     * 5.0157...").
     */
    @Test
    void anIntegerFieldWrittenWithADecimalPointIsDrawnAsWholeNumbers() throws Exception {
        Path scenario = dir.resolve("decimal-warmup.json");
        Files.writeString(scenario, Files.readString(Path.of(LINEAR))
                .replace("\"horizonTicks\": 400}", "\"horizonTicks\": 400, \"warmupTicks\": 26.0}"));
        Path out = dir.resolve("lhs");
        StringWriter err = new StringWriter();
        assertEquals(0, EnsembleTest.cli(err, "validate", scenario.toString()), err.toString());

        assertEquals(0, EnsembleTest.cli(err, "sweep", scenario.toString(), "--lhs", "3", "--set",
                "/time/warmupTicks=2:8", "--ticks", "10", "--quiet", "--out", out.toString()), err.toString());

        Set<Integer> strata = new HashSet<>();
        for (CSVRecord r : EnsembleTest.read(out.resolve("sweep.csv"))) {
            String v = r.get("/time/warmupTicks");
            assertTrue(v.matches("[2-8]"), v);
            strata.add(Math.min((Integer.parseInt(v) - 2) / 2, 2));
        }
        assertEquals(3, strata.size());
    }

    /**
     * A misspelt field of Japan's magnet market lists that market's fields, not every number of the scenario, the
     * one the typo meant first: in file order it came fourth of the market's twelve.
     */
    @Test
    void aMisspeltOutputListsTheNearestNames() {
        List<String> names = List.of("JP.ndfeb-magnet.peakPrice", "JP.ndfeb-magnet.meanPrice",
                "JP.ndfeb-magnet.cumulativeShortage", "JP.ndfeb-magnet.peakMultiple", "JP.ndpr-oxide.peakMultiple",
                "totals.deadweightLoss");
        // Edit distances to the typo: 1 (peakMultiple, one letter short), 6 (peakPrice), 8 (meanPrice), 16.
        assertEquals("the nearest it has: JP.ndfeb-magnet.peakMultiple, JP.ndfeb-magnet.peakPrice, "
                + "JP.ndfeb-magnet.meanPrice, JP.ndfeb-magnet.cumulativeShortage",
                Morris.nearest("JP.ndfeb-magnet.peakMultipl", names));
        // Sharing no leading part with any, every name is listed, closest in spelling first: 14, 16, 18, 21, 22, 27.
        assertEquals("it has, among others: JP.ndpr-oxide.peakMultiple, JP.ndfeb-magnet.peakMultiple, "
                + "totals.deadweightLoss, JP.ndfeb-magnet.peakPrice, JP.ndfeb-magnet.meanPrice, "
                + "JP.ndfeb-magnet.cumulativeShortage", Morris.nearest("peakMultiple", names));
    }

    @Test
    void behaviourOnceHardWiredIsWithinReachOfSweepsAndMorris() throws Exception {
        Path out = dir.resolve("behaviour");
        StringWriter err = new StringWriter();
        assertEquals(0, EnsembleTest.cli(err, "sensitivity", LINEAR, "--param", "/behaviour/normalSalesWeeks=4.0:26.0",
                "--param", "/behaviour/offerWeeks=0.5:3.0",
                "--output", "X.widget.peakPrice", "--trajectories", "3", "--ticks", "60", "--quiet",
                "--out", out.toString()), err.toString());
        JsonNode params = Json.mapper().readTree(out.resolve("morris.json").toFile()).get("parameters");
        for (JsonNode p : params) {
            // That these reach the model is the point; how far they move a peak reached on the way to the cross
            // depends on the whole path of the firms' runs and offers, which no closed form gives.
            assertTrue(p.get("muStar").asDouble() > 0, p.get("pointer").asText() + " moves the price");
        }

        Path grid = dir.resolve("trading");
        assertEquals(0, EnsembleTest.cli(err, "sweep", EnsembleTest.MINIMAL.toString(), "--set",
                "/behaviour/trading/stockCoverWeeks=1.0,6.0", "--runs", "1", "--ticks", "40", "--quiet",
                "--out", grid.toString()), err.toString());
        List<CSVRecord> rows = EnsembleTest.read(grid.resolve("sweep.csv"));
        // Traders carry oxide from CN to JP: the cover they hold at JP moves the price there.
        assertFalse(rows.get(0).get("JP.oxide.peakPrice").equals(rows.get(1).get("JP.oxide.peakPrice")),
                "the traders' cover reached the model");
    }

    /**
     * minimal.json runs 52 ticks. A grid over its horizon of 20 and 30 ticks, without --ticks, runs 20 and 30:
     * the design file gives each point its own length rather than the scenario's 52 for both, and one value
     * for every point (30) is the length of every run.
     */
    @Test
    void aSweepOverTheHorizonRecordsTheTicksEachPointRan() throws Exception {
        StringWriter err = new StringWriter();
        Path two = dir.resolve("horizons");
        assertEquals(0, EnsembleTest.cli(err, "sweep", EnsembleTest.MINIMAL.toString(), "--set",
                "/time/horizonTicks=20,30", "--quiet", "--out", two.toString()), err.toString());
        JsonNode design = Json.mapper().readTree(two.resolve("sweep.json").toFile());
        assertFalse(design.has("ticks"), "no one length for runs of 20 and 30 ticks");
        assertEquals(20, design.get("points").get(0).get("ticks").asInt());
        assertEquals(30, design.get("points").get(1).get("ticks").asInt());

        Path one = dir.resolve("horizon");
        assertEquals(0, EnsembleTest.cli(err, "sweep", EnsembleTest.MINIMAL.toString(), "--set",
                "/time/horizonTicks=30", "--quiet", "--out", one.toString()), err.toString());
        design = Json.mapper().readTree(one.resolve("sweep.json").toFile());
        assertEquals(30, design.get("ticks").asInt());
        assertFalse(design.get("points").get(0).has("ticks"));
    }

    /**
     * Morris over minimal.json's horizon, 20:40 on four levels: the grid's 20, 26.67, 33.33 and 40 run 20, 27, 33
     * and 40 ticks, and each design point says how long its run was, not the scenario's 52.
     */
    @Test
    void aMorrisDesignOverTheHorizonRecordsTheTicksEachPointRan() throws Exception {
        Path out = dir.resolve("morris-horizon");
        StringWriter err = new StringWriter();
        assertEquals(0, EnsembleTest.cli(err, "sensitivity", EnsembleTest.MINIMAL.toString(), "--param",
                "/time/horizonTicks=20:40", "--output", "JP.magnet.peakPrice", "--trajectories", "2", "--quiet",
                "--out", out.toString()), err.toString());
        JsonNode morris = Json.mapper().readTree(out.resolve("morris.json").toFile());
        assertFalse(morris.has("ticks"), "no one length for runs of different horizons");
        for (JsonNode trajectory : morris.get("design")) {
            Set<Integer> lengths = new HashSet<>();
            for (JsonNode point : trajectory.get("points")) {
                int ticks = point.get("ticks").asInt();
                assertEquals(point.get("values").get("/time/horizonTicks").asInt(), ticks);
                lengths.add(ticks);
            }
            assertTrue(Set.of(20, 27, 33, 40).containsAll(lengths), lengths.toString());
            assertEquals(2, lengths.size(), "a trajectory's one step moves the horizon");
        }
    }
}
