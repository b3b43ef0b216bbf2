package io.interchange.webhook.callback;

import io.interchange.model.DocumentHeaders;
import io.interchange.processing.DeliveryAttempts;
import io.interchange.processing.DeadLetterHeaders;
import io.interchange.webhook.WebhookMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A callback attempt failed: note it (the route then rolls back and the broker redelivers later),
 * or, on the last attempt, give the event the dead-letter headers the order flow uses (reason,
 * route, attempts, original queue) before it goes to the callbacks dead-letter queue.
 */
public class CallbackProgress {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackProgress.class);

    private final WebhookMetrics metrics;
    private final String callbacksQueue;

    public CallbackProgress(WebhookMetrics metrics, String callbacksQueue) {
        this.metrics = metrics;
        this.callbacksQueue = callbacksQueue;
    }

    public void retryLater(Exchange exchange) {
        Message message = exchange.getMessage();
        metrics.callback(source(message), "retried");
        LOG.warn("Callback for document {} to '{}', attempt {} failed: {}; the broker redelivers it later",
                message.getHeader(DocumentHeaders.DOCUMENT_ID), source(message), DeliveryAttempts.current(exchange),
                DeadLetterHeaders.describe(DeadLetterHeaders.caught(exchange)));
    }

    public void deadLettered(Exchange exchange) {
        Message message = exchange.getMessage();
        String reason = DeadLetterHeaders.mark(exchange, callbacksQueue);
        metrics.callback(source(message), "dead_lettered");
        LOG.error("Callback for document {} to '{}' dead-lettered after {} attempts: {}",
                message.getHeader(DocumentHeaders.DOCUMENT_ID), source(message), DeliveryAttempts.current(exchange), reason);
    }

    private static String source(Message message) {
        return message.getHeader(DocumentHeaders.PARTNER_ID, WebhookMetrics.UNKNOWN_SOURCE, String.class);
    }
}
