package io.interchange.cancellation;

import java.time.Instant;
import java.util.UUID;

import io.interchange.api.ConflictingContent;
import io.interchange.api.OrderAdmission;
import io.interchange.model.CanonicalJson;
import io.interchange.model.ContentFingerprint;
import io.interchange.model.DocumentHeaders;
import io.interchange.model.OrderCancellation;
import io.interchange.observe.DocumentMetrics;
import io.interchange.tracking.Admission;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.NewDocument;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Admits a canonical cancellation the way {@link OrderAdmission} admits an order: new ids, its
 * business key registered and the persistent send to the cancellations queue in one step, before
 * the sender is answered. A cancellation already known for the same order is not enqueued again
 * (and is answered 409 when it says something else than the known one).
 *
 * <p>Out: body {@link Admission}; headers {@code documentId} and {@code correlationId}.
 */
public class CancellationAdmission implements Processor {

    public static final String DOCUMENT_TYPE = "cancellation";

    private final DocumentTracker tracker;
    private final DocumentMetrics metrics;
    private final ProducerTemplate producer;
    private final String cancellationsEndpoint;
    private final String channel;

    public CancellationAdmission(DocumentTracker tracker, DocumentMetrics metrics, ProducerTemplate producer,
            String cancellationsEndpoint, String channel) {
        this.tracker = tracker;
        this.metrics = metrics;
        this.producer = producer;
        this.cancellationsEndpoint = cancellationsEndpoint;
        this.channel = channel;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        OrderCancellation posted = exchange.getMessage().getMandatoryBody(OrderCancellation.class);
        String correlationId = posted.correlationId() != null ? posted.correlationId() : UUID.randomUUID().toString();
        OrderCancellation cancellation = posted.withIdentity(UUID.randomUUID().toString(), correlationId, channel);
        NewDocument document = new NewDocument(cancellation.documentId(), correlationId, DOCUMENT_TYPE,
                cancellation.businessKey(), Instant.now(), ContentFingerprint.of(cancellation));
        String json = CanonicalJson.mapper().writeValueAsString(cancellation);
        Admission admission = tracker.admit(document, "durable on " + cancellationsEndpoint, () ->
                producer.sendBodyAndHeaders(cancellationsEndpoint, json, OrderAdmission.busHeaders(document)));
        metrics.received(channel, cancellation.source().partnerId(), OrderAdmission.outcome(admission));
        if (admission.conflicting()) {
            throw ConflictingContent.refusal(DOCUMENT_TYPE, cancellation.businessKey(), admission);
        }
        exchange.getMessage().setHeader(DocumentHeaders.DOCUMENT_ID, admission.documentId());
        exchange.getMessage().setHeader(DocumentHeaders.CORRELATION_ID, admission.correlationId());
        exchange.getMessage().setBody(admission);
    }
}
