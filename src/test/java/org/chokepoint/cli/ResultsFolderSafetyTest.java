package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands never delete or overwrite what they did not write: a file at {@code --out}, a folder of
 * someone else's, the working folder, an earlier result without {@code --overwrite}, a result folder holding
 * a file of the user's, a target another process is writing. Each case checks the exit code, that the message
 * names the path, and that what was there survives byte for byte.
 */
class ResultsFolderSafetyTest extends CommandLineTest {

    private static final String SCENARIO = "src/test/resources/scenarios/minimal.json";
    private static final String TICKS = "8";

    @TempDir
    Path dir;

    /** Where inputs other than the scenario go, apart from the folders under test. */
    @TempDir
    Path inputs;


    /** Each command that writes a results folder, writing to {@code target}, small and quick. */
    private int command(String name, Path target, String... more) throws IOException {
        List<String> args = new ArrayList<>();
        args.add(name);
        args.add(SCENARIO);
        switch (name) {
            case "run" -> { }
            case "ensemble" -> args.addAll(List.of("--runs", "2", "--threads", "1", "--quiet"));
            case "compare" -> {
                Path options = Files.writeString(inputs.resolve("options.json"),
                        "{\"options\": [{\"name\": \"none\", \"patch\": {}}]}");
                args.addAll(List.of("--options", options.toString(), "--runs", "2", "--threads", "1", "--quiet"));
            }
            case "sweep" -> args.addAll(List.of("--set", "/firms/0/capacity=90,110", "--threads", "1", "--quiet"));
            case "sensitivity" -> args.addAll(List.of("--param", "/firms/0/capacity=90:110", "--output",
                    "totals.fiscalCost", "--trajectories", "2", "--threads", "1", "--quiet"));
            case "equilibrium" -> { }
            default -> throw new IllegalArgumentException(name);
        }
        if (!name.equals("equilibrium")) {
            args.addAll(List.of("--ticks", TICKS));
        }
        args.addAll(List.of("--out", target.toString()));
        args.addAll(List.of(more));
        return chokepoint(args.toArray(String[]::new));
    }

