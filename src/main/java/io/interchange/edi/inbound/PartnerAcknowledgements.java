package io.interchange.edi.inbound;

import java.util.List;

import io.interchange.edi.EdiStandard;
import io.interchange.edi.EdiTransaction;
import io.interchange.edi.outbound.SentDocument;
import io.interchange.edi.outbound.SentDocuments;
import io.interchange.partner.Partner;
import io.interchange.tracking.DocumentTimeline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the loop on what we sent: a 997, 999 or CONTRL from a partner is read, matched to our
 * documents by control number, each matched document gets the verdict and an
 * {@code acknowledged-by-partner} hop on its timeline, and every verdict is kept, matched or not.
 * An acknowledgement that names nothing we sent is logged and kept, never refused or retried: the
 * partner did nothing a resend would fix. Counted in
 * {@code interchange_edi_partner_acknowledgements_total{partner,outcome}} (matched, unknown).
 * The acknowledgement itself is never acknowledged back ({@link #answersNothing}).
 */
public class PartnerAcknowledgements {

    public static final String STEP = "acknowledged-by-partner";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerAcknowledgements.class);

    private final PartnerAcknowledgementReader reader = new PartnerAcknowledgementReader();
    private final PartnerAcknowledgementMatcher matcher = new PartnerAcknowledgementMatcher();
    private final SentDocuments sent;
    private final ReceivedAcknowledgements received;
    private final DocumentTimeline timeline;
    private final MeterRegistry meters;

    public PartnerAcknowledgements(SentDocuments sent, ReceivedAcknowledgements received, DocumentTimeline timeline,
            MeterRegistry meters) {
        this.sent = sent;
        this.received = received;
        this.timeline = timeline;
        this.meters = meters;
    }

    /** Whether a transaction set is an acknowledgement, to be taken in here rather than mapped as an order. */
    public static boolean handles(String setId) {
        return PartnerAcknowledgementReader.isAcknowledgement(setId);
    }

    /** A group or interchange that held only acknowledgements gets no acknowledgement back. */
    public static boolean answersNothing(List<String> setIds) {
        return !setIds.isEmpty() && setIds.stream().allMatch(PartnerAcknowledgements::handles);
    }

    /** Takes in one acknowledgement transaction of a partner's file. */
    public void receive(Partner partner, String fileName, EdiTransaction transaction) {
        PartnerAcknowledgement ack = reader.read(transaction);
        if (received.alreadyReceived(partner.id(), fileName, ack)) {
            LOG.info("Partner {} file {}: {} {} already taken in", partner.id(), fileName, ack.type(), ack.controlNumber());
            return;
        }
        List<SentDocument> candidates = ack.standard() == EdiStandard.X12
                ? sent.inGroup(partner.id(), ack.groupReference())
                : sent.inInterchange(partner.id(), ack.interchangeReference());
        for (AcknowledgementMatch match : matcher.match(ack, candidates)) {
            received.record(partner.id(), fileName, ack, match);
            count(partner.id(), match.matched() ? "matched" : "unknown");
            if (!match.matched()) {
                LOG.warn("Partner {} file {}: {} {} acknowledges {} {}{}, which Interchange did not send; kept, not matched",
                        partner.id(), fileName, ack.type(), ack.controlNumber(),
                        ack.standard() == EdiStandard.X12 ? "group" : "interchange", ack.reference(),
                        match.referencedTransaction() == null ? "" : " transaction " + match.referencedTransaction());
                continue;
            }
            SentDocument document = match.document();
            String detail = document.setId() + " " + document.transactionControlNumber() + " of interchange "
                    + document.interchangeControlNumber() + " (outbound/" + document.fileName() + ") "
                    + match.status().text() + " by partner: " + ack.type() + " " + ack.controlNumber() + " in file "
                    + fileName + " (" + match.codes() + ")";
            sent.acknowledge(document.id(), match.status().text(), detail);
            if (document.documentId() != null) {
                timeline.record(document.documentId(), STEP, match.status().outcome(), detail);
            }
            LOG.info("Partner {}: {}", partner.id(), detail);
        }
    }

    private void count(String partnerId, String outcome) {
        Counter.builder("interchange.edi.partner.acknowledgements")
                .description("Acknowledgements (997/999/CONTRL verdicts) received from partners, by whether they matched a sent document")
                .tag("partner", partnerId).tag("outcome", outcome).register(meters).increment();
    }
}
