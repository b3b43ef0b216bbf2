package io.interchange.edi.intake;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.interchange.edi.EdiException;
import io.interchange.edi.EdiInterchangeReader;
import io.interchange.edi.EdiWriteException;
import io.interchange.edi.NotEdiException;
import io.interchange.edi.inbound.PartnerAcknowledgements;
import io.interchange.partner.Partner;
import io.interchange.partner.PartnerDirectory;
import io.interchange.tracking.TrackingException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the SFTP intake route that need Java:
 * <ol>
 *   <li>{@link #read}: size limit, then stream the file through the EDI reader; each transaction is
 *       mapped as it is read and admitted in batches of a few hundred (one commit to the bus each),
 *       the acknowledgements are built (exchange property {@value #OUTCOME});</li>
 *   <li>{@link #acknowledge}: each acknowledgement is written with control numbers drawn for it and
 *       goes to the partner's {@code outbound/}; the numbers spent and the interchanges registered as
 *       received commit together once they are all there; the transactions are counted; a file with any
 *       rejection is then refused, so it lands in {@code error/} with the list of rejections beside
 *       it and in the partner's {@code outbound/}.</li>
 * </ol>
 * Broken EDI is answered at once (the read lock has already seen the file stop changing): there is
 * no waiting for a file "still being written". Failures that may pass (database, bus, SFTP server)
 * are {@link RetryLaterException}: the file stays in {@code inbound/} for the next poll, and the
 * business keys and the interchange register make the second pass admit nothing twice.
 */
public class EdiFileIntake {

    public static final String OUTCOME = "ediOutcome";
    private static final Logger LOG = LoggerFactory.getLogger(EdiFileIntake.class);

    private final PartnerDirectory partners;
    private final EdiInterchangeReader reader;
    private final FileRunServices services;
    private final PartnerOutbox outbox;
    private final OwnReceivers receivers;

    /**
     * @param receivers the receiver ids of this environment besides the registry's own identity
     * @param admissionBatch how many orders of a file go on the bus with one commit
     * @param partnerAcknowledgements takes in the partner's 997/999/CONTRL (the acknowledgement loop)
     */
    public EdiFileIntake(PartnerDirectory partners, EdiInterchangeReader reader, EdiOrderAdmission admission,
            EdiTracking tracking, InterchangeRegister register, ControlNumberSequence numbers, EdiMetrics metrics,
            PartnerOutbox outbox, OwnReceivers receivers, int admissionBatch,
            PartnerAcknowledgements partnerAcknowledgements) {
        this.partners = partners;
        this.reader = reader;
        this.services = new FileRunServices(admission, tracking, register, numbers, metrics, admissionBatch,
                partnerAcknowledgements);
        this.outbox = outbox;
        this.receivers = receivers;
    }

    public void read(Exchange exchange) {
        Partner partner = partners.require(exchange.getMessage().getHeader("partnerId", String.class));
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
        long modified = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class);
        if (length == 0) {
            throw new FileRefusedException("Not an EDI file: the file is empty (0 bytes).");
        }
        if (length > partner.maxFileBytes()) {
            throw new FileRefusedException("File of " + length + " bytes is over partner " + partner.id()
                    + "'s limit of " + partner.maxFileBytes() + " bytes; it was not read.");
        }
        FileRun run = new FileRun(partner, partners.current().own(), receivers, fileName,
                fileName + "|" + length + "|" + modified, services);
        FileOutcome outcome;
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            reader.read(in, run);
            outcome = run.outcome();
        } catch (NotEdiException e) {
            throw new FileRefusedException(e.getMessage() + ". Only X12 (ISA...) and EDIFACT (UNA/UNB...) files are accepted.", e);
        } catch (EdiException e) {
            throw new FileRefusedException("Unreadable EDI: " + e.getMessage(), e);
        } catch (TrackingException | CamelExecutionException e) {
            throw new RetryLaterException("cannot reach the database or the bus: " + e.getMessage(), e);
        } catch (RetryLaterException | FileRefusedException e) {
            throw e;
        } catch (Exception e) {
            throw new RetryLaterException("cannot read the file: " + e.getMessage(), e);
        } finally {
            run.close();
        }
        exchange.setProperty(OUTCOME, outcome);
    }

    public void acknowledge(Exchange exchange) {
        FileOutcome outcome = exchange.getProperty(OUTCOME, FileOutcome.class);
        Partner partner = partners.require(outcome.partnerId());
        List<String> rejections = new ArrayList<>(outcome.rejections());
        Set<String> kinds = new LinkedHashSet<>();
        outcome.acknowledgements().forEach(draft -> kinds.addAll(draft.kinds()));
        List<OutboundDocument> staged = new ArrayList<>();
        try {
            // the acknowledgements (staged), their control numbers and the registration of the
            // interchanges commit together, and only then go to outbound/: a stop before the commit
            // leaves nothing and the next pass does it all again, a stop after it finds the interchanges
            // registered and leaves the staged files to the relay (PartnerOutbox)
            services.numbers().inTransaction(partner.id(), kinds, draws -> {
                List<String> delivered = new ArrayList<>();
                for (AcknowledgementDraft draft : outcome.acknowledgements()) {
                    try {
                        delivered.add(draws.next(draft.kinds(), numbers -> {
                            OutboundDocument document = draft.write(numbers);
                            outbox.stage(draws.connection(), partner, document);
                            staged.add(document);
                            return document.fileName();
                        }));
                    } catch (EdiWriteException e) {
                        rejections.add("the " + draft.type() + " acknowledgement " + e.getMessage());
                    }
                }
                String sent = "in outbound/: " + String.join(", ", delivered);
                for (FileOutcome.ReceivedInterchange interchange : outcome.interchanges()) {
                    services.register().register(draws.connection(), partner.id(), interchange.controlNumber(),
                            outcome.fileName(), outcome.fileKey(), interchange.transactions());
                    services.tracking().acknowledged(draws.connection(), partner.id(), outcome.fileName(),
                            interchange.controlNumber(), sent);
                }
                return delivered;
            });
            staged.forEach(document -> outbox.deliverStaged(partner, document));
        } catch (TrackingException | CamelExecutionException e) {
            throw new RetryLaterException("acknowledgements not delivered: " + e.getMessage(), e);
        }
        LOG.info("Partner {} {}", partner.id(), outcome.summary());
        outcome.transactions().forEach((state, count) -> services.metrics().transactions(partner.id(), state, count));
        if (!rejections.isEmpty()) {
            throw new FileRefusedException(outcome.summary() + ":\n- " + String.join("\n- ", rejections));
        }
        services.metrics().file(partner.id(), "archived");
    }
}
