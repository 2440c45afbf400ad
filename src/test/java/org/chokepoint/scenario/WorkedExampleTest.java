package org.chokepoint.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The worked example of {@code docs/scenario-format.md} is valid, and is the file kept beside the tests. */
class WorkedExampleTest {

    private static final Path DOC = Path.of("docs", "scenario-format.md");

    @Test
    void theWorkedExampleLoads() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(ScenarioLoaderTest.resource("worked-example.json"));

        Scenario s = loaded.scenario();
        assertEquals(2, s.regions().size());
        assertEquals(3, s.commodities().size());
        assertEquals(1, s.events().size());
        assertEquals(104, s.behaviour().investment().defaultLeadTicks().refined(), "overridden");
        assertEquals(156, s.behaviour().investment().defaultLeadTicks().raw(), "default");
    }

    @Test
    void theDocumentShowsTheSameExample() throws Exception {
        String doc = Files.readString(DOC);
        int section = doc.indexOf("## Worked example");
        assertTrue(section >= 0, "the document has a worked example section");
        int start = doc.indexOf("```json\n", section) + "```json\n".length();
        int end = doc.indexOf("\n```", start);
        JsonNode inDoc = Json.mapper().readTree(doc.substring(start, end));

        LoadedScenario fromDoc = ScenarioLoader.fromJson(inDoc, DOC.toString());
        LoadedScenario fromFile = ScenarioLoader.load(ScenarioLoaderTest.resource("worked-example.json"));

        assertEquals(fromFile.json(), fromDoc.json());
        assertEquals(fromFile.sha256(), fromDoc.sha256());
    }
}
