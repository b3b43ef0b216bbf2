package io.interchange.edi.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Parser;
import io.interchange.mapping.MappingFunctions;

/**
 * The partners' JSLT mapping files under the mappings directory, compiled once and again when a
 * file changes on disk: ops edit a mapping and the next transaction uses it, without a restart.
 */
public class OrderMapping {

    private final Path mappingsDir;
    private final Map<Path, Compiled> compiled = new ConcurrentHashMap<>();

    public OrderMapping(Path mappingsDir) {
        this.mappingsDir = mappingsDir;
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
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Mapping file missing: " + file, e);
        }
        return compiled.compute(file, (key, current) -> current != null && current.modified().equals(modified)
                ? current : new Compiled(modified, compile(file))).expression();
    }

    private static Expression compile(Path file) {
        try {
            return Parser.compileString(Files.readString(file), MappingFunctions.all());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mapping " + file, e);
        } catch (RuntimeException e) {
            throw new MappingException("mapping " + file.getFileName() + " does not compile: " + e.getMessage(), e);
        }
    }

    private record Compiled(FileTime modified, Expression expression) {
    }

    /** The mapping could not turn the document into a canonical one. */
    public static class MappingException extends RuntimeException {
        public MappingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
