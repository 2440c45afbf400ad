package org.chokepoint.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.chokepoint.scenario.spec.JsonPointers;

/**
 * Where each value of a JSON text starts, by JSON pointer. A member of an object is placed at its
 * name (where the eye looks for it), an array element at its first character. Built by one pass over
 * the token stream of a text that already parsed, so it never fails on its own.
 */
final class SourceLocations {

    /** 1-based line and column. */
    record Position(int line, int column) { }

    private static final SourceLocations NONE = new SourceLocations(Map.of());

    private final Map<String, Position> byPointer;

    private SourceLocations(Map<String, Position> byPointer) {
        this.byPointer = byPointer;
    }

    /** No positions: for scenarios built in memory. */
    static SourceLocations none() {
        return NONE;
    }

    static SourceLocations of(String text) {
        Map<String, Position> map = new HashMap<>();
        // The pointer of every open object and array, innermost last: each token's pointer is its
        // container's plus one step, so the pointers cost one concatenation a token however deep the text.
        java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    open.pop();
                    continue;
                }
                JsonStreamContext ctx = p.getParsingContext();
                boolean starts = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
                // where the value sits: its container's context (a new object's or array's is its parent)
                JsonStreamContext in = starts ? ctx.getParent() : ctx;
                String pointer;
                if (in == null || in.inRoot()) {
                    pointer = "";
                } else if (in.inArray()) {
                    pointer = open.peek() + "/" + Math.max(in.getCurrentIndex(), 0);
                } else if (t == JsonToken.FIELD_NAME) {
                    pointer = JsonPointers.child(open.peek(), p.currentName());
                } else {
                    // a member's value: placed at its name, which came just before
                    pointer = JsonPointers.child(open.peek(), in.getCurrentName());
                    if (starts) {
                        open.push(pointer);
                    }
                    continue;
                }
                if (starts) {
                    open.push(pointer);
                }
                JsonLocation loc = p.currentTokenLocation();
                map.putIfAbsent(pointer, new Position(loc.getLineNr(), loc.getColumnNr()));
            }
        } catch (IOException | RuntimeException e) {
            // The text parsed once already; keep whatever was mapped.
        }
        return new SourceLocations(map);
    }

    private static String pointerOf(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "";
        }
        String self;
        if (ctx.inArray()) {
            self = "/" + Math.max(ctx.getCurrentIndex(), 0);
        } else {
            String name = ctx.getCurrentName();
            self = name == null ? "" : "/" + JsonPointers.escape(name);
        }
        return pointerOf(ctx.getParent()) + self;
    }

    /** The position of the value at {@code pointer}, or of its nearest ancestor present in the text. */
    Position find(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            Position pos = byPointer.get(p);
            if (pos != null || p.isEmpty()) {
                return pos;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    ScenarioProblem problem(String file, String pointer, String message) {
        Position pos = find(pointer);
        return pos == null
                ? new ScenarioProblem(file, null, null, pointer, message)
                : new ScenarioProblem(file, pos.line(), pos.column(), pointer, message);
    }

    /** Problem for text that is not JSON at all, placed where the parser gave up. */
    static ScenarioProblem malformed(String file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String message = "malformed JSON: " + Json.plainParserMessage(e.getOriginalMessage());
        String pointer = "";
        // The mapper's own refusal is of a second value after the document: the parser has entered it, but it is
        // no member of the document, whose fault it is.
        if (e instanceof StreamReadException && e.getProcessor() instanceof JsonParser p
                && p.getParsingContext() != null) {
            pointer = pointerOf(p.getParsingContext());
        }
        if (loc == null || loc.getLineNr() < 0) {
            return new ScenarioProblem(file, null, null, pointer, message);
        }
        return new ScenarioProblem(file, loc.getLineNr(), loc.getColumnNr(), pointer, message);
    }

}
