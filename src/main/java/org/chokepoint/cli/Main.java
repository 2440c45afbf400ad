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
        return new CommandLine(new Main()).setParameterExceptionHandler(Main::invalidInput)
                .registerConverter(Integer.class, Main::wholeNumber).registerConverter(int.class, Main::wholeNumber)
                .registerConverter(java.nio.file.Path.class, CommandPaths::path);
    }

    /**
     * Reads a whole-number option ({@code --runs}, {@code --ticks}, {@code --threads}, ...). Picocli's own
     * message for {@code --runs 99999999999}, "is not an int", does not say what would be; this one gives
     * the range an int holds. The option's own, narrower limits are checked after (e.g. "--runs must be
     * between 1 and 1000000").
     */
    static Integer wholeNumber(String value) {
        String text = value.strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            boolean whole = text.matches("[+-]?[0-9]+");
            throw new CommandLine.TypeConversionException("'" + value + "' is "
                    + (whole ? "too " + (text.startsWith("-") ? "small" : "large") + ": a whole number from "
                    : "not a whole number: expected one from ") + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    + " (and within the option's own limits, see --help)");
        }
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
