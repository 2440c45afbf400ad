package org.chokepoint.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one way a command writes its results folder ({@code --out}), so that it never deletes or overwrites
 * anything it did not write. Before any work starts the path is checked: it may be absent, an empty folder,
 * or a results folder chokepoint wrote (recognised by its {@link ResultKind descriptor}, and holding nothing
 * but the names that kind writes), which is replaced only when {@code --overwrite} is given. Anything else —
 * a file, a link, a folder with other files, the working folder or one holding it — is refused with a
 * {@link TargetException} that names the path and says what to do. One process at a time writes a path
 * ({@link TargetLock}).
 *
 * <p>A folder written whole ({@link #replacing}) is written into a hidden sibling, {@code .NAME.partial-PID-N},
 * renamed into place by {@link #commit()}: a failed or killed command leaves no half-written folder under
 * the name. What a killed command does leave, its partial folder, is removed by the next command that
 * writes beside it, once nobody holds the lock of its name ({@link #cleanLeftovers}). An ensemble, which
 * resumes from the runs already on disk, is written in place ({@link #inPlace}).
 */
public final class ResultFolder implements AutoCloseable {

    /** {@code .NAME.partial-PID-N} or {@code .NAME.old-PID-N}: the only hidden folders this class makes. */
    private static final Pattern SIBLING = Pattern.compile("\\.(.+)\\.(partial|old)-([0-9]+)-([0-9]+)");
    /**
     * The hidden folders this process has made and not yet renamed or removed. A hidden folder of this process's
     * pid that is not among them was left by an earlier process of the same pid: in a container every run may
     * be pid 1.
     */
    private static final java.util.Set<Path> MADE_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** {@code .NAME.lock}, the file {@link TargetLock} locks. */
    private static final Pattern LOCK = Pattern.compile("\\.(.+)\\.lock");
    private static final int LISTED = 3;

    private final Path target;
    private final ResultKind kind;
    private final TargetLock lock;
    private final Path staging;
    private final boolean overwrite;
    /** The outermost folder on the way to the target that this command made, or null. */
    private final Path madeParents;
    private boolean committed;

    private ResultFolder(Path target, ResultKind kind, TargetLock lock, Path staging, boolean overwrite,
            Path madeParents) {
        this.target = target;
        this.kind = kind;
        this.lock = lock;
        this.staging = staging;
        this.overwrite = overwrite;
        this.madeParents = madeParents;
    }

    /**
     * {@code results/<name><suffix>}, a command's folder when no {@code --out} is given: one folder directly
     * inside {@code results}, whatever the scenario's {@code meta.name} holds. A path separator or a control
     * character in the name is written {@code _}, so that a name such as {@code ../../x} or {@code a/b} names a
     * folder in {@code results}, not one elsewhere or nested; so is a leading dot, which would hide the folder from
     * {@code ls} and a file browser ({@code ../../x} was written {@code results/.._.._x-1}).
     *
     * @throws java.nio.file.InvalidPathException when the system allows no such file name
     */
    public static Path defaultTarget(String name, String suffix) {
        StringBuilder b = new StringBuilder(name.length() + suffix.length());
        name.codePoints().forEach(c -> b.appendCodePoint(c == '/' || c == '\\' || Character.isISOControl(c) ? '_' : c));
        if (b.length() > 0 && b.charAt(0) == '.') {
            b.setCharAt(0, '_');
        }
        return Path.of("results", b.append(suffix).toString());
    }

    /**
     * What is at a path now. BEGUN: a folder holding only the descriptor's temporary of a command killed as it
     * began to write the folder in place ({@link ResultKind#begun}), which nothing has yet been written beside.
     */
    private enum State { ABSENT, EMPTY, OWN, BEGUN }

    /**
     * Claims {@code out} for a folder written whole: checks it, takes its lock, removes leftovers of killed
     * commands beside it and makes the hidden folder to write into ({@link #dir()}).
     *
     * @param overwrite whether an earlier results folder at {@code out} may be replaced
     */
    public static ResultFolder replacing(Path out, ResultKind kind, boolean overwrite)
            throws TargetException, IOException {
        Path target = resolve(out);
        try {
            inspect(target, kind, overwrite, false);
            Path made = outermostMissing(target.getParent());
            TargetLock lock = lockFor(target);
            try {
                // Leftovers first: a folder a killed command set aside comes back under the name, and is then
                // judged as any earlier folder there.
                cleanLeftoversBeside(target);
                inspect(target, kind, overwrite, false);
                Path staging = freshSibling(target, "partial");
                OutputFiles.on(staging, () -> Files.createDirectory(staging));
                return new ResultFolder(target, kind, lock, staging, overwrite, made);
            } catch (TargetException | IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /**
     * Claims {@code out} for a folder written where it stands, as an ensemble is: an earlier folder of the same
     * kind is kept when {@code resume}, and emptied of what it holds when {@code overwrite}; an absent folder
     * is made.
     */
    public static ResultFolder inPlace(Path out, ResultKind kind, boolean overwrite, boolean resume)
            throws TargetException, IOException {
        if (overwrite && resume) {
            throw new TargetException("--overwrite and --resume contradict each other: --resume finishes the"
                    + " ensemble in " + out + ", --overwrite replaces it");
        }
        Path target = resolve(out);
        try {
            inspect(target, kind, overwrite, resume);
            Path made = outermostMissing(target.getParent());
            TargetLock lock = lockFor(target);
            try {
                cleanLeftoversBeside(target);
                State state = inspect(target, kind, overwrite, resume);
                if (state == State.OWN && !resume) {
                    emptyOwnFolder(target, kind, ResultFolder::deleteTree);
                } else if (state == State.BEGUN) {
                    // Nothing to resume from: the ensemble starts afresh in the folder, as in an empty one.
                    Path begun = target.resolve(kind.descriptorTemporary());
                    OutputFiles.on(begun, () -> Files.delete(begun));
                }
                OutputFiles.on(target, () -> Files.createDirectories(target));
                return new ResultFolder(target, kind, lock, null, overwrite, made);
            } catch (TargetException | IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /**
     * A folder the system will not let this process make or write (no permission, a read-only or virtual file
     * system such as /proc): refused before any work starts, as any other --out that may not be written.
     */
    static TargetException cannotWrite(Path target, IOException e) {
        String reason;
        if (e instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (!reason.isEmpty() && Character.isUpperCase(reason.charAt(0))
                && (reason.length() == 1 || !Character.isUpperCase(reason.charAt(1)))) {
            reason = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        TargetException t = new TargetException("cannot write " + target + ": " + reason);
        t.initCause(e);
        return t;
    }

    /** The folder to write the files into. */
    public Path dir() {
        return staging != null ? staging : target;
    }

    /** The results folder as the user will find it. */
    public Path target() {
        return target;
    }

    /**
     * Renames the written folder into place, replacing an earlier results folder (checked again, as at the
     * claim: between the claim and now it must not have gained files of anyone else's, nor become another
     * kind's folder).
     */
    public void commit() throws TargetException, IOException {
        if (staging == null || committed) {
            committed = true;
            return;
        }
        State state = inspect(target, kind, overwrite, false);
        if (state == State.EMPTY) {
            OutputFiles.on(target, () -> Files.delete(target));
        }
        if (state != State.OWN) {
            OutputFiles.on(target, () -> Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE));
            forget(staging);
            committed = true;
            return;
        }
        // A folder cannot be renamed over a non-empty one: the old one goes aside first, then away.
        Path old = freshSibling(target, "old");
        OutputFiles.on(target, () -> Files.move(target, old, StandardCopyOption.ATOMIC_MOVE));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw OutputFiles.named(target, e);
        }
        forget(staging);
        committed = true;
        deleteTree(old);
        forget(old);
    }

    /** A hidden folder this process made has been renamed or removed. */
    private static void forget(Path folder) {
        MADE_HERE.remove(folder.toAbsolutePath().normalize());
    }

    /**
     * Drops the written folder unless it was committed, and lets go of the path. A command that fails after
     * the claim (a metric checked on the first run, a run that throws) leaves nothing behind, not even the
     * folders it made on the way to {@code --out}, such as {@code results/}.
     */
    @Override
    public void close() throws IOException {
        try {
            if (staging != null && !committed) {
                deleteTree(staging);
                forget(staging);
            }
        } finally {
            lock.close();
        }
        if (!committed && madeParents != null) {
            removeEmptyUpTo(target.getParent(), madeParents);
        }
    }

    /**
     * Removes {@code dir} and the folders above it up to {@code outermost}, each only while it is an empty
     * folder: one that another command has meanwhile written into stays, with what it holds, and whatever has
     * taken the place of one of them (a user's file, a link) stays, with everything above it.
     */
    private static void removeEmptyUpTo(Path dir, Path outermost) {
        for (Path p = dir; p != null && p.startsWith(outermost); p = p.getParent()) {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty (or not ours to remove): it and everything above it stay
            }
        }
    }

    /** The outermost of {@code dir} and its parents that does not exist yet, or null when {@code dir} exists. */
    private static Path outermostMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    // ---- checks ----------------------------------------------------------------------------------

    private static Path resolve(Path out) throws TargetException {
        if (out.toString().isEmpty()) { // --out "": Java reads it as the working folder, which names nothing
            throw new TargetException("--out is empty: give a folder for the results, such as results/NAME");
        }
        Path target;
        try {
            target = out.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new TargetException(out + " is not a path this system can write: " + e.getReason());
        }
        Path workingFolder = Path.of("").toAbsolutePath().normalize();
        if (target.getParent() == null || target.getFileName() == null) {
            throw new TargetException(out + " is the root of the file system: choose a folder for the results,"
                    + " such as results/NAME");
        }
        String name = target.getFileName().toString();
        if (SIBLING.matcher(name).matches() || LOCK.matcher(name).matches()) {
            // A results folder under such a name would be taken for a killed command's leftover, or for a lock,
            // by the next command writing beside it, and removed.
            throw new TargetException(out + " has the name of a file chokepoint keeps beside a results folder while"
                    + " writing it (.NAME.lock, .NAME.partial-PID-N, .NAME.old-PID-N), which the next command"
                    + " writing beside it would remove: choose another --out");
        }
        if (workingFolder.startsWith(target)) {
            throw new TargetException(out + " is " + (workingFolder.equals(target) ? "the working folder"
                    : "a folder that holds the working folder") + " (" + target + "): choose a folder for the"
                    + " results inside it, such as results/NAME");
        }
        return target;
    }

    /**
     * What is at {@code target}, when it may be written; otherwise why not.
     *
     * @param kind the kind the command writes, or null when any kind of earlier folder will do
     */
    private static State inspect(Path target, ResultKind kind, boolean overwrite, boolean resume)
            throws TargetException, IOException {
        if (Files.isSymbolicLink(target)) {
            throw new TargetException(target + " is a symbolic link; chokepoint writes its results into a folder"
                    + " of its own: choose another --out, or give the folder the link points to");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            for (Path up = target.getParent(); up != null; up = up.getParent()) {
                if (Files.exists(up)) {
                    if (!Files.isDirectory(up)) {
                        throw new TargetException(up + " is a file, so " + target + " cannot be made: choose"
                                + " another --out");
                    }
                    break;
                }
            }
            return State.ABSENT;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new TargetException(target + " is a file, not a results folder: choose another --out, or move"
                    + " the file away");
        }
        if (isEmpty(target)) {
            return State.EMPTY;
        }
        ResultKind found = ResultKind.of(target);
        if (found == null) {
            ResultKind begun = ResultKind.begun(target);
            if (begun != null) {
                return begun(target, begun, kind, overwrite, resume);
            }
            ResultKind named = ResultKind.named(target);
            if (named != null) {
                // Most likely an earlier folder of chokepoint's whose descriptor was damaged or edited; but
                // without a descriptor that says so it is not taken for one, and so never replaced.
                // A link or a folder in the descriptor's place is called so: listed, chokepoint's own tables beside
                // it were called files chokepoint did not write.
                Path d = target.resolve(named.descriptor());
                String how = Files.isSymbolicLink(d) ? " as a symbolic link, not as a file"
                        : Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) ? " as a folder, not as a file"
                        : ", but not as chokepoint writes it (not JSON, or without \"format\": \"" + named.format()
                        + "\")";
                throw new TargetException(target + " holds " + named.descriptor() + how + ", so the folder is"
                        + " not taken for an earlier " + named.label() + " of chokepoint's and is left alone: choose"
                        + " another --out, or an empty or new folder");
            }
            boolean visible;
            try (java.util.stream.Stream<Path> all = Files.list(target)) {
                visible = all.anyMatch(e -> !e.getFileName().toString().startsWith("."));
            }
            List<String> held = entries(target);
            if (visible && ResultKind.anyKindWritesAll(target)) {
                // A folder of chokepoint's whose descriptor was deleted (an ensemble killed, then its ensemble.json
                // removed by hand) holds only names chokepoint writes: "files chokepoint did not write" sent its
                // owner looking for a stray file of theirs. Without the descriptor it is still not taken for one.
                // A lone temporary is the user's file at that name, as a command leaves none alone (above).
                throw new TargetException(target + " holds only names chokepoint gives its results (" + listed(target,
                        held) + "), but none of the files that say which results they are (" + DESCRIPTORS
                        + "), so it is not taken for chokepoint's and is left alone: choose another --out, or an empty"
                        + " or new folder");
            }
            throw new TargetException(target + " holds files chokepoint did not write (" + listed(target,
                    entries(target)) + "): choose another --out, or an empty or new folder");
        }
        List<String> links = found.linksAtOwnNames(target, LISTED + 1);
        if (!links.isEmpty()) {
            // Checked for --resume too, which leaves a file of the user's alone but would read and write through these
            // links (a runs/ linked elsewhere got the run records, and lost a killed run's temporary there), or rename
            // a table over one. Named as links, not as files chokepoint did not write: the folder's own runs is one.
            boolean one = links.size() == 1;
            throw new TargetException(target + " holds an earlier " + found.label() + " whose " + listed(target, links)
                    + (one ? " is a symbolic link" : " are symbolic links") + ", which chokepoint does not follow, so as"
                    + " to read and write nothing outside the folder: move " + (one ? "the link" : "the links")
                    + " away, or put what " + (one ? "it points" : "they point") + " to in " + (one ? "its place"
                    : "their places") + "; or choose another --out");
        }
        List<String> strangers = found == kind ? found.filesAtOwnNamesItCannotHaveWritten(target, LISTED + 1) : List.of();
        if (!strangers.isEmpty()) {
            boolean one = strangers.size() == 1;
            throw new TargetException(target + " holds an earlier " + found.label() + " and " + listed(target, strangers)
                    + ", which chokepoint did not write: it writes " + article(found.label()) + " " + found.label() + "'s "
                    + found.writtenTogether() + ", so "
                    + (one ? "this was" : "these were") + " put there since, and --resume or --overwrite would replace "
                    + (one ? "it" : "them") + ": move " + (one ? "it" : "them") + " away, or choose another --out");
        }
        if (resume && found == kind) {
            // Resuming adds to the folder and replaces only its own tables, which Spark writes over whole. A local
            // --resume leaves the Parquet tables alone, but is refused too: the folder is one either may finish.
            List<String> tables = found.tablesHoldingForeignFiles(target, LISTED + 1);
            if (!tables.isEmpty()) {
                throw new TargetException(target + " holds an earlier " + found.label() + " whose table"
                        + (tables.size() == 1 ? " " : "s ") + listed(target, tables) + " hold" + (tables.size() == 1
                        ? "s" : "") + " files chokepoint did not write, which an ensemble resumed on Spark deletes with"
                        + " the table it writes again: move them away, or choose another --out");
            }
            return State.OWN;
        }
        ResultKind.Foreign foreign = found.foreignEntries(target, LISTED + 1);
        if (!foreign.isEmpty()) {
            // A name only later versions write is the user's or chokepoint's, which cannot be told; any other is the
            // user's, and is called so.
            List<String> parts = new java.util.ArrayList<>();
            if (!foreign.unwritten().isEmpty()) {
                parts.add("files chokepoint did not write (" + listed(target, foreign.unwritten()) + ")");
            }
            if (!foreign.later().isEmpty()) {
                parts.add("files that version may not have written, so perhaps yours (" + listed(target,
                        foreign.later()) + ")");
            }
            throw new TargetException(target + " holds an earlier " + found.label() + (foreign.later().isEmpty() ? ""
                    : " written by an earlier version") + (parts.size() > 1 ? ", " : ", and ") + String.join(", and ",
                    parts) + ": move them away, or choose another --out; --overwrite replaces only what chokepoint"
                    + " wrote");
        }
        if (kind != null && found != kind) {
            // --overwrite means "again, the same command": a run does not replace an ensemble's hours of work.
            throw new TargetException(target + " holds an earlier " + found.label() + " (" + found.descriptor()
                    + "), and this command writes " + article(kind.label()) + " " + kind.label() + ": --overwrite"
                    + " replaces only an earlier " + kind.label() + "; choose another --out, or move the "
                    + found.label() + " away");
        }
        if (!overwrite) {
            String also = kind == ResultKind.ENSEMBLE && found == kind
                    ? " add --resume to finish or re-aggregate it, --overwrite to replace it," : " add --overwrite to"
                    + " replace it,";
            throw new TargetException(target + " holds an earlier " + found.label() + " (" + found.descriptor()
                    + "):" + also + " or choose another --out");
        }
        return State.OWN;
    }

    /**
     * A folder holding nothing but the descriptor's temporary of a {@code begun} command killed before it wrote
     * its descriptor: chokepoint's own, judged as an earlier folder of that kind would be, except that --resume has
     * nothing to resume and starts afresh. Refused, every command took the file for the user's, and the folder
     * could be written again only once the hidden file was found and removed by hand.
     */
    private static State begun(Path target, ResultKind begun, ResultKind kind, boolean overwrite, boolean resume)
            throws TargetException {
        String what = "the start of " + article(begun.label()) + " " + begun.label() + " (only "
                + begun.descriptorTemporary() + ", left by a command killed before it wrote " + begun.descriptor()
                + ")";
        if (kind != null && begun != kind) {
            throw new TargetException(target + " holds " + what + ", and this command writes " + article(kind.label())
                    + " " + kind.label() + ": --overwrite replaces only an earlier " + kind.label() + "; choose another"
                    + " --out, or move the " + begun.label() + " away");
        }
        if (!overwrite && !resume) {
            throw new TargetException(target + " holds " + what + ": add --resume or --overwrite to start it again, or"
                    + " choose another --out");
        }
        return State.BEGUN;
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    private static List<String> entries(Path dir) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                names.add(e.getFileName() + (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS) ? "/" : ""));
                if (names.size() > LISTED) {
                    break;
                }
            }
        }
        return names;
    }

    /** The files that say which of chokepoint's results a folder holds: manifest.json, ensemble.json, ... */
    private static final String DESCRIPTORS = String.join(", ",
            ResultKind.ALL.stream().map(ResultKind::descriptor).toList());

    private static String listed(Path dir, List<String> names) {
        List<String> sorted = names.stream().sorted().limit(LISTED).toList();
        return String.join(", ", sorted) + (names.size() > LISTED ? ", ..." : "");
    }

    private static TargetLock lockFor(Path target) throws TargetException, IOException {
        Path parent = target.getParent();
        OutputFiles.on(parent, () -> Files.createDirectories(parent));
        return TargetLock.acquire(target);
    }

    // ---- leftovers -------------------------------------------------------------------------------

    /**
     * Removes the hidden folders killed commands left beside {@code target} — any name's, not only this
     * one's. A folder goes only when its name is one {@link #freshSibling} makes, this process did not make it,
     * nobody else holds the lock of its name, and it holds nothing but files some kind of results
     * folder writes. A folder set aside as old whose results folder is missing (the command died between the two
     * renames of a {@link #commit()}) is put back in its place instead. The lock file of a killed command
     * goes too, once nobody holds its lock.
     */
    private static void cleanLeftoversBeside(Path target) {
        try {
            cleanLeftovers(target);
        } catch (IOException | UncheckedIOException e) {
            // Tidying up after others must not stop this command: what cannot go now is tried again next time.
        }
    }

    static void cleanLeftovers(Path target) throws IOException {
        Path parent = target.getParent();
        List<Path> candidates = new java.util.ArrayList<>();
        List<Path> locks = new java.util.ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, ".*")) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (SIBLING.matcher(name).matches() && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    candidates.add(e);
                } else if (LOCK.matcher(name).matches() && Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
                    locks.add(e);
                }
            }
        }
        for (Path leftover : candidates) {
            Matcher m = SIBLING.matcher(leftover.getFileName().toString());
            if (!m.matches() || madeHere(leftover) || !ResultKind.anyKindWritesAll(leftover)) {
                continue;
            }
            Path owner = parent.resolve(m.group(1));
            TargetLock held = owner.equals(target) ? null : TargetLock.tryAcquire(owner);
            if (!owner.equals(target) && held == null) {
                continue; // its name is being written right now
            }
            try {
                if (m.group(2).equals("old") && !Files.exists(owner, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(leftover, owner, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    deleteTree(leftover);
                }
            } finally {
                if (held != null) {
                    held.close();
                }
            }
        }
        for (Path lockFile : locks) {
            Matcher m = LOCK.matcher(lockFile.getFileName().toString());
            Path owner = parent.resolve(m.matches() ? m.group(1) : "");
            if (!owner.equals(target) && Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                TargetLock stale = TargetLock.tryAcquire(owner);
                if (stale != null) {
                    stale.close(); // nobody held it: its holder is gone, and letting go removes the file
                }
            }
        }
    }

    /**
     * Whether a hidden folder is one this process made, which another of its commands may be writing (within
     * one process the name's lock does not tell). Any other is judged by the name's lock alone, which its writer
     * holds for as long as the folder exists: whether a process of its pid is alive says nothing, since a killed
     * command not yet reaped by its parent still counts as alive, a pid is handed out again to processes that
     * are not chokepoint, and a container's every run may have the same pid.
     */
    private static boolean madeHere(Path folder) {
        return MADE_HERE.contains(folder.toAbsolutePath().normalize());
    }

    /**
     * A hidden name beside the target that nothing uses yet. Not {@code Files.createTempDirectory}: that
     * makes the folder private to the user, and the renamed results folder would stay so.
     */
    private static Path freshSibling(Path target, String kind) {
        String base = "." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid() + "-";
        for (int i = 0; ; i++) {
            Path p = target.resolveSibling(base + i);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && MADE_HERE.add(p.toAbsolutePath().normalize())) {
                return p;
            }
        }
    }

    /** How {@link #emptyOwnFolder} removes one entry of the folder, with what it holds. */
    @FunctionalInterface
    interface Removal {
        void remove(Path entry) throws IOException;
    }

    /**
     * Empties an earlier results folder of this program's (checked by {@link #inspect}) of {@code kind}, keeping
     * the folder. Its descriptor goes last, whatever order the file system lists the folder in: a command killed
     * on the way (Ctrl-C a second into {@code ensemble --overwrite} while thousands of run records go) leaves a
     * folder still known as chokepoint's, which {@code --overwrite} empties again and {@code --resume} finishes,
     * rather than run records without the file that says whose they are, which every command then refuses as
     * files chokepoint did not write. For the same reason what is written only beside the tables goes first, and
     * the tables are set back under their temporary names before any of them goes: killed between two tables, it
     * left one without its companions, which is taken for a file of the user's
     * ({@link ResultKind#filesAtOwnNamesItCannotHaveWritten}).
     */
    static void emptyOwnFolder(Path folder, ResultKind kind, Removal removal) throws IOException {
        for (String name : kind.writtenOnlyWithTables()) {
            Path file = folder.resolve(name);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                removal.remove(file);
            }
        }
        for (String name : kind.tablesWrittenTogether()) {
            Path table = folder.resolve(name);
            if (Files.exists(table, LinkOption.NOFOLLOW_LINKS)) {
                Path tmp = OutputFiles.temporaryFor(table);
                OutputFiles.on(table, () -> Files.move(table, tmp, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING));
            }
        }
        List<Path> listed = new java.util.ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(listed::add);
        }
        for (Path e : removalOrder(listed, kind)) {
            removal.remove(e);
        }
    }

    /** The entries of a folder of {@code kind} as listed, but its descriptor moved to the end. */
    static List<Path> removalOrder(List<Path> listed, ResultKind kind) {
        List<Path> order = new java.util.ArrayList<>(listed.size());
        Path descriptor = null;
        for (Path e : listed) {
            if (e.getFileName().toString().equals(kind.descriptor())) {
                descriptor = e;
            } else {
                order.add(e);
            }
        }
        if (descriptor != null) {
            order.add(descriptor);
        }
        return order;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(OutputFiles.named(p, e));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
