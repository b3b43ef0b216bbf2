package io.interchange.mapping;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import io.interchange.ops.reload.ReloadTarget;

/**
 * The one cache of compiled JSLT mapping files for the Java mapping engines (webhooks, EDI intake,
 * 855/ORDRSP): an expression is compiled at its first use and kept until the file watcher reports a
 * new version, which is compiled at once; a version that does not compile is refused there and the
 * last good one keeps mapping. A file that is gone is never served. (Camel's {@code jslt:} endpoints
 * keep their own compiled template; the watcher renews those too.)
 */
public final class JsltTemplates implements ReloadTarget {

    private final Map<Path, Expression> compiled = new ConcurrentHashMap<>();

    /**
     * The compiled mapping in {@code file}.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws JsltException       when it never compiled
     */
    public Expression expression(Path file) throws IOException {
        Path key = key(file);
        if (!Files.isRegularFile(key)) {
            compiled.remove(key);
            throw new NoSuchFileException(file.toString());
        }
        Expression expression = compiled.get(key);
        if (expression == null) {
            expression = compile(file.toString(), Files.readString(key, StandardCharsets.UTF_8));
            compiled.put(key, expression);
        }
        return expression;
    }

    @Override
    public boolean owns(Path file) {
        return compiled.containsKey(key(file));
    }

    @Override
    public Optional<String> reload(Path file, byte[] content) {
        Path key = key(file);
        if (content == null) {
            compiled.remove(key);
            return Optional.empty();
        }
        try {
            compiled.put(key, compile(file.toString(), new String(content, StandardCharsets.UTF_8)));
            return Optional.empty();
        } catch (JsltException e) {
            return Optional.of("JSLT: " + e.getMessage());
        }
    }

    private static Expression compile(String name, String text) {
        return Parser.compile(name, new StringReader(text), MappingFunctions.all());
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
