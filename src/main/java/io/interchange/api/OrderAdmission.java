package io.interchange.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.interchange.broker.BusTransaction;
import io.interchange.model.CanonicalJson;
import io.interchange.model.ContentFingerprint;
import io.interchange.model.DocumentHeaders;
import io.interchange.model.Order;
import io.interchange.observe.DocumentMetrics;
import io.interchange.tracking.Admission;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.NewDocument;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Admits a canonical order: gives it its ids, registers its business key and sends it
 * persistently to the orders queue, all before the caller gets an answer. A business key seen
 * before is not enqueued again; the caller gets the original document id, or a 409 naming it when
 * the content differs from the original's ({@link ContentFingerprint}).
 *
 * <p>Out: body {@link Admission}; headers {@code documentId} and {@code correlationId}.
 */
public class OrderAdmission implements Processor {

    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final DocumentTracker tracker;
    private final DocumentMetrics metrics;
    private final ProducerTemplate producer;
    private final String ordersEndpoint;
    private final String channel;

    /**
     * @param ordersEndpoint the Camel endpoint of the orders queue, e.g. {@code jms:queue:orders.inbound}
     * @param channel        the intake channel this admission serves ({@code rest}, {@code edi}, {@code webhook})
     */
    public OrderAdmission(DocumentTracker tracker, DocumentMetrics metrics, ProducerTemplate producer,
            String ordersEndpoint, String channel) {
        this.tracker = tracker;
        this.metrics = metrics;
        this.producer = producer;
        this.ordersEndpoint = ordersEndpoint;
        this.channel = channel;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Order posted = exchange.getMessage().getMandatoryBody(Order.class);
        String correlationId = firstSafe(exchange.getMessage().getHeader(DocumentHeaders.HTTP_CORRELATION_ID, String.class),
                posted.correlationId());
        Order order = posted.withIdentity(UUID.randomUUID().toString(), correlationId, channel);
        Instant receivedAt = Instant.now();
        NewDocument document = new NewDocument(order.documentId(), correlationId, "order", order.businessKey(), receivedAt,
                ContentFingerprint.of(order));
        String json = CanonicalJson.mapper().writeValueAsString(order);
        Admission admission = tracker.admit(document, "durable on " + ordersEndpoint, () ->
                producer.sendBodyAndHeaders(ordersEndpoint, json, busHeaders(document)));
        metrics.received(channel, order.source().partnerId(), outcome(admission));
        if (admission.conflicting()) {
            throw ConflictingContent.refusal("order", order.businessKey(), admission);
        }
        exchange.getMessage().setHeader(DocumentHeaders.DOCUMENT_ID, admission.documentId());
        exchange.getMessage().setHeader(DocumentHeaders.CORRELATION_ID, admission.correlationId());
        exchange.getMessage().setBody(admission);
    }

    /**
     * Admits several orders of one channel at once: the same as {@link #process} for each, with the
     * new ones sent to the bus in one transaction of {@code bus} and registered in one transaction
     * of the tracking store (a file intake's batch; an HTTP caller waits for its own order only).
     *
     * @return the admission of each order, in the order given
     */
    public List<Admission> admitAll(List<Order> posted, BusTransaction bus) throws Exception {
        List<NewDocument> documents = new ArrayList<>(posted.size());
        Map<String, String> bodies = new HashMap<>();
        Instant receivedAt = Instant.now();
        for (Order each : posted) {
            String correlationId = firstSafe(each.correlationId());
            Order order = each.withIdentity(UUID.randomUUID().toString(), correlationId, channel);
            documents.add(new NewDocument(order.documentId(), correlationId, "order", order.businessKey(), receivedAt));
            bodies.put(order.documentId(), CanonicalJson.mapper().writeValueAsString(order));
        }
        List<Admission> admissions = tracker.admitAll(documents, "durable on " + ordersEndpoint, fresh -> bus.run(() ->
                fresh.forEach(d -> producer.sendBodyAndHeaders(ordersEndpoint, bodies.get(d.documentId()), busHeaders(d)))));
        for (int i = 0; i < posted.size(); i++) {
            metrics.received(channel, posted.get(i).source().partnerId(),
                    admissions.get(i).duplicate() ? "duplicate" : "received");
        }
        return admissions;
    }

    /** How an admission is counted: received, duplicate (a retry) or conflict (other content, refused). */
    public static String outcome(Admission admission) {
        return admission.conflicting() ? "conflict" : admission.duplicate() ? "duplicate" : "received";
    }

    /** The document's identity as JMS properties; they follow it through every later hop. */
    public static Map<String, Object> busHeaders(NewDocument document) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(DocumentHeaders.DOCUMENT_ID, document.documentId());
        headers.put(DocumentHeaders.CORRELATION_ID, document.correlationId());
        headers.put(DocumentHeaders.DOCUMENT_TYPE, document.documentType());
        headers.put(DocumentHeaders.BUSINESS_KEY, document.businessKey().toString());
        headers.put(DocumentHeaders.CHANNEL, document.businessKey().channel());
        headers.put(DocumentHeaders.PARTNER_ID, document.businessKey().partnerId());
        headers.put(DocumentHeaders.RECEIVED_AT, document.receivedAt().toEpochMilli());
        return headers;
    }

    /** The caller's correlation id if it is a sane token (it ends up in logs and headers), else a new one. */
    private static String firstSafe(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && SAFE_CORRELATION_ID.matcher(candidate).matches()) {
                return candidate;
            }
        }
        return UUID.randomUUID().toString();
    }
}
