package io.interchange.ops.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import io.interchange.model.DocumentHeaders;
import io.interchange.processing.DeadLetterHeaders;

/**
 * A message waiting in a dead-letter queue, as ops see it: which document, why it failed, where,
 * after how many attempts, and where a replay sends it. {@code id} is the JMS message id without its
 * {@code ID:} prefix; it stays the same for as long as the message is in the queue.
 */
public record DeadLetter(
        String id,
        String queue,
        String documentId,
        String correlationId,
        String businessKey,
        String channel,
        String partnerId,
        String documentType,
        String reason,
        String errorClass,
        String failedRoute,
        Integer attempts,
        String originalQueue,
        Instant deadLetteredAt,
        Instant receivedAt,
        int replays,
        Map<String, Object> properties,
        String body) {

    /** Set on a replayed message: how often, by whom, when, from which dead-letter queue. */
    public static final String REPLAYS = "interchangeReplays";
    public static final String REPLAYED_BY = "interchangeReplayedBy";
    public static final String REPLAYED_AT = "interchangeReplayedAt";
    public static final String REPLAYED_FROM = "interchangeReplayedFrom";

    /**
     * Set (true) by an intake that dead-letters what its sender sent, as it was sent (a webhook
     * delivery): the payload is in the sender's own format, whose field names the personal-data mask
     * does not know, so the masked view withholds it.
     */
    public static final String RAW_PAYLOAD = "interchangeRawPayload";

    /** Set by Artemis when it dead-letters a message itself (its own delivery limit). */
    static final String BROKER_ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";

    public static DeadLetter read(String queue, Message message) throws JMSException {
        Map<String, Object> properties = new TreeMap<>();
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements();) {
            String name = (String) names.nextElement();
            properties.put(name, message.getObjectProperty(name));
        }
        String reason = text(properties, DeadLetterHeaders.ERROR);
        String originalQueue = text(properties, DeadLetterHeaders.ORIGINAL_QUEUE);
        if (reason == null && properties.containsKey(BROKER_ORIGINAL_QUEUE)) {
            reason = "dead-lettered by the broker: its delivery limit was reached before Interchange could";
            originalQueue = text(properties, BROKER_ORIGINAL_QUEUE);
        }
        Object attempts = properties.get(DeadLetterHeaders.ATTEMPTS);
        Object receivedAt = properties.get(DocumentHeaders.RECEIVED_AT);
        Object replays = properties.get(REPLAYS);
        return new DeadLetter(
                stripPrefix(message.getJMSMessageID()),
                queue,
                text(properties, DocumentHeaders.DOCUMENT_ID),
                text(properties, DocumentHeaders.CORRELATION_ID),
                text(properties, DocumentHeaders.BUSINESS_KEY),
                text(properties, DocumentHeaders.CHANNEL),
                text(properties, DocumentHeaders.PARTNER_ID),
                text(properties, DocumentHeaders.DOCUMENT_TYPE),
                reason == null ? "unknown" : reason,
                text(properties, DeadLetterHeaders.ERROR_CLASS),
                text(properties, DeadLetterHeaders.FAILED_ROUTE),
                attempts instanceof Number n ? n.intValue() : null,
                originalQueue,
                deadLetteredAt(text(properties, DeadLetterHeaders.DEAD_LETTERED_AT), message.getJMSTimestamp()),
                receivedAt instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null,
                replays instanceof Number n ? n.intValue() : 0,
                Collections.unmodifiableMap(properties),
                body(message));
    }

    /** True when the payload is the sender's raw input rather than a document or event of Interchange's. */
    public boolean rawPayload() {
        Object raw = properties.get(RAW_PAYLOAD);
        return raw != null && Boolean.parseBoolean(raw.toString());
    }

    /** The JMS message id of a dead-letter id, for selectors. */
    public static String jmsMessageId(String id) {
        return "ID:" + id;
    }

    private static String stripPrefix(String jmsMessageId) {
        return jmsMessageId != null && jmsMessageId.startsWith("ID:") ? jmsMessageId.substring(3) : jmsMessageId;
    }

    private static String text(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        return value == null ? null : value.toString();
    }

    private static Instant deadLetteredAt(String header, long jmsTimestamp) {
        if (header != null) {
            try {
                return Instant.parse(header);
            } catch (DateTimeParseException e) {
                // fall back to the time the message was sent to the dead-letter queue
            }
        }
        return jmsTimestamp > 0 ? Instant.ofEpochMilli(jmsTimestamp) : null;
    }

    private static String body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            bytes.reset();
            return new String(content, StandardCharsets.UTF_8);
        }
        return null;
    }
}
