package io.interchange.edi.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Expression;
import io.interchange.mapping.JsltTemplates;

/**
 * The partners' JSLT mapping files under the mappings directory, from the shared {@link JsltTemplates}:
 * ops edit a mapping and the next transaction uses it once the file watcher accepted it, without a restart.
 */
public class OrderMapping {

    private final Path mappingsDir;
    private final JsltTemplates templates;

    public OrderMapping(Path mappingsDir, JsltTemplates templates) {
        this.mappingsDir = mappingsDir;
        this.templates = templates;
    }

    /** Applies {@code relativeFile} to {@code source}; compile and runtime errors surface as {@link MappingException}. */
    public JsonNode apply(String relativeFile, JsonNode source) {
        Expression expression = expression(mappingsDir.resolve(relativeFile));
        try {
            return expression.apply(source);
        } catch (RuntimeException e) {
            throw new MappingException(relativeFile + ": " + e.getMessage(), e);
        }
    }

    private Expression expression(Path file) {
        try {
            return templates.expression(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Mapping file missing: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mapping " + file, e);
        } catch (RuntimeException e) {
            throw new MappingException("mapping " + file.getFileName() + " does not compile: " + e.getMessage(), e);
        }
    }

    /** The mapping could not turn the document into a canonical one. */
    public static class MappingException extends RuntimeException {
        public MappingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
