package io.interchange.tracking;

import java.time.Instant;

import io.interchange.model.BusinessKey;

/** What the tracking store needs to know about a document when it first sees it. */
public record NewDocument(String documentId, String correlationId, String documentType, BusinessKey businessKey,
        Instant receivedAt) {
}
