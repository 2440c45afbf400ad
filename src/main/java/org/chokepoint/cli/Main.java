package org.chokepoint.cli;

import org.chokepoint.report.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code chokepoint}: the command line. Each subcommand documents itself ({@code chokepoint help run}). */
@Command(name = "chokepoint",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Agent-based simulation of resource supply shocks and the policies that answer them.",
        subcommands = {RunCommand.class, ValidateCommand.class, EquilibriumCommand.class, EnsembleCommand.class, SweepCommand.class,
            SensitivityCommand.class, CompareCommand.class, BenchCompareCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, for tests and for embedding. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setParameterExceptionHandler(Main::invalidInput);
    }

    /**
     * A usage error: the message, then, for an option the command does not have (a typo such as {@code --run}
     * that leaves a required {@code --runs} missing), the options it may have meant, then the usage.
     */
    static int invalidInput(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        err.println(ex.getMessage());
        boolean suggested = CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        if (!suggested) {
            java.util.Set<String> known = cmd.getCommandSpec().optionsMap().keySet();
            for (String a : args) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (name.startsWith("-") && !known.contains(name) && !cmd.getSubcommands().containsKey(name)) {
                    CommandLine.UnmatchedArgumentException.printSuggestions(
                            new CommandLine.UnmatchedArgumentException(cmd, java.util.List.of(name)), err);
                }
            }
        }
        cmd.usage(err, cmd.getColorScheme());
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Without a subcommand: the usage, and a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.current();
            return new String[] {"chokepoint " + b.version() + " (commit " + b.gitCommit() + ")"};
        }
    }
}
