package io.interchange.edi;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.time.format.DateTimeFormatter;

/** ISA/GS/ST before and SE/GE/IEA after a transaction, one transaction per interchange. */
final class X12EnvelopeWriter implements EnvelopeWriter {

    private static final DateTimeFormatter ISA_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter GS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final String NO_AUTHORIZATION = " ".repeat(10);

    @Override
    public void begin(SegmentWriter out, OutboundEnvelope envelope, String setId) throws EDIStreamException {
        EDIStreamWriter isa = out.stax();
        Delimiters delimiters = envelope.delimiters();
        out.start("ISA");
        // ISA is fixed width: every element is written, padded, even the empty ones.
        isa.writeElement("00");
        isa.writeElement(NO_AUTHORIZATION);
        isa.writeElement("00");
        isa.writeElement(NO_AUTHORIZATION);
        isa.writeElement(envelope.senderQualifier());
        isa.writeElement(padRight(envelope.senderId(), 15));
        isa.writeElement(envelope.receiverQualifier());
        isa.writeElement(padRight(envelope.receiverId(), 15));
        isa.writeElement(envelope.timestamp().format(ISA_DATE));
        isa.writeElement(envelope.timestamp().format(TIME));
        isa.writeElement(isa11(envelope.interchangeVersion(), delimiters));
        isa.writeElement(envelope.interchangeVersion());
        isa.writeElement(zeroPad(envelope.interchangeControlNumber(), 9));
        isa.writeElement("0");
        isa.writeElement(envelope.test() ? "T" : "P");
        isa.writeElement(String.valueOf(delimiters.component()));
        out.end();
        String functionalId = envelope.functionalId() != null ? envelope.functionalId()
                : OutboundEnvelope.functionalIdFor(setId);
        out.segment("GS", functionalId, envelope.applicationSender(), envelope.applicationReceiver(),
                envelope.timestamp().format(GS_DATE), envelope.timestamp().format(TIME),
                envelope.groupControlNumber(), "X", envelope.version());
        out.startTransactionCount();
        out.segment("ST", setId, transactionControlNumber(envelope), envelope.implementationReference());
    }

    @Override
    public void end(SegmentWriter out, OutboundEnvelope envelope) throws EDIStreamException {
        out.segment("SE", Integer.toString(out.transactionSegments() + 1), transactionControlNumber(envelope));
        out.segment("GE", "1", envelope.groupControlNumber());
        out.segment("IEA", "1", zeroPad(envelope.interchangeControlNumber(), 9));
    }

    @Override
    public String[] controlVersion(OutboundEnvelope envelope) {
        return new String[] { envelope.interchangeVersion() };
    }

    /** ST02 is 4 to 9 characters; sequence numbers below 1000 are zero-padded as partners expect. */
    static String transactionControlNumber(OutboundEnvelope envelope) {
        return zeroPad(envelope.transactionControlNumber(), 4);
    }

    /** ISA11 became the repetition separator in 00402; before that it is the standards id "U". */
    private static String isa11(String isaVersion, Delimiters delimiters) {
        boolean repetitionCapable = isaVersion.compareTo("00402") >= 0;
        return repetitionCapable && delimiters.repetition() != null ? String.valueOf(delimiters.repetition()) : "U";
    }

    static String zeroPad(String number, int width) {
        if (number.length() >= width || !number.chars().allMatch(Character::isDigit)) {
            return number;
        }
        return "0".repeat(width - number.length()) + number;
    }

    private static String padRight(String value, int width) {
        return value.length() >= width ? value : value + " ".repeat(width - value.length());
    }
}
