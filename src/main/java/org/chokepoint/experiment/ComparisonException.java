package org.chokepoint.experiment;

/** An options file or comparison setting that cannot be used; nothing has run. */
public final class ComparisonException extends Exception {
    private static final long serialVersionUID = 1L;

    public ComparisonException(String message) {
        super(message);
    }
}
