package io.interchange.tracking;

import java.time.Instant;

/**
 * One hop of a document: when, which step ({@code received}, {@code erp-attempt}, {@code accepted},
 * {@code event-published}, {@code replayed}, {@code ack-997-sent}, ...), how it ended ({@code ok},
 * {@code started}, {@code failed}, {@code rejected}), the detail, and the instance that recorded it
 * ({@code interchange.node.id}; null for hops recorded before instances were named).
 */
public record TimelineEntry(Instant at, String step, String outcome, String detail, String node) {
}
