package io.interchange.edi.outbound;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.edi.EdiTreeWriter;
import io.interchange.edi.OutboundEnvelope;
import io.interchange.edi.intake.ControlNumberSequence;
import io.interchange.edi.intake.EdiTracking;
import io.interchange.edi.intake.OrderMapping;
import io.interchange.edi.intake.OutboundDocument;
import io.interchange.edi.intake.PartnerOutbox;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.interchange.partner.OwnIdentity;
import io.interchange.partner.Partner;
import io.interchange.partner.PartnerDirectory;
import io.interchange.processing.NotYetException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 855 (X12) or ORDRSP (EDIFACT) answering a partner's order once the ERP has decided: the
 * lifecycle event (accepted with the ERP order number, or rejected with the reason) and the
 * canonical order it answers go through the partner's outbound mapping into an EDI tree, which
 * is written in a fresh envelope with the partner's next control numbers to its outbound folder,
 * and recorded with them in {@link SentDocuments} for the partner's acknowledgement.
 *
 * <p>Input of the mapping: {@code {"status": "accepted"|"rejected", "erpOrderNumber", "reason",
 * "date": "CCYYMMDD", "order": <canonical order>}}.
 */
public class OrderResponses {

    private static final Logger LOG = LoggerFactory.getLogger(OrderResponses.class);
    /** ISA13/GS06/ST02, UNB 0020/(UNG)/UNH 0062. */
    private static final List<String> ENVELOPE_NUMBERS = List.of("interchange", "group", "transaction");

    private final PartnerDirectory partners;
    private final EdiTracking tracking;
    private final ControlNumberSequence numbers;
    private final PartnerOutbox outbox;
    private final OrderMapping mapping;
    private final SentDocuments sent;
    private final EdiTreeWriter writer = new EdiTreeWriter();

    public OrderResponses(PartnerDirectory partners, EdiTracking tracking, ControlNumberSequence numbers,
            PartnerOutbox outbox, OrderMapping mapping, SentDocuments sent) {
        this.partners = partners;
        this.tracking = tracking;
        this.numbers = numbers;
        this.outbox = outbox;
        this.sent = sent;
        this.mapping = mapping;
    }

    public void respond(Exchange exchange) throws Exception {
        String documentId = exchange.getMessage().getHeader(DocumentHeaders.DOCUMENT_ID, String.class);
        JsonNode event = CanonicalJson.mapper().readTree(exchange.getMessage().getBody(String.class));
        EdiTracking.AdmittedTransaction origin = tracking.admitted(documentId).orElseThrow(() -> new NotYetException(
                "order " + documentId + " has no EDI origin recorded yet: its file's pass ended before recording it"
                        + " (a bus failover or a stop) and the file's next read records it"));
        if (origin.canonicalOrder() == null) {
            LOG.warn("Partner {}: order {} was admitted while the partner had no order-response mapping; no order"
                    + " response sent", origin.partnerId(), documentId);
            return;
        }
        Partner partner = partners.require(origin.partnerId());
        if (partner.mappings().orderResponse() == null) {
            return;
        }
        String type = event.path("type").asText();
        String status = type.endsWith(".accepted") ? "accepted" : "rejected";
        if (tracking.hasResponded(documentId, status)) {
            // a redelivery after a crash between the write and the commit, or a replayed dead letter
            LOG.info("Partner {}: order {} was already answered ({}); not written again", partner.id(), documentId, status);
            return;
        }
        JsonNode data = event.path("data");
        ObjectNode input = CanonicalJson.mapper().createObjectNode()
                .put("status", status)
                .put("date", LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE));
        if (data.hasNonNull("erpOrderNumber")) {
            input.put("erpOrderNumber", data.path("erpOrderNumber").asText());
        }
        if (data.hasNonNull("reason")) {
            input.put("reason", data.path("reason").asText());
        }
        input.set("order", CanonicalJson.mapper().readTree(origin.canonicalOrder()));
        ObjectNode tree = (ObjectNode) mapping.apply(partner.mappings().orderResponse(), input);

        OwnIdentity own = partners.current().own();
        boolean x12 = partner.standard() == Partner.Standard.X12;
        String setId = x12 ? "855" : "ORDRSP";
        String decision = input.path("status").asText();
        // the numbers are kept only if the response went out, and commit with its records: a stop
        // before the commit (a crash, a killed instance) writes it again with the same numbers
        long[] drawn = numbers.inTransaction(partner.id(), ENVELOPE_NUMBERS, draws -> {
            long[] values = draws.next(ENVELOPE_NUMBERS, taken -> {
                OutboundEnvelope envelope = x12
                        ? OutboundEnvelope.x12().sender(own.x12Qualifier(), own.x12Id())
                                .receiver(partner.x12().qualifier(), partner.x12().id())
                                .applicationIds(own.x12GroupId(), partner.x12().groupId())
                                .functionalId("PR").version(partner.version()).controlNumbers(taken[0], taken[1], taken[2]).build()
                        : OutboundEnvelope.edifact().sender(own.edifactQualifier(), own.edifactId())
                                .receiver(partner.edifact().qualifier(), partner.edifact().id())
                                .version(partner.version().charAt(0) + ":" + partner.version().substring(1) + ":UN")
                                .controlNumbers(taken[0], taken[1], taken[2]).build();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                writer.write(envelope, setId, tree, out);
                outbox.deliver(partner, new OutboundDocument(fileName(setId, taken[0], x12), out.toByteArray()));
                return taken;
            });
            String fileName = fileName(setId, values[0], x12);
            // the partner's 997/999/CONTRL will name these numbers (acknowledgement loop)
            sent.record(draws.connection(), partner.id(), setId, fileName, values[0], values[1], values[2], documentId);
            tracking.responded(draws.connection(), documentId, setId + " (" + decision + ") in outbound/" + fileName
                    + ", interchange " + values[0]);
            return values;
        });
        LOG.info("Partner {}: {} {} for order {} ({})", partner.id(), setId, drawn[0],
                input.path("order").path("header").path("externalOrderNumber").asText(), decision);
    }

    private static String fileName(String setId, long interchange, boolean x12) {
        return setId + "-" + interchange + (x12 ? ".x12" : ".edi");
    }
}
