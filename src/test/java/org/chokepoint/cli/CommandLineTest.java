package org.chokepoint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Tests that run the command line in-process and read what it printed, as a user's terminal would show it. */
abstract class CommandLineTest {
    protected final StringWriter out = new StringWriter();
    protected final StringWriter err = new StringWriter();

    protected int chokepoint(String... args) {
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }
}
