package io.interchange.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.webhook.settings.WebhookSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads the delivery id and the topic from where the source puts them (a header or a body field).
 * Both are required: without a delivery id a retry could not be told from a new event (400).
 */
public class WebhookDelivery implements Processor {

    /** The idempotent repository's message id column holds 100 characters. */
    private static final int MAX_KEY = 100;

    @Override
    public void process(Exchange exchange) throws Exception {
        WebhookSource source = WebhookExchange.source(exchange);
        JsonNode body = exchange.getMessage().getMandatoryBody(JsonNode.class);
        String deliveryId = source.deliveryId().find(WebhookExchange.headers(exchange), body);
        if (deliveryId == null) {
            throw WebhookRefusedException.of(400, "missing-delivery-id", "Missing Delivery Id",
                    "Source '" + source.id() + "' sends its delivery id in " + source.deliveryId().describe() + "; it is absent.");
        }
        String topic = source.topic().find(WebhookExchange.headers(exchange), body);
        if (topic == null) {
            throw WebhookRefusedException.of(400, "missing-topic", "Missing Topic",
                    "Source '" + source.id() + "' sends the event topic in " + source.topic().describe() + "; it is absent.");
        }
        exchange.setProperty(WebhookExchange.DELIVERY_ID, deliveryId);
        exchange.setProperty(WebhookExchange.DELIVERY_KEY, key(source.id(), deliveryId));
        exchange.setProperty(WebhookExchange.TOPIC, topic);
    }

    static String key(String source, String deliveryId) {
        String key = source + ":" + deliveryId;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deliveryId.getBytes(StandardCharsets.UTF_8));
            return source + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
