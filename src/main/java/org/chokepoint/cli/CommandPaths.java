package org.chokepoint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The paths the command line names, read so that a machine's settings cannot send them elsewhere.
 *
 * <p>On Linux, Java turns file names into bytes and back with the character set of the system's locale
 * ({@code sun.jnu.encoding}): under {@code LANG=C}, as in many containers, cron jobs and CI runners, that is
 * ASCII. A name with other characters ({@code Côte d'Ivoire/scenario.json}) then cannot be given at all, and
 * the working folder's own name, read at start-up, has its other characters replaced by '?': Java resolves
 * every relative path against that altered name, so {@code run scenario.json} found no such file, and with an
 * absolute scenario the default {@code results/...} was made in a new folder named {@code C??te d'Ivoire}
 * beside the real one, which the command reported as written to {@code results/...}.
 */
final class CommandPaths {

    private CommandPaths() {
    }

    /** What to do about either: what the user can change. */
    private static final String REMEDY = "run under a UTF-8 locale (LANG=C.UTF-8, or any *.UTF-8 that locale -a"
            + " lists)";

    /** A path the command line names (picocli's converter for every {@link Path} option and parameter). */
    static Path path(String text) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            if (text.indexOf('\0') >= 0) {
                throw new CommandLine.TypeConversionException("'" + text.replace("\0", "\\0") + "' holds a NUL"
                        + " character, which no file name may");
            }
            throw new CommandLine.TypeConversionException("'" + text + "' cannot be a file name here: Java reads"
                    + " file names in the system's character set, " + fileNameCharset() + ", which lacks some of its"
                    + " characters; " + REMEDY + ", or rename the file");
        }
        if (!path.isAbsolute()) {
            String misread = misreadWorkingFolder();
            if (misread != null) {
                throw new CommandLine.TypeConversionException("'" + text + "' is relative to the working folder, "
                        + misread);
            }
        }
        return path;
    }

    /**
     * Why relative paths would go astray from this process's working folder, or null when they go where they say:
     * the working folder as Java holds it is not the folder the process is in.
     */
    static String misreadWorkingFolder() {
        return misread(System.getProperty("user.dir"), fileNameCharset(), Path.of("/proc/self/cwd"));
    }

    /**
     * {@link #misreadWorkingFolder} for a working folder Java holds as {@code held}, file names in {@code charset},
     * and {@code actual}, a link to the folder the process is in (Linux's {@code /proc/self/cwd}).
     */
    static String misread(String held, String charset, Path actual) {
        // Only a name the charset could not read is suspect: -Duser.dir=... chosen on purpose is left as given.
        if (held == null || (held.indexOf('?') < 0 && held.indexOf('\uFFFD') < 0)) {
            return null;
        }
        boolean found;
        try {
            Path heldPath = Path.of(held);
            found = Files.exists(actual) ? Files.isSameFile(heldPath, actual) : Files.isDirectory(heldPath);
        } catch (InvalidPathException | IOException | SecurityException e) {
            found = false;
        }
        return found ? null : "whose name Java has read as '" + held + "': the system's character set, " + charset
                + ", lacks some of its characters, and relative paths would be read and written in another"
                + " folder; give absolute paths, or " + REMEDY;
    }

    private static String fileNameCharset() {
        String jnu = System.getProperty("sun.jnu.encoding");
        return jnu != null ? jnu : java.nio.charset.Charset.defaultCharset().name();
    }
}
