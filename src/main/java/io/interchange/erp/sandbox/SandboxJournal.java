package io.interchange.erp.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ERP sandbox's memory on disk: one JSON line per final answer, appended as it is given and
 * read back in order at start. Appending a line is all a booking costs; a line cut short by a crash
 * is the last one, and is skipped.
 */
final class SandboxJournal {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxJournal.class);

    private final Path file;

    SandboxJournal(Path file) {
        this.file = file;
    }

    void replay(Consumer<JsonNode> entry) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        int entries = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entry.accept(CanonicalJson.mapper().readTree(line));
                    entries++;
                } catch (JsonProcessingException e) {
                    LOG.warn("ERP sandbox journal {}: skipped an incomplete line", file);
                }
            }
        }
        LOG.info("ERP sandbox read {} answers back from {}", entries, file);
    }

    synchronized void append(JsonNode entry) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // one write per line: the OS has it when this returns, so even a kill -9 right after keeps it
            Files.writeString(file, entry.toString() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ERP sandbox journal " + file, e);
        }
    }

    synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the ERP sandbox journal " + file, e);
        }
    }
}
