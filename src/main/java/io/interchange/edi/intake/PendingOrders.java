package io.interchange.edi.intake;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;

/**
 * Orders of an interchange held back until the interchange's verdict is known, at its trailer
 * (partners whose policy rejects the whole interchange when one transaction fails). They wait in
 * a local temporary file, one JSON line each, so a large interchange does not need a large heap.
 */
final class PendingOrders implements AutoCloseable {

    private Path file;
    private BufferedWriter writer;
    private int count;

    void add(ObjectNode entry) {
        try {
            if (writer == null) {
                file = Files.createTempFile("interchange-pending-", ".jsonl");
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            writer.write(entry.toString());
            writer.newLine();
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hold back an order in " + file, e);
        }
    }

    int size() {
        return count;
    }

    /** Hands every held order to {@code action} in arrival order and forgets them. */
    void drain(Consumer<ObjectNode> action) {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    action.accept((ObjectNode) CanonicalJson.mapper().readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read held-back orders from " + file, e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            if (writer != null) {
                writer.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer = null;
            file = null;
            count = 0;
        }
    }
}
