package org.chokepoint.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The right to write one results folder, held by one process at a time: an operating-system lock on the
 * file {@code .NAME.lock} beside the folder. The system drops the lock when its process ends, however it
 * ends, so a killed command leaves no lock that holds; the file itself is removed by whoever holds it last.
 *
 * <p>Two rules of the system's locks shape this class. A process loses its lock on a file when it closes
 * any descriptor of that file, so a process never opens a lock file it may hold: the locks this process
 * holds are also kept in {@link #HELD}, and checked first. And a holder removes the file as it lets go, so
 * a process that opened the file just before must not count a lock on the removed file as the lock on the
 * name: it compares the file at the name before opening, after opening and after locking, and tries again
 * when they differ (an open file keeps its identity, so it cannot be taken for a later file).
 */
final class TargetLock implements AutoCloseable {

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 64;

    private final Path file;
    /** What the name led to when the lock was taken: the lock file this process made or took over. */
    private final Object identity;
    private final FileChannel channel;
    private final FileLock lock;

    private TargetLock(Path file, Object identity, FileChannel channel, FileLock lock) {
        this.file = file;
        this.identity = identity;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Links an existing file at a name in one step that fails when the name is taken: a hard link, which a
     * file system without them refuses. A test hands one that refuses, to run the way such a system takes.
     */
    @FunctionalInterface
    interface Link {
        void at(Path name, Path existing) throws IOException;
    }

    static Path fileFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".lock");
    }

    /** The lock on {@code target}, or a {@link TargetException} saying who holds it. */
    static TargetLock acquire(Path target) throws TargetException, IOException {
        return acquire(target, Files::createLink);
    }

    /** The lock on {@code target}, its file made with {@code link} where nobody has made it yet. */
    static TargetLock acquire(Path target, Link link) throws TargetException, IOException {
        Path file = fileFor(target);
        if (!HELD.add(file)) {
            throw held(target, "another command in this process");
        }
        try {
            TargetLock l = lockOnce(target, file, link);
            if (l != null) {
                return l;
            }
        } catch (TargetException | IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
        HELD.remove(file);
        throw new IOException(file + ": could not be locked, as other processes kept replacing it");
    }

    /** The lock on {@code target} when nobody holds it, else null. */
    static TargetLock tryAcquire(Path target) throws IOException {
        try {
            return acquire(target);
        } catch (TargetException e) {
            return null;
        }
    }

    private static TargetLock lockOnce(Path target, Path file, Link link) throws TargetException, IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Object before = identity(file);
            if (before == null) {
                createHoldingPid(file, link);
                continue;
            }
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new TargetException(file + " is a folder chokepoint did not make, where it keeps the lock of "
                        + target + " while writing it: move the folder away, or choose another --out");
            }
            if (Files.isSymbolicLink(file)) {
                // Never followed (a lock is opened without following links), so named as what it is rather than
                // as the system's "too many levels of symbolic links".
                throw new TargetException(file + " is a symbolic link chokepoint did not make, where it keeps the"
                        + " lock of " + target + " while writing it: move the link away, or choose another --out");
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue;
            } catch (AccessDeniedException e) {
                long pid = pidIn(file);
                if (pid >= 0) {
                    throw othersLock(target, file, pid);
                }
                throw OutputFiles.named(file, e);
            } catch (IOException e) {
                throw OutputFiles.named(file, e);
            }
            boolean kept = false;
            try {
                if (!before.equals(identity(file))) {
                    continue;
                }
                if (!holdsAPid(channel)) {
                    throw new TargetException(file + " is a file chokepoint did not write, where it keeps the lock"
                            + " of " + target + " while writing it: move the file away, or choose another --out");
                }
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw held(target, holder(file));
                }
                if (!before.equals(identity(file))) {
                    lock.release(); // the holder before removed it: the name now leads elsewhere
                    continue;
                }
                // Written over the last holder's pid, then cut to length, so the file never reads empty.
                byte[] token = pidLine();
                channel.write(ByteBuffer.wrap(token), 0);
                channel.truncate(token.length);
                kept = true;
                return new TargetLock(file, before, channel, lock);
            } catch (IOException e) {
                throw OutputFiles.named(file, e);
            } finally {
                if (!kept) {
                    channel.close();
                }
            }
        }
        return null;
    }

    /**
     * Makes the lock file with this process's pid already in it, so that no lock file of this program's is ever
     * empty and an empty file at the name is someone else's: the pid goes into a fresh file of its own, which
     * is then linked at the name in one step that fails when the name is taken. Where the file system has no
     * links, the name is made in one step that fails when it is taken and the pid written at once: a command that
     * reads the file in that moment finds it empty and refuses it as someone else's, which errs on the safe side,
     * where moving a file to the name after a check that it is free could replace a lock another command holds.
     */
    private static void createHoldingPid(Path file, Link link) throws IOException {
        Path fresh = freshFileHoldingPid(file);
        try {
            link.at(file, fresh);
        } catch (FileAlreadyExistsException e) {
            // made by another process meanwhile: lock that one
        } catch (UnsupportedOperationException | IOException noLinks) {
            createThenWritePid(file);
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    /** The lock file made without a link: made only where the name is free, then the pid written into it. */
    private static void createThenWritePid(Path file) throws IOException {
        OutputStream out;
        try {
            out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return; // made by another process meanwhile: lock that one
        } catch (IOException e) {
            throw OutputFiles.named(file, e);
        }
        try (out) {
            out.write(pidLine());
        } catch (IOException e) {
            Files.deleteIfExists(file); // made by this call, and holding no pid: nobody's lock
            throw OutputFiles.named(file, e);
        }
    }

    /**
     * A new file beside the lock file's name, {@code .NAME.lock.PID-N.new}, holding this process's pid, or none
     * when it cannot be written. Not {@code Files.createTempFile}: that makes the file private to its owner, and
     * the lock file it becomes would stay so, where a lock file made as any other file in the folder lets a
     * colleague writing there read whose lock it is and take it once its holder is gone.
     */
    private static Path freshFileHoldingPid(Path file) throws IOException {
        String base = file.getFileName() + "." + ProcessHandle.current().pid() + "-";
        for (int i = 0; ; i++) {
            Path fresh = file.resolveSibling(base + i + ".new");
            OutputStream out;
            try {
                out = Files.newOutputStream(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue; // another command of this process, or one an earlier process of this pid left
            } catch (IOException e) {
                throw OutputFiles.named(file, e);
            }
            try (out) {
                out.write(pidLine());
            } catch (IOException e) {
                // A file that could be made but not written (a full disk) is not left beside the user's folders.
                Files.deleteIfExists(fresh);
                throw OutputFiles.named(file, e);
            }
            return fresh;
        }
    }

    private static byte[] pidLine() {
        return (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether the file holds what a lock file of this program's does: the pid of the process that holds or held
     * it (or, for the moment a new holder writes its pid over a longer one, digits and line ends). Anything else,
     * an empty file included, is someone's file that happens to have the name, and locking it would overwrite it
     * with a pid and remove it on letting go.
     */
    private static boolean holdsAPid(FileChannel channel) throws IOException {
        if (channel.size() > 20) {
            return false; // a pid is at most 19 digits and a newline
        }
        ByteBuffer bytes = ByteBuffer.allocate(20);
        while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
            // read it all: the file is at most 20 bytes
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).matches("[0-9][0-9\\n]*");
    }

    /** What the name leads to (device and inode where the system has them), or null when nothing. */
    private static Object identity(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Objects.requireNonNullElse(a.fileKey(), a.creationTime());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static TargetException held(Path target, String by) {
        return new TargetException(target + " is being written by " + by
                + ": wait for it to finish, or choose another --out");
    }

    /** "another chokepoint process (pid 123)", from the pid the holder wrote; this process holds no lock on it. */
    private static String holder(Path file) {
        long pid = pidIn(file);
        return pid < 0 ? "another chokepoint process" : "another chokepoint process (pid " + pid + ")";
    }

    /** The pid a lock file holds, or -1 where it holds none or cannot be read. */
    private static long pidIn(Path file) {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * A lock file this user may not open to write: made by another user's command, with the permissions that
     * user's files get, which let a colleague read it but not write it unless files are shared with the group, or
     * the user's own made read-only; it does not say whose it is, which the pid alone cannot tell.
     * Named as that: read as the results folder being closed to this user, the refusal sent them to a folder
     * they may well write, with nothing to say a hidden file stood in the way.
     */
    private static TargetException othersLock(Path target, Path file, long pid) {
        return new TargetException(file + " is the lock file of a chokepoint process (pid " + pid
                + "), which this user may not write (another user's command made it, or it was made read-only),"
                + " where it keeps the lock of " + target + " while writing it: once that process has ended, the"
                + " file's owner may remove it; or choose another --out");
    }

    /**
     * Removes the lock file, then lets go of the lock: a process that opened the file meanwhile tries again. A file
     * someone put at the name while the lock was held (moved over it) is theirs, and stays.
     */
    @Override
    public void close() throws IOException {
        try {
            if (identity.equals(identity(file))) {
                Files.deleteIfExists(file);
            }
        } finally {
            try {
                lock.release();
            } finally {
                try {
                    channel.close();
                } finally {
                    HELD.remove(file);
                }
            }
        }
    }
}
