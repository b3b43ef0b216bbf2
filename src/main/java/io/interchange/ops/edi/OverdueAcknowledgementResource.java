package io.interchange.ops.edi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.edi.outbound.OverdueAcknowledgements;
import io.interchange.edi.outbound.SentDocument;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminRequest;
import io.interchange.ops.admin.AdminResponse;
import org.apache.camel.Exchange;

/**
 * {@code GET /admin/v1/edi/acknowledgements/overdue[?partnerId=&limit=]}: the documents we sent
 * (855 / ORDRSP) that partners have not acknowledged in time, oldest first per partner, with the
 * control numbers their 997/999/CONTRL should name.
 */
public class OverdueAcknowledgementResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final OverdueAcknowledgements overdue;

    public OverdueAcknowledgementResource(OverdueAcknowledgements overdue) {
        this.overdue = overdue;
    }

    public void list(Exchange exchange) {
        AdminRequest request = AdminRequest.of(exchange);
        ObjectNode answer = CanonicalJson.mapper().createObjectNode();
        ArrayNode documents = answer.putArray("overdue");
        for (OverdueAcknowledgements.Overdue entry : overdue.list(request.parameter("partnerId").orElse(null),
                request.limit(DEFAULT_LIMIT, MAX_LIMIT))) {
            SentDocument document = entry.document();
            ObjectNode json = documents.addObject()
                    .put("partnerId", document.partnerId())
                    .put("transactionSet", document.setId())
                    .put("fileName", document.fileName())
                    .put("interchangeControlNumber", document.interchangeControlNumber())
                    .put("groupControlNumber", document.groupControlNumber())
                    .put("transactionControlNumber", document.transactionControlNumber())
                    .put("sentAt", document.sentAt().toString())
                    .put("dueAt", entry.dueAt().toString());
            if (document.documentId() != null) {
                json.put("documentId", document.documentId());
            }
        }
        answer.put("count", documents.size());
        AdminResponse.ok(exchange, answer);
    }
}
