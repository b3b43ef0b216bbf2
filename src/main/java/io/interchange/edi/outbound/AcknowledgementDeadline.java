package io.interchange.edi.outbound;

import java.time.Duration;
import java.time.Instant;

import io.interchange.partner.Partner;

/**
 * When a partner's acknowledgement of what we sent is overdue: its registry entry's
 * {@code acknowledgement-due}, or the default ({@code interchange.edi.acknowledgement.due}). The
 * partner's current setting applies to everything it has not answered yet, so a changed registry
 * entry changes the overdue count at the next check.
 */
public record AcknowledgementDeadline(Duration fallback) {

    public Duration dueAfter(Partner partner) {
        return partner.acknowledgementDue() != null ? partner.acknowledgementDue() : fallback;
    }

    /** Unanswered documents sent before this instant are overdue. */
    public Instant sentBefore(Partner partner, Instant now) {
        return now.minus(dueAfter(partner));
    }

    public Instant dueAt(Partner partner, SentDocument document) {
        return document.sentAt().plus(dueAfter(partner));
    }

    public boolean overdue(Partner partner, SentDocument document, Instant now) {
        return document.ackStatus() == null && document.sentAt().isBefore(sentBefore(partner, now));
    }
}
