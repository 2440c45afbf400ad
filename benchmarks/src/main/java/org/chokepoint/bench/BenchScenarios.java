package org.chokepoint.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;

/**
 * Where benchmarks find the repository's scenario files, and their loading.
 *
 * <p>The directory is the system property {@value #PROPERTY} when set (relative paths against the working
 * directory); otherwise {@code ../scenarios} relative to the benchmarks project, found from where this
 * class was loaded ({@code benchmarks/target/benchmarks.jar} or {@code benchmarks/target/classes}), so the
 * jar finds them whatever directory it is started from. JMH's forks inherit the launching JVM's
 * {@code -D} options, so {@code java -Dchokepoint.scenarios=DIR -jar benchmarks.jar} reaches them.
 */
final class BenchScenarios {

    static final String PROPERTY = "chokepoint.scenarios";

    private BenchScenarios() {}

    /** The scenarios directory; fails with what it tried when there is none. */
    static Path directory() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + ": " + dir + " is not a directory");
            }
            return dir;
        }
        Path benchmarksDir = benchmarksProject();
        Path dir = benchmarksDir.resolve("..").resolve("scenarios").normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no scenarios directory at " + dir + " (../scenarios from the benchmarks"
                    + " project " + benchmarksDir + "); set -D" + PROPERTY + "=DIR");
        }
        return dir;
    }

    /** The benchmarks project directory: the parent of the {@code target} holding this class's jar or classes. */
    private static Path benchmarksProject() {
        try {
            Path location = Path.of(BenchScenarios.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // benchmarks/target/benchmarks.jar or benchmarks/target/classes: two levels up.
            return location.toAbsolutePath().getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the benchmarks are; set -D" + PROPERTY + "=DIR", e);
        }
    }

    /** Loads and checks a scenario file, by its path relative to the scenarios directory. */
    static Scenario load(String relative) {
        Path file = directory().resolve(relative);
        try {
            return ScenarioLoader.load(file).scenario();
        } catch (ScenarioException e) {
            throw new IllegalStateException("cannot load " + file + ": " + e.getMessage(), e);
        }
    }
}
