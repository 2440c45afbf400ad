package org.chokepoint.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.chokepoint.scenario.spec.JsonPointers;

/**
 * Reads a scenario: JSON syntax, then the schema ({@code scenarios/schema/scenario.schema.json}), then
 * binding to {@link Scenario}, then the {@link SemanticValidator}. Each stage reports everything it
 * finds; a later stage runs only when the earlier ones found nothing, since checking cross references
 * of a document with the wrong shape would only add noise.
 */
public final class ScenarioLoader {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /**
     * The most bytes a scenario file may hold, 64 MiB: thousands of times the largest reference scenario, and
     * more than the text of the most firm and trader entries a run may hold in memory. What is longer (a data
     * file given by mistake, a device such as {@code /dev/zero} that never ends) is refused before it is read
     * whole, instead of filling the memory.
     */
    public static final int MAX_FILE_BYTES = 64 << 20;

    private ScenarioLoader() {
    }

    /** Loads and checks a scenario file (UTF-8). */
    public static LoadedScenario load(Path file) throws ScenarioException {
        return fromText(text(file, "a scenario is a JSON object of at most " + (MAX_FILE_BYTES >> 20)
                + " MiB (docs/scenario-format.md, Bounds)"), file.toString());
    }

    /**
     * Reads another JSON file the command line names (an options file, benchmark results) as a scenario file is
     * read: at most {@link #MAX_FILE_BYTES}, UTF-8, a byte order mark skipped, strict JSON (no duplicate keys,
     * nothing after the document). A problem is reported as a scenario's is, {@code file:line:column: pointer:
     * what is wrong}.
     *
     * @param holds what the file holds, for a file that is empty or too large: "an options file is a JSON object"
     */
    public static JsonNode readJson(Path file, String holds) throws ScenarioException {
        String name = file.toString();
        JsonNode json = parse(text(file, holds + " of at most " + (MAX_FILE_BYTES >> 20) + " MiB"), name);
        if (json == null || json.isMissingNode()) {
            throw single(name, "empty file: " + holds);
        }
        return json;
    }

