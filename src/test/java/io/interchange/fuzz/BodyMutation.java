package io.interchange.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.interchange.model.CanonicalJson;

/**
 * The ways a hostile or broken client mangles a JSON body. Tree mutations run on the parsed document
 * (what a sloppy serializer or an attacker produces), byte mutations on its bytes afterwards (what a
 * broken transport or a proxy produces); {@link #apply} orders them that way.
 */
public enum BodyMutation {

    DUPLICATE_KEY(true), WRONG_TYPE(true), HUGE_NUMBER(true), DEEP_NESTING(true), HUGE_STRING(true),
    MISSING_FIELD(true),
    TRAILING_CONTENT(false), INVALID_UTF8(false), CONTROL_CHARACTER(false), TRUNCATED(false), NOT_JSON(false);

    /** Stands for a key written a second time; replaced by that key once the tree is text. */
    private static final String DUPLICATE_MARKER = "\u00a7dup\u00a7";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final List<String> NUMBERS = List.of("1e400", "-1e400", "1e-400", "1E+999999999", "1e9999999999",
            "123456789012345678901234567890", "0.1234567", "-0", "2147483648", "-1", "1.5", "NaN", "Infinity",
            "9".repeat(2_000), "0." + "0".repeat(1_500) + "1");
    private static final List<String> TRAILERS = List.of(" x", "}", "]", ",", " null", "\u0000", "{}", " 42", "\"s\"");
    private static final List<String> NOT_JSON_BODIES = List.of("", "   ", "<order/>", "null", "[]", "\"order\"", "42",
            "{", "{\"a\":}", "order=1&qty=2", "\ufeff{}", "{'a': 1}", "{a: 1}");

    private final boolean onTree;

    BodyMutation(boolean onTree) {
        this.onTree = onTree;
    }

    /** {@code document} with {@code mutations} applied, tree mutations first, as the bytes to send. */
    public static byte[] apply(ObjectNode document, List<BodyMutation> mutations, Random random) {
        ObjectNode tree = document.deepCopy();
        List<String> duplicated = new ArrayList<>();
        mutations.stream().filter(m -> m.onTree).forEach(m -> m.mutate(tree, random, duplicated));
        String text = tree.toString();
        for (String key : duplicated) {
            text = text.replaceFirst(java.util.regex.Pattern.quote("\"" + DUPLICATE_MARKER + "\""),
                    java.util.regex.Matcher.quoteReplacement(key));
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (BodyMutation mutation : mutations) {
            if (!mutation.onTree) {
                bytes = mutation.mutate(bytes, random);
            }
        }
        return bytes;
    }

    private void mutate(ObjectNode root, Random random, List<String> duplicated) {
        if (objectsWithFields(root).isEmpty()) {
            return; // earlier mutations removed every member a mutation could name
        }
        switch (this) {
            case DUPLICATE_KEY -> {
                ObjectNode object = pick(objectsWithFields(root), random);
                String key = pick(names(object), random);
                object.set(DUPLICATE_MARKER, someValue(random));
                duplicated.add(NODES.textNode(key).toString());
            }
            case WRONG_TYPE -> replaceSomeValue(root, random, someValue(random));
            case HUGE_NUMBER -> replaceSomeValue(root, random, raw(pick(NUMBERS, random)));
            case DEEP_NESTING -> {
                int depth = pick(List.of(50, 400, 900, 1_100, 5_000), random);
                replaceSomeValue(root, random, raw("[".repeat(depth) + "1" + "]".repeat(depth)));
            }
            case HUGE_STRING -> replaceSomeValue(root, random,
                    NODES.textNode("x".repeat(pick(List.of(5_000, 70_000, 300_000, 1_200_000), random))));
            case MISSING_FIELD -> {
                ObjectNode object = pick(objectsWithFields(root), random);
                object.remove(pick(names(object), random));
            }
            default -> throw new IllegalStateException(this + " is a byte mutation");
        }
    }

    private byte[] mutate(byte[] body, Random random) {
        return switch (this) {
            case TRAILING_CONTENT -> concat(body, pick(TRAILERS, random).getBytes(StandardCharsets.UTF_8));
            case INVALID_UTF8 -> insert(body, random, pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82}), random));
            case CONTROL_CHARACTER -> insert(body, random, new byte[] {(byte) random.nextInt(0x20)});
            case TRUNCATED -> java.util.Arrays.copyOf(body, body.length == 0 ? 0 : random.nextInt(body.length));
            case NOT_JSON -> pick(NOT_JSON_BODIES, random).getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalStateException(this + " is a tree mutation");
        };
    }

    private static JsonNode someValue(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.textNode("x");
            case 1 -> NODES.numberNode(7);
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.nullNode();
            case 4 -> NODES.arrayNode();
            case 5 -> NODES.objectNode().put("k", "v");
            default -> NODES.arrayNode().add("x");
        };
    }

    private static JsonNode raw(String text) {
        return new POJONode(new RawValue(text));
    }

    /** Puts {@code value} in place of a member or item anywhere in the tree. */
    private static void replaceSomeValue(ObjectNode root, Random random, JsonNode value) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        containers.removeIf(node -> node instanceof ObjectNode object ? names(object).isEmpty() : node.isEmpty());
        JsonNode container = pick(containers, random);
        if (container instanceof ObjectNode object) {
            object.set(pick(names(object), random), value);
        } else {
            ((ArrayNode) container).set(random.nextInt(container.size()), value);
        }
    }

    /**
     * Objects with a member a mutation can name: an object whose only member is an earlier
     * duplicate's marker has none.
     */
    private static List<ObjectNode> objectsWithFields(ObjectNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        return containers.stream().filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast)
                .filter(object -> !names(object).isEmpty()).toList();
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!name.equals(DUPLICATE_MARKER)) {
                names.add(name);
            }
        }
        return names;
    }

    private static byte[] insert(byte[] body, Random random, byte[] bytes) {
        int at = body.length < 2 ? 0 : 1 + random.nextInt(body.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(bytes);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static <T> T pick(List<T> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }

    static ObjectNode parse(byte[] json) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
