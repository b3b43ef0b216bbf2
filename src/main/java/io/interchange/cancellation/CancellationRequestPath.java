package io.interchange.cancellation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Points the ERP call at the order to cancel: {@code <erp>/sales-orders/{customerReference}/cancellation},
 * the reference taken from the mapped request body and encoded as one path segment, whatever
 * characters the sender's order numbers use.
 */
public class CancellationRequestPath implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        JsonNode request = CanonicalJson.mapper().readTree(exchange.getMessage().getBody(String.class));
        String reference = URLEncoder.encode(request.path("customerReference").asText(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/" + reference + "/cancellation");
    }
}
