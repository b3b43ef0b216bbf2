package io.interchange.webhook;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.interchange.api.ProblemException;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.interchange.ops.dlq.DeadLetter;
import io.interchange.webhook.mapping.MappingUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a refused delivery: counts it by reason, keeps an unmappable one in the webhook
 * dead-letter queue (raw body, the request headers, source, topic, delivery id and the reason) so
 * it can be fixed and replayed, and answers problem+json through the shared problem responder,
 * with {@code Retry-After} when rate limited, suspended or overloaded. If the dead-letter queue cannot take the delivery,
 * the sender gets a 500 instead of the 422 and will deliver it again.
 */
public class WebhookRefusal implements Processor {

    public static final String DLQ_SOURCE = "webhookSource";
    public static final String DLQ_TOPIC = "webhookTopic";
    public static final String DLQ_DELIVERY_ID = "webhookDeliveryId";
    /** The request headers as a JSON object, so a replay can send the delivery as it came. */
    public static final String DLQ_REQUEST_HEADERS = "webhookRequestHeaders";
    public static final String DLQ_ERROR = "interchangeError";
    public static final String DLQ_AT = "interchangeDeadLetteredAt";
    /** Where to send the entry, unchanged, to replay it (as for the other dead-letter queues). */
    public static final String DLQ_ORIGINAL_QUEUE = "interchangeOriginalQueue";
    /** The body is the platform's own JSON: the admin API's masked view withholds it. */
    public static final String DLQ_RAW_PAYLOAD = DeadLetter.RAW_PAYLOAD;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRefusal.class);
    /** Headers a replay does not need and that must not be stored: credentials of any kind. */
    private static final Set<String> NOT_KEPT = Set.of("authorization", "cookie", "proxy-authorization");

    private final Processor problemResponder;
    private final ProducerTemplate producer;
    private final String deadLetterEndpoint;
    private final String replayQueue;
    private final WebhookMetrics metrics;

    public WebhookRefusal(Processor problemResponder, ProducerTemplate producer, String deadLetterEndpoint,
            String replayQueue, WebhookMetrics metrics) {
        this.problemResponder = problemResponder;
        this.producer = producer;
        this.deadLetterEndpoint = deadLetterEndpoint;
        this.replayQueue = replayQueue;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause instanceof MappingUnavailableException unavailable) {
            // our mapping is broken: the platform should retry once ops fixed it, not give up
            cause = WebhookRefusedException.unavailable(unavailable.getMessage() + "; try again later.");
        }
        String source = WebhookExchange.sourceId(exchange);
        if (cause instanceof WebhookRefusedException refused && refused.deadLetter()) {
            try {
                deadLetter(exchange, refused);
            } catch (RuntimeException e) {
                LOG.error("Webhook delivery from '{}' could not be dead-lettered; answering 500 so it is sent again", source, e);
                cause = e;
            }
        }
        metrics.rejected(source, reason(cause));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        problemResponder.process(exchange);    // with Retry-After when rate limited, suspended or overloaded
    }

    private void deadLetter(Exchange exchange, WebhookRefusedException refused) throws Exception {
        Map<String, Object> headers = new HashMap<>();
        headers.put(DLQ_SOURCE, WebhookExchange.sourceId(exchange));
        // as on every document of the source, so the admin API's partner and channel filters find it
        headers.put(DocumentHeaders.CHANNEL, "webhook");
        headers.put(DocumentHeaders.PARTNER_ID, WebhookExchange.sourceId(exchange));
        headers.put(DLQ_RAW_PAYLOAD, true);
        putIfPresent(headers, DLQ_TOPIC, exchange.getProperty(WebhookExchange.TOPIC, String.class));
        putIfPresent(headers, DLQ_DELIVERY_ID, exchange.getProperty(WebhookExchange.DELIVERY_ID, String.class));
        headers.put(DLQ_REQUEST_HEADERS, CanonicalJson.mapper().writeValueAsString(requestHeaders(exchange)));
        headers.put(DLQ_ERROR, refused.problem().detail());
        headers.put(DLQ_AT, Instant.now().toString());
        headers.put(DLQ_ORIGINAL_QUEUE, replayQueue);
        headers.put(Exchange.CONTENT_TYPE, exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class));
        producer.sendBodyAndHeaders(deadLetterEndpoint, exchange.getProperty(WebhookExchange.RAW_BODY, byte[].class), headers);
        LOG.warn("Unmappable webhook delivery {} from '{}' kept in {}: {}", headers.get(DLQ_DELIVERY_ID),
                headers.get(DLQ_SOURCE), deadLetterEndpoint, refused.problem().detail());
    }

    private static Map<String, String> requestHeaders(Exchange exchange) {
        Map<String, String> kept = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("Camel") && !NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, String.valueOf(value));
            }
        });
        return kept;
    }

    private static void putIfPresent(Map<String, Object> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static String reason(Throwable cause) {
        if (cause instanceof WebhookRefusedException refused) {
            return refused.reason();
        }
        if (cause instanceof ProblemException problem) {
            String type = problem.problem().type();
            return type.substring(type.lastIndexOf('/') + 1);
        }
        return "internal-error";
    }
}