    /** The text of {@code file}; {@code holds} says what it should be when it is too large to be that. */
    private static String text(Path file, String holds) throws ScenarioException {
        String name = file.toString();
        try {
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw single(name, "file larger than " + (MAX_FILE_BYTES >> 20) + " MiB: " + holds);
            }
            return utf8(bytes, name);
        } catch (NoSuchFileException e) {
            throw fileProblem(name, "no such file");
        } catch (IOException e) {
            throw fileProblem(name, "cannot read: " + e.getMessage());
        }
    }

    /**
     * The text of a file's bytes, which must be UTF-8. A file saved in another encoding was refused as "not UTF-8
     * text", with nothing to say where in a thousand lines the byte is, or what to do: the problem now has the
     * line and column of the first byte that is no UTF-8, and says the file is to be saved as UTF-8. A file saved as
     * UTF-16 (Windows editors' "Unicode"), whose every other byte is 0, is named as such rather than as a NUL
     * where JSON allows none.
     */
    static String utf8(byte[] bytes, String name) throws ScenarioException {
        String saveAs = "save it as UTF-8, the encoding chokepoint reads";
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw single(name, String.format(java.util.Locale.ROOT, "UTF-16 text (it begins with the byte order mark"
                    + " %02X %02X): %s", bytes[0] & 0xFF, bytes[1] & 0xFF, saveAs));
        }
        if (bytes.length >= 2 && (bytes[0] == 0) != (bytes[1] == 0)) {
            throw single(name, "UTF-16 text (every other byte is 0, from the first): " + saveAs);
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - before.lastIndexOf('\n');
            int b = bytes[at] & 0xFF;
            throw new ScenarioException(List.of(new ScenarioProblem(name, line, column, "", String.format(
                    java.util.Locale.ROOT, "byte %02X is not UTF-8%s; %s", b,
                    b >= 0xA0 ? " (the file may be ISO-8859-1 or Windows-1252 text)" : "", saveAs))));
        }
        return out.flip().toString();
    }

    /**
     * Loads and checks a scenario given as JSON text; {@code sourceName} names it in problems. A byte order
     * mark before the text, which some editors write at the start of a UTF-8 file, is not part of it.
     */
    public static LoadedScenario fromText(String text, String sourceName) throws ScenarioException {
        text = withoutByteOrderMark(text);
        JsonNode json = parse(text, sourceName);
        if (json == null || json.isMissingNode()) {
            throw single(sourceName, "empty file: a scenario is a JSON object");
        }
        // The options files shipped beside the scenarios are read by compare; checked as a scenario, one would
        // give a problem for every field it lacks rather than say what it is.
        if (json.isObject() && json.path("options").isArray() && !json.has("meta")) {
            throw single(sourceName, "an options file for compare, not a scenario: check it with 'validate SCENARIO"
                    + " --options " + sourceName + "', run it with 'compare SCENARIO --options " + sourceName + "'");
        }
        return check(json, sourceName, SourceLocations.of(text));
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith(BYTE_ORDER_MARK) ? text.substring(BYTE_ORDER_MARK.length()) : text;
    }

    /** The JSON value of {@code text}, or the place where it stops being JSON and why. */
    private static JsonNode parse(String text, String sourceName) throws ScenarioException {
        try {
            return Json.mapper().readTree(withoutByteOrderMark(text));
        } catch (JsonProcessingException e) {
            // a syntax error, or a second value after the document (found by the mapper, not the parser)
            throw new ScenarioException(List.of(SourceLocations.malformed(sourceName, e)));
        }
    }

    /**
     * Checks a scenario document built or patched in memory (a sweep point, an option of a comparison).
     * Problems carry JSON pointers but no line numbers.
     */
    public static LoadedScenario fromJson(JsonNode json, String sourceName) throws ScenarioException {
        if (json == null) {
            throw single(sourceName, "no document: a scenario is a JSON object");
        }
        return check(json, sourceName, SourceLocations.none());
    }

    /**
     * Whether the scenario format takes only integers at {@code pointer}, asked of a document that holds a
     * non-integer number there: what a value drawn for a setting the scenario leaves out, or writes as a decimal
     * such as 52.0, must be.
     */
    public static boolean takesOnlyIntegersAt(JsonNode probe, String pointer) {
        return SchemaCheck.wantsIntegerAt(probe, pointer);
    }

    /**
     * Checks that a run of {@code ticks} ticks, longer than the scenario's horizon, stays within the
     * {@link Limits} that validation checked for the horizon (memory, demand growth). Shorter runs need
     * nothing more.
     */
    public static void checkRunLength(LoadedScenario loaded, int ticks) throws ScenarioException {
        if (ticks <= loaded.scenario().time().horizonTicks()) {
            return;
        }
        List<ScenarioProblem> problems = new java.util.ArrayList<>();
        for (String[] p : RunLimits.check(loaded.scenario(), ticks)) {
            problems.add(new ScenarioProblem(loaded.source(), null, null, p[0], "with --ticks " + ticks + ": " + p[1]));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    private static LoadedScenario check(JsonNode json, String file, SourceLocations where) throws ScenarioException {
        List<ScenarioProblem> problems = new java.util.ArrayList<>();
        Values.check(json, "", file, where, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(sorted(problems));
        }
        problems = SchemaCheck.check(json, file, where);
        if (!problems.isEmpty()) {
            throw new ScenarioException(sorted(problems));
        }
        Scenario scenario;
        try {
            scenario = Json.mapper().treeToValue(json, Scenario.class);
        } catch (JsonMappingException e) {
            String pointer = pointer(e);
            throw new ScenarioException(List.of(where.problem(file, pointer, e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw single(file, e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw single(file, String.valueOf(e.getMessage()));
        }
        problems = new SemanticValidator(file, json, scenario, where).validate();
        if (!problems.isEmpty()) {
            throw new ScenarioException(sorted(problems));
        }
        return new LoadedScenario(file, json, scenario, Json.sha256(withoutEditorHint(json)));
    }

    /** The document without {@code "$schema"}: pointing an editor at the schema does not change a scenario. */
    private static JsonNode withoutEditorHint(JsonNode json) {
        if (!json.has("$schema")) {
            return json;
        }
        ObjectNode copy = json.deepCopy();
        copy.remove("$schema");
        return copy;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            s.append('/');
            if (r.getFieldName() != null) {
                s.append(JsonPointers.escape(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                s.append(r.getIndex());
            }
        }
        return s.toString();
    }

    /** In file order where lines are known, then by pointer. */
    private static List<ScenarioProblem> sorted(List<ScenarioProblem> problems) {
        return problems.stream().sorted((a, b) -> {
            int la = a.line() == null ? Integer.MAX_VALUE : a.line();
            int lb = b.line() == null ? Integer.MAX_VALUE : b.line();
            if (la != lb) {
                return Integer.compare(la, lb);
            }
            int ca = a.column() == null ? 0 : a.column();
            int cb = b.column() == null ? 0 : b.column();
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            return a.pointer().compareTo(b.pointer());
        }).toList();
    }

    private static ScenarioException single(String file, String message) {
        return new ScenarioException(List.of(new ScenarioProblem(file, null, null, "", message)));
    }

    /** A problem with the file itself, before any JSON: no pointer to give. */
    private static ScenarioException fileProblem(String file, String message) {
        return new ScenarioException(List.of(new ScenarioProblem(file, null, null, null, message)));
    }
}
