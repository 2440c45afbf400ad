package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.ScenarioProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate FILE...}: checks scenario files without running them. Prints {@code OK file} for each
 * valid file on standard output and every problem, one per line as {@code file:line:column: pointer:
 * message}, on standard error. Exit code 0 when every file is valid, 2 otherwise.
 */
@Command(name = "validate",
        description = "Check scenario files against the schema and the semantic rules, without running them.",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid", "2:at least one file has problems"})
public final class ValidateCommand implements Callable<Integer> {

    /** Exit code when a scenario has problems. */
    public static final int INVALID = 2;

    /** Prints every problem of a scenario a command refuses, one line each, and gives the exit code for it. */
    public static int refuse(PrintWriter err, ScenarioException e) {
        for (ScenarioProblem p : e.problems()) {
            err.println(p);
        }
        err.flush();
        return INVALID;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (JSON).")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allValid = true;
        for (Path file : files) {
            try {
                ScenarioLoader.load(file);
                out.println("OK " + file);
            } catch (ScenarioException e) {
                allValid = false;
                for (ScenarioProblem p : e.problems()) {
                    err.println(p);
                }
            }
        }
        out.flush();
        err.flush();
        return allValid ? 0 : INVALID;
    }
}
