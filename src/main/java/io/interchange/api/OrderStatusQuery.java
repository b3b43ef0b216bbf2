package io.interchange.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.interchange.tracking.DocumentDetails;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.HistoryEntry;
import io.interchange.tracking.TrackedDocument;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** {@code GET /api/v1/orders/{documentId}}: the tracked state and its history, or 404. */
public class OrderStatusQuery implements Processor {

    private final DocumentTracker tracker;
    private final List<DocumentDetails> details;

    public OrderStatusQuery(DocumentTracker tracker) {
        this(tracker, List.of());
    }

    /** @param details channel-specific facts to add (e.g. EDI control numbers) */
    public OrderStatusQuery(DocumentTracker tracker, List<DocumentDetails> details) {
        this.tracker = tracker;
        this.details = List.copyOf(details);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String documentId = exchange.getMessage().getHeader(DocumentHeaders.DOCUMENT_ID, "", String.class);
        TrackedDocument document = tracker.find(documentId).orElseThrow(() -> new ProblemException(
                Problem.of(404, "unknown-document", "Unknown Document", "No document with id '" + documentId + "'.")));
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(DocumentHeaders.HTTP_CORRELATION_ID, document.correlationId());
        ObjectNode json = toJson(document);
        details.forEach(detail -> detail.addTo(document.documentId(), json));
        exchange.getMessage().setBody(json.toString());
    }

    static ObjectNode toJson(TrackedDocument document) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode()
                .put("documentId", document.documentId())
                .put("correlationId", document.correlationId())
                .put("documentType", document.documentType())
                .put("state", document.state().apiName())
                .put("attempts", document.attempts())
                .put("receivedAt", document.receivedAt().toString())
                .put("updatedAt", document.updatedAt().toString());
        json.putObject("businessKey")
                .put("channel", document.businessKey().channel())
                .put("partnerId", document.businessKey().partnerId())
                .put("externalNumber", document.businessKey().externalNumber());
        if (document.erpOrderNumber() != null) {
            json.put("erpOrderNumber", document.erpOrderNumber());
        }
        if (document.reason() != null) {
            json.put("reason", document.reason());
        }
        ArrayNode history = json.putArray("history");
        for (HistoryEntry entry : document.history()) {
            ObjectNode step = history.addObject().put("state", entry.state().apiName()).put("at", entry.at().toString());
            if (entry.detail() != null) {
                step.put("detail", entry.detail());
            }
        }
        return json;
    }
}
