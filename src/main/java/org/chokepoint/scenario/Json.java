package org.chokepoint.scenario;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one Jackson configuration of the project, for reading scenarios and writing every JSON output.
 * Map entries keep their insertion order (outputs are written in a deliberate order), output is
 * pretty-printed, numbers are written as numbers, in {@link DecimalText}'s form. Reading is strict: unknown
 * properties, duplicate keys and trailing content are errors.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            // Numbers as DecimalText writes them in the CSV files: the same text on every Java.
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectMapper COMPACT = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /**
     * The shared mapper. It is thread-safe; do not reconfigure it; derive a reader or writer
     * ({@code mapper().writer(...)}) or a {@code copy()} when something else is needed.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes {@code value} to {@code file} as pretty-printed JSON ending with a newline, as every JSON output
     * of the project is written: a text file whose last line has no newline makes line-reading tools (R's
     * {@code readLines}, {@code wc -l}, {@code cat} before a prompt) complain or misbehave.
     */
    public static void write(java.nio.file.Path file, Object value) throws java.io.IOException {
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(w, value);
            w.write('\n');
        }
    }

    /** The document with every object's keys sorted, recursively: the form hashed to identify a scenario. */
    public static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                out.set(name, canonical(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(canonical(e)));
            return out;
        }
        return node;
    }

    private static final java.util.regex.Pattern NON_NUMERIC =
            java.util.regex.Pattern.compile("Non-standard token '([^']*)'.*", java.util.regex.Pattern.DOTALL);
    /** The clauses in which the parser names a feature of its own that would have read the text. */
    private static final java.util.regex.Pattern FEATURE_CLAUSE = java.util.regex.Pattern.compile(
            "(:\\s*enable `[A-Za-z.]*Feature\\.[A-Z_]+` to allow|\\s*\\(not recognized as one since Feature"
                    + " '[A-Z_]+' not enabled for parser\\)|\\s*\\([^()]*Feature[^()]*\\))");

    /** Where the parser says an unclosed object or array started: "[Source: REDACTED; line: 1, column: 13]". */
    private static final java.util.regex.Pattern SOURCE_AT = java.util.regex.Pattern.compile(
            "\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");

    /**
     * The parser's message about text that is not JSON, in words about JSON rather than about the parser's
     * settings: "JSON does not allow NaN/Infinity" and "JSON does not allow comments" instead of the feature
     * that would have allowed them, a second value after the document said to be one, and where an unclosed
     * object started as a line and column rather than the parser's hidden source.
     */
    public static String plainParserMessage(String original) {
        if (original == null) {
            return "not JSON";
        }
        if (original.startsWith("Trailing token")) {
            return "a second value after the end of the document: a file holds one JSON value";
        }
        original = SOURCE_AT.matcher(original).replaceAll("line $1, column $2");
        java.util.regex.Matcher m = NON_NUMERIC.matcher(original);
        if (m.matches()) {
            return "JSON does not allow NaN/Infinity, got '" + m.group(1) + "'; write a finite number";
        }
        if (original.contains("comment") || original.contains("COMMENTS")
                || original.startsWith("Unexpected character ('#'")) {
            return "JSON does not allow comments";
        }
        if (original.contains("plus sign")) {
            return "JSON does not allow a plus sign before a number";
        }
        return FEATURE_CLAUSE.matcher(original).replaceAll("");
    }

    /**
     * {@code node} as compact JSON, numbers in {@link DecimalText}'s form: what a message or a table cell shows of a
     * value. Jackson's own {@code JsonNode.toString} writes a number with the running Java's
     * {@code Double.toString}, and on Java 17 a capacity written {@code 1e23} was refused as "got
     * 9.999999999999999E22", which Java 25 writes {@code 1.0E23}.
     */
    public static String text(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    /** Compact text of {@link #canonical(JsonNode)}. */
    public static String canonicalText(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(canonical(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    /** Hex SHA-256 of the canonical text, UTF-8. */
    public static String sha256(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalText(node).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
