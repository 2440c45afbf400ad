package org.chokepoint.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every snippet of README.md and docs/*.md marked runnable: a fenced block of {@code sh}, {@code r} or
 * {@code python} right after a line {@code <!-- runnable -->}. Each document's snippets run in order in one
 * fresh temporary folder that holds the scenarios and the jar just built ({@code target/chokepoint.jar}),
 * so a snippet may read what an earlier one of the same document wrote, and runs exactly as a reader would
 * type it there. R snippets run where {@code Rscript} can load {@code jsonlite}, Python snippets where a
 * {@code python3} can import {@code pandas}; on CI (.ci/run installs them) a missing one is an error.
 * An integration test (failsafe, after {@code package}), because it needs the jar.
 */
class DocsSnippetsIT {

    static final Pattern SNIPPET = Pattern.compile("<!-- runnable -->\\s*\\n```(sh|r|python)\\n(.*?)\\n```",
            Pattern.DOTALL);

    record Snippet(Path document, int line, String language, String code) { }

    static List<Snippet> snippets(Path document) throws IOException {
        String text = Files.readString(document, StandardCharsets.UTF_8);
        List<Snippet> out = new ArrayList<>();
        Matcher m = SNIPPET.matcher(text);
        while (m.find()) {
            int line = (int) text.substring(0, m.start()).lines().count() + 1;
            out.add(new Snippet(document, line, m.group(1), m.group(2)));
        }
        return out;
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("README.md"));
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @TestFactory
    Stream<DynamicTest> everyRunnableSnippetRuns() throws IOException {
        Path jar = Path.of("target", "chokepoint.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "the jar is built before this test (mvn verify)");
        List<DynamicTest> tests = new ArrayList<>();
        int total = 0;
        for (Path doc : documents()) {
            List<Snippet> snippets = snippets(doc);
            total += snippets.size();
            if (snippets.isEmpty()) {
                continue;
            }
            Path[] folder = new Path[1];
            for (Snippet s : snippets) {
                tests.add(DynamicTest.dynamicTest(doc + ":" + s.line() + " (" + s.language() + ")", () -> {
                    if (folder[0] == null) {
                        folder[0] = workspace(jar);
                    }
                    run(s, folder[0]);
                }));
            }
        }
        assertTrue(total >= 5, "the docs mark their examples runnable: " + total + " found");
        return tests.stream();
    }

    /** A temporary folder with scenarios/ and target/chokepoint.jar, as in a checkout after the build. */
    static Path workspace(Path jar) throws IOException {
        Path dir = Files.createTempDirectory("chokepoint-docs-");
        Files.createDirectories(dir.resolve("target"));
        Files.createSymbolicLink(dir.resolve("target").resolve("chokepoint.jar"), jar);
        Files.createSymbolicLink(dir.resolve("scenarios"), Path.of("scenarios").toAbsolutePath());
        return dir;
    }

    static void run(Snippet s, Path dir) throws Exception {
        List<String> command;
        switch (s.language()) {
            case "sh" -> command = List.of("bash", "-euo", "pipefail", "-c", s.code());
            case "r" -> {
                boolean r = works(dir, "Rscript", "-e", "library(jsonlite)");
                if (!r && "true".equals(System.getenv("CI"))) {
                    throw new AssertionError("CI must run the R snippets: .ci/run installs r-base-core and "
                            + "r-cran-jsonlite");
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(r, "no Rscript with jsonlite");
                Path file = dir.resolve("snippet-" + s.line() + ".R");
                Files.writeString(file, s.code() + "\n");
                command = List.of("Rscript", "--vanilla", file.toString());
            }
            case "python" -> {
                // the first Python that has pandas: the one on the path, or the system's (Debian's python3-pandas)
                String python = null;
                for (String candidate : List.of("python3", "/usr/bin/python3")) {
                    if (python == null && works(dir, candidate, "-c", "import pandas")) {
                        python = candidate;
                    }
                }
                if (python == null && "true".equals(System.getenv("CI"))) {
                    throw new AssertionError("CI must run the Python snippets: .ci/run installs python3-pandas");
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(python != null, "no python3 with pandas");
                Path file = dir.resolve("snippet-" + s.line() + ".py");
                Files.writeString(file, s.code() + "\n");
                command = List.of(python, file.toString());
            }
            default -> throw new AssertionError(s.language());
        }
        Path log = dir.resolve("snippet-" + s.line() + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, s.document() + ":" + s.line() + " finished within ten minutes");
        assertEquals(0, p.exitValue(), s.document() + ":" + s.line() + " failed:\n" + s.code() + "\n--- output:\n"
                + Files.readString(log));
        String output = Files.readString(log);
        assertTrue(!output.contains("Warning message") && !output.contains("Traceback"),
                s.document() + ":" + s.line() + " warned:\n" + output);
    }

    private static boolean works(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
