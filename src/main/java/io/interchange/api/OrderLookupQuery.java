package io.interchange.api;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import io.interchange.tracking.DocumentDetails;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.TrackedDocument;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * {@code GET /api/v1/orders?partnerId=&externalOrderNumber=}: the documents a partner sent under
 * its own order number (a partner's PO number, a shop's order id), each as the status query shows
 * it; an empty list when none. 400 when either parameter is missing.
 */
public class OrderLookupQuery implements Processor {

    private final DocumentTracker tracker;
    private final List<DocumentDetails> details;

    public OrderLookupQuery(DocumentTracker tracker, List<DocumentDetails> details) {
        this.tracker = tracker;
        this.details = List.copyOf(details);
    }

    @Override
    public void process(Exchange exchange) {
        String partnerId = exchange.getMessage().getHeader("partnerId", "", String.class);
        String number = exchange.getMessage().getHeader("externalOrderNumber", "", String.class);
        if (partnerId.isBlank() || number.isBlank()) {
            throw new ProblemException(Problem.of(400, "missing-parameter", "Missing Parameter",
                    "Both partnerId and externalOrderNumber are required, e.g. ?partnerId=acme&externalOrderNumber=PO-4711."));
        }
        ObjectNode answer = CanonicalJson.mapper().createObjectNode();
        ArrayNode documents = answer.putArray("documents");
        for (TrackedDocument document : tracker.findByPartnerNumber(partnerId, number)) {
            ObjectNode json = OrderStatusQuery.toJson(document);
            details.forEach(detail -> detail.addTo(document.documentId(), json));
            documents.add(json);
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(answer.toString());
    }
}
