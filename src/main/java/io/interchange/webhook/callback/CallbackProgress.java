package io.interchange.webhook.callback;

import java.time.Instant;

import io.interchange.model.DocumentHeaders;
import io.interchange.processing.DeliveryAttempts;
import io.interchange.processing.OrderProgress;
import io.interchange.webhook.WebhookMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
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
                describe(caught(exchange)));
    }

    public void deadLettered(Exchange exchange) {
        Message message = exchange.getMessage();
        Throwable cause = caught(exchange);
        int attempts = DeliveryAttempts.current(exchange);
        message.setHeader(OrderProgress.ERROR, describe(cause));
        message.setHeader(OrderProgress.ERROR_CLASS, cause == null ? "unknown" : cause.getClass().getName());
        message.setHeader(OrderProgress.FAILED_ROUTE,
                exchange.getProperty(Exchange.FAILURE_ROUTE_ID, exchange.getFromRouteId(), String.class));
        message.setHeader(OrderProgress.ATTEMPTS, attempts);
        message.setHeader(OrderProgress.DEAD_LETTERED_AT, Instant.now().toString());
        message.setHeader(OrderProgress.ORIGINAL_QUEUE, callbacksQueue);
        metrics.callback(source(message), "dead_lettered");
        LOG.error("Callback for document {} to '{}' dead-lettered after {} attempts: {}",
                message.getHeader(DocumentHeaders.DOCUMENT_ID), source(message), attempts, describe(cause));
    }

    private static String source(Message message) {
        return message.getHeader(DocumentHeaders.PARTNER_ID, WebhookMetrics.UNKNOWN_SOURCE, String.class);
    }

    private static Throwable caught(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        while (cause instanceof RuntimeCamelException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
