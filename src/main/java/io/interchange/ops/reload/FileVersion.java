package io.interchange.ops.reload;

import java.nio.file.Path;

/** One version of a watched file: its display name ({@code routes/x.yaml}), where it is, its SHA-256 and bytes. */
public record FileVersion(String name, Path path, String checksum, byte[] content) {
}
