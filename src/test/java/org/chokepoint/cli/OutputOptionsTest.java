package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The default results folder is named from {@code meta.name}, and always lies directly inside {@code results}. */
class OutputOptionsTest {

    @Test
    void anOrdinaryNameIsTheFolderName() throws Exception {
        assertEquals(Path.of("results", "rare-earth-baseline-1"),
                OutputOptions.defaultTarget("rare-earth-baseline", "-1"));
    }

    @Test
    void aNameThatClimbsOutOfResultsStaysInIt() throws Exception {
        // "../../escaped" once wrote a run two folders above results/, beside the user's own files
        Path target = OutputOptions.defaultTarget("../../escaped", "-1");

        assertEquals(Path.of("results", "_._.._escaped-1"), target);
        assertEquals(Path.of("results"), target.normalize().getParent());
    }

    @Test
    void aNameThatBeginsWithADotIsNotAHiddenFolder() throws Exception {
        assertEquals(Path.of("results", "_profile-1"), OutputOptions.defaultTarget(".profile", "-1"));
        assertEquals(Path.of("results", "_-1"), OutputOptions.defaultTarget(".", "-1"));
        assertEquals(Path.of("results", "a.b-1"), OutputOptions.defaultTarget("a.b", "-1"));
    }

    @Test
    void aNameWithSeparatorsOrControlCharactersIsOneFolder() throws Exception {
        assertEquals(Path.of("results", "NdPr_Dy 2010-ensemble"), OutputOptions.defaultTarget("NdPr/Dy 2010", "-ensemble"));
        assertEquals(Path.of("results", "a_b_c-sweep"), OutputOptions.defaultTarget("a\\b\tc", "-sweep"));
    }
}
