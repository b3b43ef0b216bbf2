package io.interchange.edi.outbound;

import java.time.Instant;

/**
 * An outbound document that a partner is to acknowledge, with the control numbers it was written
 * with (no leading zeros) and, once answered, the partner's verdict.
 *
 * @param setId      e.g. {@code 855}, {@code ORDRSP}
 * @param documentId the Interchange document it answers (its timeline shows the acknowledgement); may be null
 * @param ackStatus  null while unacknowledged
 */
public record SentDocument(long id, String partnerId, String setId, String fileName, String interchangeControlNumber,
        String groupControlNumber, String transactionControlNumber, String documentId, Instant sentAt,
        String ackStatus) {

    /** A control number as compared: partners may echo ours with leading zeros (ISA13 is always nine digits). */
    public static String normalize(String controlNumber) {
        if (controlNumber == null) {
            return null;
        }
        String stripped = controlNumber.strip().replaceFirst("^0+(?=.)", "");
        return stripped.isEmpty() ? null : stripped;
    }
}
