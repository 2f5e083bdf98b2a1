package dev.llmstatus.model;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error type, code and message of an LLM API error body, in any of the shapes in use: OpenAI's
 * {@code {"error":{"type","code","message"}}} (and the many compatible APIs), Anthropic's
 * {@code {"type":"error","error":{"type","message"}}}, Google's {@code {"error":{"code":429,"status","message"}}}.
 */
final class ErrorBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorBody() {
    }

    /** Type, code and message (each may be {@code null}); all {@code null} when the body is not such JSON. */
    static String[] parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new String[3];
        }
        try {
            JsonNode root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            JsonNode error = root.path("error");
            if (error.isObject()) {
                return fields(error);
            }
            if (error.isString()) {
                return new String[] { null, null, error.asString() };
            }
            // some compatible APIs answer with the fields at the top level
            return fields(root);
        }
        catch (JacksonException ex) {
            return new String[3];
        }
    }

    /** Type, code and message of an error object. */
    static String[] fields(JsonNode error) {
        String type = text(error.path("type"));
        if (type == null) {
            type = text(error.path("status"));
        }
        return new String[] { type, text(error.path("code")), text(error.path("message")) };
    }

    private static String text(JsonNode node) {
        if (node.isString() && !node.asString().isBlank()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return node.asString();
        }
        return null;
    }

}
