package io.interchange.canonical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.reload.ReloadTarget;

/**
 * The canonical JSON Schemas under {@code mappings/canonical/<name>.schema.json}. A schema is
 * compiled at its first use and again when the file watcher reports a new version, so ops can
 * tighten a schema without a restart.
 */
public final class CanonicalSchemas implements ReloadTarget {

    private static final String SUFFIX = ".schema.json";

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();

    private final Path directory;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    public CanonicalSchemas(Path directory) {
        this.directory = directory;
    }

    /** Every violation of schema {@code name} by {@code document}, ordered by location; empty when valid. */
    public List<SchemaViolation> violations(String name, JsonNode document) {
        JsonSchema schema = schema(name);
        return schema.validate(document).stream()
                .map(message -> toViolation(message, schema.getSchemaNode()))
                .sorted(Comparator.comparing(SchemaViolation::pointer).thenComparing(SchemaViolation::message))
                .toList();
    }

    private JsonSchema schema(String name) {
        return compiled.computeIfAbsent(name, key -> load(directory.resolve(key + ".schema.json")));
    }

    @Override
    public boolean owns(Path file) {
        return file.getParent() != null && file.getParent().equals(directory.toAbsolutePath().normalize())
                && file.getFileName().toString().endsWith(SUFFIX) && compiled.containsKey(name(file));
    }

    /**
     * A new version of a schema in use replaces it once it compiles; a broken edit must not stop
     * intake, so the schema in force keeps serving and the watcher reports the refusal.
     */
    @Override
    public Optional<String> reload(Path file, byte[] content) {
        String name = name(file);
        if (content == null) {
            compiled.remove(name);
            return Optional.empty();
        }
        try {
            compiled.put(name, compile(CanonicalJson.mapper().readTree(content), file));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String name(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private JsonSchema load(Path file) {
        try {
            return compile(CanonicalJson.mapper().readTree(file.toFile()), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + file, e);
        }
    }

    private JsonSchema compile(JsonNode document, Path file) {
        List<String> problems = MetaSchema.violations(document);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Schema " + file + " is not a valid JSON Schema: " + problems);
        }
        return factory.getSchema(document, CONFIG);
    }

    private static SchemaViolation toViolation(ValidationMessage message, JsonNode schema) {
        String pointer = message.getInstanceLocation().toString();
        // The message starts with the location again ("/lines/0/sku: ..."); keep only the reason.
        String text = message.getMessage();
        if (text.startsWith(pointer + ": ")) {
            text = text.substring(pointer.length() + 2);
        }
        if (NumberBounds.KEYWORDS.contains(message.getType())) {
            JsonNode field = field(message, schema);
            if (field.isObject()) {
                text = NumberBounds.message(field, message.getInstanceNode());
            }
        }
        return new SchemaViolation(pointer.isEmpty() ? "/" : pointer, text);
    }

    /** The schema of the field whose keyword failed: the keyword's location without its last step. */
    private static JsonNode field(ValidationMessage message, JsonNode schema) {
        String location = message.getSchemaLocation().toString();
        int fragment = location.indexOf('#');
        if (fragment < 0) {
            return MissingNode.getInstance();
        }
        JsonPointer keyword = JsonPointer.compile(location.substring(fragment + 1));
        return schema.at(keyword.head());
    }

}
