package io.interchange.ops.reload;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Something that reloads files when they change: the partner registry, the webhook sources, the
 * canonical schemas, the JSLT templates. It is a bean of this type; the one file watcher ({@link
 * RouteReloader}) finds every such bean when it starts watching and tells the owner of a changed
 * file once the file has settled, so nothing else polls the disk. An owner that refuses the new
 * version keeps the one it has; the refusal shows where every refusal shows (log, health, admin API,
 * JMX).
 */
public interface ReloadTarget {

    /** Whether this target reads {@code file} (absolute and normalised). */
    boolean owns(Path file);

    /**
     * {@code file} has a new version, {@code content}, or is gone ({@code content} null).
     *
     * @return why the new version is refused; empty when it is in force (or does not concern this target)
     */
    Optional<String> reload(Path file, byte[] content);

    /** Whether a change to any of its files makes it read all of them again (not one file at a time). */
    default boolean rereadsAllItsFiles() {
        return false;
    }

    /** Files outside {@code routes/} and {@code mappings/} this target reads (e.g. secret files). */
    default Collection<Path> filesElsewhere() {
        return List.of();
    }
}
