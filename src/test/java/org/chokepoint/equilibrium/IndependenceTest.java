package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The equilibrium is the agent model's yardstick, so it must not share the agents' code: it reads the
 * scenario and the world, and nothing of the agents, markets, model, commands, reports or experiments.
 */
class IndependenceTest {
    private static final List<String> FORBIDDEN = List.of("agent", "model", "market", "cli", "report", "experiment",
            "policy", "antitrust", "metrics");

    @Test
    void importsNoneOfTheAgentModelsPackages() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/chokepoint/equilibrium"))) {
            List<String> offending = files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.startsWith("import org.chokepoint."))
                            .filter(l -> FORBIDDEN.stream().anyMatch(p -> l.startsWith("import org.chokepoint." + p + ".")))
                            .map(l -> f.getFileName() + ": " + l);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), offending);
        }
    }
}
