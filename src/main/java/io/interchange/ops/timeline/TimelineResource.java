package io.interchange.ops.timeline;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.api.Problem;
import io.interchange.api.ProblemException;
import io.interchange.model.BusinessKey;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminRequest;
import io.interchange.ops.admin.AdminResponse;
import io.interchange.tracking.DocumentTimeline;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.TimelineEntry;
import io.interchange.tracking.TrackedDocument;
import org.apache.camel.Exchange;

/**
 * Where is that document? {@code GET /admin/v1/documents/{documentId}} and
 * {@code GET /admin/v1/documents?correlationId=|businessKey=|partnerId=&externalNumber=}: the document
 * with every hop of its timeline. An unknown id is 404; a search that finds nothing is an empty list.
 */
public class TimelineResource {

    private final DocumentTracker tracker;
    private final DocumentTimeline timeline;

    public TimelineResource(DocumentTracker tracker, DocumentTimeline timeline) {
        this.tracker = tracker;
        this.timeline = timeline;
    }

    public void show(Exchange exchange) {
        String documentId = AdminRequest.of(exchange).segmentAfter("documents");
        TrackedDocument document = tracker.find(documentId).orElseThrow(() -> new ProblemException(
                Problem.of(404, "unknown-document", "Unknown Document", "No document with id '" + documentId + "'.")));
        AdminResponse.ok(exchange, toJson(document));
    }

    public void search(Exchange exchange) {
        AdminRequest request = AdminRequest.of(exchange);
        List<String> ids;
        if (request.parameter("correlationId").isPresent()) {
            ids = timeline.byCorrelationId(request.parameter("correlationId").get());
        } else if (request.parameter("businessKey").isPresent()) {
            BusinessKey key;
            try {
                key = BusinessKey.parse(request.parameter("businessKey").get());
            } catch (IllegalArgumentException e) {
                throw AdminRequest.badRequest("businessKey is channel:partner:externalNumber, e.g. rest:webshop:WS-1.");
            }
            ids = tracker.findByBusinessKey(key).map(d -> List.of(d.documentId())).orElse(List.of());
        } else if (request.parameter("partnerId").isPresent() && request.parameter("externalNumber").isPresent()) {
            ids = timeline.byPartnerAndNumber(request.parameter("partnerId").get(), request.parameter("externalNumber").get());
        } else {
            throw AdminRequest.badRequest("Search by correlationId, by businessKey, or by partnerId and externalNumber.");
        }
        ObjectNode answer = CanonicalJson.mapper().createObjectNode();
        ArrayNode documents = answer.putArray("documents");
        ids.stream().map(tracker::find).flatMap(java.util.Optional::stream).map(this::toJson).forEach(documents::add);
        AdminResponse.ok(exchange, answer);
    }

    private ObjectNode toJson(TrackedDocument document) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode()
                .put("documentId", document.documentId())
                .put("correlationId", document.correlationId())
                .put("documentType", document.documentType())
                .put("businessKey", document.businessKey().toString())
                .put("state", document.state().apiName())
                .put("attempts", document.attempts())
                .put("receivedAt", document.receivedAt().toString())
                .put("updatedAt", document.updatedAt().toString());
        if (document.erpOrderNumber() != null) {
            json.put("erpOrderNumber", document.erpOrderNumber());
        }
        ArrayNode hops = json.putArray("timeline");
        for (TimelineEntry entry : timeline.of(document.documentId())) {
            ObjectNode hop = hops.addObject().put("at", entry.at().toString()).put("step", entry.step())
                    .put("outcome", entry.outcome());
            if (entry.node() != null) {
                hop.put("node", entry.node());
            }
            if (entry.detail() != null) {
                hop.put("detail", entry.detail());
            }
        }
        return json;
    }
}
