package io.interchange.model;

import java.time.OffsetDateTime;

/**
 * The canonical cancellation of an order, mirroring {@code mappings/canonical/order-cancellation.schema.json}:
 * the sender's order number, when and why. It is a document of its own, with its own ids and
 * business key, so it is tracked, retried and dead-lettered like an order.
 */
public record OrderCancellation(
        String documentId,
        String correlationId,
        Source source,
        String externalOrderNumber,
        OffsetDateTime cancelledAt,
        String reason) implements CanonicalDocument {

    public static final String DOCUMENT_TYPE = "cancellation";

    /** Added to the order number so a cancellation's business key never collides with its order's. */
    public static final String KEY_SUFFIX = "/cancellation";

    @Override
    public String documentType() {
        return DOCUMENT_TYPE;
    }

    /** Channel + partner + order number + {@value #KEY_SUFFIX}: one cancellation per order. */
    @Override
    public BusinessKey businessKey() {
        return new BusinessKey(source.channel(), source.partnerId(), externalOrderNumber + KEY_SUFFIX);
    }

    @Override
    public OrderCancellation withIdentity(String documentId, String correlationId, String channel) {
        return new OrderCancellation(documentId, correlationId, new Source(channel, source.partnerId(), source.system()),
                externalOrderNumber, cancelledAt, reason);
    }
}
