package io.interchange.ops.dlq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.interchange.model.DocumentHeaders;

/**
 * Which dead letters an operation is about; every criterion left null matches anything. Equality
 * criteria become a JMS selector, so the broker does the filtering; the error class (full or simple
 * name) and the time range of the last failure are checked on the browsed messages.
 */
public record DeadLetterFilter(String queue, String partner, String channel, String errorClass, Instant since,
        Instant until, String documentId) {

    public static DeadLetterFilter none() {
        return new DeadLetterFilter(null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return queue == null && partner == null && channel == null && errorClass == null && since == null
                && until == null && documentId == null;
    }

    /** A JMS selector for the equality criteria; null when there are none. */
    public String selector() {
        List<String> terms = new ArrayList<>();
        equality(terms, DocumentHeaders.PARTNER_ID, partner);
        equality(terms, DocumentHeaders.CHANNEL, channel);
        equality(terms, DocumentHeaders.DOCUMENT_ID, documentId);
        return terms.isEmpty() ? null : String.join(" AND ", terms);
    }

    public boolean matches(DeadLetter letter) {
        if (errorClass != null) {
            String actual = letter.errorClass();
            boolean same = actual != null && (actual.equals(errorClass) || actual.endsWith("." + errorClass));
            if (!same) {
                return false;
            }
        }
        Instant at = letter.deadLetteredAt();
        if (since != null && (at == null || at.isBefore(since))) {
            return false;
        }
        return until == null || (at != null && !at.isAfter(until));
    }

    /** For the audit log and JMX answers. */
    public String describe() {
        if (isEmpty()) {
            return "all";
        }
        List<String> parts = new ArrayList<>();
        add(parts, "queue", queue);
        add(parts, "partner", partner);
        add(parts, "channel", channel);
        add(parts, "errorClass", errorClass);
        add(parts, "since", since);
        add(parts, "until", until);
        add(parts, "documentId", documentId);
        return String.join(" ", parts);
    }

    private static void equality(List<String> terms, String property, String value) {
        if (value != null) {
            // a JMS selector string literal escapes ' by doubling it
            terms.add(property + " = '" + value.replace("'", "''") + "'");
        }
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }
}
