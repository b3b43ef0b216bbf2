package io.interchange.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.interchange.model.CanonicalJson;

/**
 * Lifecycle events of documents as CloudEvents 1.0 in structured JSON: {@code type}
 * {@code interchange.order.accepted} and so on, {@code subject} the document id, the correlation
 * id as the {@code correlationid} extension. The event id is derived from document and type, so a
 * redelivered step publishes the same id again and consumers can drop the repeat.
 */
public class OrderEvents {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final EventFormat FORMAT = new JsonFormat();

    private final URI source;

    public OrderEvents(String source) {
        this.source = URI.create(source);
    }

    /** @param lifecycle e.g. {@code accepted}; the type becomes {@code interchange.order.accepted} */
    public String event(String lifecycle, String documentId, String correlationId, ObjectNode data) {
        String type = "interchange.order." + lifecycle;
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.nameUUIDFromBytes((documentId + "/" + type).getBytes(StandardCharsets.UTF_8)).toString())
                .withSource(source)
                .withType(type)
                .withSubject(documentId)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(bytes(data))
                .withExtension("correlationid", correlationId)
                .build();
        return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ObjectNode data) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
