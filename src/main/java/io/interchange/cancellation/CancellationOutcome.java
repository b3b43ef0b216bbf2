package io.interchange.cancellation;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.erp.ErpRejectedException;
import io.interchange.events.OrderEvents;
import io.interchange.model.BusinessKey;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.interchange.model.DocumentState;
import io.interchange.model.OrderCancellation;
import io.interchange.observe.DocumentMetrics;
import io.interchange.tracking.DocumentTracker;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ERP's final answer to a cancellation: tracked (accepted = the ERP cancelled the order), counted,
 * and left as the body as a lifecycle event for the events queue, {@code interchange.order.cancelled}
 * or {@code interchange.order.cancellation-rejected}. The event names the order (its external
 * number), not the cancellation, since that is what its consumers know.
 */
public class CancellationOutcome {

    private static final Logger LOG = LoggerFactory.getLogger(CancellationOutcome.class);

    private final DocumentTracker tracker;
    private final DocumentMetrics metrics;
    private final OrderEvents events;

    public CancellationOutcome(DocumentTracker tracker, DocumentMetrics metrics, OrderEvents events) {
        this.tracker = tracker;
        this.metrics = metrics;
        this.events = events;
    }

    public void cancelled(Exchange exchange) {
        Message message = exchange.getMessage();
        String erpOrderNumber = message.getHeader(DocumentHeaders.ERP_ORDER_NUMBER, String.class);
        tracker.settle(documentId(message), DocumentState.ACCEPTED, erpOrderNumber, null);
        settled(message, "cancelled");
        LOG.info("ERP cancelled order {} ({})", orderNumber(message), erpOrderNumber);
        toEvent(message, "cancelled", eventData(message).put("erpOrderNumber", erpOrderNumber));
    }

    public void refused(Exchange exchange) {
        Message message = exchange.getMessage();
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        while (caught instanceof RuntimeCamelException && caught.getCause() != null) {
            caught = caught.getCause();
        }
        ErpRejectedException rejection = ObjectHelper.getException(ErpRejectedException.class, caught);
        String reason = rejection == null ? String.valueOf(caught) : "ERP " + rejection.status() + ": " + rejection.getMessage();
        tracker.settle(documentId(message), DocumentState.REJECTED, null, reason);
        settled(message, "cancellation_rejected");
        LOG.warn("ERP refused to cancel order {}: {}", orderNumber(message), reason);
        toEvent(message, "cancellation-rejected", eventData(message).put("reason", reason));
    }

    private void settled(Message message, String outcome) {
        BusinessKey key = key(message);
        Long receivedAt = message.getHeader(DocumentHeaders.RECEIVED_AT, Long.class);
        Instant since = receivedAt == null ? Instant.now() : Instant.ofEpochMilli(receivedAt);
        metrics.settled(key.channel(), key.partnerId(), outcome, Duration.between(since, Instant.now()));
    }

    private void toEvent(Message message, String lifecycle, ObjectNode data) {
        message.setBody(events.event(lifecycle, documentId(message),
                message.getHeader(DocumentHeaders.CORRELATION_ID, String.class), data));
        message.setHeader(Exchange.CONTENT_TYPE, OrderEvents.CONTENT_TYPE);
    }

    private static ObjectNode eventData(Message message) {
        BusinessKey key = key(message);
        return CanonicalJson.mapper().createObjectNode()
                .put("documentId", documentId(message))
                .put("documentType", OrderCancellation.DOCUMENT_TYPE)
                .put("channel", key.channel())
                .put("partnerId", key.partnerId())
                .put("externalOrderNumber", orderNumber(message));
    }

    /** The cancelled order's own number: the business key without the cancellation suffix. */
    private static String orderNumber(Message message) {
        String number = key(message).externalNumber();
        return number.endsWith(OrderCancellation.KEY_SUFFIX)
                ? number.substring(0, number.length() - OrderCancellation.KEY_SUFFIX.length())
                : number;
    }

    private static BusinessKey key(Message message) {
        return BusinessKey.parse(message.getHeader(DocumentHeaders.BUSINESS_KEY, String.class));
    }

    private static String documentId(Message message) {
        return message.getHeader(DocumentHeaders.DOCUMENT_ID, String.class);
    }
}
