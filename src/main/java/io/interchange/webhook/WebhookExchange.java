package io.interchange.webhook;

import java.util.function.UnaryOperator;

import io.interchange.webhook.settings.WebhookSource;
import org.apache.camel.Exchange;

/** The exchange properties the webhook intake steps hand to each other. */
final class WebhookExchange {

    /** The {@link WebhookSource} the delivery is addressed to. */
    static final String SOURCE = "webhookSource";
    /** The request body exactly as received (byte[]), for the signature and the dead-letter queue. */
    static final String RAW_BODY = "rawBody";
    static final String DELIVERY_ID = "webhookDeliveryId";
    /** {@code source:deliveryId}, the key of the delivery in the idempotent repository. */
    static final String DELIVERY_KEY = "webhookDeliveryKey";
    static final String TOPIC = "webhookTopic";
    /** {@code order}, {@code cancellation} or {@link #IGNORED}: what the mapping made of the delivery. */
    static final String DOCUMENT = "webhookDocument";
    static final String IGNORED = "ignored";

    private WebhookExchange() {
    }

    static WebhookSource source(Exchange exchange) {
        return exchange.getProperty(SOURCE, WebhookSource.class);
    }

    static String sourceId(Exchange exchange) {
        WebhookSource source = source(exchange);
        return source == null ? WebhookMetrics.UNKNOWN_SOURCE : source.id();
    }

    /** Request headers by name; Camel's header map ignores case, as HTTP does. */
    static UnaryOperator<String> headers(Exchange exchange) {
        return name -> exchange.getMessage().getHeader(name, String.class);
    }
}
