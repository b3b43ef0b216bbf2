package io.interchange.ops.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A directory tree the reloader watches, read in full at each look: the files it includes by display
 * name ({@code <directory name>/<relative path>}) with their content and checksum. Editor leftovers
 * (hidden files, {@code ~} backups, swap files) are not part of it.
 */
final class WatchedDirectory {

    private final Path root;
    private final String label;
    private final Predicate<String> include;

    WatchedDirectory(Path root, Predicate<String> include) {
        this.root = root.toAbsolutePath().normalize();
        this.label = this.root.getFileName().toString();
        this.include = include;
    }

    Path root() {
        return root;
    }

    Map<String, FileVersion> scan() {
        Map<String, FileVersion> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                String fileName = path.getFileName().toString();
                if (fileName.startsWith(".") || fileName.endsWith("~") || fileName.endsWith(".swp")
                        || fileName.endsWith(".tmp") || !include.test(relative)) {
                    continue;
                }
                try {
                    byte[] content = Files.readAllBytes(path);
                    String name = label + "/" + relative;
                    files.put(name, new FileVersion(name, path.normalize(), checksum(content), content));
                } catch (NoSuchFileException e) {
                    // deleted while we looked: the next look sees it gone
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root, e);
        }
        return files;
    }

    /**
     * Single files elsewhere (a secret file, a registry outside the trees), named by their absolute
     * path; those inside one of {@code trees} are left to that tree, absent ones are not part of it.
     */
    static Map<String, FileVersion> scanFiles(Collection<Path> files, Collection<WatchedDirectory> trees) {
        Map<String, FileVersion> found = new TreeMap<>();
        for (Path file : files) {
            Path path = file.toAbsolutePath().normalize();
            if (trees.stream().anyMatch(tree -> path.startsWith(tree.root())) || !Files.isRegularFile(path)) {
                continue;
            }
            try {
                byte[] content = Files.readAllBytes(path);
                found.put(path.toString(), new FileVersion(path.toString(), path, checksum(content), content));
            } catch (NoSuchFileException e) {
                // deleted while we looked: the next look sees it gone
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        }
        return found;
    }

    static String checksum(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
