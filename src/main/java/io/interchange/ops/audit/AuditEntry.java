package io.interchange.ops.audit;

import java.time.Instant;

/**
 * One admin action: who ({@code actor}, through {@code via}: http or jmx), what ({@code action} on
 * {@code target}, with {@code detail}) and how it ended ({@code outcome}: ok, not-found, failed,
 * denied, refused).
 */
public record AuditEntry(long id, Instant at, String actor, String via, String action, String target, String detail,
        String outcome) {

    public static AuditEntry of(String actor, String via, String action, String target, String detail, String outcome) {
        return new AuditEntry(0, Instant.now(), actor, via, action, target, detail, outcome);
    }
}
