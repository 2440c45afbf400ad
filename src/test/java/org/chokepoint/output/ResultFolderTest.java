package org.chokepoint.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An earlier ensemble's folder emptied in place by {@code ensemble --overwrite}, and the command killed on the way. */
class ResultFolderTest {
    @TempDir
    Path dir;

    /** A process killed at the moment it would have removed one more entry. */
    private static final class KilledAfter implements ResultFolder.Removal {
        private final int removals;
        final List<String> removed = new ArrayList<>();

        KilledAfter(int removals) {
            this.removals = removals;
        }

        @Override
        public void remove(Path entry) throws IOException {
            if (removed.size() == removals) {
                throw new IOException("killed");
            }
            ResultFolder.deleteTree(entry);
            removed.add(entry.getFileName().toString());
        }
    }

    /**
     * An ensemble's folder of 7 entries (its ensemble.json, the four tables, its report and runs/ with three run
     * records) is emptied by a command killed after 0, 1, ..., 6 of them are gone: every time, what is left holds
     * the ensemble.json and no table without its companions, so the folder is still taken for an ensemble of
     * chokepoint's, and the next {@code --overwrite} empties it. With the ensemble.json gone before runs/, the three records were left in a
     * folder every command refused as holding files chokepoint did not write.
     */
    @Test
    void anEnsembleKilledWhileItsFolderIsEmptiedLeavesAFolderTheNextOverwriteEmpties() throws Exception {
        for (int killedAfter = 0; killedAfter < 7; killedAfter++) {
            Path folder = anEnsemble("ens-" + killedAfter);
            KilledAfter killed = new KilledAfter(killedAfter);

            assertThrows(IOException.class, () -> ResultFolder.emptyOwnFolder(folder, ResultKind.ENSEMBLE, killed));

            assertEquals(killedAfter, killed.removed.size());
            assertTrue(Files.isRegularFile(folder.resolve("ensemble.json")),
                    "killed after removing " + killed.removed + ", the descriptor is still there");
            assertEquals(ResultKind.ENSEMBLE, ResultKind.of(folder));
            try (ResultFolder again = ResultFolder.inPlace(folder, ResultKind.ENSEMBLE, true, false)) {
                assertEquals(List.of(), names(again.dir()), "--overwrite empties what is left");
            }
        }
    }

    /** Uninterrupted, the folder is emptied and kept, its descriptor removed last. */
    @Test
    void theDescriptorIsRemovedLast() throws Exception {
        Path folder = anEnsemble("ens");
        KilledAfter never = new KilledAfter(Integer.MAX_VALUE);

        ResultFolder.emptyOwnFolder(folder, ResultKind.ENSEMBLE, never);

        assertEquals(7, never.removed.size());
        assertEquals("ensemble.json", never.removed.get(6));
        assertEquals(List.of(), names(folder));
    }

    /**
     * However the file system lists the folder (ext4 by a hash of the names, tmpfs and APFS otherwise, where an
     * ensemble.json can come before runs/), the descriptor goes last and the rest keep their order.
     */
    @Test
    void theDescriptorGoesLastWhereverTheFileSystemListsIt() {
        Path f = dir.resolve("ens");
        List<Path> listed = List.of(f.resolve("ensemble.json"), f.resolve("runs"), f.resolve("runs.csv"),
                f.resolve("report.html"));

        assertEquals(List.of(f.resolve("runs"), f.resolve("runs.csv"), f.resolve("report.html"),
                f.resolve("ensemble.json")), ResultFolder.removalOrder(listed, ResultKind.ENSEMBLE));
        assertEquals(listed.subList(1, 4), ResultFolder.removalOrder(listed.subList(1, 4), ResultKind.ENSEMBLE),
                "a folder without its descriptor is removed as listed");
    }

    /**
     * A cluster's task killed while writing run 1's record leaves runs/run-000001.bin.12.tmp (12 being its attempt),
     * which --resume removes as chokepoint's: --overwrite replaces the folder as well, where it refused it as holding
     * files chokepoint did not write (runs/). A name of the user's beside it still keeps the folder.
     */
    @Test
    void aKilledTasksRecordTemporaryIsChokepointsOwnToOverwrite() throws Exception {
        Path folder = anEnsemble("ens");
        Files.writeString(folder.resolve("runs").resolve("run-000001.bin.12.tmp"), "half a task's record");

        try (ResultFolder again = ResultFolder.inPlace(folder, ResultKind.ENSEMBLE, true, false)) {
            assertEquals(List.of(), names(again.dir()));
        }

        for (String users : List.of("run-000001.bin.x.tmp", "run-000001.bin.12.tmp.bak", "draft.tmp")) {
            Path kept = anEnsemble("kept-" + users);
            Files.writeString(kept.resolve("runs").resolve(users), "mine");

            TargetException e = assertThrows(TargetException.class,
                    () -> ResultFolder.inPlace(kept, ResultKind.ENSEMBLE, true, false));

            assertTrue(e.getMessage().contains("files chokepoint did not write (runs/)"), e.getMessage());
            assertEquals("mine", Files.readString(kept.resolve("runs").resolve(users)));
        }
    }

