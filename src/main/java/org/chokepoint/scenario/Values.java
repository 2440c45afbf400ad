package org.chokepoint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chokepoint.scenario.spec.JsonPointers;

/**
 * What JSON can write but a scenario cannot hold, found anywhere in a document before the schema looks at
 * it: a number beyond the range of a double (the text {@code 1e309} reads as infinity), and text with half
 * of a UTF-16 surrogate pair on its own (an escape such as {@code \ud800} names no character, and could not
 * be written back into any output).
 */
final class Values {

    private Values() {
    }

    static void check(JsonNode node, String pointer, String file, SourceLocations where,
                      List<ScenarioProblem> problems) {
        if (node.isNumber()) {
            if (!Double.isFinite(node.doubleValue())) {
                problems.add(where.problem(file, pointer, "number out of range: beyond the largest a double holds"
                        + " (about 1.8e308); every number must be finite, within the bounds of its field"
                        + " (docs/scenario-format.md, Bounds)"));
            }
        } else if (node.isTextual()) {
            int at = loneSurrogate(node.textValue());
            if (at >= 0) {
                problems.add(where.problem(file, pointer, "text holds a lone surrogate "
                        + escaped(node.textValue().charAt(at)) + " at character " + at + ", which is no character:"
                        + " write the character itself, or both halves of its surrogate pair"));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                String name = f.getKey();
                int at = loneSurrogate(name);
                String child = JsonPointers.child(pointer, at >= 0 ? printable(name) : name);
                if (at >= 0) {
                    problems.add(where.problem(file, child, "field name holds a lone surrogate "
                            + escaped(name.charAt(at)) + ", which is no character"));
                    continue;
                }
                check(f.getValue(), child, file, where, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), pointer + "/" + i, file, where, problems);
            }
        }
    }

    /** Index of the first surrogate not in a pair, or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String escaped(char c) {
        return String.format(Locale.ROOT, "\\u%04x", (int) c);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append(escaped(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
