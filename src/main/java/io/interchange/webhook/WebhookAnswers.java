package io.interchange.webhook;

import io.interchange.model.CanonicalJson;
import io.interchange.tracking.Admission;
import org.apache.camel.Exchange;

/**
 * The answers to deliveries that create nothing: a repeated delivery id (200, the platform may stop
 * retrying) and an ignored topic (202, so the platform does not retry something we will never take).
 */
public class WebhookAnswers {

    private final WebhookMetrics metrics;

    public WebhookAnswers(WebhookMetrics metrics) {
        this.metrics = metrics;
    }

    public void duplicate(Exchange exchange) {
        metrics.delivery(WebhookExchange.sourceId(exchange), "duplicate");
        answer(exchange, 200, "duplicate");
    }

    /** Counts an admitted delivery: accepted, or duplicate when its document was known (the platform re-sent it). */
    public void admitted(Exchange exchange) throws Exception {
        Admission admission = exchange.getMessage().getMandatoryBody(Admission.class);
        metrics.delivery(WebhookExchange.sourceId(exchange), admission.duplicate() ? "duplicate" : "accepted");
    }

    public void ignored(Exchange exchange) {
        answer(exchange, 202, WebhookExchange.IGNORED);
    }

    private static void answer(Exchange exchange, int status, String outcome) {
        String body = CanonicalJson.mapper().createObjectNode()
                .put("deliveryId", exchange.getProperty(WebhookExchange.DELIVERY_ID, String.class))
                .put("topic", exchange.getProperty(WebhookExchange.TOPIC, String.class))
                .put("outcome", outcome)
                .toString();
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(body);
    }
}
