package dev.dragoman.provider;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one ObjectMapper of the application, and the small tree look-ups every dialect needs. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Parses a body that should be JSON as it is read, without holding it as text first; empty when it is not JSON
     * (or empty). A failure to read the stream is the caller's to handle.
     */
    public static Optional<JsonNode> tryParse(InputStream body) throws IOException {
        try {
            JsonNode json = MAPPER.readTree(body);
            return json == null || json.isMissingNode() ? Optional.empty() : Optional.of(json);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /** Parses text that should be JSON; empty when it is not, so callers can fall back to the raw text. */
    public static Optional<JsonNode> tryParse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(text.strip()));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Merges {@code extra} into {@code target} recursively: objects merge, everything else replaces. */
    public static ObjectNode merge(ObjectNode target, ObjectNode extra) {
        if (extra == null) {
            return target;
        }
        try {
            return MAPPER.readerForUpdating(target).readValue(extra);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A text field, or null when it is missing, null or not text. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** Puts a number only when the user set it, keeping whole numbers whole. */
    public static void putIfSet(ObjectNode body, String field, Number value) {
        if (value instanceof Integer whole) {
            body.put(field, whole);
        } else if (value != null) {
            body.put(field, value.doubleValue());
        }
    }

    /** Puts the strings as an array, or nothing when there are none. */
    public static void putIfAny(ObjectNode body, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            values.forEach(body.putArray(field)::add);
        }
    }

    /** An integer field, or null when it is missing or not a number. */
    public static Integer integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asInt() : null;
    }
}
