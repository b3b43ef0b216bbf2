package io.interchange.edi.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import io.interchange.edi.InterchangeHeader;
import io.interchange.partner.OwnIdentity;

/**
 * An X12 TA1 interchange acknowledgement rejecting a whole interchange (TA104 = R), or accepting
 * one whose trailer is at fault while its transactions went on (TA104 = E), alone in an
 * ISA/IEA envelope with no group (IEA01 = 0). Written by hand: it is two segments and has no
 * transaction set schema to validate against. The inbound delimiters are reused.
 * TA105 is the code of the envelope error at fault ({@link io.interchange.edi.EnvelopeError#x12()}):
 * 006 unknown sender, 021 group count, 025 duplicate control number...
 */
public final class Ta1Notice {

    private Ta1Notice() {
    }

    public static byte[] reject(InterchangeHeader inbound, OwnIdentity own, long controlNumber, String noteCode,
            LocalDateTime now) {
        return notice(inbound, own, controlNumber, "R", noteCode, now);
    }

    /** TA104 = E: the interchange is accepted, the error in its envelope noted. */
    public static byte[] acceptWithErrors(InterchangeHeader inbound, OwnIdentity own, long controlNumber,
            String noteCode, LocalDateTime now) {
        return notice(inbound, own, controlNumber, "E", noteCode, now);
    }

    private static byte[] notice(InterchangeHeader inbound, OwnIdentity own, long controlNumber, String acknowledgment,
            String noteCode, LocalDateTime now) {
        char e = inbound.delimiters().element();
        char s = inbound.delimiters().segment();
        String icn = String.format("%09d", controlNumber);
        Character repetition = inbound.delimiters().repetition();
        String isa11 = inbound.version().compareTo("00402") >= 0 && repetition != null ? repetition.toString() : "U";
        String isa = String.join(String.valueOf(e), "ISA", "00", pad("", 10), "00", pad("", 10),
                own.x12Qualifier(), pad(own.x12Id(), 15), inbound.senderQualifier(), pad(inbound.senderId(), 15),
                now.format(DateTimeFormatter.ofPattern("yyMMdd")), now.format(DateTimeFormatter.ofPattern("HHmm")),
                isa11, inbound.version(), icn, "0", inbound.isTest() ? "T" : "P",
                String.valueOf(inbound.delimiters().component()));
        String ta1 = String.join(String.valueOf(e), "TA1", inbound.controlNumber(), inbound.date(), inbound.time(), acknowledgment, noteCode);
        String iea = String.join(String.valueOf(e), "IEA", "0", icn);
        return (isa + s + "\n" + ta1 + s + "\n" + iea + s + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String pad(String value, int width) {
        return String.format("%-" + width + "s", value);
    }
}
