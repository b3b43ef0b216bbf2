package io.interchange.erp;

import java.util.Set;

import io.interchange.model.DocumentHeaders;
import io.interchange.model.OrderCancellation;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs inside the ERP circuit breaker right after the HTTP call: turns every answer that says "not
 * now" into {@link ErpUnavailableException}, so the breaker counts it and the message is retried.
 * Business answers (2xx, and the rejections 400/409/422) pass through to {@link ErpAnswer}. So does a
 * 404 to a cancellation: the ERP saying "no such order yet" (the cancellation overtook its order), an
 * answer from a healthy ERP. Counted against the breaker, a few early cancellations could stop every
 * order; {@link ErpAnswer} still makes it a retryable failure, so the cancellation waits for its order.
 */
public class ErpAvailability implements Processor {

    static final Set<Integer> BUSINESS_REJECTIONS = Set.of(400, 409, 422);

    @Override
    public void process(Exchange exchange) throws ErpUnavailableException {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        boolean answered = (status >= 200 && status < 300) || BUSINESS_REJECTIONS.contains(status)
                || status == 404 && OrderCancellation.DOCUMENT_TYPE.equals(
                        exchange.getMessage().getHeader(DocumentHeaders.DOCUMENT_TYPE, String.class));
        if (!answered) {
            // without the query: it carries the ERP credentials
            String endpoint = exchange.getProperty(Exchange.TO_ENDPOINT, "the ERP", String.class).split("\\?", 2)[0];
            throw new ErpUnavailableException("ERP answered HTTP " + status + " at " + endpoint + ": "
                    + ErpAnswer.abbreviate(exchange.getMessage().getBody(String.class)));
        }
    }
}
