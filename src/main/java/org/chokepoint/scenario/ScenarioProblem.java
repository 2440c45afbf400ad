package org.chokepoint.scenario;

/**
 * One thing wrong with a scenario file. Printed as {@code file:line:column: /json/pointer: message}, the
 * form editors and compilers use, so a click in a terminal or an IDE jumps to the spot. The line and
 * column are absent for a scenario built in memory or for a place the file does not contain (a missing
 * field is reported at the object that lacks it).
 *
 * @param file    where the scenario came from: a path, or a name given to an in-memory scenario
 * @param line    1-based line, or null when unknown
 * @param column  1-based column, or null when unknown
 * @param pointer JSON pointer (RFC 6901) of the offending value; the empty string is the whole document,
 *                printed {@code (document)}; null a problem with the file itself (missing, unreadable, not
 *                UTF-8), printed without a pointer
 * @param message what is wrong and what would be allowed instead
 */
public record ScenarioProblem(String file, Integer line, Integer column, String pointer, String message) {

    /** How the document itself is named where a pointer would stand: RFC 6901 spells it as nothing at all. */
    public static final String DOCUMENT = "(document)";

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file == null ? "<scenario>" : file).append(':');
        if (line != null) {
            s.append(line).append(':');
            if (column != null) {
                s.append(column).append(':');
            }
        }
        s.append(' ');
        if (pointer != null) {
            s.append(pointer.isEmpty() ? DOCUMENT : pointer).append(": ");
        }
        s.append(message);
        return s.toString();
    }
}
