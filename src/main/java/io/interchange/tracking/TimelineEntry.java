package io.interchange.tracking;

import java.time.Instant;

/**
 * One hop of a document: when, which step ({@code received}, {@code erp-attempt}, {@code accepted},
 * {@code event-published}, {@code replayed}, {@code ack-997-sent}, ...), how it ended ({@code ok},
 * {@code started}, {@code failed}, {@code rejected}) and the detail.
 */
public record TimelineEntry(Instant at, String step, String outcome, String detail) {
}
