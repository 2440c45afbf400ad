package org.chokepoint.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a folder left by a command killed as it began to write it is taken for. */
class ResultKindTest {
    @TempDir
    Path dir;

    /** An ensemble.json as ensemble writes it, the first 38 bytes being its head {@code {\n  "format" : "chokepoint-ensemble/2"}. */
    private static final byte[] ENSEMBLE_JSON = ("{\n  \"format\" : \"chokepoint-ensemble/2\",\n  \"scenario\" : \"s.json\",\n"
            + "  \"runs\" : 3\n}\n").getBytes(StandardCharsets.UTF_8);

    /**
     * Killed as it wrote .ensemble.json.tmp, a command leaves any first part of it: 0 bytes (made, not yet written),
     * 1 to 37 (part of the head), 38 (the head to the closing quote of the format) or more. Every one of them, alone
     * in its folder, is an ensemble begun.
     */
    @Test
    void everyFirstPartOfTheDescriptorIsAnEnsembleBegun() throws IOException {
        assertEquals(38, "{\n  \"format\" : \"chokepoint-ensemble/2\"".length());
        for (int n = 0; n <= ENSEMBLE_JSON.length; n++) {
            Path folder = Files.createDirectory(dir.resolve("killed-" + n));
            Files.write(folder.resolve(".ensemble.json.tmp"), Arrays.copyOf(ENSEMBLE_JSON, n));

            assertEquals(ResultKind.ENSEMBLE, ResultKind.begun(folder), n + " bytes");
        }
    }

    /**
     * A byte other than the program's anywhere in the head (here the last space of the indent, the 's' of
     * "ensemble", the closing quote of the format) makes the file the user's; so do another name, a second entry, a
     * link at the name and an empty folder.
     */
    @Test
    void anythingElseIsNoKindBegun() throws IOException {
        for (int at : new int[] {3, 29, 37}) {
            byte[] changed = ENSEMBLE_JSON.clone();
            changed[at] = 'x';
            Path folder = Files.createDirectory(dir.resolve("changed-" + at));
            Files.write(folder.resolve(".ensemble.json.tmp"), changed);

            assertNull(ResultKind.begun(folder), "byte " + at + " changed");
        }

        Path otherName = Files.createDirectory(dir.resolve("other-name"));
        Files.write(otherName.resolve(".ensemble.json.partial"), ENSEMBLE_JSON);
        assertNull(ResultKind.begun(otherName));

        Path twoEntries = Files.createDirectory(dir.resolve("two"));
        Files.write(twoEntries.resolve(".ensemble.json.tmp"), ENSEMBLE_JSON);
        Files.writeString(twoEntries.resolve("notes.txt"), "mine");
        assertNull(ResultKind.begun(twoEntries));

        Path linked = Files.createDirectory(dir.resolve("linked"));
        Path elsewhere = Files.write(dir.resolve("elsewhere.json"), ENSEMBLE_JSON);
        Files.createSymbolicLink(linked.resolve(".ensemble.json.tmp"), elsewhere);
        assertNull(ResultKind.begun(linked));

        assertNull(ResultKind.begun(Files.createDirectory(dir.resolve("empty"))));
    }

    /**
     * Only a kind written where its folder stands, an ensemble, is ever begun there: a sweep writes beside its folder
     * and renames it into place whole, so {@code .sweep.json.tmp} alone, even holding the sweep's own head, is no kind
     * begun; nor is the ensemble's head under the sweep's name.
     */
    @Test
    void onlyAKindWrittenInPlaceIsBegun() throws IOException {
        Path sweep = Files.createDirectory(dir.resolve("sweep"));
        Files.writeString(sweep.resolve(".sweep.json.tmp"), "{\n  \"format\" : \"chokepoint-sweep/1\",\n");
        assertNull(ResultKind.begun(sweep));

        Path crossed = Files.createDirectory(dir.resolve("crossed"));
        Files.write(crossed.resolve(".sweep.json.tmp"), ENSEMBLE_JSON);
        assertNull(ResultKind.begun(crossed));
    }
}