    /**
     * An ensemble run on a cluster writes its Parquet tables into its folder as Spark names their files: one part
     * and its checksum, the job's _SUCCESS marker and its own (and, from a job killed while writing, the committer's
     * _temporary/ folder of attempts). Such tables are chokepoint's to replace; a note of the user's put beside the
     * part keeps the folder, and is never deleted. Read as anything at all, the tables were deleted with the note.
     */
    @Test
    void aParquetTableIsChokepointsOwnToOverwriteOnlyWhenItHoldsWhatSparkWrites() throws Exception {
        String part = "part-00000-8b8faf21-0860-4840-9eef-8c055ac387e1-c000.snappy.parquet";
        Path folder = anEnsemble("ens");
        for (String table : List.of("runs.parquet", "bands.parquet")) {
            Path t = Files.createDirectory(folder.resolve(table));
            for (String file : List.of(part, "." + part + ".crc", "_SUCCESS", "._SUCCESS.crc")) {
                Files.writeString(t.resolve(file), file);
            }
        }
        Path attempt = Files.createDirectories(folder.resolve("runs.parquet").resolve("_temporary").resolve("0")
                .resolve("_temporary").resolve("attempt_202612061200_0001_m_000000_0"));
        Files.writeString(attempt.resolve(part), "a killed job's part");

        try (ResultFolder again = ResultFolder.inPlace(folder, ResultKind.ENSEMBLE, true, false)) {
            assertEquals(List.of(), names(again.dir()));
        }

        for (String users : List.of("notes.txt", "part-00000.parquet", "_SUCCESS.bak")) {
            Path kept = anEnsemble("kept-" + users);
            Path t = Files.createDirectory(kept.resolve("runs.parquet"));
            Files.writeString(t.resolve(part), part);
            Files.writeString(t.resolve(users), "mine");

            TargetException e = assertThrows(TargetException.class,
                    () -> ResultFolder.inPlace(kept, ResultKind.ENSEMBLE, true, false));

            assertTrue(e.getMessage().contains("files chokepoint did not write (runs.parquet/)"), e.getMessage());
            assertEquals("mine", Files.readString(t.resolve(users)));
        }
    }

    /**
     * The committer's scratch folder holds what Hadoop's committer names: its job attempt ({@code 0}), its pending
     * attempts ({@code _temporary}), each task's attempt ({@code attempt_…_m_000000_0}) and committed task
     * ({@code task_…_m_000000}), and in them parts with their checksums. A note of the user's anywhere in it, or a
     * folder of theirs, keeps the table, and the ensemble's folder, theirs. Taken for Spark's whatever it held, a
     * note put in {@code runs.parquet/_temporary/0/} was deleted by {@code ensemble --overwrite}.
     */
    @Test
    void aKilledJobsScratchFolderIsChokepointsOnlyWhenItHoldsWhatTheCommitterWrites() throws Exception {
        String part = "part-00000-8b8faf21-0860-4840-9eef-8c055ac387e1-c000.snappy.parquet";
        Path folder = anEnsemble("ens");
        Path job = Files.createDirectories(folder.resolve("runs.parquet").resolve("_temporary").resolve("0"));
        Path task = Files.createDirectory(job.resolve("task_202612061200_0001_m_000000"));
        Files.writeString(task.resolve(part), "a committed task's part");
        Files.writeString(task.resolve("." + part + ".crc"), "its checksum");
        Path attempt = Files.createDirectories(job.resolve("_temporary").resolve("attempt_202612061200_0001_m_000001_3"));
        Files.writeString(attempt.resolve(part), "a killed task's part");

        try (ResultFolder again = ResultFolder.inPlace(folder, ResultKind.ENSEMBLE, true, false)) {
            assertEquals(List.of(), names(again.dir()));
        }

        for (String users : List.of("notes.txt", "attempt-notes/notes.txt", "_temporary/notes.txt")) {
            Path kept = anEnsemble("kept-" + users.replace('/', '-'));
            Path scratch = Files.createDirectories(kept.resolve("runs.parquet").resolve("_temporary").resolve("0"));
            Path note = scratch.resolve(users);
            Files.createDirectories(note.getParent());
            Files.writeString(note, "mine");

            TargetException e = assertThrows(TargetException.class,
                    () -> ResultFolder.inPlace(kept, ResultKind.ENSEMBLE, true, false));

            assertTrue(e.getMessage().contains("files chokepoint did not write (runs.parquet/)"), e.getMessage());
            assertEquals("mine", Files.readString(note));
        }
    }

    /** The files of a finished ensemble of three runs. */
    private Path anEnsemble(String name) throws IOException {
        Path folder = Files.createDirectory(dir.resolve(name));
        for (String table : List.of("runs.csv", "stats.json", "bands.csv", "counterfactual-bands.csv", "report.html")) {
            Files.writeString(folder.resolve(table), table);
        }
        Path runs = Files.createDirectory(folder.resolve("runs"));
        for (int i = 0; i < 3; i++) {
            Files.write(runs.resolve(String.format("run-%06d.bin", i)), new byte[] {1, 2, 3});
        }
        Files.writeString(folder.resolve("ensemble.json"), "{\"format\": \"chokepoint-ensemble/2\"}");
        return folder;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
