package org.chokepoint.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writing output files: errors that name the file they happened to ("No space left on device" alone does
 * not say where), and files written beside their name and renamed onto it, so that a file under its name is
 * always whole and a failed write leaves no temporary behind.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /** Something that reads or writes one file. */
    @FunctionalInterface
    public interface FileWork {
        void run() throws IOException;
    }

    /** Something that writes a file at a given path. */
    @FunctionalInterface
    public interface FileWriting {
        void to(Path file) throws IOException;
    }

    /** Runs {@code work} on {@code file}; an I/O error that does not name the file is rethrown naming it. */
    public static void on(Path file, FileWork work) throws IOException {
        try {
            work.run();
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    /**
     * {@code e} when it names a file already (the file system's own errors, and those made here), else an
     * error of the same meaning whose message starts with {@code file}.
     */
    public static IOException named(Path file, IOException e) {
        if (e instanceof NamedIOException
                || (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null)
                || (e.getMessage() != null && e.getMessage().contains(file.toString()))) {
            return e;
        }
        return new NamedIOException(file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage()), e);
    }

    /** An I/O error whose message names its file. */
    static final class NamedIOException extends IOException {
        private static final long serialVersionUID = 1L;

        NamedIOException(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** The temporary name a file is written under before it is renamed onto its own: {@code .NAME.tmp}. */
    public static Path temporaryFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp");
    }

    /**
     * Writes each file under its {@link #temporaryFor temporary name} and then renames them all onto their
     * names, so that they appear together or not at all; on any failure every temporary is removed.
     */
    public static void writeTogether(List<Path> files, List<FileWriting> writers) throws IOException {
        try {
            for (int i = 0; i < files.size(); i++) {
                Path tmp = temporaryFor(files.get(i));
                FileWriting w = writers.get(i);
                on(files.get(i), () -> w.to(tmp));
            }
            for (Path f : files) {
                Path tmp = temporaryFor(f);
                on(f, () -> Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
            }
        } catch (IOException | RuntimeException e) {
            for (Path f : files) {
                try {
                    Files.deleteIfExists(temporaryFor(f));
                } catch (IOException cleanup) {
                    e.addSuppressed(named(temporaryFor(f), cleanup));
                }
            }
            throw e;
        }
    }

    /** {@link #writeTogether} for one file. */
    public static void write(Path file, FileWriting writer) throws IOException {
        writeTogether(List.of(file), List.of(writer));
    }
}
