package org.chokepoint.experiment;

/** Bad input to an experiment (an option, a pointer, a value, a results folder that does not fit): exit code 2. */
public class ExperimentException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExperimentException(String message) {
        super(message);
    }
}
