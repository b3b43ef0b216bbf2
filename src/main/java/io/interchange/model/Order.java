package io.interchange.model;

import java.util.List;

/**
 * The canonical order, mirroring {@code mappings/canonical/order.schema.json}. Every channel maps
 * its own format to this shape before the order goes on the bus.
 */
public record Order(
        String documentId,
        String correlationId,
        Source source,
        OrderHeader header,
        List<Party> parties,
        List<OrderLine> lines,
        OrderTotals totals) implements CanonicalDocument {

    public static final String DOCUMENT_TYPE = "order";

    @Override
    public String documentType() {
        return DOCUMENT_TYPE;
    }

    /** Channel + partner + external order number: the key that makes an order unique. */
    @Override
    public BusinessKey businessKey() {
        return new BusinessKey(source.channel(), source.partnerId(), header.externalOrderNumber());
    }

    @Override
    public Order withIdentity(String documentId, String correlationId, String channel) {
        return new Order(documentId, correlationId, new Source(channel, source.partnerId(), source.system()),
                header, parties, lines, totals);
    }
}
