package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * A resilience standard the file gets wrong is refused with the file, the JSON pointer of the field, what is
 * wrong and what is allowed, and exit code 2.
 */
class ResilienceStandardValidationTest {
    @TempDir
    Path dir;

    private static final String WORLD = """
            {"meta": {"name": "standard"},
             "time": {"ticksPerYear": 52, "horizonTicks": 60},
             "regions": [{"id": "W"}, {"id": "D"}],
             "commodities": [{"id": "metal", "stage": "final", "initialPrice": 6.0, "valuePerUnit": 1}],
             "routes": [{"from": "W", "to": "D", "transitTicks": 1, "costPerUnit": 0.5}],
             "firms": [
               {"id": "w-mine", "type": "producer", "region": "W", "commodity": "metal", "count": 2, "capacity": 100,
                "cost": {"base": 5.0, "slope": 0.1, "exponent": 1}},
               {"id": "d-mine", "type": "producer", "region": "D", "commodity": "metal", "count": 2, "capacity": 10,
                "cost": {"base": 3.0, "slope": 10.0, "exponent": 1}}],
             "traders": [{"id": "w-to-d", "commodity": "metal", "from": "W", "to": "D", "count": 2,
                          "capacityPerTick": 8,
                          "minMargin": {"min": 0.002, "max": 0.01}}],
             "demand": [{"region": "D", "commodity": "metal", "baseQuantity": 100, "referencePrice": 10.0,
                         "elasticity": -0.5}],
             "policies": [{"type": "resilienceStandard", "region": "D", "commodity": "metal", %s}]}
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int validate(String fields) throws Exception {
        Path file = dir.resolve("standard.json");
        Files.writeString(file, WORLD.formatted(fields));
        CommandLine cmd = new CommandLine(new ValidateCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(file.toString());
    }

    @Test
    void aWellFormedStandardIsAccepted() throws Exception {
        assertEquals(0, validate("\"mandateShare\": 0.3, \"certifiedRegions\": [\"D\"], \"shortfall\": \"penalty\", "
                + "\"penaltyPerUnit\": 2"), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"mandateShare\": 0.3, \"certifiedRegions\": [\"D\"], \"shortfall\": \"fine\""
                + "|/policies/0/shortfall|cap, penalty",
        "\"mandateShare\": 1.5, \"certifiedRegions\": [\"D\"]|/policies/0/mandateShare|<= 1",
        "\"mandateShare\": 0.3|/policies/0/certifiedRegions|missing required field 'certifiedRegions'",
        "\"mandateShare\": 0.3, \"certifiedRegions\": [\"AU\"]|/policies/0/certifiedRegions/0|known regions: D, W",
        "\"mandateShare\": 0.3, \"certifiedRegions\": [\"D\"], \"shortfall\": \"penalty\""
                + "|/policies/0/penaltyPerUnit|is required when shortfall is \"penalty\"",
        "\"mandateShare\": 0.3, \"certifiedRegions\": [\"D\"], \"penaltyPerUnit\": 2"
                + "|/policies/0/penaltyPerUnit|applies only when shortfall is \"penalty\"",
        // A second standard over D's producers with its own shortfall rule would give one certificate two prices.
        "\"mandateShare\": 0.3, \"certifiedRegions\": [\"D\"]}, {\"type\": \"resilienceStandard\", \"id\": \"b\", "
                + "\"region\": \"D\", \"commodity\": \"metal\", \"mandateShare\": 0.1, \"certifiedRegions\": [\"D\"], "
                + "\"shortfall\": \"penalty\", \"penaltyPerUnit\": 2"
                + "|/policies/1|must name the same certifiedRegions and firmIdPrefix and the same shortfall"})
    void aMistakeNamesTheFileTheFieldAndWhatIsAllowed(String fields, String pointer, String allowed) throws Exception {
        int code = validate(fields);

        assertEquals(2, code, out.toString());
        String message = err.toString();
        assertEquals(true, message.contains("standard.json"), message);
        assertEquals(true, message.contains(pointer + ":") || message.contains(pointer + " "), message);
        assertEquals(true, message.contains(allowed), message);
    }
}
