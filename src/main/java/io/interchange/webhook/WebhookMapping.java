package io.interchange.webhook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.schibsted.spt.data.jslt.JsltException;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.canonical.SchemaViolation;
import io.interchange.model.CanonicalJson;
import io.interchange.model.Order;
import io.interchange.model.OrderCancellation;
import io.interchange.webhook.mapping.JsltMappings;
import io.interchange.webhook.settings.TopicRoute;
import io.interchange.webhook.settings.WebhookSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a delivery into a canonical document with its topic's JSLT file, then checks it against
 * the canonical schema. A topic with no mapping, or a mapping that yields nothing (null), is marked
 * ignored. A mapping that fails, or yields a document that breaks the schema, makes the delivery
 * unmappable (422, and the raw delivery goes to the webhook dead-letter queue).
 *
 * <p>The mapping sees {@code $source}, {@code $topic} and {@code $deliveryId}. Whatever it says
 * about the source, the document's source is the webhook source itself: a platform can only ever
 * submit documents under its own name.
 */
public class WebhookMapping implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookMapping.class);
    private static final Map<String, String> SCHEMAS = Map.of("order", "order", "cancellation", "order-cancellation");
    private static final Map<String, Class<?>> RECORDS = Map.of("order", Order.class, "cancellation", OrderCancellation.class);

    private final JsltMappings mappings;
    private final CanonicalSchemas schemas;
    private final WebhookMetrics metrics;

    public WebhookMapping(JsltMappings mappings, CanonicalSchemas schemas, WebhookMetrics metrics) {
        this.mappings = mappings;
        this.schemas = schemas;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        WebhookSource source = WebhookExchange.source(exchange);
        String topic = exchange.getProperty(WebhookExchange.TOPIC, String.class);
        String deliveryId = exchange.getProperty(WebhookExchange.DELIVERY_ID, String.class);
        Optional<TopicRoute> route = source.route(topic);
        if (route.isEmpty()) {
            ignore(exchange, source, topic, deliveryId, "no mapping for this topic");
            return;
        }
        String mappingName = route.get().mapping().getFileName().toString();
        JsonNode mapped;
        try {
            mapped = mappings.apply(route.get().mapping(), exchange.getMessage().getMandatoryBody(JsonNode.class), Map.of(
                    "source", TextNode.valueOf(source.id()),
                    "topic", TextNode.valueOf(topic),
                    "deliveryId", TextNode.valueOf(deliveryId)));
        } catch (JsltException e) {
            throw WebhookRefusedException.unmappable("Mapping " + mappingName + " cannot map this '" + topic
                    + "' delivery: " + e.getMessage(), List.of());
        }
        if (mapped == null || mapped.isNull() || mapped.isMissingNode()) {
            ignore(exchange, source, topic, deliveryId, "mapping " + mappingName + " found nothing to do");
            return;
        }
        if (!mapped.isObject()) {
            throw WebhookRefusedException.unmappable("Mapping " + mappingName + " made a " + mapped.getNodeType()
                    + " out of this '" + topic + "' delivery, not a document.", List.of());
        }
        String documentType = route.get().documentType();
        ObjectNode document = (ObjectNode) mapped;
        document.putObject("source").put("channel", "webhook").put("partnerId", source.id()).put("system", source.system());
        List<SchemaViolation> violations = schemas.violations(SCHEMAS.get(documentType), document);
        if (!violations.isEmpty()) {
            throw WebhookRefusedException.unmappable("The '" + topic + "' delivery maps to an invalid " + documentType + " ("
                    + violations.size() + " field(s) break the canonical schema): " + violations.get(0).pointer() + " "
                    + violations.get(0).message(), violations);
        }
        exchange.setProperty(WebhookExchange.DOCUMENT, documentType);
        exchange.getMessage().setBody(CanonicalJson.mapper().treeToValue(document, RECORDS.get(documentType)));
    }

    private void ignore(Exchange exchange, WebhookSource source, String topic, String deliveryId, String why) {
        exchange.setProperty(WebhookExchange.DOCUMENT, WebhookExchange.IGNORED);
        metrics.delivery(source.id(), "ignored");
        LOG.info("Ignored webhook delivery {} from '{}' with topic '{}': {}", deliveryId, source.id(), topic, why);
    }
}
