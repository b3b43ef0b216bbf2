package io.interchange.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Webhook counters per source, in Prometheus at {@code /observe/metrics}:
 * <ul>
 *   <li>{@code interchange_webhooks_total{source,outcome}}: received (every delivery to a known
 *       source), accepted (enqueued), duplicate (delivery id seen before), ignored (topic without
 *       a mapping, or a mapping with nothing to do), rejected;</li>
 *   <li>{@code interchange_webhooks_rejected_total{source,reason}}: rejections by problem slug;</li>
 *   <li>{@code interchange_webhook_callbacks_total{source,outcome}}: delivered, retried, dead_lettered.</li>
 * </ul>
 * Requests to undeclared sources count under {@code source="unknown"}: the path segment is chosen
 * by whoever calls, so it never becomes a label.
 */
public class WebhookMetrics {

    public static final String UNKNOWN_SOURCE = "unknown";

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void delivery(String source, String outcome) {
        Counter.builder("interchange.webhooks")
                .description("Webhook deliveries by source and outcome")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void rejected(String source, String reason) {
        delivery(source, "rejected");
        Counter.builder("interchange.webhooks.rejected")
                .description("Refused webhook deliveries by source and reason")
                .tag("source", source)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void callback(String source, String outcome) {
        Counter.builder("interchange.webhook.callbacks")
                .description("Status callbacks to webhook sources by outcome")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
