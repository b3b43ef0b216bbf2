package io.interchange.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.schibsted.spt.data.jslt.JsltException;
import io.interchange.model.CanonicalJson;
import io.interchange.webhook.mapping.JsltMappings;
import io.interchange.webhook.mapping.MappingUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one JSLT cache: compiled at first use, replaced when the file watcher reports a version that compiles. */
class JsltTemplatesTest {

    @TempDir
    Path dir;

    private final JsltTemplates templates = new JsltTemplates();
    private final JsltMappings mappings = new JsltMappings(templates);

    @Test
    void editedMappingAppliesToTheNextDocumentOnceTheWatcherReportsIt() throws IOException {
        Path file = write("m.jslt", "{\"number\": .n}");
        assertThat(apply(file, "{\"n\": 1}").path("number").asInt()).isEqualTo(1);
        assertThat(templates.owns(file.toAbsolutePath())).as("in use, so the cache judges its edits").isTrue();

        String edited = "{\"number\": .n, \"from\": $source}";
        write("m.jslt", edited);
        assertThat(apply(file, "{\"n\": 2}").path("from").isMissingNode()).as("still the compiled version").isTrue();

        assertThat(templates.reload(file, bytes(edited))).isEmpty();
        JsonNode mapped = apply(file, "{\"n\": 2}");
        assertThat(mapped.path("number").asInt()).isEqualTo(2);
        assertThat(mapped.path("from").asText()).isEqualTo("shop");
    }

    @Test
    void brokenEditIsRefusedAndTheLastVersionThatCompiledKeepsMapping() throws IOException {
        Path file = write("m.jslt", "{\"number\": .n}");
        apply(file, "{\"n\": 1}");

        write("m.jslt", "{\"number\": ");

        assertThat(templates.reload(file, bytes("{\"number\": "))).hasValueSatisfying(problem -> assertThat(problem).startsWith("JSLT: "));
        assertThat(apply(file, "{\"n\": 3}").path("number").asInt()).isEqualTo(3);
    }

    @Test
    void aFileNotInUseIsNotTheCachesToJudge() throws IOException {
        Path file = write("unused.jslt", "{ nope");

        assertThat(templates.owns(file.toAbsolutePath())).isFalse();
    }

    @Test
    void removedMappingIsNoLongerServed() throws IOException {
        Path file = write("m.jslt", "{\"number\": .n}");
        apply(file, "{\"n\": 1}");

        Files.delete(file);
        assertThatThrownBy(() -> templates.expression(file)).as("even before the watcher noticed")
                .isInstanceOf(NoSuchFileException.class);
        assertThat(templates.reload(file, null)).isEmpty();
        assertThat(templates.owns(file.toAbsolutePath())).isFalse();
    }

    @Test
    void mappingThatNeverCompiledIsUnavailable() throws IOException {
        Path file = write("broken.jslt", "{ nope");

        assertThatThrownBy(() -> apply(file, "{}")).isInstanceOf(MappingUnavailableException.class);
        assertThatThrownBy(() -> mappings.check(file)).isInstanceOf(JsltException.class);
        assertThatThrownBy(() -> apply(dir.resolve("missing.jslt"), "{}")).isInstanceOf(MappingUnavailableException.class);
    }

    @Test
    void mappingsOwnErrorIsRaisedForThatDocumentOnly() throws IOException {
        Path file = write("m.jslt", "if (.n) {\"number\": .n} else error(\"no n in this delivery\")");

        assertThat(apply(file, "{\"n\": 1}").path("number").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> apply(file, "{}")).isInstanceOf(JsltException.class).hasMessageContaining("no n");
    }

    private JsonNode apply(Path file, String json) throws IOException {
        return mappings.apply(file, CanonicalJson.mapper().readTree(json), Map.of("source", TextNode.valueOf("shop")));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
