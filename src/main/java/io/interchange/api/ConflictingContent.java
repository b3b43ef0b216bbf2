package io.interchange.api;

import io.interchange.model.BusinessKey;
import io.interchange.tracking.Admission;

/**
 * The answer to a business key that is known with other content: 409 with the original document's
 * id, as payment APIs answer an idempotency key reused for another request. A retry with the same
 * content is no conflict; it gets the duplicate answer (200 with the original ids).
 */
public final class ConflictingContent {

    private ConflictingContent() {
    }

    public static ProblemException refusal(String documentType, BusinessKey key, Admission admission) {
        return new ProblemException(Problem.of(409, "business-key-conflict", "Business Key Reused With Other Content",
                "This " + documentType + " (" + key + ") was received before, as document " + admission.documentId()
                        + ", with other content; it was not changed. A resend must be identical; a change needs its"
                        + " own number (or a cancellation of the original).")
                .withDocumentId(admission.documentId()));
    }
}
