package io.interchange.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.interchange.tracking.Admission;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The answer to an accepted intake: 202 with the new document's ids, or 200 with the original ids
 * when the business key was already known (nothing was enqueued again).
 */
public class AdmissionResponse implements Processor {

    private final String statusPath;

    /** @param statusPath where the document's state can be read, e.g. {@code /api/v1/orders/} */
    public AdmissionResponse(String statusPath) {
        this.statusPath = statusPath;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Admission admission = exchange.getMessage().getMandatoryBody(Admission.class);
        String location = statusPath + admission.documentId();
        ObjectNode body = CanonicalJson.mapper().createObjectNode()
                .put("documentId", admission.documentId())
                .put("correlationId", admission.correlationId())
                .put("duplicate", admission.duplicate())
                .put("status", location);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, admission.duplicate() ? 200 : 202);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader("Location", location);
        exchange.getMessage().setHeader(DocumentHeaders.HTTP_CORRELATION_ID, admission.correlationId());
        exchange.getMessage().setBody(body.toString());
    }
}
