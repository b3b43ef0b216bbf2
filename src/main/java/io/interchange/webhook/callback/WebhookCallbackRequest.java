package io.interchange.webhook.callback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.interchange.webhook.WebhookSources;
import io.interchange.webhook.mapping.JsltMappings;
import io.interchange.webhook.settings.Callback;
import io.interchange.webhook.settings.WebhookSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the status callback for a lifecycle event of a webhook document: finds the source's
 * callback (none declared, or a mapping that yields null: nothing to send), maps the event to the
 * source's body, and signs it with the source's scheme and current secret. The request carries the
 * event id as {@code Idempotency-Key}, the same on every retry, so the receiver can drop repeats.
 *
 * <p>Out: property {@value #URL} (absent when there is nothing to send), {@value #ID}; the body and
 * only the HTTP headers of the callback.
 */
public class WebhookCallbackRequest implements Processor {

    public static final String URL = "webhookCallbackUrl";
    public static final String ID = "webhookCallbackId";
    public static final String SOURCE = "webhookCallbackSource";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookCallbackRequest.class);

    private final WebhookSources sources;
    private final JsltMappings mappings;
    private final Clock clock;

    public WebhookCallbackRequest(WebhookSources sources, JsltMappings mappings, Clock clock) {
        this.sources = sources;
        this.mappings = mappings;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String sourceId = message.getHeader(DocumentHeaders.PARTNER_ID, String.class);
        JsonNode event = CanonicalJson.mapper().readTree(message.getBody(String.class));
        exchange.setProperty(SOURCE, sourceId);
        Optional<WebhookSource> source = sources.find(sourceId).map(WebhookSources.Live::settings);
        Optional<Callback> callback = source.flatMap(WebhookSource::callback);
        if (callback.isEmpty()) {
            LOG.debug("No callback for '{}' event {} of source '{}'", event.path("type").asText(), event.path("id").asText(), sourceId);
            return;
        }
        JsonNode body = mappings.apply(callback.get().mapping(), event, Map.of("source", TextNode.valueOf(sourceId)));
        if (body == null || body.isNull() || body.isMissingNode()) {
            LOG.debug("Callback mapping of '{}' has nothing to send for {}", sourceId, event.path("type").asText());
            return;
        }
        if (source.get().secrets().isEmpty()) {
            // an unsigned callback would be refused by the platform anyway; retried until a secret is set
            throw new CallbackFailedException("source '" + sourceId + "' has no secret to sign its callback with");
        }
        byte[] bytes = CanonicalJson.mapper().writeValueAsBytes(body);
        String eventId = event.path("id").asText();
        String correlationId = message.getHeader(DocumentHeaders.CORRELATION_ID, String.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_URI, callback.get().url());
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Idempotency-Key", eventId);
        message.setHeader("X-Interchange-Event", event.path("type").asText());
        if (correlationId != null) {
            message.setHeader(DocumentHeaders.HTTP_CORRELATION_ID, correlationId);
        }
        source.get().scheme().sign(bytes, source.get().secrets().get(0), clock.instant()).forEach(message::setHeader);
        message.setBody(new String(bytes, StandardCharsets.UTF_8));
        exchange.setProperty(URL, callback.get().url());
        exchange.setProperty(ID, eventId);
    }
}
