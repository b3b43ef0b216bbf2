package io.interchange.tracking;

import java.time.Instant;
import java.util.List;

import io.interchange.model.BusinessKey;
import io.interchange.model.DocumentState;

/** A document as the tracking store knows it, with its history oldest first. */
public record TrackedDocument(
        String documentId,
        String correlationId,
        String documentType,
        BusinessKey businessKey,
        DocumentState state,
        String erpOrderNumber,
        String reason,
        int attempts,
        Instant receivedAt,
        Instant updatedAt,
        List<HistoryEntry> history) {
}
