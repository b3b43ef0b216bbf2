package io.interchange.edi.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.interchange.partner.Partner;
import io.interchange.partner.PartnerDirectory;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refused file's reason, written as {@code <stored name>.reason.txt} into the error folder where
 * the file itself is about to be moved (our ops read it there) and into the partner's own
 * {@code outbound/}: a file that is not EDI, is empty or cannot be read gets no acknowledgement,
 * so this is the partner's answer.
 */
public class FileRefusal implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(FileRefusal.class);

    private final PartnerDirectory partners;
    private final PartnerOutbox outbox;
    private final EdiMetrics metrics;

    public FileRefusal(PartnerDirectory partners, PartnerOutbox outbox, EdiMetrics metrics) {
        this.partners = partners;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        String partnerId = exchange.getMessage().getHeader("partnerId", String.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String stored = exchange.getMessage().getHeader("ediStoredName", String.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown failure" : cause.getMessage();
        String text = "File: " + fileName + "\nPartner: " + partnerId + "\nRefused at: " + Instant.now()
                + "\nReason: " + reason + "\n";
        LOG.warn("Partner {} file {} refused, moved to the error folder: {}", partnerId, fileName, reason);
        metrics.file(partnerId, "refused");
        Partner partner = partners.require(partnerId);
        outbox.reason(partner, stored + ".reason.txt", text);
        outbox.deliver(partner, new OutboundDocument(stored + ".reason.txt", text.getBytes(StandardCharsets.UTF_8)));
    }
}
