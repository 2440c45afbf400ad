package org.chokepoint.output;

/**
 * A results folder that cannot be written as asked: the path holds something chokepoint did not write, an
 * earlier result without {@code --overwrite}, or another process is writing it. The message names the path
 * and says what to do; nothing has been written.
 */
public final class TargetException extends Exception {
    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }
}
