package io.interchange.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A private copy of the repository's {@code routes/} and {@code mappings/} that a test edits as ops
 * would, without touching the files other tests run against.
 */
public final class RouteFiles {

    private final Path root;

    private RouteFiles(Path root) {
        this.root = root;
    }

    public static RouteFiles copyOfRepository() {
        try {
            Path root = Files.createTempDirectory("interchange-files-");
            copy(Path.of("routes"), root.resolve("routes"));
            copy(Path.of("mappings"), root.resolve("mappings"));
            return new RouteFiles(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path routes() {
        return root.resolve("routes");
    }

    public Path mappings() {
        return root.resolve("mappings");
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to {@code relative} (e.g. {@code routes/outbound/erp-orders.camel.yaml}). */
    public void write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one occurrence of {@code from} with {@code to}; fails when it is not there. */
    public void replace(String relative, String from, String to) {
        String content = read(relative);
        if (!content.contains(from)) {
            throw new IllegalArgumentException(relative + " does not contain " + from);
        }
        write(relative, content.replace(from, to));
    }

    public void delete(String relative) {
        try {
            Files.deleteIfExists(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
