package io.interchange.tracking;

/**
 * The outcome of admitting a document: its ids, and whether it was already known under the same
 * business key (then nothing was enqueued and the ids are the original ones). {@code conflicting}:
 * known, but with other content than this one (the fingerprints differ), so not a retry.
 */
public record Admission(String documentId, String correlationId, boolean duplicate, boolean conflicting) {

    public Admission(String documentId, String correlationId, boolean duplicate) {
        this(documentId, correlationId, duplicate, false);
    }
}
