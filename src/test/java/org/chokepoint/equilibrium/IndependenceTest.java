package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The equilibrium is the agent model's yardstick, so it must not share the agents' code: it reads the
 * scenario (with its spec records) and the world, and nothing of the agents, markets, policies, model,
 * commands, reports or experiments. Every name of a project package in its sources, imported or written
 * out in full, must be one of those.
 */
class IndependenceTest {
    private static final Set<String> ALLOWED = Set.of("org.chokepoint.equilibrium", "org.chokepoint.scenario",
            "org.chokepoint.scenario.spec", "org.chokepoint.world");
    /** A reference to a project class: its package is everything before the first capitalised name. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\borg\\.chokepoint((?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z*]");

    @Test
    void readsOnlyTheScenarioAndTheWorld() throws IOException {
        Set<String> referenced = new TreeSet<>();
        List<String> offending;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/chokepoint/equilibrium"))) {
            offending = files.filter(f -> f.toString().endsWith(".java")).sorted().flatMap(f -> {
                Matcher m = REFERENCE.matcher(read(f));
                Stream.Builder<String> out = Stream.builder();
                while (m.find()) {
                    String pkg = "org.chokepoint" + m.group(1);
                    referenced.add(pkg);
                    if (!ALLOWED.contains(pkg)) {
                        out.add(f.getFileName() + ": " + m.group());
                    }
                }
                return out.build();
            }).toList();
        }
        assertEquals(List.of(), offending);
        // The scan saw the packages the equilibrium does read, so it is looking at the right sources.
        assertTrue(referenced.containsAll(List.of("org.chokepoint.scenario", "org.chokepoint.scenario.spec",
                "org.chokepoint.world")), referenced.toString());
    }

    /** A sentence naming an agent class in full is caught as surely as an import of it. */
    @Test
    void aFullyQualifiedNameIsCaughtLikeAnImport() {
        Matcher m = REFERENCE.matcher(
                "double[] c = org.chokepoint.agent.Firms.capacityOf(x); import org.chokepoint.policy.*;");
        List<String> packages = new java.util.ArrayList<>();
        while (m.find()) {
            packages.add("org.chokepoint" + m.group(1));
        }
        assertEquals(List.of("org.chokepoint.agent", "org.chokepoint.policy"), packages);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
