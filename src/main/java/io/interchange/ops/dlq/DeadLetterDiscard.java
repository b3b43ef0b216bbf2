package io.interchange.ops.dlq;

import java.util.List;
import java.util.Optional;

import io.interchange.model.DocumentState;
import io.interchange.ops.audit.AuditEntry;
import io.interchange.ops.audit.AuditLog;
import io.interchange.tracking.DocumentTimeline;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.TrackedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discards dead letters for good, with the reason ops give: recorded in the document's history (it
 * stays dead-lettered, now with "discarded by ...: reason") and in the audit log.
 */
public class DeadLetterDiscard {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDiscard.class);

    private final DeadLetterBrowser browser;
    private final DeadLetterMover mover;
    private final DocumentTracker tracker;
    private final DocumentTimeline timeline;
    private final AuditLog audit;

    public DeadLetterDiscard(DeadLetterBrowser browser, DeadLetterMover mover, DocumentTracker tracker,
            DocumentTimeline timeline, AuditLog audit) {
        this.browser = browser;
        this.mover = mover;
        this.tracker = tracker;
        this.timeline = timeline;
        this.audit = audit;
    }

    public DeadLetterOutcome one(String id, String reason, String actor, String via) {
        Optional<DeadLetter> letter = browser.find(id);
        if (letter.isEmpty()) {
            audit.record(AuditEntry.of(actor, via, "discard", "dead-letter " + id, reason, "not-found"));
            return DeadLetterOutcome.notFound(id);
        }
        return discard(letter.get(), reason, actor, via, null);
    }

    public List<DeadLetterOutcome> matching(DeadLetterFilter filter, String reason, String actor, String via) {
        String request = "bulk discard, filter: " + filter.describe();
        return browser.all(filter).stream().map(letter -> discard(letter, reason, actor, via, request)).toList();
    }

    private DeadLetterOutcome discard(DeadLetter letter, String reason, String actor, String via, String request) {
        String detail = "discarded from " + letter.queue() + " by " + actor + ": " + reason;
        DeadLetterOutcome outcome;
        try {
            boolean removed = mover.discard(letter, () -> trackDiscard(letter, detail));
            outcome = new DeadLetterOutcome(letter.id(), letter.queue(), letter.documentId(), letter.businessKey(), null,
                    removed ? "ok" : "not-found", removed ? detail : "taken off " + letter.queue() + " meanwhile");
        } catch (RuntimeException e) {
            LOG.error("Discard of dead letter {} failed", letter.id(), e);
            outcome = new DeadLetterOutcome(letter.id(), letter.queue(), letter.documentId(), letter.businessKey(), null,
                    "failed", e.getMessage());
        }
        audit.record(AuditEntry.of(actor, via, "discard", letter.queue() + "/" + letter.id()
                        + (letter.documentId() == null ? "" : " document " + letter.documentId()),
                outcome.detail() + (request == null ? "" : "; " + request), outcome.outcome()));
        return outcome;
    }

    private void trackDiscard(DeadLetter letter, String detail) {
        if (letter.documentId() == null) {
            return;
        }
        Optional<TrackedDocument> document = tracker.find(letter.documentId());
        if (document.isPresent() && document.get().state() == DocumentState.DEAD_LETTERED) {
            tracker.settle(letter.documentId(), DocumentState.DEAD_LETTERED, null, detail);
        } else {
            timeline.record(letter.documentId(), "discarded", "ok", detail);
        }
    }
}
