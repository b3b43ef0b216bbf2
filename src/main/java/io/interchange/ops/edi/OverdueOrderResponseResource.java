package io.interchange.ops.edi;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.edi.outbound.OverdueOrderResponses;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminResponse;
import org.apache.camel.Exchange;

/**
 * {@code GET /admin/v1/edi/order-responses/overdue}: per partner with an order-response mapping, the
 * orders admitted longer than {@code interchange.edi.order-response.overdue-minutes} ago that no
 * 855 / ORDRSP has answered yet: the figure of the gauge
 * {@code interchange_edi_order_responses_overdue{partner}}, counted afresh for the caller.
 */
public class OverdueOrderResponseResource {

    private final OverdueOrderResponses overdue;

    public OverdueOrderResponseResource(OverdueOrderResponses overdue) {
        this.overdue = overdue;
    }

    public void list(Exchange exchange) {
        ObjectNode answer = CanonicalJson.mapper().createObjectNode().put("overdueAfter", overdue.overdueAfter().toString());
        ArrayNode partners = answer.putArray("partners");
        long total = 0;
        for (Map.Entry<String, Long> partner : overdue.current().entrySet()) {
            partners.addObject().put("partnerId", partner.getKey()).put("count", partner.getValue());
            total += partner.getValue();
        }
        answer.put("count", total);
        AdminResponse.ok(exchange, answer);
    }
}
