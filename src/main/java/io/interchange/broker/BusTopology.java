package io.interchange.broker;

import java.util.List;

/**
 * The queues and topics Interchange relies on and the redelivery policy of the queues that have
 * a dead-letter queue. Applied to the embedded broker; an external broker needs the same
 * (see docker/broker.xml).
 */
public record BusTopology(List<DurableQueue> queues, List<String> topics, Redelivery redelivery, List<Copy> copies) {

    public BusTopology(List<DurableQueue> queues, List<String> topics, Redelivery redelivery) {
        this(queues, topics, redelivery, List.of());
    }

    /** A durable anycast queue; {@code deadLetterQueue} is null for queues without one. */
    public record DurableQueue(String name, String deadLetterQueue) {
    }

    /**
     * The broker copies each message sent to {@code from} that matches {@code filter} (a JMS
     * selector on its properties) to {@code to}, in the same transaction as the original send.
     * A second consumer fed by the same messages, without touching the flow that sends them.
     */
    public record Copy(String name, String from, String to, String filter) {
    }

    /** Exponential backoff with jitter between delivery attempts, done by the broker. */
    public record Redelivery(int maxAttempts, long initialDelayMs, double multiplier, long maxDelayMs, double jitter) {
    }
}
