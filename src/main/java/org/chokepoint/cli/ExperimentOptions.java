package org.chokepoint.cli;

import picocli.CommandLine;

/** Checks of the options the experiment commands share. */
final class ExperimentOptions {

    private ExperimentOptions() {
    }

    /** --threads, default the available processors. */
    static int threads(CommandLine cl, Integer threads) {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be at least 1, got " + threads);
        }
        return threads;
    }

    /** --ticks, or -1 for the scenario's horizon. */
    static int ticks(CommandLine cl, Integer ticks) {
        if (ticks == null) {
            return -1;
        }
        if (ticks < 1) {
            throw new CommandLine.ParameterException(cl, "--ticks must be at least 1, got " + ticks);
        }
        return ticks;
    }
}
