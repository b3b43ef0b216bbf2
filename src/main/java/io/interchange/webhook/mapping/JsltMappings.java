package io.interchange.webhook.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import io.interchange.mapping.MappingFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSLT mapping files, compiled once and again whenever the file changes on disk, so ops can fix a
 * mapping without a restart. A change that does not compile is logged once and the last good
 * version keeps mapping; deliveries never see a half-edited file.
 */
public final class JsltMappings {

    private static final Logger LOG = LoggerFactory.getLogger(JsltMappings.class);

    private final Map<Path, Compiled> compiled = new ConcurrentHashMap<>();
    private final Map<Path, Stamp> refused = new ConcurrentHashMap<>();

    /** Compiles {@code file} (or finds it compiled); throws with the parser's message when it does not compile. */
    public void check(Path file) throws IOException, JsltException {
        Stamp stamp = Stamp.of(file);
        Compiled current = compiled.get(file);
        if (current == null || !current.stamp().equals(stamp)) {
            compiled.put(file, new Compiled(stamp, compile(file)));
            refused.remove(file);
        }
    }

    /**
     * Runs the mapping on {@code input}; {@code variables} are visible in the file as {@code $name}.
     *
     * @throws JsltException when the mapping fails on this input (e.g. its own {@code error(...)})
     * @throws MappingUnavailableException when the file can neither be read nor was ever compiled
     */
    public JsonNode apply(Path file, JsonNode input, Map<String, JsonNode> variables) {
        return expression(file).apply(variables, input);
    }

    private Expression expression(Path file) {
        Stamp stamp;
        try {
            stamp = Stamp.of(file);
        } catch (IOException e) {
            return lastGood(file, "cannot be read: " + e.getMessage());
        }
        Compiled current = compiled.get(file);
        if (current != null && current.stamp().equals(stamp)) {
            return current.expression();
        }
        if (stamp.equals(refused.get(file))) {
            return lastGood(file, null);
        }
        try {
            Compiled fresh = new Compiled(stamp, compile(file));
            compiled.put(file, fresh);
            LOG.info("Mapping {} (re)compiled", file);
            return fresh.expression();
        } catch (IOException | JsltException e) {
            refused.put(file, stamp);
            return lastGood(file, "does not compile: " + e.getMessage());
        }
    }

    private Expression lastGood(Path file, String problem) {
        Compiled previous = compiled.get(file);
        if (problem != null) {
            LOG.error("Mapping {} {}; {}", file, problem,
                    previous == null ? "no earlier version to fall back on" : "keeping the last version that compiled");
        }
        if (previous == null) {
            throw new MappingUnavailableException("Mapping " + file.getFileName() + " is not available");
        }
        return previous.expression();
    }

    private static Expression compile(Path file) throws IOException {
        return Parser.compileString(Files.readString(file, StandardCharsets.UTF_8), MappingFunctions.all());
    }

    private record Compiled(Stamp stamp, Expression expression) {
    }

    /** What tells a changed file from an unchanged one: modification time and size. */
    private record Stamp(FileTime modified, long size) {
        static Stamp of(Path file) throws IOException {
            return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
        }
    }
}