    /**
     * The message tells a file that may be chokepoint's from one that cannot be: in a run's folder of format
     * chokepoint-run/1, without the files only later versions of that format wrote, a notes.txt is the user's
     * whichever version wrote the folder, and a flows.csv is the user's or that of a version that wrote one. With more
     * than three such names it lists three and says there are more.
     */
    @Test
    void theMessageCallsAFileNoVersionWritesTheUsersAndOneALaterVersionWritesPerhapsTheUsers() throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command("run", results), err.toString());
        Path manifest = results.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"chokepoint-run/2\"", "\"chokepoint-run/1\""));
        for (String later : List.of("report.html", "policies.csv", "counterfactual.csv", "flows.csv")) {
            Files.deleteIfExists(results.resolve(later));
        }

        Files.writeString(results.resolve("notes.txt"), "prices peak at tick 3\n");
        assertRefused(results, results.toAbsolutePath() + " holds an earlier run, and files chokepoint did not write"
                + " (notes.txt): move them away");

        Files.writeString(results.resolve("flows.csv"), "my own lanes\n");
        assertRefused(results, results.toAbsolutePath() + " holds an earlier run written by an earlier version, files"
                + " chokepoint did not write (notes.txt), and files that version may not have written, so perhaps"
                + " yours (flows.csv): move them away");

        for (String mine : List.of("a.md", "b.md", "c.md")) {
            Files.writeString(results.resolve(mine), "mine\n");
        }
        assertRefused(results, "files chokepoint did not write (a.md, b.md, c.md, ...), and files that version may not"
                + " have written, so perhaps yours (flows.csv)");
    }

    /** A run with --overwrite into {@code results} is refused with {@code message}, and nothing changes. */
    private void assertRefused(Path results, String message) throws IOException {
        Map<String, String> before = tree(dir);
        err.getBuffer().setLength(0);
        assertEquals(2, command("run", results, "--overwrite"));
        assertTrue(err.toString().contains(message), err.toString());
        assertEquals(before, tree(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "ensemble", "compare", "sweep", "sensitivity"})
    void aFileAtTheTargetSurvives(String name) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "my notes\n");
        Map<String, String> before = tree(dir);

        assertEquals(2, command(name, file), err.toString());

        assertTrue(err.toString().contains(file.toAbsolutePath() + " is a file, not a results folder"), err.toString());
        assertEquals(before, tree(dir), "the file, and nothing else, is there as it was");
    }

    @Test
    void aFileOnTheWayToTheTargetSurvives() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "my notes\n");
        Map<String, String> before = tree(dir);

        assertEquals(2, command("run", file.resolve("results")), err.toString());

        assertTrue(err.toString().contains(file.toAbsolutePath() + " is a file, so "), err.toString());
        assertEquals(before, tree(dir));
    }

    /**
     * sensitivity learns that its --output is not a summary number only from the first run, after it has
     * claimed --out: the refusal still leaves nothing, not even the folders it made on the way there.
     */
    @Test
    void aMetricRefusedAfterTheClaimLeavesNoFoldersOnTheWay() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "my notes\n");
        Map<String, String> before = tree(dir);

        int code = chokepoint("sensitivity", SCENARIO, "--param", "/firms/0/capacity=90:110", "--output",
                "totals.fiscalCosts", "--trajectories", "2", "--threads", "1", "--quiet", "--ticks", TICKS,
                "--out", dir.resolve("results").resolve("morris").resolve("capacity").toString());

        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("--output 'totals.fiscalCosts' is not a summary number"), err.toString());
        assertEquals(before, tree(dir), "neither results/ nor results/morris/ is left behind");
    }

    @Test
    void aFolderOnTheWayThatExistedBeforeStaysWhenTheCommandFails() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Map<String, String> before = tree(dir);

        int code = chokepoint("sensitivity", SCENARIO, "--param", "/firms/0/capacity=90:110", "--output",
                "totals.fiscalCosts", "--trajectories", "2", "--threads", "1", "--quiet", "--ticks", TICKS,
                "--out", results.resolve("new").resolve("morris").toString());

        assertEquals(2, code, err.toString());
        assertEquals(before, tree(dir), "results/ was the user's and stays, empty; new/ was made and is gone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "ensemble", "compare", "sweep", "sensitivity"})
    void aFolderOfSomeoneElsesSurvives(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(folder.resolve("chapter1.tex"), "\\chapter{One}\n");
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data").resolve("prices.csv"), "year,price\n2010,12\n");
        Map<String, String> before = tree(dir);

        assertEquals(2, command(name, folder, "--overwrite"), err.toString());

        assertTrue(err.toString().contains(folder.toAbsolutePath() + " holds files chokepoint did not write"
                + " (chapter1.tex, data/)"), err.toString());
        assertEquals(before, tree(dir));
    }

    /**
     * A folder the system will not let chokepoint write is an --out that may not be written, as a file there
     * is: refused before any work starts (exit 2), in the words of the other refusals, not a failed run.
     */
    @ParameterizedTest
    @ValueSource(strings = {"run", "ensemble", "compare", "sweep", "sensitivity", "equilibrium"})
    void aFolderThatMayNotBeWrittenIsRefusedBeforeAnythingRuns(String name) throws Exception {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        assumeTrue(locked.toFile().setWritable(false, false), "the file system has no write permissions");
        try {
            assumeTrue(!Files.isWritable(locked), "running as root, a folder without write permission is writable");
            Path target = locked.resolve("results");

            assertEquals(2, command(name, target), err.toString());

            assertEquals(name + ": cannot write " + target.toAbsolutePath() + ": permission denied\n",
                    err.toString());
            assertFalse(Files.exists(target));
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void aFolderUnderProcIsRefusedBeforeAnythingRuns() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a system with /proc");

        assertEquals(2, command("run", Path.of("/proc/chokepoint-results")), err.toString());

        assertEquals("run: cannot write /proc/chokepoint-results: no such file or directory\n", err.toString());
    }

    @Test
    void theWorkingFolderIsNeverAResultsFolder() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        List<String> before = listing(here);

        assertEquals(2, chokepoint("run", SCENARIO, "--ticks", TICKS, "--out", ".", "--overwrite"));
        assertTrue(err.toString().contains(". is the working folder"), err.toString());
        assertEquals(2, chokepoint("run", SCENARIO, "--ticks", TICKS, "--out", "scenarios/..", "--overwrite"));
        assertTrue(err.toString().contains("scenarios/.. is the working folder"), err.toString());
        assertEquals(2, chokepoint("run", SCENARIO, "--ticks", TICKS, "--out", "..", "--overwrite"));
        assertTrue(err.toString().contains(".. is a folder that holds the working folder"), err.toString());
        // an empty --out (a variable that was never set) is the working folder to Java; it is named as empty
        assertEquals(2, chokepoint("run", SCENARIO, "--ticks", TICKS, "--out", "", "--overwrite"));
        assertTrue(err.toString().contains("run: --out is empty: give a folder for the results, such as results/NAME"),
                err.toString());

        assertEquals(before, listing(here));
    }

    @Test
    void aFolderReachedThroughDotDotIsJudgedAsTheFolderItIs() throws Exception {
        Path inner = Files.createDirectories(dir.resolve("project").resolve("inner"));
        Files.writeString(dir.resolve("project").resolve("budget.xlsx"), "figures");
        Map<String, String> before = tree(dir);

        assertEquals(2, chokepoint("run", SCENARIO, "--ticks", TICKS, "--out", inner + "/..", "--overwrite"));

        assertTrue(err.toString().contains(dir.resolve("project") + " holds files chokepoint did not write"),
                err.toString());
        assertEquals(before, tree(dir));
    }

    @Test
    void aResultsFolderWithAFileOfTheUsersIsNotReplacedEvenWithOverwrite() throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command("run", results));
        Files.writeString(results.resolve("what-i-saw.md"), "prices peak at tick 3\n");
        Map<String, String> before = tree(dir);

        assertEquals(2, command("run", results, "--overwrite"));

        assertTrue(err.toString().contains(results.toAbsolutePath() + " holds an earlier run, and files chokepoint"
                + " did not write (what-i-saw.md)"), err.toString());
        assertEquals(before, tree(dir));
    }

    /**
     * A folder says in its format which files its version wrote. A comparison's of format chokepoint-comparison/1
     * was written before comparisons wrote runs.csv, and only from compare --grid on with cost-effectiveness.csv, one
     * of format chokepoint-comparison/2 before they wrote head-to-head.csv; a
     * run's of format chokepoint-run/1 by versions of which only some wrote report.html, policies.csv,
     * counterfactual.csv and flows.csv (the first wrote only manifest.json, timeseries.csv, summary.json and
     * compliance.json), and an ensemble's of format chokepoint-ensemble/1 by versions of which only some wrote report.html
     * and counterfactual-bands.csv. Such a name in such a folder may be the user's, and keeps the folder from being replaced; without
     * it the folder is replaced as any earlier one is. {@code later} are the names the earlier format's first
     * version did not write, taken away to make its folder.
     */
    @ParameterizedTest
    @CsvSource({
        "compare, comparison.json, chokepoint-comparison/3, chokepoint-comparison/1, runs.csv, comparison,"
                + " runs.csv cost-effectiveness.csv head-to-head.csv",
        "compare, comparison.json, chokepoint-comparison/3, chokepoint-comparison/1, cost-effectiveness.csv,"
                + " comparison, runs.csv cost-effectiveness.csv head-to-head.csv",
        "compare, comparison.json, chokepoint-comparison/3, chokepoint-comparison/2, head-to-head.csv, comparison,"
                + " head-to-head.csv",
        "run, manifest.json, chokepoint-run/2, chokepoint-run/1, flows.csv, run,"
                + " report.html policies.csv counterfactual.csv flows.csv",
        "run, manifest.json, chokepoint-run/2, chokepoint-run/1, report.html, run,"
                + " report.html policies.csv counterfactual.csv flows.csv",
        "ensemble, ensemble.json, chokepoint-ensemble/2, chokepoint-ensemble/1, report.html, ensemble,"
                + " report.html counterfactual-bands.csv"})
    void aFileOfTheUsersNamedAsALaterVersionWritesItIsTheUsersInAnEarlierVersionsFolder(
            String name, String descriptorFile, String format, String earlierFormat, String file, String label,
            String later) throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command(name, results), err.toString());
        Path descriptor = results.resolve(descriptorFile);
        Files.writeString(descriptor, Files.readString(descriptor)
                .replace("\"" + format + "\"", "\"" + earlierFormat + "\""));
        for (String added : later.split(" ")) {
            Files.deleteIfExists(results.resolve(added));
        }
        Files.writeString(results.resolve(file), "my own figures, typed in\n");
        Map<String, String> before = tree(dir);

        assertEquals(2, command(name, results, "--overwrite"));

        assertTrue(err.toString().contains(results.toAbsolutePath() + " holds an earlier " + label + " written by an"
                + " earlier version, and files that version may not have written, so perhaps yours (" + file + ")"),
                err.toString());
        assertEquals(before, tree(dir));

        Files.delete(results.resolve(file));
        assertEquals(0, command(name, results, "--overwrite"), err.toString());
        assertTrue(Files.readString(descriptor).contains("\"" + format + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "ensemble", "compare", "sweep", "sensitivity"})
    void anEarlierResultIsReplacedOnlyWithOverwrite(String name) throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command(name, results), err.toString());
        Map<String, String> first = tree(dir);

        assertEquals(2, command(name, results), err.toString());
        assertTrue(err.toString().contains(results.toAbsolutePath() + " holds an earlier "), err.toString());
        assertEquals(first, tree(dir), "refused: nothing changed");

        assertEquals(0, command(name, results, "--overwrite"), err.toString());
        assertEquals(first.keySet(), tree(dir).keySet(), "replaced by the same files, and nothing left beside them");
    }

    @Test
    void aResultsFolderWhoseDescriptorWasDamagedIsLeftAloneAndSaysWhy() throws Exception {
        // An ensemble's ensemble.json cut to "{": the folder is no longer known to be chokepoint's, so it is
        // refused even with --resume or --overwrite; the message names the descriptor rather than calling
        // runs.csv and the rest files chokepoint did not write.
        Path results = dir.resolve("results");
        assertEquals(0, command("ensemble", results), err.toString());
        Files.writeString(results.resolve("ensemble.json"), "{");
        Map<String, String> before = tree(dir);

        for (String option : new String[] {"--resume", "--overwrite"}) {
            err.getBuffer().setLength(0);
            assertEquals(2, command("ensemble", results, option));
            assertTrue(err.toString().contains(results.toAbsolutePath() + " holds ensemble.json, but not as chokepoint"
                    + " writes it (not JSON, or without \"format\": \"chokepoint-ensemble/2\"), so the folder"
                    + " is not taken for an earlier ensemble of chokepoint's and is left alone"), err.toString());
            assertEquals(before, tree(dir));
        }
    }

    @Test
    void aResultsFolderWhoseDescriptorIsASymbolicLinkIsLeftAloneAndSaysSo() throws Exception {
        // An ensemble's ensemble.json moved elsewhere and linked back: a link is never followed into a folder of
        // chokepoint's, so the folder is refused; the message says what stands in the descriptor's place, where it
        // called runs.csv, stats.json and the rest of chokepoint's own tables files chokepoint did not write.
        Path results = dir.resolve("results");
        assertEquals(0, command("ensemble", results), err.toString());
        Path moved = Files.move(results.resolve("ensemble.json"), dir.resolve("ensemble.json"));
        Files.createSymbolicLink(results.resolve("ensemble.json"), moved);
        Map<String, String> before = tree(dir);

        for (String option : new String[] {"--resume", "--overwrite"}) {
            err.getBuffer().setLength(0);
            assertEquals(2, command("ensemble", results, option));
            assertTrue(err.toString().contains(results.toAbsolutePath() + " holds ensemble.json as a symbolic link,"
                    + " not as a file, so the folder is not taken for an earlier ensemble of chokepoint's and is left"
                    + " alone"), err.toString());
            assertEquals(before, tree(dir));
        }
    }

    @Test
    void anEarlierResultOfAnotherCommandIsNotTakenForAnEmptyFolder() throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command("sweep", results));
        Map<String, String> before = tree(dir);

        assertEquals(2, command("run", results));

        assertTrue(err.toString().contains(results.toAbsolutePath() + " holds an earlier sweep (sweep.json), and this"
                + " command writes a run: --overwrite replaces only an earlier run"), err.toString());
        assertEquals(before, tree(dir));
    }

    @Test
    void aSymbolicLinkIsNotFollowedOrReplaced() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("keep.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Map<String, String> before = tree(dir);

        assertEquals(2, command("run", link, "--overwrite"));

        assertTrue(err.toString().contains(link.toAbsolutePath() + " is a symbolic link"), err.toString());
        assertEquals(before, tree(dir));
    }

    @Test
    void anEmptyFolderIsUsed() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertEquals(0, command("run", empty), err.toString());

        assertTrue(Files.exists(empty.resolve("summary.json")));
    }

    @Test
    void leftoversOfKilledCommandsAreCleanedOnlyWhenProvablyTheirs() throws Exception {
        long dead = Integer.MAX_VALUE; // above any pid a system hands out
        Path mine = Files.createDirectories(dir.resolve(".results.partial-" + dead + "-0"));
        Files.writeString(mine.resolve("summary.json"), "{}");
        Path other = Files.createDirectories(dir.resolve(".other.partial-" + dead + "-3"));
        Files.createDirectories(other.resolve("runs"));
        Files.writeString(other.resolve("runs").resolve("run-000001.bin.tmp"), "half");
        Path usersOwn = Files.createDirectories(dir.resolve(".diary.partial-" + dead + "-0"));
        Files.writeString(usersOwn.resolve("monday.txt"), "dear diary");
        Path lookalike = Files.createDirectories(dir.resolve(".results.partial-x-0"));
        Path staleLock = Files.writeString(dir.resolve(".other.lock"), dead + "\n");

        assertEquals(0, command("run", dir.resolve("results")), err.toString());

        assertFalse(Files.exists(mine), "this name's partial folder of a dead process");
        assertFalse(Files.exists(other), "another name's, of a dead process");
        assertTrue(Files.exists(usersOwn.resolve("monday.txt")), "a folder holding what no command writes");
        assertTrue(Files.exists(lookalike), "a name this program does not make");
        assertFalse(Files.exists(staleLock), "the lock file of a killed command, which nobody holds");
    }

    /**
     * A lock file is chokepoint's when it holds a pid, which it is made with; a file of the user's that happens to have
     * a lock file's name, beside --out or at its own lock's name, is not overwritten with a pid and removed: the
     * tidying-up leaves it alone, and a command whose lock it would be is refused.
     */
    @Test
    void aUsersFileNamedLikeALockFileSurvives() throws Exception {
        Path budget = Files.writeString(dir.resolve(".budget.lock"), "precious\n");
        Path stale = Files.writeString(dir.resolve(".other.lock"), "4194304\n");

        assertEquals(0, command("run", dir.resolve("results")), err.toString());

        assertEquals("precious\n", Files.readString(budget), "a file that is not a lock of chokepoint's");
        assertFalse(Files.exists(stale), "the lock file of a killed command, which nobody holds");

        Path own = Files.writeString(dir.resolve(".fresh.lock"), "my notes\n");
        assertRunRefused(dir.resolve("fresh"), own.toAbsolutePath() + " is a file chokepoint did not write");
    }

    /**
     * An empty file at a lock file's name is the user's too (say one made by {@code touch}): chokepoint's lock
     * files hold a pid from the moment they exist, so neither the tidying-up beside another folder nor a
     * command of that name takes it for a lock being made.
     */
    @Test
    void anEmptyFileNamedLikeALockFileIsTheUsers() throws Exception {
        Path marker = Files.createFile(dir.resolve(".budget.lock"));

        assertEquals(0, command("run", dir.resolve("results")), err.toString());
        assertTrue(Files.exists(marker), "the tidying-up left the empty file where it was");
        assertEquals(0L, Files.size(marker));

        Path own = Files.createFile(dir.resolve(".fresh.lock"));
        assertRunRefused(dir.resolve("fresh"), own.toAbsolutePath() + " is a file chokepoint did not write");
    }

    /** A folder of the user's at a lock file's name is named as that, not as the results folder being a folder. */
    @Test
    void aFolderAtTheLockFilesNameIsNamedAsWhatItIs() throws Exception {
        Path folder = Files.createDirectories(dir.resolve(".kept.lock"));
        Files.writeString(folder.resolve("notes.txt"), "mine\n");
        assertRunRefused(dir.resolve("kept"), folder.toAbsolutePath() + " is a folder chokepoint did not make");
    }

    /**
     * A link of the user's at a lock file's name is never followed, so the file it leads to is safe; the refusal
     * names the link as a link, not as the system's "too many levels of symbolic links".
     */
    @Test
    void aLinkAtTheLockFilesNameIsNamedAsWhatItIs() throws Exception {
        Path budget = Files.writeString(inputs.resolve("budget.txt"), "precious\n");
        Path link = Files.createSymbolicLink(dir.resolve(".kept.lock"), budget);
        assertRunRefused(dir.resolve("kept"), link.toAbsolutePath() + " is a symbolic link chokepoint did not make");
        assertEquals("precious\n", Files.readString(budget));
    }

    /**
     * A lock file another user's command made, with their permissions, which this user may read but not write:
     * named as that, not as the results folder being closed to this user, who may well write there.
     */
    @Test
    void anotherUsersLockFileIsNamedAsWhatItIs() throws Exception {
        Path lock = Files.writeString(dir.resolve(".shared.lock"), "4242\n");
        assumeTrue(lock.toFile().setWritable(false, false), "the file system has no write permissions");
        assumeTrue(!Files.isWritable(lock), "running as root, a file without write permission is writable");
        assertRunRefused(dir.resolve("shared"), lock.toAbsolutePath()
                + " is the lock file of a chokepoint process (pid 4242), which this user may not write");
    }

    /**
     * A results folder asked for under the name of a killed command's leftover (.NAME.partial-PID-N or
     * .NAME.old-PID-N) or of a lock file would be removed by the next command writing beside it, as a leftover
     * of no live command: such an --out is refused.
     */
    @ParameterizedTest
    @ValueSource(strings = {".foo.partial-5-0", ".foo.old-5-0", ".foo.lock"})
    void aResultsFolderIsNeverGivenTheNameOfALeftoverOrALock(String name) throws Exception {
        assertRunRefused(dir.resolve(name), "has the name of a file chokepoint keeps beside a results folder");
    }

    /**
     * A command that fails removes the folders it made on the way to --out, but only while they are empty
     * folders: here, while it ran, someone moved the folder it had made elsewhere and left a link of their own in
     * its place. The empty folder the command made goes (through the link, where it now is); the link stays.
     */
    @Test
    void aLinkThatTookThePlaceOfAFolderTheCommandMadeIsNotRemoved() throws Exception {
        Path made = dir.resolve("made");
        org.chokepoint.output.ResultFolder claim = org.chokepoint.output.ResultFolder.replacing(
                made.resolve("sub").resolve("out"), org.chokepoint.output.ResultKind.RUN, false);
        Path elsewhere = Files.move(made, dir.resolve("elsewhere"));
        try {
            Files.createSymbolicLink(made, elsewhere);
        } catch (UnsupportedOperationException | IOException e) {
            claim.close();
            assumeTrue(false, "no symbolic links here");
        }

        claim.close();

        assertTrue(Files.isSymbolicLink(made), "the user's link");
        assertFalse(Files.exists(elsewhere.resolve("sub"), LinkOption.NOFOLLOW_LINKS), "the empty folder it made");
    }

    /**
     * A container may start every run as pid 1, so a killed run's hidden folder can carry the pid of the command
     * that comes next: what tells the two apart is whether this process made the folder. One it did not make goes,
     * its name's lock being free; one it is writing for another of its commands stays.
     */
    @Test
    void aLeftoverOfAnEarlierProcessWithThisPidIsCleanedButThisProcesssOwnIsKept() throws Exception {
        long pid = ProcessHandle.current().pid();
        Path earlier = Files.createDirectories(dir.resolve(".results.partial-" + pid + "-7"));
        Files.writeString(earlier.resolve("summary.json"), "{}");
        try (org.chokepoint.output.ResultFolder busy = org.chokepoint.output.ResultFolder.replacing(
                dir.resolve("busy"), org.chokepoint.output.ResultKind.RUN, false)) {
            Files.writeString(busy.dir().resolve("summary.json"), "{}");

            assertEquals(0, command("run", dir.resolve("results")), err.toString());

            assertFalse(Files.exists(earlier), "an earlier process's folder under this pid");
            assertTrue(Files.exists(busy.dir().resolve("summary.json")), "this process's own, being written");
        }
    }

    /**
     * A command killed with its parent (timeout -s KILL kills both) stays in the process table until it is
     * reaped, and its pid may be handed to another program: a live process of the leftover's pid is no sign
     * that anyone writes it. Here the pid is a sleeping process's; nobody holds the name's lock, so the
     * leftover goes.
     */
    @Test
    void aLeftoverWhosePidIsNowAnotherProgramsIsCleanedAllTheSame() throws Exception {
        Process other;
        try {
            other = new ProcessBuilder("sleep", "60").start();
        } catch (IOException e) {
            assumeTrue(false, "no sleep command to stand for the other program");
            return;
        }
        try {
            Path leftover = Files.createDirectories(dir.resolve(".results.partial-" + other.pid() + "-0"));
            Files.writeString(leftover.resolve("summary.json"), "{}");

            assertEquals(0, command("run", dir.resolve("results")), err.toString());

            assertTrue(other.isAlive());
            assertFalse(Files.exists(leftover), "the killed command's folder, under a pid alive again");
            assertEquals(List.of("results"), listing(dir));
        } finally {
            other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFolderSetAsideByAKilledReplacementIsPutBack() throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command("run", results));
        Map<String, String> before = tree(dir);
        // killed between moving the old folder aside and moving the new one into place
        Path aside = dir.resolve(".results.old-" + Integer.MAX_VALUE + "-0");
        Files.move(results, aside);

        assertEquals(0, command("run", dir.resolve("elsewhere")), err.toString());

        assertFalse(Files.exists(aside));
        Map<String, String> after = tree(dir);
        after.keySet().removeIf(k -> k.startsWith("elsewhere"));
        assertEquals(before, after, "the earlier results are back under their name, byte for byte");
    }

    /**
     * A run set aside by a killed replacement comes back under its name when the next command claims that name,
     * and is then what --overwrite would replace: a sweep may not, any more than it may replace a run that never
     * left. The command is refused before it runs, and the run is back byte for byte.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sweep", "compare", "sensitivity"})
    void aFolderPutBackUnderTheTargetIsJudgedAsAnyEarlierFolderThere(String name) throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command("run", results));
        Map<String, String> before = tree(dir);
        Files.move(results, dir.resolve(".results.old-" + Integer.MAX_VALUE + "-0"));

        assertEquals(2, command(name, results, "--overwrite"), err.toString());

        assertTrue(err.toString().contains(results.toAbsolutePath() + " holds an earlier run"), err.toString());
        assertEquals(before, tree(dir), "the earlier run is back under its name, and nothing else is there");
    }

    @Test
    void aSecondRunIntoTheSameFolderWhileTheFirstIsWritingExitsTwo() throws Exception {
        Path results = dir.resolve("results");
        Path lock = dir.resolve(".results.lock");
        // The first run is another process, long enough (the 2010 episode and its counterfactual) to be
        // still running when the second starts.
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "scenarios/rare-earth-2010.json", "--ticks", "260", "--out", results.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // Its folder being written, made only once it holds the lock: a pid in the lock file is not enough,
            // the file being made with the pid in it a moment before its maker locks it.
            Path partial = dir.resolve(".results.partial-" + first.pid() + "-0");
            while (!Files.isDirectory(partial) && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assumeTrue(Files.isDirectory(partial) && first.isAlive(), "the first run had not started in time");

            int second = chokepoint("run", SCENARIO, "--ticks", TICKS, "--out", results.toString(), "--overwrite");

            assertEquals(2, second, err.toString());
            assertTrue(err.toString().contains(results.toAbsolutePath() + " is being written by another chokepoint"
                    + " process (pid " + first.pid() + ")"), err.toString());
            assertTrue(first.waitFor(120, TimeUnit.SECONDS), "the first run finishes");
            assertEquals(0, first.exitValue(), Files.readString(dir.resolve("first.log")));
        } finally {
            first.destroyForcibly();
        }
        assertTrue(Files.readString(results.resolve("manifest.json")).contains("rare-earth-2010.json"),
                "the folder holds the first run's results");
        assertFalse(Files.exists(lock), "the lock is gone with its holder");
    }

    /**
     * An ensemble of two runs killed after run 0: runs/ holds run-000000.bin and run 1's temporary. Moved elsewhere
     * and linked back as runs, the folder is refused by --resume as by --overwrite and by the command alone, with one
     * message, exit 2, and nothing written or removed on either side of the link. Before, --overwrite refused it
     * (calling the link a file chokepoint did not write) while --resume followed it: it removed run 1's temporary
     * from the folder the link points to, wrote run 1's record there, and exited 0.
     */
    @Test
    void anEnsembleWhoseRunsFolderIsALinkIsRefusedByResumeAsByOverwrite() throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command("ensemble", results), err.toString());
        Path runs = results.resolve("runs");
        Files.move(runs.resolve("run-000001.bin"), runs.resolve("run-000001.bin.tmp"));
        Path elsewhere = Files.move(runs, Files.createDirectory(dir.resolve("elsewhere")).resolve("runs"));
        Files.createSymbolicLink(runs, elsewhere);
        Map<String, String> before = tree(dir);

        for (String[] option : new String[][] {{"--resume"}, {"--overwrite"}, {}}) {
            err.getBuffer().setLength(0);

            assertEquals(2, command("ensemble", results, option), List.of(option) + ": " + err);

            assertEquals("ensemble: " + results.toAbsolutePath() + " holds an earlier ensemble whose runs is a symbolic"
                    + " link, which chokepoint does not follow, so as to read and write nothing outside the folder: move"
                    + " the link away, or put what it points to in its place; or choose another --out\n", err.toString());
            assertEquals(before, tree(dir), List.of(option) + ": nothing written, nothing removed");
        }

        // doing what the message says lets --resume finish the ensemble: run 1 again, run 0 kept
        Files.delete(runs);
        Files.move(elsewhere, runs);
        out.getBuffer().setLength(0);
        assertEquals(0, command("ensemble", results, "--resume"), err.toString());
        assertTrue(out.toString().startsWith("wrote " + results + " (2 runs, 1 resumed, 1 run now, "), out.toString());
    }

    /**
     * An ensemble's folder whose ensemble.json was deleted by hand holds only names chokepoint writes, but nothing
     * says chokepoint wrote them: it is still left alone, by --resume as by --overwrite, and the refusal says why.
     * It said the folder held "files chokepoint did not write (bands.csv, report.html, runs.csv, ...)", and sent its
     * owner looking for a stray file of theirs among the ensemble's own.
     */
    @Test
    void aFolderOfChokepointsNamesWithoutItsDescriptorIsLeftAloneAndSaysWhy() throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command("ensemble", results), err.toString());
        Files.delete(results.resolve("ensemble.json"));
        Map<String, String> before = tree(dir);

        for (String[] option : new String[][] {{"--resume"}, {"--overwrite"}, {}}) {
            err.getBuffer().setLength(0);

            assertEquals(2, command("ensemble", results, option), List.of(option) + ": " + err);

            assertTrue(err.toString().contains(results.toAbsolutePath() + " holds only names chokepoint gives its"
                    + " results (bands.csv, report.html, runs.csv, ...), but none of the files that say"
                    + " which results they are (manifest.json, ensemble.json,"), List.of(option) + ": " + err);
            assertFalse(err.toString().contains("did not write"), err.toString());
            assertEquals(before, tree(dir), List.of(option) + ": nothing written, nothing removed");
        }
    }

    /**
     * The other names --resume reads or writes in an ensemble's folder, each a link to a file of the user's outside
     * it: a run record it reads (runs/run-000000.bin), a killed run's temporary it writes run 1's record into
     * (runs/run-000001.bin.tmp), a table it renames its new one over (runs.csv) and a table's temporary it writes
     * through (.stats.json.tmp); and a Parquet table (runs.parquet, which the cluster's --resume replaces), and a
     * link among a killed Spark job's scratch folders in one. Each is refused by --resume, naming it, and the user's
     * file stays as it was. Before, --resume wrote run 1's record into the file runs/run-000001.bin.tmp pointed to and
     * stats.json into the one .stats.json.tmp pointed to, and left the links under the names runs/run-000001.bin and
     * stats.json. A link of the user's at a name --resume does not touch (notes) stays allowed, as a file there is.
     */
    @Test
    void resumeFollowsNoLinkAtANameItReadsOrWrites() throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command("ensemble", results), err.toString());
        Path users = Files.writeString(dir.resolve("thesis.tex"), "my thesis\n");
        Path usersFolder = Files.createDirectory(dir.resolve("tables"));
        Files.delete(results.resolve("runs").resolve("run-000001.bin"));
        Files.createSymbolicLink(results.resolve("notes"), users);
        Path scratch = Files.createDirectories(results.resolve("bands.parquet").resolve("_temporary").resolve("0"));
        for (String name : List.of("runs/run-000000.bin", "runs/run-000001.bin.tmp", "runs.csv", ".stats.json.tmp",
                "runs.parquet", "bands.parquet/_temporary/0/task_202612061200_0001_m_000000")) {
            Path link = results.resolve(name);
            Path kept = Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS) || !Files.exists(link, LinkOption.NOFOLLOW_LINKS)
                    ? null : Files.move(link, dir.resolve("kept-" + link.getFileName()));
            Files.createSymbolicLink(link, name.endsWith(".parquet") || name.contains("_temporary") ? usersFolder : users);
            Map<String, String> before = tree(dir);
            err.getBuffer().setLength(0);

            assertEquals(2, command("ensemble", results, "--resume"), name + ": " + err);

            assertTrue(err.toString().contains(results.toAbsolutePath() + " holds an earlier ensemble whose " + name
                    + " is a symbolic link, which chokepoint does not follow"), err.toString());
            assertEquals(before, tree(dir), name + ": nothing written, nothing removed");
            assertEquals("my thesis\n", Files.readString(users));
            Files.delete(link);
            if (kept != null) {
                Files.move(kept, link);
            }
        }
        Files.delete(scratch);
        Files.delete(scratch.getParent());
        Files.delete(scratch.getParent().getParent());

        assertEquals(0, command("ensemble", results, "--resume"), "a link at a name of the user's: " + err);
        assertEquals("my thesis\n", Files.readString(users));
        assertTrue(Files.isSymbolicLink(results.resolve("notes")));
    }

    /**
     * An ensemble of two runs killed after its runs but before its tables (its run records on disk; no runs.csv,
     * stats.json, bands.csv or report.html), in whose folder the user then saved a runs.csv of their own. chokepoint
     * writes its three tables together, so a runs.csv without the other two is not its own: --resume and --overwrite
     * refuse the folder, naming the file, with exit 2, and nothing is written or removed. Before, --resume wrote the
     * ensemble's table over the user's and --overwrite removed it with the ensemble's files. A report.html where there
     * are no tables is refused the same way. Tables whose companions still stand under their temporary names (a
     * command killed while renaming them into place) are chokepoint's: --resume finishes the ensemble there.
     */
    @Test
    void resumeAndOverwriteKeepATableTheUserSavedInAKilledEnsemble() throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command("ensemble", results), err.toString());
        for (String table : List.of("runs.csv", "stats.json", "bands.csv", "counterfactual-bands.csv", "report.html")) {
            Files.deleteIfExists(results.resolve(table));
        }

        for (String saved : List.of("runs.csv", "report.html")) {
            Path users = Files.writeString(results.resolve(saved), "my own table\n");
            Map<String, String> before = tree(dir);
            for (String option : new String[] {"--resume", "--overwrite"}) {
                err.getBuffer().setLength(0);

                assertEquals(2, command("ensemble", results, option), option + ": " + err);

                assertEquals("ensemble: " + results.toAbsolutePath() + " holds an earlier ensemble and " + saved
                        + ", which chokepoint did not write: it writes an ensemble's runs.csv, stats.json and bands.csv"
                        + " together, and counterfactual-bands.csv and report.html only with them, so this was put"
                        + " there since, and --resume or --overwrite would replace it: move it away, or choose another"
                        + " --out\n", err.toString());
                assertEquals(before, tree(dir), saved + " " + option + ": nothing written, nothing removed");
            }
            Files.delete(users);
        }

        // killed between renaming runs.csv into place and the other two: the three are the ensemble's own
        assertEquals(0, command("ensemble", results, "--resume"), err.toString());
        Files.delete(results.resolve("report.html"));
        Files.move(results.resolve("stats.json"), results.resolve(".stats.json.tmp"));
        Files.move(results.resolve("bands.csv"), results.resolve(".bands.csv.tmp"));
        out.getBuffer().setLength(0);

        assertEquals(0, command("ensemble", results, "--resume"), err.toString());

        assertTrue(out.toString().startsWith("wrote " + results + " (2 runs, 2 resumed, 0 run now, "), out.toString());
        for (String table : List.of("runs.csv", "stats.json", "bands.csv", "report.html")) {
            assertTrue(Files.isRegularFile(results.resolve(table)), table);
        }
        assertFalse(Files.exists(results.resolve(".stats.json.tmp")), "no temporary left");
    }

    /**
     * A Parquet table of an ensemble run on a cluster (runs.parquet, Spark's part and marker files) with a note of the
     * user's put in it: --resume, which on the cluster writes the table again whole, deleting its folder first, refuses
     * the folder, naming the table, and the note stays. Before, --resume let it through, and the cluster's rewrite of the
     * table took the note with it. Spark's own files alone there are no obstacle.
     */
    @Test
    void resumeRefusesATableHoldingAFileOfTheUsers() throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, command("ensemble", results), err.toString());
        Files.delete(results.resolve("runs").resolve("run-000001.bin"));
        Path table = Files.createDirectory(results.resolve("runs.parquet"));
        Files.writeString(table.resolve("part-00000-8b8faf21-0860-4840-9eef-8c055ac387e1-c000.snappy.parquet"), "PAR1");
        Files.writeString(table.resolve("_SUCCESS"), "");
        Path note = Files.writeString(table.resolve("notes.txt"), "which seeds I checked\n");
        Map<String, String> before = tree(dir);

        assertEquals(2, command("ensemble", results, "--resume"), err.toString());

        assertEquals("ensemble: " + results.toAbsolutePath() + " holds an earlier ensemble whose table runs.parquet/ holds"
                + " files chokepoint did not write, which an ensemble resumed on Spark deletes with the table it writes again:"
                + " move them away, or choose another --out\n", err.toString());
        assertEquals(before, tree(dir), "nothing written, nothing removed");

        Files.delete(note);
        out.getBuffer().setLength(0);
        assertEquals(0, command("ensemble", results, "--resume"), err.toString());
        assertTrue(out.toString().startsWith("wrote " + results + " (2 runs, 1 resumed, 1 run now, "), out.toString());
    }

    /**
     * --overwrite replaces an earlier folder of what the command writes: a run given an ensemble's folder by
     * mistake leaves it alone, with or without --overwrite, and says what is there.
     */
    @Test
    void overwriteReplacesOnlyAFolderOfTheSameKind() throws Exception {
        Path ensemble = dir.resolve("ens");
        assertEquals(0, command("ensemble", ensemble), err.toString());
        Map<String, String> before = tree(dir);

        for (String[] more : new String[][] {{"--overwrite"}, {}}) {
            err.getBuffer().setLength(0);

            assertEquals(2, command("run", ensemble, more), err.toString());

            assertEquals("run: " + ensemble.toAbsolutePath() + " holds an earlier ensemble (ensemble.json), and this"
                    + " command writes a run: --overwrite replaces only an earlier run; choose another --out, or move"
                    + " the ensemble away\n", err.toString());
            assertEquals(before, tree(dir), "the ensemble is there as it was");
        }
        err.getBuffer().setLength(0);
        assertEquals(0, command("ensemble", ensemble, "--overwrite"), "the same kind is replaced: " + err);
    }

    /**
     * An ensemble killed as it began: its folder made, its ensemble.json written under .ensemble.json.tmp and not yet
     * renamed, no runs/ yet. The temporary holds the whole file, its first 20 bytes ({@code {\n  "format" : "chok}),
     * or nothing (killed between making it and writing into it). The same command again is refused and says what to
     * add; with --resume (no run to resume: 0 resumed, 2 run now) or --overwrite it runs the ensemble, whose tables
     * are byte for byte those of an ensemble never interrupted. Before, all three took the temporary for a file of the
     * user's ("holds files chokepoint did not write (.ensemble.json.tmp)"), and only removing it by hand let the
     * folder be written.
     */
    @Test
    void anEnsembleKilledAsItWroteItsEnsembleJsonIsStartedAgainByResumeOrOverwrite() throws Exception {
        Path whole = dir.resolve("whole");
        assertEquals(0, command("ensemble", whole), err.toString());
        byte[] params = Files.readAllBytes(whole.resolve("ensemble.json"));
        Map<String, byte[]> killedAs = Map.of("whole", params, "first-20-bytes", Arrays.copyOf(params, 20),
                "empty", new byte[0]);
        for (Map.Entry<String, byte[]> k : new TreeMap<>(killedAs).entrySet()) {
            for (String option : new String[] {"--resume", "--overwrite"}) {
                Path killed = Files.createDirectories(dir.resolve("killed-" + k.getKey() + option));
                Files.write(killed.resolve(".ensemble.json.tmp"), k.getValue());
                Map<String, String> before = tree(dir);
                err.getBuffer().setLength(0);

                assertEquals(2, command("ensemble", killed), err.toString());
                assertEquals("ensemble: " + killed.toAbsolutePath() + " holds the start of an ensemble (only"
                        + " .ensemble.json.tmp, left by a command killed before it wrote ensemble.json): add --resume"
                        + " or --overwrite to start it again, or choose another --out\n", err.toString());
                assertEquals(before, tree(dir), "refused: nothing written, nothing removed");

                out.getBuffer().setLength(0);
                assertEquals(0, command("ensemble", killed, option), k.getKey() + " " + option + ": " + err);

                assertTrue(out.toString().startsWith("wrote " + killed + " (2 runs, 0 resumed, 2 run now, "), out.toString());
                assertEquals(listing(whole), listing(killed), k.getKey() + " " + option);
                for (String table : List.of("ensemble.json", "runs.csv", "stats.json", "bands.csv", "report.html")) {
                    assertEquals(Files.readString(whole.resolve(table)), Files.readString(killed.resolve(table)),
                            table + " after " + k.getKey() + " " + option);
                }
            }
        }
    }

    /**
     * Only the temporary as chokepoint writes it, alone in the folder, is taken for an ensemble killed as it began. A
     * file of that name holding anything else (a user's compact JSON, their notes), or beside a file of the user's, is
     * the user's: every command refuses the folder, and it stays byte for byte. A run is not an ensemble, so a run's
     * --overwrite refuses even the ensemble's own temporary, naming both kinds.
     */
    @Test
    void aFileOfTheUsersAtTheTemporarysNameIsNotTakenForAKilledEnsemble() throws Exception {
        Path whole = dir.resolve("whole");
        assertEquals(0, command("ensemble", whole), err.toString());
        String params = Files.readString(whole.resolve("ensemble.json"));
        Map<String, Map<String, String>> folders = new TreeMap<>(Map.of(
                "compact", Map.of(".ensemble.json.tmp", "{\"format\": \"chokepoint-ensemble/2\"}\n"),
                "notes", Map.of(".ensemble.json.tmp", "my notes\n"),
                "another-format", Map.of(".ensemble.json.tmp", params.replace("ensemble/2", "ensemble/9")),
                "beside-a-note", Map.of(".ensemble.json.tmp", params, "notes.txt", "mine\n")));
        for (Map.Entry<String, Map<String, String>> f : folders.entrySet()) {
            Path users = Files.createDirectories(dir.resolve(f.getKey()));
            for (Map.Entry<String, String> file : f.getValue().entrySet()) {
                Files.writeString(users.resolve(file.getKey()), file.getValue());
            }
            Map<String, String> before = tree(dir);
            for (String[] option : new String[][] {{}, {"--resume"}, {"--overwrite"}}) {
                err.getBuffer().setLength(0);

                assertEquals(2, command("ensemble", users, option), f.getKey() + " " + List.of(option) + ": " + err);

                assertTrue(err.toString().contains(users.toAbsolutePath() + " holds files chokepoint did not write ("),
                        err.toString());
                assertEquals(before, tree(dir), f.getKey() + " " + List.of(option));
            }
        }

        Path killed = Files.createDirectories(dir.resolve("killed"));
        Files.writeString(killed.resolve(".ensemble.json.tmp"), params);
        Map<String, String> before = tree(dir);
        err.getBuffer().setLength(0);
        assertEquals(2, command("run", killed, "--overwrite"), err.toString());
        assertEquals("run: " + killed.toAbsolutePath() + " holds the start of an ensemble (only .ensemble.json.tmp,"
                + " left by a command killed before it wrote ensemble.json), and this command writes a run: --overwrite"
                + " replaces only an earlier run; choose another --out, or move the ensemble away\n", err.toString());
        assertEquals(before, tree(dir));
    }

    /**
     * A sweep and a sensitivity analysis are written in a hidden folder beside their own and renamed into place whole,
     * so neither ever leaves its descriptor's temporary alone in its folder: a folder holding only a file of the
     * user's at that name, empty or holding what the command writes there first, is the user's. Before, it was taken
     * for "the start of a sweep (only .sweep.json.tmp, left by a command killed before it wrote sweep.json)", and
     * sweep --overwrite deleted the file.
     */
    @ParameterizedTest
    @CsvSource({"sweep, .sweep.json.tmp, chokepoint-sweep/1", "sensitivity, .morris.json.tmp, chokepoint-sensitivity/1"})
    void aLoneTemporaryOfAKindWrittenWholeIsTheUsers(String name, String temporary, String format) throws Exception {
        for (String held : List.of("", "{\n  \"format\" : \"" + format + "\"")) {
            Path users = Files.createDirectories(dir.resolve(name + "-" + held.length()));
            Files.writeString(users.resolve(temporary), held);
            Map<String, String> before = tree(dir);
            err.getBuffer().setLength(0);

            assertEquals(2, command(name, users, "--overwrite"), err.toString());

            assertTrue(err.toString().contains(users.toAbsolutePath() + " holds files chokepoint did not write ("
                    + temporary + ")"), err.toString());
            assertEquals(before, tree(dir), name + " --overwrite onto " + temporary + " holding '" + held + "'");
        }
    }

    @Test
    void resumeAndOverwriteContradictEachOther() throws Exception {
        assertEquals(2, command("ensemble", dir.resolve("ens"), "--resume", "--overwrite"));
        assertTrue(err.toString().contains("--overwrite and --resume contradict each other"), err.toString());
        assertFalse(Files.exists(dir.resolve("ens")));
    }

    /** A run into {@code target} is refused (exit 2) with a message saying {@code says}; nothing written or removed. */
    private void assertRunRefused(Path target, String says) throws IOException {
        Map<String, String> before = tree(dir);
        assertEquals(2, command("run", target), err.toString());
        assertTrue(err.toString().contains(says), err.toString());
        assertEquals(before, tree(dir), "nothing written, nothing removed");
    }

    /** Every file under {@code root} by relative path, with its content; folders end in '/'. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    m.put(rel + "/", "");
                } else {
                    m.put(rel, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return m;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
