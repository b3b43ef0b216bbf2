package io.interchange.tracking;

import java.time.Instant;

import io.interchange.model.BusinessKey;

/**
 * What the tracking store needs to know about a document when it first sees it. {@code fingerprint}
 * ({@link io.interchange.model.ContentFingerprint}) tells a retry of the same document from other
 * content under the same business key; null where the channel does not compare content.
 */
public record NewDocument(String documentId, String correlationId, String documentType, BusinessKey businessKey,
        Instant receivedAt, String fingerprint) {

    public NewDocument(String documentId, String correlationId, String documentType, BusinessKey businessKey,
            Instant receivedAt) {
        this(documentId, correlationId, documentType, businessKey, receivedAt, null);
    }
}
