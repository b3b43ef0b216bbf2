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
 * Replays dead letters to the queue they failed on, through the normal pipeline and therefore its
 * idempotency guards: a document the ERP already booked is not booked again (same
 * {@code Idempotency-Key}), a settled one is skipped by the idempotent repository. Each replay is
 * recorded in tracking (a dead-lettered document goes back to {@code received}) and in the audit log.
 */
public class DeadLetterReplay {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final DeadLetterBrowser browser;
    private final DeadLetterMover mover;
    private final DeadLetterQueues queues;
    private final DocumentTracker tracker;
    private final DocumentTimeline timeline;
    private final AuditLog audit;

    public DeadLetterReplay(DeadLetterBrowser browser, DeadLetterMover mover, DeadLetterQueues queues,
            DocumentTracker tracker, DocumentTimeline timeline, AuditLog audit) {
        this.browser = browser;
        this.mover = mover;
        this.queues = queues;
        this.tracker = tracker;
        this.timeline = timeline;
        this.audit = audit;
    }

    public DeadLetterOutcome one(String id, String actor, String via) {
        Optional<DeadLetter> letter = browser.find(id);
        if (letter.isEmpty()) {
            audit.record(AuditEntry.of(actor, via, "replay", "dead-letter " + id, null, "not-found"));
            return DeadLetterOutcome.notFound(id);
        }
        return replay(letter.get(), actor, via, null);
    }

    /** Replays every dead letter that matches, one transaction each; an empty list when none does. */
    public List<DeadLetterOutcome> matching(DeadLetterFilter filter, String actor, String via) {
        String request = "bulk replay, filter: " + filter.describe();
        return browser.all(filter).stream().map(letter -> replay(letter, actor, via, request)).toList();
    }

    private DeadLetterOutcome replay(DeadLetter letter, String actor, String via, String request) {
        String target = letter.originalQueue();
        DeadLetterOutcome outcome;
        if (!queues.isReplayTarget(target)) {
            outcome = outcome(letter, target, "refused", "no replayable original queue"
                    + (target == null ? "" : " ('" + target + "' is not a queue with a dead-letter queue)")
                    + "; discard it or fix it at its source");
        } else {
            outcome = move(letter, target, actor);
        }
        String detail = outcome.detail() + (request == null ? "" : "; " + request);
        audit.record(AuditEntry.of(actor, via, "replay", letter.queue() + "/" + letter.id()
                + (letter.documentId() == null ? "" : " document " + letter.documentId()), detail, outcome.outcome()));
        return outcome;
    }

    private DeadLetterOutcome move(DeadLetter letter, String target, String actor) {
        String detail = "replayed from " + letter.queue() + " to " + target + " by " + actor;
        boolean[] tracked = {false};
        try {
            boolean moved = mover.replay(letter, target, actor, () -> tracked[0] = trackReplay(letter, detail));
            return moved
                    ? outcome(letter, target, "ok", detail)
                    : outcome(letter, target, "not-found", "taken off " + letter.queue() + " meanwhile");
        } catch (RuntimeException e) {
            LOG.error("Replay of dead letter {} failed", letter.id(), e);
            if (tracked[0]) {
                tracker.settle(letter.documentId(), DocumentState.DEAD_LETTERED, null,
                        "replay by " + actor + " failed: " + e.getMessage());
            }
            return outcome(letter, target, "failed", e.getMessage());
        }
    }

    /**
     * Runs inside the JMS transaction, before the copy can be consumed, so the order's history shows
     * the replay before the attempts it causes. A document that is not dead-lettered (a stale copy of a
     * settled one) keeps its state; the replay is a hop in its timeline.
     */
    private boolean trackReplay(DeadLetter letter, String detail) {
        if (letter.documentId() == null) {
            return false;
        }
        Optional<TrackedDocument> document = tracker.find(letter.documentId());
        if (document.isPresent() && document.get().state() == DocumentState.DEAD_LETTERED) {
            tracker.settle(letter.documentId(), DocumentState.RECEIVED, null, detail);
            return true;
        }
        timeline.record(letter.documentId(), "replayed", "ok", detail + (document.isPresent()
                ? " while " + document.get().state().apiName() + "; the idempotency guards decide" : ""));
        return false;
    }

    private static DeadLetterOutcome outcome(DeadLetter letter, String target, String outcome, String detail) {
        return new DeadLetterOutcome(letter.id(), letter.queue(), letter.documentId(), letter.businessKey(), target,
                outcome, detail);
    }
}
