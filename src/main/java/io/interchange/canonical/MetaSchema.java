package io.interchange.canonical;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

/**
 * Checks that a schema document is itself a valid JSON Schema 2020-12 (against the meta-schema the
 * validator library ships, so no network is needed). A schema that breaks it is never put to use:
 * neither at a reload nor when {@link CanonicalSchemas} notices the edited file.
 */
public final class MetaSchema {

    private static final JsonSchema META = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private MetaSchema() {
    }

    /** What makes {@code schema} an invalid JSON Schema; empty when it is valid. */
    public static List<String> violations(JsonNode schema) {
        return META.validate(schema).stream().map(message -> message.getMessage()).sorted().toList();
    }
}
