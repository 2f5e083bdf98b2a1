package dev.llmstatus.catalog;

import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Reads fields of a YAML tree for the start-up validators (the catalog, the error knowledge base), so that every
 * problem becomes one line naming the field. Subclasses say how a problem is reported.
 */
public abstract class YamlFieldReader {

    /** The exception for a problem with a field ({@code ""} for the whole document). */
    protected abstract RuntimeException fail(String field, String problem);

    /** A hook for further checks of every text value; returns it unchanged by default. */
    protected String checkText(String text, String field) {
        return text;
    }

    protected JsonNode object(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw fail(path + field, "missing");
            }
            return null;
        }
        if (!value.isObject()) {
            throw fail(path + field, "must be a mapping");
        }
        return value;
    }

    protected String text(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
            if (required) {
                throw fail(path + field, "missing");
            }
            return null;
        }
        if (!value.isValueNode() || value.isBoolean()) {
            throw fail(path + field, "must be text");
        }
        return checkText(value.asString().strip(), path + field);
    }

    protected void onlyKnown(JsonNode node, Set<String> known, String path) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw fail(path + name, "unknown field (expected one of " + String.join(", ", new TreeSet<>(known))
                        + ")");
            }
        }
    }

    /** "a.b." and "a.b" name the same field in messages. */
    protected static String fieldName(String field) {
        return field.endsWith(".") ? field.substring(0, field.length() - 1) : field;
    }

}
