package io.interchange.edi.outbound;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
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
import io.interchange.tracking.TrackingException;
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
            // an event announced again (its order delivered again after the ERP answer), a replayed dead
            // letter; a stop between the write and the commit recorded nothing and is written again here
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

        String setId = partner.standard() == Partner.Standard.X12 ? "855" : "ORDRSP";
        String decision = input.path("status").asText();
        Staged staged;
        try {
            staged = numbers.inTransaction(partner.id(), ENVELOPE_NUMBERS,
                    draws -> write(draws, documentId, decision, partner, setId, tree));
            outbox.deliverStaged(partner, staged.document());
        } catch (AnsweredMeanwhile e) {
            LOG.info("Partner {}: order {} was answered ({}) meanwhile by another copy of its event; not written again",
                    partner.id(), documentId, decision);
            return;
        }
        LOG.info("Partner {}: {} {} for order {} ({})", partner.id(), setId, staged.numbers()[0],
                input.path("order").path("header").path("externalOrderNumber").asText(), decision);
    }

    /**
     * On the control numbers' transaction: the response is staged and commits with its numbers and
     * records, and goes to outbound/ after the commit ({@link PartnerOutbox}); a stop before the
     * commit (a crash, a killed instance) leaves nothing, and the event's next delivery writes it
     * again with the same numbers; a stop after it leaves the staged file to the relay. Whether the
     * order was answered is looked at again once the numbers are held: two copies of its event on two
     * consumers queue up on them, and the second sees the first's record here.
     */
    private Staged write(ControlNumberSequence.Draws draws, String documentId, String decision, Partner partner,
            String setId, ObjectNode tree) throws SQLException {
        OwnIdentity own = partners.current().own();
        boolean x12 = partner.standard() == Partner.Standard.X12;
        Staged staged = draws.next(ENVELOPE_NUMBERS, taken -> {
            answeredMeanwhile(draws, documentId, decision);
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
            OutboundDocument document = new OutboundDocument(fileName(setId, taken[0], x12), out.toByteArray());
            // to outbound/ once these numbers are committed (PartnerOutbox: staged, then delivered)
            outbox.stage(draws.connection(), partner, document);
            return new Staged(taken, document);
        });
        long[] values = staged.numbers();
        String fileName = staged.document().fileName();
        // the partner's 997/999/CONTRL will name these numbers (acknowledgement loop)
        sent.record(draws.connection(), partner.id(), setId, fileName, values[0], values[1], values[2], documentId);
        tracking.responded(draws.connection(), documentId, setId + " (" + decision + ") in outbound/" + fileName
                + ", interchange " + values[0]);
        return staged;
    }

    /** A response staged on the numbers' transaction: its ISA13/GS06/ST02 (UNB/UNH) and its file. */
    private record Staged(long[] numbers, OutboundDocument document) {
    }

    private void answeredMeanwhile(ControlNumberSequence.Draws draws, String documentId, String decision) {
        try {
            if (tracking.hasResponded(draws.connection(), documentId, decision)) {
                throw new AnsweredMeanwhile();
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot read the order responses of " + documentId, e);
        }
    }

    private static String fileName(String setId, long interchange, boolean x12) {
        return setId + "-" + interchange + (x12 ? ".x12" : ".edi");
    }

    /** Another copy of the order's event wrote its response while this one waited for the numbers. */
    private static final class AnsweredMeanwhile extends RuntimeException {

        AnsweredMeanwhile() {
            super(null, null, false, false);
        }
    }
}
