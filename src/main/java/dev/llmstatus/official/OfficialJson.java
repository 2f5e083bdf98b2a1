package dev.llmstatus.official;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the JSON documents of official pages: one place for parsing, text, ids and times, whatever the platform. */
final class OfficialJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OfficialJson() {
    }

    /** A JSON object; anything else is a {@link MalformedPageException} naming the document. */
    static JsonNode object(byte[] json, String document) {
        JsonNode root = tree(json, document);
        if (!root.isObject()) {
            throw new MalformedPageException(document + " is not a JSON object");
        }
        return root;
    }

    /** A JSON list; anything else is a {@link MalformedPageException} naming the document. */
    static JsonNode list(byte[] json, String document) {
        JsonNode root = tree(json, document);
        if (!root.isArray()) {
            throw new MalformedPageException(document + " is not a JSON list");
        }
        return root;
    }

    private static JsonNode tree(byte[] json, String document) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new MalformedPageException(document + " is empty");
            }
            return root;
        }
        catch (JacksonException ex) {
            throw new MalformedPageException(document + " is not valid JSON: " + ex.getOriginalMessage());
        }
    }

    /** A non-blank string, stripped, or {@code null}. */
    static String text(JsonNode node) {
        return (node != null && node.isString() && !node.stringValue().isBlank()) ? node.stringValue().strip() : null;
    }

    /** An id, which platforms write as a string or a number. */
    static String id(JsonNode node) {
        return (node != null && node.isNumber()) ? node.asString() : text(node);
    }

    /** An ISO-8601 time with an offset, or {@code null}. */
    static Instant instant(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** Epoch seconds, written as a number or a string of digits, or {@code null}. */
    static Instant seconds(JsonNode node) {
        long value = 0;
        if (node != null && node.isNumber()) {
            value = node.asLong();
        }
        else if (text(node) != null && text(node).matches("\\d{1,12}")) {
            value = Long.parseLong(text(node));
        }
        return (value > 0) ? Instant.ofEpochSecond(value) : null;
    }

}
