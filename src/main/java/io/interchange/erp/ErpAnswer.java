package io.interchange.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads the ERP's business answer: on success puts the ERP order number in the
 * {@code erpOrderNumber} header; on a business rejection throws {@link ErpRejectedException}
 * carrying the ERP's own reason.
 */
public class ErpAnswer implements Processor {

    private static final int MAX_REASON = 500;

    @Override
    public void process(Exchange exchange) throws Exception {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        JsonNode answer = parse(body);
        if (ErpAvailability.BUSINESS_REJECTIONS.contains(status)) {
            String reason = answer.path("message").asText(answer.path("error").asText(abbreviate(body)));
            throw new ErpRejectedException(status, reason);
        }
        String number = answer.path("erpOrderNumber").asText("");
        if (number.isBlank()) {
            // a 2xx without an order number is not an answer we can act on: retry, then DLQ
            throw new ErpUnavailableException("ERP answered HTTP " + status + " without erpOrderNumber: "
                    + abbreviate(body));
        }
        exchange.getMessage().setHeader(DocumentHeaders.ERP_ORDER_NUMBER, number);
    }

    private static JsonNode parse(String body) {
        try {
            return CanonicalJson.mapper().readTree(body == null ? "{}" : body);
        } catch (Exception e) {
            return CanonicalJson.mapper().createObjectNode();
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
