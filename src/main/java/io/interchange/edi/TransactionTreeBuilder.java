package io.interchange.edi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xlate.edi.schema.EDIReference;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds the JSON tree of one transaction from reader events, following the convention in
 * {@code package-info.java}: loops and segments keyed by loop code and tag, arrays whenever the
 * schema allows more than one, elements keyed by tag + 2-digit position, composites as objects
 * keyed by element name + 2-digit component position, empty values left out.
 */
final class TransactionTreeBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode root = NODES.objectNode();
    private final Deque<ObjectNode> containers = new ArrayDeque<>();
    private ObjectNode segment;
    private String segmentTag;
    private ObjectNode composite;
    private String compositeName;
    private boolean compositeRepeats;

    TransactionTreeBuilder() {
        containers.push(root);
    }

    ObjectNode tree() {
        return root;
    }

    void startLoop(String code, EDIReference reference) {
        ObjectNode loop = NODES.objectNode();
        attach(containers.peek(), code, loop, repeats(reference));
        containers.push(loop);
    }

    void endLoop() {
        if (containers.size() > 1) {
            containers.pop();
        }
    }

    void startSegment(String tag, EDIReference reference) {
        segment = NODES.objectNode();
        segmentTag = tag;
        attach(containers.peek(), tag, segment, repeats(reference));
    }

    void endSegment() {
        segment = null;
    }

    void startComposite(int elementPosition, EDIReference reference) {
        if (segment == null) {
            return;
        }
        composite = NODES.objectNode();
        compositeName = elementName(segmentTag, elementPosition);
        compositeRepeats = reference != null && reference.getMaxOccurs() > 1;
    }

    void endComposite() {
        if (composite != null && !composite.isEmpty()) {
            attach(segment, compositeName, composite, compositeRepeats);
        }
        composite = null;
    }

    void element(int elementPosition, int componentPosition, String value, EDIReference reference) {
        if (segment == null || value == null || value.isEmpty()) {
            return;
        }
        String name = elementName(segmentTag, elementPosition);
        if (composite != null && componentPosition > 0) {
            composite.put(name + twoDigits(componentPosition), value);
        } else {
            attach(segment, name, NODES.textNode(value), reference != null && reference.getMaxOccurs() > 1);
        }
    }

    static String elementName(String tag, int position) {
        return tag + twoDigits(position);
    }

    private static String twoDigits(int position) {
        return position < 10 ? "0" + position : Integer.toString(position);
    }

    /** Without a schema (unknown segment, unsupported transaction) anything may repeat. */
    private static boolean repeats(EDIReference reference) {
        return reference == null || reference.getMaxOccurs() > 1;
    }

    /**
     * A key seen twice where the schema allows one (the data is in error then) still keeps both
     * values, as an array, rather than silently dropping the first.
     */
    private static void attach(ObjectNode parent, String key, JsonNode value, boolean repeats) {
        JsonNode existing = parent.get(key);
        if (existing instanceof ArrayNode array) {
            array.add(value);
        } else if (existing != null) {
            ArrayNode array = NODES.arrayNode();
            array.add(existing);
            array.add(value);
            parent.set(key, array);
        } else if (repeats) {
            parent.putArray(key).add(value);
        } else {
            parent.set(key, value);
        }
    }
}
