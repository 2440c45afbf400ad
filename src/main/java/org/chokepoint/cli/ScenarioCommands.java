package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;

/**
 * What the commands that run a scenario share: how they load it, and the one line on standard error that says
 * why they stopped, with its exit code. A scenario's own problems are printed as {@code validate} prints them
 * ({@link ValidateCommand#refuse}).
 */
public final class ScenarioCommands {

    private ScenarioCommands() {
    }

    /**
     * The scenario, read and checked, and checked again for a run of {@code ticks} (-1: its horizon), since a
     * longer run than the scenario's own may outgrow what it holds.
     */
    public static LoadedScenario load(Path scenario, int ticks) throws ScenarioException {
        LoadedScenario loaded = ScenarioLoader.load(scenario);
        ScenarioLoader.checkRunLength(loaded, ticks);
        return loaded;
    }

    /**
     * A run or the writing failed: {@code <command>: <scenario>: <message>}, and exit code
     * {@value RunCommand#FAILED}.
     */
    public static int failed(PrintWriter err, String command, Path scenario, Exception e) {
        err.println(command + ": " + scenario + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        err.flush();
        return RunCommand.FAILED;
    }

    /**
     * Refused with nothing written (the results folder may not be written, the options do not fit the scenario):
     * {@code <command>: <message>}, and exit code {@value ValidateCommand#INVALID}.
     */
    public static int refused(PrintWriter err, String command, Exception e) {
        err.println(command + ": " + e.getMessage());
        err.flush();
        return ValidateCommand.INVALID;
    }
}
