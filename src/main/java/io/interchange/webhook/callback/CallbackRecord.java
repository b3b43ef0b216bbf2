package io.interchange.webhook.callback;

import io.interchange.model.DocumentHeaders;
import io.interchange.processing.DeliveryRecord;
import io.interchange.webhook.WebhookMetrics;
import org.apache.camel.Exchange;

/** A failed status callback is counted per source: retried, or dead-lettered. */
public class CallbackRecord implements DeliveryRecord {

    private final WebhookMetrics metrics;

    public CallbackRecord(WebhookMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void retrying(Exchange exchange, String detail) {
        metrics.callback(source(exchange), "retried");
    }

    @Override
    public void deadLettered(Exchange exchange, String reason, int attempts) {
        metrics.callback(source(exchange), "dead_lettered");
    }

    private static String source(Exchange exchange) {
        return exchange.getMessage().getHeader(DocumentHeaders.PARTNER_ID, WebhookMetrics.UNKNOWN_SOURCE, String.class);
    }
}
