package io.interchange.ops.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.interchange.model.CanonicalJson;
import org.apache.camel.Exchange;

/** Writes an admin API answer: JSON, no request header echoed back. */
public final class AdminResponse {

    private AdminResponse() {
    }

    public static void json(Exchange exchange, int status, Object body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        try {
            exchange.getMessage().setBody(CanonicalJson.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write admin answer", e);
        }
    }

    public static void ok(Exchange exchange, Object body) {
        json(exchange, 200, body);
    }
}
