package org.chokepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the command line says to a mistyped command or option: the problem, a suggestion, where help is. */
class MainTest extends CommandLineTest {

    @Test
    void aMisspeltCommandGetsTheClosestCommand() {
        assertEquals(2, chokepoint("rn", "scenarios/rare-earth-baseline.json"));
        assertEquals("'rn' is not a chokepoint command: did you mean 'chokepoint run'?\n"
                + "see `chokepoint --help`\n", err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, chokepoint("ensamble"));
        assertEquals("'ensamble' is not a chokepoint command: did you mean 'chokepoint ensemble'?\n"
                + "see `chokepoint --help`\n", err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, chokepoint("xyzzy"));
        assertTrue(err.toString().startsWith("'xyzzy' is not a chokepoint command; the commands are run, validate,"),
                "nothing near enough: the list");
    }

    @Test
    void anOptionErrorIsTheMessageAndWhereTheHelpIs() {
        assertEquals(2, chokepoint("run", "scenarios/rare-earth-baseline.json", "--tiks", "5"));

        assertEquals("Unknown options: '--tiks', '5'\nPossible solutions: --ticks, --tick-threads\nsee `chokepoint run --help`\n",
                err.toString(), "not the whole usage, which would push the message off the screen");
    }

    @Test
    void aSeedOutsideItsRangeSaysTheRange() {
        assertEquals(2, chokepoint("compare", "scenarios/rare-earth-baseline.json", "--options", "o.json",
                "--seed", "99999999999"));

        assertEquals("Invalid value for option '--seed': '99999999999' is outside the range of a seed, a 32-bit"
                + " integer from -2147483648 to 2147483647\nsee `chokepoint compare --help`\n", err.toString());
    }

    @Test
    void aCountBeyondAnIntSaysWhatANumberThereMayBe() {
        // picocli alone says "'99999999999' is not an int", which names no allowed value
        assertEquals(2, chokepoint("ensemble", "scenarios/rare-earth-baseline.json", "--runs", "99999999999"));
        assertEquals("Invalid value for option '--runs': '99999999999' is too large: a whole number from -2147483648"
                + " to 2147483647 (and within the option's own limits, see --help)\n"
                + "see `chokepoint ensemble --help`\n", err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, chokepoint("run", "scenarios/rare-earth-baseline.json", "--ticks", "1.5"));
        assertTrue(err.toString().startsWith("Invalid value for option '--ticks': '1.5' is not a whole number: "
                + "expected one from -2147483648 to 2147483647"), err.toString());

        // within an int, the option's own limits say the rest
        err.getBuffer().setLength(0);
        assertEquals(2, chokepoint("ensemble", "scenarios/rare-earth-baseline.json", "--runs", "2147483647"));
        assertTrue(err.toString().startsWith("--runs must be between 1 and 1000000, got 2147483647"), err.toString());
    }

    /**
     * A word given where a whole number belongs is refused with "within the option's own limits, see --help", so
     * every whole-number option's help gives its limits: `run --help` once said only "ticks to run instead of the
     * scenario's time.horizonTicks", and the reader learnt the 10000 only by being refused. A seed's own converter
     * gives a seed's range in its refusal.
     */
    @Test
    void everyWholeNumberOptionsHelpGivesItsLimits() {
        java.util.regex.Pattern limits = java.util.regex.Pattern.compile("[0-9] to [0-9]|at least [0-9]|from 0 to");
        int checked = 0;
        for (var command : Main.commandLine().getSubcommands().entrySet()) {
            for (picocli.CommandLine.Model.OptionSpec option : command.getValue().getCommandSpec().options()) {
                boolean whole = option.type() == int.class || option.type() == Integer.class;
                if (!whole || option.longestName().equals("--seed")) {
                    continue;
                }
                String help = String.join(" ", option.description());
                assertTrue(limits.matcher(help).find(), command.getKey() + " " + option.longestName() + ": " + help);
                checked++;
            }
        }
        assertTrue(checked >= 12, "the whole-number options found: " + checked);

        assertEquals(0, chokepoint("run", "--help"));
        assertTrue(out.toString().replaceAll("\\s+", " ").contains("horizonTicks, 1 to"
                + " 10000"), out.toString());
    }

    @Test
    void withoutACommandTheCommandsAreListed() {
        assertEquals(2, chokepoint());

        assertTrue(err.toString().startsWith("a command is required\nUsage: chokepoint"), err.toString());
        assertTrue(err.toString().contains("  compare "), err.toString());
    }

    /** One or two slips of the keyboard find the command; a word far from every command finds none. */
    @Test
    void theClosestCommandIsASlipAway() {
        picocli.CommandLine cmd = Main.commandLine();
        assertEquals("run", Main.closestCommand(cmd, "rn"));
        assertEquals("ensemble", Main.closestCommand(cmd, "ensmble"));
        assertEquals("equilibrium", Main.closestCommand(cmd, "Equilibrum"));
        assertEquals(null, Main.closestCommand(cmd, "xyzzy"));
    }
    /**
     * picocli reads a description as a format string: a bare per cent sign in one (the 95% of a confidence level)
     * printed three "picocli WARN Could not format" lines on standard error with every {@code --help}.
     */
    @Test
    void everyCommandsHelpIsWrittenWithoutPicocliWarnings() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream traced = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(traced, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : Main.commandLine().getSubcommands().keySet()) {
                assertEquals(0, chokepoint(command, "--help"), command + ": " + err);
            }
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", traced.toString(java.nio.charset.StandardCharsets.UTF_8));
        // The per cent sign is printed once, as written.
        assertTrue(out.toString().replaceAll("\\s+", " ").contains("lies within [LOW, HIGH], with its 95% Wilson"
                + " interval"), out.toString());
    }
}
