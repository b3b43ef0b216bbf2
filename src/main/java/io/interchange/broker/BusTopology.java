package io.interchange.broker;

import java.util.List;

/**
 * The queues and topics Interchange relies on and the redelivery policy of the queues that have
 * a dead-letter queue. Applied to the embedded broker; an external broker needs the same
 * (see docker/broker.xml). Where a message goes next is the routes' business, not the broker's:
 * the copies of lifecycle events for callbacks and 855s are a route step
 * ({@code routes/processing/lifecycle-events.camel.yaml}).
 */
public record BusTopology(List<DurableQueue> queues, List<String> topics, Redelivery redelivery) {

    /** A durable anycast queue; {@code deadLetterQueue} is null for queues without one. */
    public record DurableQueue(String name, String deadLetterQueue) {
    }

    /** Exponential backoff with jitter between delivery attempts, done by the broker. */
    public record Redelivery(int maxAttempts, long initialDelayMs, double multiplier, long maxDelayMs, double jitter) {
    }
}
