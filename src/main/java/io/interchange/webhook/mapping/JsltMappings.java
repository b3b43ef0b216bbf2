package io.interchange.webhook.mapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import io.interchange.mapping.JsltTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook mappings: JSLT files from the shared {@link JsltTemplates}, applied with the
 * delivery's variables. Ops fix a mapping on disk and the next delivery uses it once the file watcher
 * accepted it; a change that does not compile is refused and the last good version keeps mapping.
 */
public final class JsltMappings {

    private static final Logger LOG = LoggerFactory.getLogger(JsltMappings.class);

    private final JsltTemplates templates;

    public JsltMappings(JsltTemplates templates) {
        this.templates = templates;
    }

    /** Compiles {@code file} (or finds it compiled); throws with the parser's message when it does not compile. */
    public void check(Path file) throws IOException, JsltException {
        templates.expression(file);
    }

    /**
     * Runs the mapping on {@code input}; {@code variables} are visible in the file as {@code $name}.
     *
     * @throws JsltException when the mapping fails on this input (e.g. its own {@code error(...)})
     * @throws MappingUnavailableException when the file is missing or never compiled
     */
    public JsonNode apply(Path file, JsonNode input, Map<String, JsonNode> variables) {
        Expression expression;
        try {
            expression = templates.expression(file);
        } catch (IOException | JsltException e) {
            LOG.error("Mapping {} is not available: {}", file, e.getMessage());
            throw new MappingUnavailableException("Mapping " + file.getFileName() + " is not available");
        }
        return expression.apply(variables, input);
    }
}
