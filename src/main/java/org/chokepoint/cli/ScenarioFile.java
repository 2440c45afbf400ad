package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import picocli.CommandLine.Parameters;

/** The scenario file every command that runs or solves a scenario takes as its first parameter. */
public final class ScenarioFile {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (JSON)")
    Path path;

    /** The scenario, read and checked for a run of {@code ticks} ({@code -1}: its horizon). */
    LoadedScenario load(int ticks) throws ScenarioException {
        return ScenarioCommands.load(path, ticks);
    }

    /** A run or the writing failed: says so, naming the command and this file, with exit code 1. */
    int failed(PrintWriter err, String command, Exception e) {
        return ScenarioCommands.failed(err, command, path, e);
    }
}
