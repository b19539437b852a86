package io.kiban.console.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Defensive reads: the services' JSON changes under us, so a missing or null field is simply
 * absent.
 */
public final class Json {

    private Json() {}

    public static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    public static String text(JsonNode node, String field, String fallback) {
        String v = text(node, field);
        return v == null ? fallback : v;
    }

    public static boolean bool(JsonNode node, String field) {
        return node != null && node.isObject() && node.path(field).asBoolean(false);
    }

    public static Long number(JsonNode node, String field) {
        if (node == null || !node.isObject() || !node.path(field).canConvertToLong()) {
            return null;
        }
        return node.path(field).asLong();
    }
}
