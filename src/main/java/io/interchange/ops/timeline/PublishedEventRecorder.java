package io.interchange.ops.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.interchange.tracking.DocumentTimeline;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Last step of {@code outbound-order-events}: the destination confirmed the event, so it is a hop in
 * the document's timeline ({@code event-published}, with the CloudEvent type and where it went).
 * Inside the route's transaction: if the record cannot be written the event is sent again later,
 * with the same event id, which consumers drop.
 */
public class PublishedEventRecorder implements Processor {

    private final DocumentTimeline timeline;

    public PublishedEventRecorder(DocumentTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void process(Exchange exchange) {
        String documentId = exchange.getMessage().getHeader(DocumentHeaders.DOCUMENT_ID, String.class);
        if (documentId == null) {
            return;
        }
        String destination = exchange.getProperty(Exchange.TO_ENDPOINT, "", String.class).split("\\?", 2)[0];
        timeline.record(documentId, "event-published", "ok", type(exchange.getMessage().getBody(String.class))
                + (destination.isEmpty() ? "" : " to " + destination));
    }

    private static String type(String body) {
        try {
            JsonNode event = CanonicalJson.mapper().readTree(body == null ? "{}" : body);
            return event.path("type").asText("event");
        } catch (Exception e) {
            return "event";
        }
    }
}
