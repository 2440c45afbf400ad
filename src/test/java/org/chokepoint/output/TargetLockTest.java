package org.chokepoint.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock file of a results folder, as it stands in the user's folder while a command writes there. */
class TargetLockTest {
    @TempDir
    Path dir;

    /**
     * The lock file is made as any file of the user's in the folder is, with the permissions the user's file-creation
     * mask gives it, and the file its pid was first written to is gone: made private to its owner, a colleague's
     * command on a shared folder could neither read whose lock it was nor take it once its holder had died.
     */
    @Test
    void aLockFileIsMadeAsAnyOtherFileInItsFolder() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path target = dir.resolve("results");
        TargetLock lock = TargetLock.acquire(target);
        try {
            Path file = TargetLock.fileFor(target);
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(file));
            assertEquals(List.of(".results.lock", "plain"), names());
        } finally {
            lock.close();
        }
        assertEquals(List.of("plain"), names(), "letting go removes the lock file");
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
