package io.interchange.tracking;

/**
 * The outcome of admitting a document: its ids, and whether it was already known under the same
 * business key (then nothing was enqueued and the ids are the original ones).
 */
public record Admission(String documentId, String correlationId, boolean duplicate) {
}
