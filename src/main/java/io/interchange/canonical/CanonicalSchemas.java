package io.interchange.canonical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

/**
 * The canonical JSON Schemas under {@code mappings/canonical/<name>.schema.json}. A schema is
 * compiled once and compiled again when its file changes on disk, so ops can tighten a schema
 * without a restart.
 */
public final class CanonicalSchemas {

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();

    private final Path directory;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

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
        Path file = directory.resolve(name + ".schema.json");
        FileTime modified = lastModified(file);
        return compiled.compute(name, (key, current) -> {
            if (current != null && current.modified().equals(modified)) {
                return current;
            }
            try {
                return new Compiled(modified, load(file));
            } catch (RuntimeException e) {
                if (current == null) {
                    throw e;
                }
                // a broken edit must not stop intake: the last schema that compiled keeps serving
                // (remembered under the new time, so it is not read again until the next edit); the
                // route reloader reports the refusal with its line and reason
                return new Compiled(modified, current.schema());
            }
        }).schema();
    }

    private JsonSchema load(Path file) {
        try {
            JsonNode document = CanonicalJson.mapper().readTree(file.toFile());
            List<String> problems = MetaSchema.violations(document);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Schema " + file + " is not a valid JSON Schema: " + problems);
            }
            return factory.getSchema(document, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + file, e);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Schema not found: " + file, e);
        }
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

    private record Compiled(FileTime modified, JsonSchema schema) {
    }
}
