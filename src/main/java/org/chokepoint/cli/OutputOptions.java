package org.chokepoint.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.chokepoint.output.ResultFolder;
import org.chokepoint.output.TargetException;
import picocli.CommandLine.Option;

/** {@code --overwrite}, which every command that writes a results folder takes, and the default results folder. */
public final class OutputOptions {

    @Option(names = "--overwrite",
            description = "replace an earlier results folder of chokepoint's at --out; without it such a folder is "
                    + "left alone (exit code 2). A folder holding anything chokepoint did not write is never replaced.")
    boolean overwrite;

    /** {@code results/<name><suffix>}, the default --out ({@link ResultFolder#defaultTarget}). */
    public static Path defaultTarget(String name, String suffix) throws TargetException {
        Path target;
        try {
            target = ResultFolder.defaultTarget(name, suffix);
        } catch (InvalidPathException e) {
            throw new TargetException("meta.name '" + name + "' makes no folder name on this system ("
                    + e.getReason() + "): give --out");
        }
        String misread = CommandPaths.misreadWorkingFolder();
        if (misread != null) {
            throw new TargetException("the results folder " + target + " is relative to the working folder, "
                    + misread);
        }
        return target;
    }
}
