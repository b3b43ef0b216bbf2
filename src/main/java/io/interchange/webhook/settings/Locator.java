package io.interchange.webhook.settings;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a delivery carries a value (its delivery id, its topic): a request header, or a field of
 * the JSON body named by a JSON Pointer (e.g. {@code /type}).
 */
public record Locator(String header, String field) {

    public static Locator header(String name) {
        return new Locator(name, null);
    }

    public static Locator field(String pointer) {
        return new Locator(null, pointer);
    }

    /** The value, or null when the delivery does not carry it. */
    public String find(UnaryOperator<String> headers, JsonNode body) {
        String value;
        if (header != null) {
            value = headers.apply(header);
        } else {
            JsonNode node = body.at(field);
            value = node.isValueNode() ? node.asText() : null;
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** How to name it to a sender: {@code header X-Shopify-Topic} or {@code field /type}. */
    public String describe() {
        return header != null ? "header " + header : "field " + field;
    }
}
