package io.interchange.processing;

import java.time.Duration;
import java.time.Instant;

import io.interchange.model.BusinessKey;
import io.interchange.model.DocumentHeaders;
import io.interchange.model.DocumentState;
import io.interchange.observe.DocumentMetrics;
import io.interchange.tracking.DocumentTracker;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * For a document delivered to the ERP (an order, a cancellation): each failed attempt is on its
 * history, and a dead letter is its final state (dead-lettered, with the reason), counted as settled.
 */
public class DocumentDeliveryRecord implements DeliveryRecord {

    private final DocumentTracker tracker;
    private final DocumentMetrics metrics;

    public DocumentDeliveryRecord(DocumentTracker tracker, DocumentMetrics metrics) {
        this.tracker = tracker;
        this.metrics = metrics;
    }

    @Override
    public void retrying(Exchange exchange, String detail) {
        tracker.attemptFailed(documentId(exchange.getMessage()), detail);
    }

    @Override
    public void deadLettered(Exchange exchange, String reason, int attempts) {
        Message message = exchange.getMessage();
        tracker.settle(documentId(message), DocumentState.DEAD_LETTERED, null,
                "dead-lettered after " + attempts + " attempts: " + reason);
        BusinessKey key = BusinessKey.parse(message.getHeader(DocumentHeaders.BUSINESS_KEY, String.class));
        Long receivedAt = message.getHeader(DocumentHeaders.RECEIVED_AT, Long.class);
        Instant since = receivedAt == null ? Instant.now() : Instant.ofEpochMilli(receivedAt);
        metrics.settled(key.channel(), key.partnerId(), "dead_lettered", Duration.between(since, Instant.now()));
    }

    private static String documentId(Message message) {
        return message.getHeader(DocumentHeaders.DOCUMENT_ID, String.class);
    }
}
