package org.chokepoint.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every scenario shipped under {@code scenarios/} is valid against the schema file alone, read by a stock
 * JSON Schema validator with nothing of the loader's around it: what an editor pointed at the schema sees.
 */
class ShippedScenariosSchemaTest {

    @Test
    void everyShippedScenarioValidatesAgainstTheSchemaFile() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(plain.readTree(Path.of("scenarios/schema/scenario.schema.json").toFile()));
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("scenarios"))) {
            files = walk.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.startsWith(Path.of("scenarios", "schema")))
                    .filter(p -> !p.getFileName().toString().endsWith(".options.json"))
                    .sorted().toList();
        }
        for (Path f : files) {
            Set<ValidationMessage> messages = schema.validate(plain.readTree(f.toFile()));
            messages.forEach(m -> problems.add(f + ": " + m.getMessage()));
        }
        assertTrue(files.size() >= 12, "scenarios found: " + files);
        assertEquals(List.of(), problems);
    }

    @Test
    void aScenarioMayNameItsSchemaForEditors() throws Exception {
        JsonNode json = Json.mapper().readTree(Path.of("scenarios/rare-earth-2010.json").toFile());
        assertEquals("schema/scenario.schema.json", json.path("$schema").asText(),
                "the reference scenarios point an editor at the schema");
        LoadedScenario withHint = ScenarioLoader.fromJson(json, "with $schema");
        com.fasterxml.jackson.databind.node.ObjectNode without = json.deepCopy();
        without.remove("$schema");
        assertEquals(ScenarioLoader.fromJson(without, "without").sha256(), withHint.sha256(),
                "pointing an editor at the schema does not change what the scenario is");
    }

    @Test
    void aScenarioWrittenOutAsItsRecordsReadsBackAsTheSameRecords() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("scenarios"))) {
            files = walk.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".options.json"))
                    .filter(p -> !p.startsWith(Path.of("scenarios", "schema")) && !p.startsWith(Path.of("scenarios", "scale")))
                    .sorted().toList();
        }
        for (Path f : files) {
            Scenario s = ScenarioLoader.load(f).scenario();
            String written = Json.mapper().writeValueAsString(s);
            Scenario back = Json.mapper().readValue(written, Scenario.class);
            assertEquals(written, Json.mapper().writeValueAsString(back), f + ": every event, policy and consortium "
                    + "keeps its type and fields");
            assertEquals(s.policies(), back.policies(), f.toString());
            assertEquals(s.events(), back.events(), f.toString());
            assertEquals(s.consortia(), back.consortia(), f.toString());
        }
    }
}
