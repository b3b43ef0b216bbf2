package io.interchange.webhook.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.schibsted.spt.data.jslt.JsltException;
import io.interchange.model.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mapping files edited on disk while deliveries are being mapped. */
class JsltMappingsTest {

    @TempDir
    Path dir;

    private final JsltMappings mappings = new JsltMappings();

    @Test
    void editedMappingAppliesToTheNextDocument() throws IOException {
        Path file = dir.resolve("m.jslt");
        write(file, "{\"number\": .n}", 1);
        assertThat(apply(file, "{\"n\": 1}").path("number").asInt()).isEqualTo(1);

        write(file, "{\"number\": .n, \"from\": $source}", 2);

        JsonNode mapped = apply(file, "{\"n\": 2}");
        assertThat(mapped.path("number").asInt()).isEqualTo(2);
        assertThat(mapped.path("from").asText()).isEqualTo("shop");
    }

    @Test
    void brokenEditKeepsTheLastVersionThatCompiled() throws IOException {
        Path file = dir.resolve("m.jslt");
        write(file, "{\"number\": .n}", 1);
        apply(file, "{\"n\": 1}");

        write(file, "{\"number\": ", 2);

        assertThat(apply(file, "{\"n\": 3}").path("number").asInt()).isEqualTo(3);
    }

    @Test
    void mappingThatNeverCompiledIsUnavailable() throws IOException {
        Path file = dir.resolve("broken.jslt");
        write(file, "{ nope", 1);

        assertThatThrownBy(() -> apply(file, "{}")).isInstanceOf(MappingUnavailableException.class);
        assertThatThrownBy(() -> mappings.check(file)).isInstanceOf(JsltException.class);
        assertThatThrownBy(() -> apply(dir.resolve("missing.jslt"), "{}")).isInstanceOf(MappingUnavailableException.class);
    }

    @Test
    void mappingsOwnErrorIsRaisedForThatDocumentOnly() throws IOException {
        Path file = dir.resolve("m.jslt");
        write(file, "if (.n) {\"number\": .n} else error(\"no n in this delivery\")", 1);

        assertThat(apply(file, "{\"n\": 1}").path("number").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> apply(file, "{}")).isInstanceOf(JsltException.class).hasMessageContaining("no n");
    }

    private JsonNode apply(Path file, String json) throws IOException {
        return mappings.apply(file, CanonicalJson.mapper().readTree(json), Map.of("source", TextNode.valueOf("shop")));
    }

    private static void write(Path file, String content, int second) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_800_000_000L + second)));
    }
}
