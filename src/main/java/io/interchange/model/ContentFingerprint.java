package io.interchange.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a canonical document says, as a SHA-256 of its canonical JSON: members sorted by name,
 * numbers by value ({@code 12.10} and {@code 12.1}, {@code 2} and {@code 2.0} are the same), arrays
 * in their order (line order is content). Left out is what legitimately differs between two attempts
 * to send the same document: {@code documentId} and {@code correlationId} (assigned per attempt or
 * chosen per request by the caller); the time of receipt is not in the document at all. Two
 * admissions under one business key with different fingerprints are two different documents.
 */
public final class ContentFingerprint {

    private static final Set<String> PER_ATTEMPT = Set.of("documentId", "correlationId");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ContentFingerprint() {
    }

    /** The fingerprint of a canonical document (an {@link Order}, an {@link OrderCancellation}). */
    public static String of(Object document) {
        ObjectNode tree = CanonicalJson.mapper().valueToTree(document);
        PER_ATTEMPT.forEach(tree::remove);
        try {
            byte[] canonical = CanonicalJson.mapper().writeValueAsBytes(normalised(tree));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint a canonical document", e);
        }
    }

    private static JsonNode normalised(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = NODES.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            names.forEach(name -> sorted.set(name, normalised(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode items = NODES.arrayNode();
            node.forEach(item -> items.add(normalised(item)));
            return items;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            return NODES.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
        }
        return node;
    }
}
