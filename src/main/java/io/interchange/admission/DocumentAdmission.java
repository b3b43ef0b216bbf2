package io.interchange.admission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import io.interchange.api.ConflictingContent;
import io.interchange.broker.BusTransaction;
import io.interchange.model.CanonicalDocument;
import io.interchange.model.CanonicalJson;
import io.interchange.model.ContentFingerprint;
import io.interchange.model.DocumentHeaders;
import io.interchange.observe.DocumentMetrics;
import io.interchange.tracking.Admission;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.NewDocument;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Admits a canonical document of any type (order, cancellation) for one intake channel: gives it its
 * ids, registers its business key and has it sent persistently to the bus, before the sender gets an
 * answer. The send is the intake route's own step, between the two halves here:
 * <pre>
 * - bean: { ref: restOrderAdmission, method: track }     # new (goes on the bus), known (200) or conflict (409)
 * - filter: ${exchangeProperty.interchangeNewDocument}
 *     - process: { ref: ordersBusSend }                  # durable on the bus first (the broker confirmed it)
 *     - bean: { ref: restOrderAdmission, method: commit } # then the row, in a short transaction
 * </pre>
 * A business key seen before is not sent again; the sender gets the original document id, or a 409
 * naming it when the content differs from the original's ({@link ContentFingerprint}). No database
 * connection is held while the broker makes the document durable (see
 * {@link DocumentTracker#record} for why the row follows the send).
 */
public class DocumentAdmission {

    /** Exchange property: true when {@link #track} found the document new, so it goes on the bus. */
    public static final String NEW_DOCUMENT = "interchangeNewDocument";
    private static final String ROW = "interchangeAdmissionRow";
    private static final String DOCUMENT = "interchangeAdmittedDocument";

    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final DocumentTracker tracker;
    private final DocumentMetrics metrics;
    private final String channel;

    /** @param channel the intake channel this admission serves ({@code rest}, {@code edi}, {@code webhook}) */
    public DocumentAdmission(DocumentTracker tracker, DocumentMetrics metrics, String channel) {
        this.tracker = tracker;
        this.metrics = metrics;
        this.channel = channel;
    }

    /**
     * In: body a {@link CanonicalDocument}. A new document leaves this step as the message the bus
     * gets (its canonical JSON, its identity as the only headers) with {@link #NEW_DOCUMENT} set; its
     * row is recorded in {@link #commit}, after the send. A known one leaves as its {@link Admission},
     * as after {@link #commit}.
     */
    public void track(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        CanonicalDocument posted = message.getMandatoryBody(CanonicalDocument.class);
        String correlationId = firstSafe(message.getHeader(DocumentHeaders.HTTP_CORRELATION_ID, String.class),
                posted.correlationId());
        CanonicalDocument document = posted.withIdentity(UUID.randomUUID().toString(), correlationId, channel);
        NewDocument row = new NewDocument(document.documentId(), correlationId, document.documentType(),
                document.businessKey(), Instant.now(), ContentFingerprint.of(document));
        Optional<Admission> known = tracker.known(row);
        exchange.setProperty(NEW_DOCUMENT, known.isEmpty());
        if (known.isPresent()) {
            answer(exchange, document, known.get());
            return;
        }
        exchange.setProperty(ROW, row);
        exchange.setProperty(DOCUMENT, document);
        // only the document's identity goes on the bus with it: never the sender's HTTP headers
        message.removeHeaders("*");
        message.setHeaders(busHeaders(row));
        message.setBody(CanonicalJson.mapper().writeValueAsString(document));
    }

    /**
     * After the send to the bus: the row is recorded and the body becomes the {@link Admission}. A
     * concurrent admission of the same key that recorded first makes this one its duplicate (or a
     * conflict), as if {@link #track} had found it.
     */
    public void commit(Exchange exchange) {
        NewDocument row = exchange.getProperty(ROW, NewDocument.class);
        if (row == null) {
            throw new IllegalStateException("No admission under way on exchange " + exchange.getExchangeId());
        }
        answer(exchange, exchange.getProperty(DOCUMENT, CanonicalDocument.class), tracker.record(row, "received over " + channel));
    }

    private void answer(Exchange exchange, CanonicalDocument document, Admission admission) {
        metrics.received(channel, document.source().partnerId(), outcome(admission));
        if (admission.conflicting()) {
            throw ConflictingContent.refusal(document.documentType(), document.businessKey(), admission);
        }
        Message message = exchange.getMessage();
        message.setHeader(DocumentHeaders.DOCUMENT_ID, admission.documentId());
        message.setHeader(DocumentHeaders.CORRELATION_ID, admission.correlationId());
        message.setBody(admission);
    }

    /**
     * Admits several documents of this channel at once, a file intake's batch: the new ones are sent
     * with {@code send} (body, headers) in one transaction of {@code bus} and registered in one
     * transaction of the tracking store; the sender of a file waits for the batch, not each order.
     *
     * @return the admission of each document, in the order given
     */
    public List<Admission> admitAll(List<? extends CanonicalDocument> posted, BusTransaction bus,
            BiConsumer<String, Map<String, Object>> send) throws Exception {
        List<NewDocument> rows = new ArrayList<>(posted.size());
        Map<String, String> bodies = new HashMap<>();
        Instant receivedAt = Instant.now();
        for (CanonicalDocument each : posted) {
            String correlationId = firstSafe(each.correlationId());
            CanonicalDocument document = each.withIdentity(UUID.randomUUID().toString(), correlationId, channel);
            String documentId = document.documentId();
            rows.add(new NewDocument(documentId, correlationId, document.documentType(), document.businessKey(), receivedAt));
            bodies.put(documentId, CanonicalJson.mapper().writeValueAsString(document));
        }
        List<Admission> admissions = tracker.admitAll(rows, "received over " + channel, fresh -> bus.run(() ->
                fresh.forEach(row -> send.accept(bodies.get(row.documentId()), busHeaders(row)))));
        for (int i = 0; i < posted.size(); i++) {
            metrics.received(channel, posted.get(i).source().partnerId(), outcome(admissions.get(i)));
        }
        return admissions;
    }

    /** How an admission is counted: received, duplicate (a retry) or conflict (other content, refused). */
    static String outcome(Admission admission) {
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

    /** The sender's correlation id if it is a sane token (it ends up in logs and headers), else a new one. */
    static String firstSafe(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && SAFE_CORRELATION_ID.matcher(candidate).matches()) {
                return candidate;
            }
        }
        return UUID.randomUUID().toString();
    }
}
