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
     * A usage error: the message; for a command name the program does not have, the closest it has; for an
     * option the command does not have (a typo such as {@code --run} that leaves a required {@code --runs}
     * missing), the options it may have meant; then one line on where the usage is, not the usage itself,
     * which would push the message off the screen.
     */
    static int invalidInput(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        String unknownCommand = unknownCommand(ex);
        if (unknownCommand != null) {
            String closest = closestCommand(cmd, unknownCommand);
            err.println("'" + unknownCommand + "' is not a chokepoint command" + (closest == null
                    ? "; the commands are " + String.join(", ", cmd.getSubcommands().keySet())
                    : ": did you mean '" + cmd.getCommandName() + " " + closest + "'?"));
        } else {
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
        }
        if (args.length == 0) {
            cmd.usage(err, cmd.getColorScheme()); // a bare "chokepoint": the commands there are
        } else {
            err.println("see `" + cmd.getCommandSpec().qualifiedName() + " --help`");
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The word given where a command name belongs, when it names none; otherwise null. */
    private static String unknownCommand(CommandLine.ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || cmd.getSubcommands().isEmpty()
                || u.getUnmatched().isEmpty()) {
            return null;
        }
        String first = u.getUnmatched().get(0);
        return first.startsWith("-") ? null : first;
    }

    /** The command whose name is fewest edits from {@code word}, when it is near enough to be a slip; else null. */
    static String closestCommand(CommandLine cmd, String word) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : cmd.getSubcommands().keySet()) {
            int d = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance()
                    .apply(word.toLowerCase(java.util.Locale.ROOT), name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 2) ? best : null;
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
