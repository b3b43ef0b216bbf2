package io.interchange.tracking;

import java.time.Instant;

import io.interchange.model.DocumentState;

/** One step in a document's history. */
public record HistoryEntry(DocumentState state, String detail, Instant at) {
}
