package io.interchange.webhook;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@code webhooks.dlq} entry back into the delivery it was (raw body, request headers,
 * source), ready for the intake after its signature check; then reads how the intake answered.
 * The source must still be declared: a replay is refused like any delivery to an unknown source.
 */
public class WebhookReplay implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReplay.class);

    private final WebhookSources sources;

    public WebhookReplay(WebhookSources sources) {
        this.sources = sources;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String sourceId = message.getHeader(WebhookRefusal.DLQ_SOURCE, String.class);
        byte[] raw = message.getMandatoryBody(byte[].class);
        JsonNode requestHeaders = CanonicalJson.mapper().readTree(
                message.getHeader(WebhookRefusal.DLQ_REQUEST_HEADERS, "{}", String.class));
        WebhookSources.Live source = sources.find(sourceId).orElseThrow(() -> new IllegalStateException(
                "Cannot replay a delivery for source '" + sourceId + "': no such source in the webhook configuration"));
        message.removeHeaders("*");
        for (Iterator<Map.Entry<String, JsonNode>> it = requestHeaders.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            message.setHeader(header.getKey(), header.getValue().asText());
        }
        message.setBody(raw);
        exchange.setProperty(WebhookExchange.SOURCE, source.settings());
        exchange.setProperty(WebhookExchange.RAW_BODY, raw);
    }

    /** After the intake answered: 2xx and 4xx settle the replay (a 422 is back in the DLQ); 5xx is retried. */
    public void outcome(Exchange exchange) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        String delivery = exchange.getProperty(WebhookExchange.DELIVERY_ID, "?", String.class);
        String source = WebhookExchange.sourceId(exchange);
        if (status >= 500) {
            throw new IllegalStateException("Replay of delivery " + delivery + " from '" + source + "' answered " + status
                    + ": " + exchange.getMessage().getBody(String.class));
        }
        LOG.info("Replayed webhook delivery {} from '{}': {} {}", delivery, source, status,
                exchange.getMessage().getBody(String.class));
    }
}
