package io.interchange.edi;

import io.xlate.edi.stream.EDIStreamException;
import java.time.format.DateTimeFormatter;

/** UNA/UNB/[UNG]/UNH before and UNT/[UNE]/UNZ after a message, one message per interchange. */
final class EdifactEnvelopeWriter implements EnvelopeWriter {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    @Override
    public void begin(SegmentWriter out, OutboundEnvelope envelope, String setId) throws EDIStreamException {
        // UNA is optional with default service characters, but always writing it means the
        // partner never has to guess them.
        out.start("UNA");
        out.end();
        out.start("UNB");
        out.composite(envelope.syntaxIdentifier(), envelope.interchangeVersion());
        out.composite(envelope.senderId(), envelope.senderQualifier());
        out.composite(envelope.receiverId(), envelope.receiverQualifier());
        out.composite(date(envelope), envelope.timestamp().format(TIME));
        out.element(envelope.interchangeControlNumber());
        if (envelope.test()) {
            for (int i = 6; i <= 10; i++) {
                out.element(null);
            }
            out.element("1");
        }
        out.end();
        String[] version = envelope.version().split(":", -1);
        if (envelope.useGroup()) {
            out.start("UNG");
            out.element(envelope.functionalId() != null ? envelope.functionalId() : setId);
            out.composite(envelope.applicationSender(), envelope.senderQualifier());
            out.composite(envelope.applicationReceiver(), envelope.receiverQualifier());
            out.composite(date(envelope), envelope.timestamp().format(TIME));
            out.element(envelope.groupControlNumber());
            out.element(part(version, 2).isEmpty() ? "UN" : part(version, 2));
            out.composite(part(version, 0), part(version, 1));
            out.end();
        }
        out.startTransactionCount();
        out.start("UNH");
        out.element(envelope.transactionControlNumber());
        out.composite(setId, part(version, 0), part(version, 1), part(version, 2), part(version, 3));
        out.end();
    }

    @Override
    public void end(SegmentWriter out, OutboundEnvelope envelope) throws EDIStreamException {
        out.segment("UNT", Integer.toString(out.transactionSegments() + 1), envelope.transactionControlNumber());
        if (envelope.useGroup()) {
            out.segment("UNE", "1", envelope.groupControlNumber());
        }
        out.segment("UNZ", "1", envelope.interchangeControlNumber());
    }

    @Override
    public String[] controlVersion(OutboundEnvelope envelope) {
        return new String[] { envelope.syntaxIdentifier(), envelope.interchangeVersion() };
    }

    /** Syntax version 4 dates the interchange with the century, earlier versions without. */
    private static String date(OutboundEnvelope envelope) {
        return envelope.timestamp().format("4".equals(envelope.interchangeVersion()) ? LONG_DATE : SHORT_DATE);
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index] : "";
    }
}
