package io.interchange.ops.metrics;

import io.interchange.ops.breaker.ErpBackoff;
import io.interchange.ops.dlq.DeadLetterQueues;
import io.interchange.ops.dlq.QueueDepth;
import io.interchange.ops.intake.IntakePressure;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges for dashboards, next to {@code interchange_documents_total} and
 * {@code interchange_erp_answer_seconds}:
 * <ul>
 *   <li>{@code interchange_dead_letters{queue}}: messages waiting in each dead-letter queue;</li>
 *   <li>{@code interchange_queue_messages{queue}}: messages waiting on the orders queue, the other intake
 *       queues and the events outbox;</li>
 *   <li>{@code interchange_intake_held_back}: 1 while the intakes refuse new documents because those
 *       queues are too deep (backpressure);</li>
 *   <li>{@code interchange_erp_consumer_paused}: 1 while the ERP breaker keeps the consumer waiting;</li>
 *   <li>{@code interchange_erp_consumer_held}: orders held off the ERP meanwhile (at most one per consumer);</li>
 *   <li>{@code interchange_erp_breaker_state_changed_timestamp_seconds}: when the breaker last changed
 *       state ({@code time() - ...} is how long it has been open).</li>
 * </ul>
 * The breaker's own state is {@code resilience4j_circuitbreaker_state}.
 */
public final class OpsMetrics {

    private OpsMetrics() {
    }

    public static void bind(MeterRegistry registry, DeadLetterQueues deadLetters, QueueDepth depth, String ordersQueue,
            ErpBackoff backoff) {
        for (String queue : deadLetters.names()) {
            Gauge.builder("interchange.dead.letters", () -> depth.messages(queue))
                    .description("Messages waiting in a dead-letter queue").tag("queue", queue).register(registry);
        }
        Gauge.builder("interchange.queue.messages", () -> depth.messages(ordersQueue))
                .description("Messages waiting for the ERP consumer").tag("queue", ordersQueue).register(registry);
        Gauge.builder("interchange.erp.consumer.paused", () -> backoff.isPaused() ? 1 : 0)
                .description("1 while the ERP circuit breaker keeps the ERP consumer waiting").register(registry);
        Gauge.builder("interchange.erp.consumer.held", backoff::heldExchanges)
                .description("Orders held off the ERP until its circuit breaker lets them through").register(registry);
        Gauge.builder("interchange.erp.breaker.state.changed.timestamp.seconds",
                        () -> backoff.since().toEpochMilli() / 1000.0)
                .description("When the ERP circuit breaker last changed state (epoch seconds)").register(registry);
    }

    /** Depth of the intake queues (the orders queue is bound above) and of {@code moreQueues}, and backpressure. */
    public static void bindIntake(MeterRegistry registry, QueueDepth depth, List<String> moreQueues,
            IntakePressure pressure) {
        Set<String> queues = new LinkedHashSet<>(pressure.queues());
        queues.addAll(moreQueues);
        for (String queue : queues) {
            // the orders queue may already be there; registering it again returns the same gauge
            Gauge.builder("interchange.queue.messages", () -> depth.messages(queue))
                    .description("Messages waiting on a queue of the bus").tag("queue", queue).register(registry);
        }
        Gauge.builder("interchange.intake.held.back", () -> pressure.isHoldingBack() ? 1 : 0)
                .description("1 while the intakes refuse new documents because the bus is too deep").register(registry);
    }
}
