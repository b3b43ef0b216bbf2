package io.interchange.edi.outbound;

import io.interchange.edi.intake.EdiTracking;
import io.interchange.model.DocumentHeaders;
import io.interchange.processing.DeadLetterHeaders;
import io.interchange.processing.DeliveryAttempts;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An 855/ORDRSP could not be written (mapping failure, partner's SFTP server down): note it (the
 * route rolls back and the broker redelivers later), or, on the last attempt, give the event the
 * dead-letter headers and a {@code order-response-dead-lettered} hop before it goes to the
 * order-responses dead-letter queue, from which ops replay it once the cause is fixed.
 */
public class OrderResponseProgress {

    private static final Logger LOG = LoggerFactory.getLogger(OrderResponseProgress.class);

    private final EdiTracking tracking;
    private final String responsesQueue;

    public OrderResponseProgress(EdiTracking tracking, String responsesQueue) {
        this.tracking = tracking;
        this.responsesQueue = responsesQueue;
    }

    public void retryLater(Exchange exchange) {
        Message message = exchange.getMessage();
        LOG.warn("Order response for document {} of partner {}, attempt {} failed: {}; the broker redelivers it later",
                message.getHeader(DocumentHeaders.DOCUMENT_ID), message.getHeader(DocumentHeaders.PARTNER_ID),
                DeliveryAttempts.current(exchange), DeadLetterHeaders.describe(DeadLetterHeaders.caught(exchange)));
    }

    public void deadLettered(Exchange exchange) {
        Message message = exchange.getMessage();
        String documentId = message.getHeader(DocumentHeaders.DOCUMENT_ID, String.class);
        int attempts = DeliveryAttempts.current(exchange);
        String reason = DeadLetterHeaders.mark(exchange, responsesQueue);
        if (documentId != null) {
            tracking.responseFailed(documentId, "after " + attempts + " attempts: " + reason);
        }
        LOG.error("Order response for document {} of partner {} dead-lettered after {} attempts: {}", documentId,
                message.getHeader(DocumentHeaders.PARTNER_ID), attempts, reason);
    }
}
