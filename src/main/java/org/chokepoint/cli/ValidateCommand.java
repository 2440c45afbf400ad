package org.chokepoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.experiment.ComparisonException;
import org.chokepoint.experiment.BandShare;
import org.chokepoint.experiment.Count;
import org.chokepoint.experiment.Ensemble;
import org.chokepoint.experiment.ExperimentException;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.ScenarioProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate FILE...}: checks scenario files without running them. Prints {@code OK file} for each
 * valid file on standard output and every problem, one per line as {@code file:line:column: pointer:
 * message}, on standard error. Exit code 0 when every file is valid, 2 otherwise.
 */
@Command(name = "validate",
        description = {"Check scenario files against the schema and the semantic rules, without running them.",
            "With --options, check an options file for compare against the one scenario given as compare would, "
                    + "every option's patched scenario included, without running it; with --grid, each level of the"
                    + " options the grids point into, as compare --grid would."},
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

    @Option(names = "--options", paramLabel = "OPTIONS.json",
            description = "an options file for compare, checked against the one scenario FILE")
    private Path optionsFile;

    @Option(names = "--grid", paramLabel = "POINTER=v1,v2,...",
            description = "with --options, check the options file for 'compare --grid' with these grids, each level"
                    + " of each option they point into; repeatable")
    private List<String> grids = new java.util.ArrayList<>();

    @Option(names = "--band", paramLabel = "COLUMN=LOW:HIGH",
            description = "check that COLUMN is a summary number the runs will have, as 'ensemble --band' does before"
                    + " its runs (with --options, as 'compare --band' does, over every option); repeatable")
    private List<String> bandSpecs = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (optionsFile == null && !grids.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--grid sweeps an option of an options file:"
                    + " give the file with --options");
        }
        if (optionsFile != null && files.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--options checks an options file against"
                    + " one scenario: give one FILE, got " + files.size());
        }
        List<BandShare> bands = ExperimentOptions.bands(spec.commandLine(), bandSpecs);
        boolean allValid = true;
        for (Path file : files) {
            try {
                LoadedScenario loaded = ScenarioLoader.load(file);
                out.println("OK " + file);
                if (optionsFile != null) {
                    allValid &= checkOptions(loaded, bands, out, err);
                } else {
                    allValid &= checkBands(loaded, bands, err);
                }
            } catch (ScenarioException e) {
                allValid = false;
                for (ScenarioProblem p : e.problems()) {
                    err.println(p);
                }
                if (optionsFile != null) {
                    // Its options are patches of this scenario: checked against it as it stands, every option would
                    // share its problems. Said, so that an exit of 2 with only the scenario's lines is not read as
                    // a verdict on the options file, a misspelt path to it included.
                    err.println(optionsFile + ": not checked: its scenario " + file + " has problems; mend them and"
                            + " validate again");
                }
            }
        }
        out.flush();
        err.flush();
        return allValid ? 0 : INVALID;
    }

    /**
     * An options file checked as {@code compare} checks it before it runs anything ({@link Comparison#prepare}):
     * a policymaker who wrote one learns of a misspelt member or a changed clock in a second, not after the runs.
     * Its warnings, an option that drops a shock of the scenario, are compare's own.
     */
    private boolean checkOptions(LoadedScenario loaded, List<BandShare> bands, PrintWriter out, PrintWriter err) {
        try {
            JsonNode options = ScenarioLoader.readJson(optionsFile, CompareCommand.OPTIONS_FILE_HOLDS);
            // An option meant for a grid may hold a placeholder where the grid sets its level: without the grids
            // compare runs with, such a file is refused here and accepted there.
            List<Comparison.Grid> parsed = new java.util.ArrayList<>();
            for (String g : grids) {
                parsed.add(Comparison.Grid.parse(g));
            }
            Comparison comparison = Comparison.prepare(loaded, options, optionsFile.toString(), 2, 1,
                    loaded.scenario().time().horizonTicks(), parsed);
            java.util.Set<String> notes = new java.util.LinkedHashSet<>();
            int count = 0;
            for (Comparison.Option o : comparison.options()) {
                if (!Comparison.NO_POLICY.equals(o.name())) {
                    count++;
                }
                String note = comparison.droppedShocksNote(o);
                if (note != null) {
                    notes.add(note);
                }
            }
            for (String note : notes) {
                err.println("warning: validate: " + note);
            }
            // As compare before its runs: each option run for a tick, whose numbers are those of its runs.
            comparison.bands(bands).checkBands();
            out.println("OK " + optionsFile + " (" + Count.of(count, "option") + " against " + loaded.source() + ")");
            return true;
        } catch (ScenarioException e) {
            for (ScenarioProblem p : e.problems()) {
                err.println(p);
            }
        } catch (ComparisonException e) {
            err.println(e.getMessage());
        } catch (ExperimentException e) {
            err.println(optionsFile + ": " + e.getMessage());
        }
        return false;
    }

    /**
     * The bands asked for, checked as {@code ensemble} checks them before its runs: a misspelt column is refused
     * in a second, as the ensemble would refuse it, rather than found out by a command that then runs it.
     */
    private static boolean checkBands(LoadedScenario loaded, List<BandShare> bands, PrintWriter err) {
        try {
            Ensemble.checkBands(loaded, bands);
            return true;
        } catch (ExperimentException e) {
            err.println(loaded.source() + ": " + e.getMessage());
            return false;
        }
    }
}
