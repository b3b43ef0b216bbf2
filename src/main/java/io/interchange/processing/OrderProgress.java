package io.interchange.processing;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.erp.ErpRejectedException;
import io.interchange.events.OrderEvents;
import io.interchange.model.BusinessKey;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.interchange.model.DocumentState;
import io.interchange.observe.DocumentMetrics;
import io.interchange.tracking.BusCopy;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.NewDocument;
import io.interchange.tracking.TrackedDocument;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each step of an order between the bus and the ERP's answer: in the tracking store, in
 * the metrics and, for final answers, as a lifecycle event (left as the body for the events queue).
 * {@link #submitted} judges every copy from the bus, orders and cancellations alike; failures are
 * the one policy's ({@link DeliveryProgress}).
 */
public class OrderProgress {

    /**
     * Exchange property set by {@link #submitted} on a copy that must not reach the ERP (a
     * {@link BusCopy} that does not go there); the route stops, and so acknowledges it, when set.
     */
    public static final String SETTLED_COPY = "interchangeSettledCopy";

    /** Exchange property set by {@link #announceAgain} when the body is the outcome's event again. */
    public static final String ANNOUNCED_AGAIN = "interchangeAnnouncedAgain";

    private static final Logger LOG = LoggerFactory.getLogger(OrderProgress.class);

    private final DocumentTracker tracker;
    private final DocumentMetrics metrics;
    private final OrderEvents events;

    public OrderProgress(DocumentTracker tracker, DocumentMetrics metrics, OrderEvents events) {
        this.tracker = tracker;
        this.metrics = metrics;
        this.events = events;
    }

    public void submitted(Exchange exchange) {
        Message message = exchange.getMessage();
        NewDocument document = new NewDocument(
                message.getHeader(DocumentHeaders.DOCUMENT_ID, String.class),
                message.getHeader(DocumentHeaders.CORRELATION_ID, String.class),
                message.getHeader(DocumentHeaders.DOCUMENT_TYPE, "order", String.class),
                BusinessKey.parse(message.getHeader(DocumentHeaders.BUSINESS_KEY, String.class)),
                receivedAt(message));
        BusCopy copy = tracker.submitted(document, DeliveryAttempts.current(exchange));
        if (!copy.goesToErp()) {
            // the route acknowledges it here (see SETTLED_COPY); a dead letter would be a false alarm
            exchange.setProperty(SETTLED_COPY, copy.name());
            LOG.info("Copy of {} ({}) acknowledged without an ERP call: {}", document.documentId(),
                    document.businessKey(), copy);
        }
    }

    public void accepted(Exchange exchange) {
        Message message = exchange.getMessage();
        String erpOrderNumber = message.getHeader(DocumentHeaders.ERP_ORDER_NUMBER, String.class);
        tracker.settle(documentId(message), DocumentState.ACCEPTED, erpOrderNumber, null);
        settled(message, "accepted");
        LOG.info("ERP accepted order {} as {}", businessKey(message), erpOrderNumber);
        ObjectNode data = eventData(message).put("erpOrderNumber", erpOrderNumber);
        toEvent(message, "accepted", data);
    }

    public void rejected(Exchange exchange) {
        Message message = exchange.getMessage();
        ErpRejectedException rejection = ObjectHelper.getException(ErpRejectedException.class, DeadLetterHeaders.caught(exchange));
        String reason = "ERP " + rejection.status() + ": " + rejection.getMessage();
        tracker.settle(documentId(message), DocumentState.REJECTED, null, reason);
        settled(message, "rejected");
        LOG.warn("ERP rejected order {}: {}", businessKey(message), reason);
        toEvent(message, "rejected", eventData(message).put("reason", reason));
    }

    /**
     * A copy the ERP already answered comes back from the bus: the ERP answer and its idempotency
     * row were committed, but the transaction that carried its event did not (a broker failover or
     * a crash between the two). Its event is announced again from the tracking store; the event id
     * is derived from the document and the outcome, so a consumer that saw it once can drop it.
     * Sets {@link #ANNOUNCED_AGAIN} when it left the event as the body; nothing while the document
     * is not settled. (A step, not a predicate: Camel evaluates a bean predicate on a copy of the
     * exchange, so the event would be lost.)
     */
    public void announceAgain(Exchange exchange) {
        Message message = exchange.getMessage();
        TrackedDocument document = tracker.find(documentId(message)).orElse(null);
        if (document == null || !document.state().isFinal()) {
            return;
        }
        ObjectNode data = eventData(message);
        if (document.state() == DocumentState.ACCEPTED) {
            toEvent(message, "accepted", data.put("erpOrderNumber", document.erpOrderNumber()));
        } else {
            toEvent(message, "rejected", data.put("reason", document.reason()));
        }
        LOG.info("Order {} delivered again after its ERP answer: its {} event is announced again",
                businessKey(message), document.state());
        exchange.setProperty(ANNOUNCED_AGAIN, true);
    }

    private void settled(Message message, String outcome) {
        BusinessKey key = BusinessKey.parse(businessKey(message));
        metrics.settled(key.channel(), key.partnerId(), outcome, Duration.between(receivedAt(message), Instant.now()));
    }

    private void toEvent(Message message, String lifecycle, ObjectNode data) {
        message.setBody(events.event(lifecycle, documentId(message), message.getHeader(DocumentHeaders.CORRELATION_ID, String.class), data));
        message.setHeader(Exchange.CONTENT_TYPE, OrderEvents.CONTENT_TYPE);
        // the events route has several consumers: a document's events stay in order within their group
        message.setHeader("JMSXGroupID", documentId(message));
    }

    private static ObjectNode eventData(Message message) {
        BusinessKey key = BusinessKey.parse(businessKey(message));
        ObjectNode data = CanonicalJson.mapper().createObjectNode()
                .put("documentId", documentId(message))
                .put("channel", key.channel())
                .put("partnerId", key.partnerId())
                .put("externalOrderNumber", key.externalNumber());
        return data;
    }

    private static Instant receivedAt(Message message) {
        Long millis = message.getHeader(DocumentHeaders.RECEIVED_AT, Long.class);
        return millis == null ? Instant.now() : Instant.ofEpochMilli(millis);
    }

    private static String documentId(Message message) {
        return message.getHeader(DocumentHeaders.DOCUMENT_ID, String.class);
    }

    private static String businessKey(Message message) {
        return message.getHeader(DocumentHeaders.BUSINESS_KEY, String.class);
    }
}
