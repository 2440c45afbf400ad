package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The minimal scenario, written as {@code name} with its horizon given as {@code horizon}, as the file says it. */
    private Path minimalWithHorizon(String name, String horizon) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, Files.readString(resource("minimal.json"))
                .replaceFirst("\"horizonTicks\": 52", "\"horizonTicks\": " + horizon));
        return file;
    }

    private int validate(String... args) {
        CommandLine cmd = new CommandLine(new ValidateCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void validFilesPrintOkAndExitZero() throws Exception {
        Path minimal = resource("minimal.json");
        Path example = resource("worked-example.json");

        int code = validate(minimal.toString(), example.toString());

        assertEquals(0, code, err.toString());
        assertEquals("OK " + minimal + System.lineSeparator() + "OK " + example + System.lineSeparator(), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void anInvalidFilePrintsOneProblemPerLineAndExitsTwo() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"meta\": {\"name\": \"x\"},\n  \"time\": {\"horizonTicks\": -1},\n"
                + "  \"regions\": [],\n  \"commodities\": [{\"id\": \"ore\", \"stage\": \"raw\", \"initialPrice\": 1}]\n}\n");
        Path good = resource("minimal.json");

        int code = validate(bad.toString(), good.toString());

        assertEquals(ValidateCommand.INVALID, code);
        assertEquals("OK " + good + System.lineSeparator(), out.toString(), "valid files are still reported");
        String[] lines = err.toString().split("\\R");
        assertEquals(2, lines.length, err.toString());
        assertEquals(bad + ":3:12: /time/horizonTicks: horizonTicks must be >= 1, got -1", lines[0]);
        assertTrue(lines[1].startsWith(bad + ":4:3: /regions: regions needs at least 1 entry"), lines[1]);
    }

    @Test
    void aMissingFileIsAProblemToo() {
        int code = validate(dir.resolve("nope.json").toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("nope.json: no such file"), err.toString());
    }

    /** The options files beside the scenarios are compare's input: validate says so in one line. */
    @Test
    void anOptionsFileIsNamedForWhatItIs() {
        Path options = Path.of("scenarios/ndpr-price-floor-2025.options.json");

        int code = validate(options.toString());

        assertEquals(ValidateCommand.INVALID, code);
        String[] lines = err.toString().split("\\R");
        assertEquals(1, lines.length, err.toString());
        assertEquals(options + ": (document): an options file for compare, not a scenario: check it with "
                + "'validate SCENARIO --options " + options + "', run it with 'compare SCENARIO --options " + options
                + "'", lines[0]);
    }

    /** Checked against its scenario, as compare checks it before running, a shipped options file is valid. */
    @Test
    void anOptionsFileIsCheckedAgainstItsScenarioWithoutRunning() {
        String scenario = "scenarios/ndpr-price-floor-2025.json";
        String options = "scenarios/ndpr-price-floor-2025.options.json";

        int code = validate(scenario, "--options", options);

        assertEquals(0, code, err.toString());
        assertEquals("OK " + scenario + System.lineSeparator() + "OK " + options + " (9 options against " + scenario
                + ")" + System.lineSeparator(), out.toString());
        assertEquals("", err.toString());
    }

    /**
     * An option that misspells a field of what it patches is refused at its pointer, as compare refuses it; against
     * the 2010 scenario, whose chain has no route from Australia to Japan, the NdPr options' consortium is refused too.
     */
    @Test
    void aBadOptionIsRefusedAtItsPointer() throws Exception {
        String scenario = "scenarios/ndpr-price-floor-2025.json";
        Path options = dir.resolve("bad.options.json");
        Files.writeString(options, Files.readString(Path.of("scenarios/ndpr-price-floor-2025.options.json"))
                .replaceFirst("\"strike\"", "\"strikke\""));

        assertEquals(ValidateCommand.INVALID, validate(scenario, "--options", options.toString()));
        assertTrue(err.toString().startsWith(options.toString() + ":"), err.toString());
        assertTrue(err.toString().contains("strikke"), err.toString());
        assertEquals("OK " + scenario + System.lineSeparator(), out.toString(), "the scenario itself is valid");

        StringWriter elsewhere = new StringWriter();
        CommandLine cmd = new CommandLine(new ValidateCommand());
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(elsewhere));
        assertEquals(ValidateCommand.INVALID, cmd.execute("scenarios/rare-earth-2010.json", "--options",
                "scenarios/ndpr-price-floor-2025.options.json"));
        assertTrue(elsewhere.toString().contains("candidateSuppliers/2: no route from AU to JP"), elsewhere.toString());
    }

    /**
     * A scenario with a problem cannot have its options checked against it: the scenario's problem is given and the
     * options file is said to be unchecked, even one that does not exist, rather than passed over in silence.
     */
    @Test
    void optionsOfAnInvalidScenarioAreSaidToBeUnchecked() throws Exception {
        Path bad = minimalWithHorizon("bad.json", "0");
        Path missing = dir.resolve("no-such.options.json");

        int code = validate(bad.toString(), "--options", missing.toString());

        assertEquals(ValidateCommand.INVALID, code);
        assertEquals("", out.toString());
        String[] lines = err.toString().split("\\R");
        assertEquals(2, lines.length, err.toString());
        assertTrue(lines[0].startsWith(bad + ":") && lines[0].contains("/time/horizonTicks"), lines[0]);
        assertEquals(missing + ": not checked: its scenario " + bad + " has problems; mend them and validate again",
                lines[1]);
    }

    /**
     * An option written for {@code compare --grid} may hold a placeholder where the grid sets its level: the tariff
     * floor option with a floor of -1, swept over 60 and 80. Checked with the grid, as compare runs it, its two levels
     * are valid; without it, the placeholder is refused as compare without the grid refuses it; a grid that points
     * into no option is refused with compare's words.
     */
    @Test
    void anOptionsFileForAGridIsCheckedWithTheGrid() throws Exception {
        String scenario = "scenarios/ndpr-price-floor-2025.json";
        com.fasterxml.jackson.databind.node.ObjectNode file = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        Path.of("scenarios/ndpr-price-floor-2025.options.json").toFile());
        com.fasterxml.jackson.databind.JsonNode floorOption = file.get("options").get(0);
        assertEquals("tariffFloor", floorOption.at("/patch/policies/1/type").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) floorOption.at("/patch/policies/1")).put("floor", -1);
        file.putArray("options").add(floorOption);
        Path options = dir.resolve("floor-grid.options.json");
        Files.writeString(options, file.toString());

        assertEquals(0, validate(scenario, "--options", options.toString(), "--grid", "/policies/1/floor=60,80"),
                err.toString());
        assertEquals("OK " + scenario + System.lineSeparator() + "OK " + options + " (2 options against " + scenario
                + ")" + System.lineSeparator(), out.toString());
        assertEquals("", err.toString());

        out.getBuffer().setLength(0);
        assertEquals(ValidateCommand.INVALID, validate(scenario, "--options", options.toString()));
        assertEquals(options + ": /options/0/patch/policies/1/floor: floor must be >= 0, got -1"
                + System.lineSeparator(), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(ValidateCommand.INVALID, validate(scenario, "--options", options.toString(), "--grid",
                "/policies/1/floor=60", "--grid", "/policies/7/strike=100"));
        assertTrue(err.toString().contains("--grid /policies/7/strike: no option's patch has a value there"),
                err.toString());

        err.getBuffer().setLength(0);
        assertEquals(ValidateCommand.INVALID, validate(scenario, "--grid", "/policies/1/floor=60"));
        assertTrue(err.toString().startsWith("--grid sweeps an option of an options file: give the file with"
                + " --options"), err.toString());
    }

    @Test
    void optionsAreCheckedAgainstOneScenario() {
        int code = validate("scenarios/rare-earth-2010.json", "scenarios/gallium-2023.json", "--options",
                "scenarios/ndpr-price-floor-2025.options.json");

        assertEquals(ValidateCommand.INVALID, code);
        assertTrue(err.toString().contains("--options checks an options file against one scenario: give one FILE,"
                + " got 2"), err.toString());
    }

    /** The parser's complaints in words about JSON, not about the parser's settings. */
    @Test
    void nanAndCommentsAreSaidToBeOutsideJson() throws Exception {
        Path nan = minimalWithHorizon("nan.json", "NaN");
        Path comment = minimalWithHorizon("comment.json", "52 // a year");

        assertEquals(ValidateCommand.INVALID, validate(nan.toString(), comment.toString()));

        String[] lines = err.toString().split("\\R");
        assertEquals(2, lines.length, err.toString());
        assertTrue(lines[0].matches("\\Q" + nan + "\\E:3:[0-9]+: /time/horizonTicks: malformed JSON: JSON does not"
                + " allow NaN/Infinity, got 'NaN'; write a finite number"), lines[0]);
        assertTrue(lines[1].matches("\\Q" + comment + "\\E:3:[0-9]+: /time/horizonTicks: malformed JSON: JSON does"
                + " not allow comments"), lines[1]);
        assertTrue(!err.toString().contains("Feature") && !err.toString().contains("ALLOW_"), err.toString());
    }

    /** A date of the right form that is no day of the calendar names no tick: refused where it is written. */
    @Test
    void anImpossibleStartDateIsAProblem() throws Exception {
        String minimal = Files.readString(resource("minimal.json"));
        String[][] cases = {
            {"2009-13-45", "there is no month 13"},
            {"2009-02-30", "February 2009 has 28 days"},
            {"2008-02-30", "February 2008 has 29 days"},
        };
        for (String[] c : cases) {
            Path bad = dir.resolve(c[0] + ".json");
            Files.writeString(bad, minimal.replaceFirst("\"time\": \\{", "\"time\": {\"startDate\": \"" + c[0] + "\", "));
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);

            int code = validate(bad.toString());

            assertEquals(ValidateCommand.INVALID, code, c[0] + ": " + out);
            assertTrue(err.toString().matches("\\Q" + bad + "\\E:[0-9]+:[0-9]+: /time/startDate: startDate must be a date"
                    + " of the calendar written YYYY-MM-DD, got '" + c[0] + "': " + c[1] + "\\R"), err.toString());
        }
        Path leap = dir.resolve("leap.json");
        Files.writeString(leap, minimal.replaceFirst("\"time\": \\{", "\"time\": {\"startDate\": \"2008-02-29\", "));
        assertEquals(0, validate(leap.toString()), err.toString());
    }

    /**
     * A band is checked as the command that reads it checks it before its runs: a calibrator who asks for Japan's
     * NdPr oxide peak at five times or more, and types "oxyde", learns it from validate, with the nearest column the
     * runs will have, not from an ensemble of a hundred runs; over an options file, a band on no option's figure as
     * compare refuses it. Spelt right, both are valid.
     */
    @Test
    void aBandIsCheckedAsTheEnsembleAndCompareCheckIt() {
        String scenario = "scenarios/rare-earth-2010.json";
        assertEquals(0, validate(scenario, "--band", "JP.ndpr-oxide.peakMultiple=5:"), err.toString());
        assertEquals("OK " + scenario + System.lineSeparator(), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(2, validate(scenario, "--band", "JP.ndpr-oxyde.peakMultiple=5:"));
        assertTrue(err.toString().startsWith(scenario + ": --band 'JP.ndpr-oxyde.peakMultiple' is not a summary number"
                + " of this scenario; the nearest it has: JP.ndpr-oxide.peakMultiple"), err.toString());

        String floor = "scenarios/ndpr-price-floor-2025.json";
        String options = "scenarios/ndpr-price-floor-2025.options.json";
        err.getBuffer().setLength(0);
        out.getBuffer().setLength(0);
        assertEquals(2, validate(floor, "--options", options, "--band", "totals.deadweightLos=:0"));
        assertTrue(err.toString().startsWith(options + ": --band 'totals.deadweightLos' is not a summary number of "
                + "any option; the nearest it has: totals.deadweightLoss"), err.toString());
        assertEquals("OK " + floor + System.lineSeparator(), out.toString(), "the options file is not said to be OK");

        err.getBuffer().setLength(0);
        assertEquals(0, validate(floor, "--options", options, "--band", "totals.deadweightLoss=:0"), err.toString());
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ValidateCommandTest.class.getResource("/scenarios/" + name).toURI());
    }
}
