package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths on the command line under a locale whose character set lacks some of their characters: under
 * {@code LANG=C}, in a working folder named {@code Côte d'Ivoire}, {@code run minimal.json} said "no such file"
 * of a file that was there, and {@code run /abs/minimal.json} wrote its results into a new folder named
 * {@code C??te d'Ivoire} beside the user's and reported them written to {@code results/...}.
 */
class CommandPathsTest {

    static final Path MINIMAL = Path.of("src/test/resources/scenarios/minimal.json");

    @TempDir
    Path dir;

    /** The command in a JVM of its own, under the C locale, in {@code cwd}: exit code, then standard error. */
    private static List<String> inCLocale(Path cwd, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", absoluteClassPath(), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(cwd.toFile());
        b.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE"));
        b.environment().put("LANG", "C");
        b.environment().put("LC_ALL", "C");
        b.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = b.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command finishes");
        return List.of(Integer.toString(p.exitValue()), err);
    }

    /** The test's class path with every entry absolute, for a JVM started in another folder. */
    private static String absoluteClassPath() {
        return String.join(java.io.File.pathSeparator, Stream.of(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).map(e -> Path.of(e).toAbsolutePath().toString()).toList());
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void inAWorkingFolderTheLocaleCannotNameRelativePathsAreRefusedAndNothingIsWritten() throws Exception {
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")) && Files.isDirectory(Path.of("/proc/self")),
                "needs Linux and a UTF-8 locale to make the folder Côte d'Ivoire");
        Path cote = Files.createDirectory(dir.resolve("C\u00f4te d'Ivoire"));
        Files.copy(MINIMAL, cote.resolve("minimal.json"));

        List<String> relative = inCLocale(cote, "run", "minimal.json", "--ticks", "5");
        List<String> defaultOut = inCLocale(cote, "run", MINIMAL.toAbsolutePath().toString(), "--ticks", "5");

        assertEquals("2", relative.get(0), relative.get(1));
        assertTrue(relative.get(1).contains("'minimal.json' is relative to the working folder, whose name Java has"
                + " read as '" + dir + "/C??te d'Ivoire': the system's character set, ANSI_X3.4-1968, lacks some of"
                + " its characters, and relative paths would be read and written in another folder; give absolute"
                + " paths, or run under a UTF-8 locale"), relative.get(1));
        assertEquals("2", defaultOut.get(0), defaultOut.get(1));
        assertTrue(defaultOut.get(1).startsWith("run: the results folder results/minimal-1 is relative to the"
                + " working folder, whose name Java has read as"), defaultOut.get(1));
        assertEquals(List.of("C\u00f4te d'Ivoire"), names(dir), "no folder made beside it");
        assertEquals(List.of("minimal.json"), names(cote), "nothing written in it");
    }

    @Test
    void aPathTheLocaleCannotNameIsRefusedWithWhatToDo() throws Exception {
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")) && Files.isDirectory(Path.of("/proc/self")),
                "needs Linux and a UTF-8 locale to make the file");
        Path scenario = Files.copy(MINIMAL, dir.resolve("sc\u00e9nario.json"));

        List<String> result = inCLocale(dir, "validate", scenario.toString());

        assertEquals("2", result.get(0), result.get(1));
        assertTrue(result.get(1).startsWith("Invalid value for positional parameter at index 0..* (FILE): '" + dir
                + "/sc??nario.json' cannot be a file name here: Java reads file names in the system's character set,"
                + " ANSI_X3.4-1968, which lacks some of its characters; run under a UTF-8 locale (LANG=C.UTF-8, or"
                + " any *.UTF-8 that locale -a lists), or rename the file\n"), result.get(1));
    }

    @Test
    void aNulCharacterIsNamedAsSuch() {
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("validate", "a\0b.json");

        assertEquals(2, code);
        assertTrue(err.toString().startsWith("Invalid value for positional parameter at index 0..* (FILE): 'a\\0b.json'"
                + " holds a NUL character, which no file name may\n"), err.toString());
    }

    @Test
    void aWorkingFolderJavaReadsRightIsNoProblem() throws Exception {
        Path actual = Files.createDirectory(dir.resolve("ok?"));
        // a '?' that is really in the folder's name, and a folder given with -Duser.dir on purpose
        assertNull(CommandPaths.misread(actual.toString(), "ANSI_X3.4-1968", actual));
        assertNull(CommandPaths.misread(dir.toString(), "ANSI_X3.4-1968", actual));
        // a name read with '?' for what the character set lacks, which is no folder there
        assertTrue(CommandPaths.misread(dir + "/C??te", "ANSI_X3.4-1968", actual).startsWith(
                "whose name Java has read as '" + dir + "/C??te'"));
    }
}
