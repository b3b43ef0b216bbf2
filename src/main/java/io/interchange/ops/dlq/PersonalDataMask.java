package io.interchange.ops.dlq;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;

/**
 * Hides personal data in a JSON payload before ops see it: every value under a field named in
 * {@code interchange.ops.masked-fields} (names, e-mail addresses, phone numbers, addresses, ...,
 * matched case-insensitively at any depth) becomes {@value #MASK}. A payload that is not JSON cannot
 * be masked field by field and is withheld entirely.
 */
public final class PersonalDataMask {

    public static final String MASK = "***";

    private final Set<String> fields;

    public PersonalDataMask(String fieldList) {
        this.fields = Arrays.stream(fieldList.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The masked JSON text, or null when {@code body} is not JSON. */
    public String mask(String body) {
        if (body == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = CanonicalJson.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (tree == null || !tree.isContainerNode()) {
            return null;
        }
        walk(tree);
        return tree.toString();
    }

    private void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (fields.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                    field.setValue(masked(field.getValue()));
                } else {
                    walk(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::walk);
        }
    }

    private static JsonNode masked(JsonNode value) {
        if (value instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(masked(field.getValue())));
            return object;
        }
        if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, masked(array.get(i)));
            }
            return array;
        }
        return value.isNull() ? value : CanonicalJson.mapper().getNodeFactory().textNode(MASK);
    }
}
