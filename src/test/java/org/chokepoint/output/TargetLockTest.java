package org.chokepoint.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystemException;
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
        assertMadeAsAnyOtherFileWithThePid(Files::createLink);
    }

    /** Made with {@code link}, the lock file has a plain file's permissions and the pid, and nothing else is left. */
    private void assertMadeAsAnyOtherFileWithThePid(TargetLock.Link link) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path target = dir.resolve("results");
        TargetLock lock = TargetLock.acquire(target, link);
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

    /** A file system that makes no hard links (FAT, some network shares), as the link step meets it. */
    private static final TargetLock.Link NO_LINKS = (name, existing) -> {
        throw new FileSystemException(existing.toString(), name.toString(), "Operation not permitted");
    };

    /**
     * Where the file system has no hard links the lock file is made at its name directly and the pid written into
     * it: it is the same lock file as where there are links, with the user's permissions and this process's pid,
     * the file the pid first went to is gone, and letting go removes it.
     */
    @Test
    void whereThereAreNoHardLinksTheLockFileIsMadeAtItsNameWithThePid() throws Exception {
        assertMadeAsAnyOtherFileWithThePid(NO_LINKS);
    }

    /**
     * Where there are no hard links, a file someone makes at the lock's name in the moment between the check that
     * it is free and the lock file being made stays as they made it: the lock file is made only where the name is
     * free, and the command is refused, the file not being chokepoint's. Moved to the name, the pid's file could
     * have replaced it.
     */
    @Test
    void whereThereAreNoHardLinksAFileMadeAtTheNameMeanwhileIsLeftAsItIs() throws Exception {
        Path target = dir.resolve("results");
        Path file = TargetLock.fileFor(target);
        TargetLock.Link someoneFirst = (name, existing) -> {
            Files.writeString(name, "my notes\n");
            NO_LINKS.at(name, existing);
        };
        TargetException refused = assertThrows(TargetException.class, () -> TargetLock.acquire(target, someoneFirst));
        assertTrue(refused.getMessage().contains(file + " is a file chokepoint did not write"), refused.getMessage());
        assertEquals("my notes\n", Files.readString(file));
        assertEquals(List.of(".results.lock"), names(), "the file the pid first went to is gone");
    }

    /**
     * A file the user moves to the lock file's name while a command holds the lock is the user's: letting go of the
     * lock leaves it where it is, with what the user wrote in it.
     */
    @Test
    void aFileMovedOverTheLockFileMeanwhileIsLeftAsItIs() throws Exception {
        Path target = dir.resolve("results");
        TargetLock lock = TargetLock.acquire(target);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine\n");
        try {
            Files.move(notes, TargetLock.fileFor(target), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            lock.close();
        }
        assertEquals("mine\n", Files.readString(TargetLock.fileFor(target)));
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
